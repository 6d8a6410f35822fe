use crate::pool::Pool;

impl Drop for Pool {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

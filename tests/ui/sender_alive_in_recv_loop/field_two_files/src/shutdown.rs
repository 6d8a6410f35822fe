use crate::indexer::Indexer;

impl Drop for Indexer {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

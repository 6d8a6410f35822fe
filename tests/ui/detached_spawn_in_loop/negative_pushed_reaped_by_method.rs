// Near miss of positive_pushed_drained_at_shutdown.rs: a reaper method called on every
// accept takes finished handles out, so the collection holds only live connections; the
// drain at shutdown joins what is left.
use std::net::TcpListener;
use std::sync::Mutex;
use std::thread::{Builder, JoinHandle};

pub struct Acceptor {
    conns: Mutex<Vec<JoinHandle<()>>>,
}

impl Acceptor {
    pub fn accept_all(&self, listener: TcpListener) {
        for stream in listener.incoming().flatten() {
            self.reap();
            let h = Builder::new().spawn(move || drop(stream)).unwrap();
            self.conns.lock().unwrap().push(h);
        }
    }

    fn reap(&self) {
        self.conns.lock().unwrap().retain(|h| !h.is_finished());
    }

    pub fn close(&self) {
        for h in self.conns.lock().unwrap().drain(..) {
            let _ = h.join();
        }
    }
}

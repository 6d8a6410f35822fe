// The sender goes into a shared value built by a constructor of another file
// (`Shared::new(tx)` stores it in a field), behind `Arc`; the worker's handle and that value
// are fields of `Pool`, whose `drop` joins the worker while the sender is still alive.
mod shared;

use crossbeam_channel::unbounded;
use shared::Shared;
use std::sync::Arc;
use std::thread::{self, JoinHandle};

pub struct Pool {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl Pool {
    pub fn new() -> Pool {
        let (tx, rx) = unbounded::<u64>();
        let shared = Arc::new(Shared::new(tx));
        let worker = thread::spawn(move || {
            while let Ok(n) = rx.recv() {
                println!("{n}");
            }
        });
        Pool { shared, worker: Some(worker) }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

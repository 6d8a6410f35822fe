// Near miss of field_sender_in_shared_files: the constructor of the other file does not keep
// the sender (it sends a greeting and drops it), so the worker's loop ends and the join
// returns.
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
            w.join().unwrap();
        }
    }
}

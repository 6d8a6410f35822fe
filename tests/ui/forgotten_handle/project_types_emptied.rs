// A guard whose handle and sender were taken out and released before it is forgotten (to skip
// its logging `Drop`): nothing it holds leaks. Not reported.
use std::sync::mpsc::{channel, Sender};
use std::thread::JoinHandle;

struct Guard {
    tx: Option<Sender<()>>,
    worker: Option<JoinHandle<()>>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("guard dropped");
    }
}

fn start() -> Guard {
    let (tx, rx) = channel::<()>();
    let worker = std::thread::spawn(move || for _ in rx {});
    Guard { tx: Some(tx), worker: Some(worker) }
}

fn main() {
    let mut guard = start();
    drop(guard.tx.take());
    if let Some(h) = guard.worker.take() {
        h.join().unwrap();
    }
    std::mem::forget(guard);
}

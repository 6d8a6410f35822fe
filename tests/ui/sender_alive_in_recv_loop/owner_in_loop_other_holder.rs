// Near miss of a worker that owns its loop's sender: the value moved into the thread keeps a
// sender of *another* channel, and the loop's own sender was handed to a function in a
// statement of its own (not to the constructor of that value). Not reported.
use std::sync::mpsc::{self, Sender};
use std::thread;

pub struct Watcher {
    events: Sender<u32>,
}

impl Watcher {
    pub fn new(events: Sender<u32>) -> Self {
        Watcher { events }
    }
}

pub fn register(tx: Sender<u32>) {
    thread::spawn(move || tx.send(1).unwrap());
}

pub fn start() {
    let (other_tx, _other_rx) = mpsc::channel::<u32>();
    let (tx, rx) = mpsc::channel::<u32>();
    let w = Watcher::new(other_tx);
    register(tx);
    thread::spawn(move || {
        let _keep = w;
        for ev in rx {
            println!("{ev}");
        }
    });
}

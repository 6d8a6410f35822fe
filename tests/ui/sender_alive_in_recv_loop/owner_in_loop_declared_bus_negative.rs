//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// The near misses of `owner_in_loop_declared_bus.rs`: the watcher stays on the caller's side,
// or the struct keeps a receiver of the bus, not its sender.
use std::path::PathBuf;
use std::thread;

use my_bus::{Receiver, Sender};

pub struct FsWatcher {
    root: PathBuf,
    events: Sender<u32>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<u32>) -> Self {
        FsWatcher { root, events }
    }
}

pub struct Tap {
    replies: Option<Receiver<u32>>,
}

impl Tap {
    pub fn new(events: Sender<u32>, replies: Receiver<u32>) -> Tap {
        drop(events);
        Tap { replies: Some(replies) }
    }
}

fn apply(_ev: u32) {}

pub fn start_watcher(root: PathBuf) -> FsWatcher {
    let (tx, rx) = my_bus::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        while let Ok(ev) = rx.recv() {
            apply(ev)
        }
    });
    watcher
}

pub fn start_tap() {
    let (tx, rx) = my_bus::channel();
    let (_reply_tx, replies) = my_bus::channel::<u32>();
    let tap = Tap::new(tx, replies);
    thread::spawn(move || {
        let _keep = tap;
        while let Ok(ev) = rx.recv() {
            apply(ev)
        }
    });
}

//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// A project's own bus, declared with its endpoint types: a watcher that keeps the bus's
// sender in a field lives in the thread that waits for every sender to be gone.
use std::path::PathBuf;
use std::thread;

use my_bus::Sender;

pub struct FsWatcher {
    root: PathBuf,
    events: Sender<u32>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<u32>) -> Self {
        FsWatcher { root, events }
    }
}

fn apply(_ev: u32) {}

pub fn start_watcher(root: PathBuf) {
    let (tx, rx) = my_bus::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        while let Ok(ev) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
            apply(ev)
        }
    });
}

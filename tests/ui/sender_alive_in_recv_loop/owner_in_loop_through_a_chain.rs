// A worker that owns the sender its own loop waits on, where the constructor keeps the
// sender through another function of the crate: `new` passes it to `with_events`, which
// stores it in the value `new` returns.
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;

pub enum Event {
    Changed(PathBuf),
}

pub struct FsWatcher {
    root: PathBuf,
    events: Sender<Event>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<Event>) -> Self {
        Self::with_events(root, events)
    }

    fn with_events(root: PathBuf, events: Sender<Event>) -> Self {
        FsWatcher { root, events }
    }
}

fn apply(_ev: Event) {}

pub fn start_watcher(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        while let Ok(ev) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
            apply(ev)
        }
    });
}

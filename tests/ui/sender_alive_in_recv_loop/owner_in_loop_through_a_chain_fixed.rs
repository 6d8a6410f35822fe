// The fixed version: the constructor hands the sender to a function that sends one event
// and drops it (its summary: sends, drops), so the value `new` returns keeps no sender of
// the loop's channel, and the loop ends when the last sender is gone.
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;

pub enum Event {
    Changed(PathBuf),
}

pub struct FsWatcher {
    root: PathBuf,
    log: Option<Sender<Event>>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<Event>) -> Self {
        hello(&root, events);
        FsWatcher { root, log: None }
    }
}

fn hello(root: &PathBuf, events: Sender<Event>) {
    let _ = events.send(Event::Changed(root.clone()));
}

fn apply(_ev: Event) {}

pub fn start_watcher(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        while let Ok(ev) = rx.recv() {
            apply(ev)
        }
    });
}

// The fixed versions of `notify_watchers.rs`: the watcher is kept by its owner (returned,
// stored in a struct that is kept) or dropped.
use std::sync::mpsc;

use notify::RecommendedWatcher;

pub struct App {
    _watcher: RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
}

pub fn kept() -> App {
    let (tx, events) = mpsc::channel();
    let watcher = notify::recommended_watcher(tx).unwrap();
    App {
        _watcher: watcher,
        events,
    }
}

pub fn dropped(tx: mpsc::Sender<notify::Result<notify::Event>>) {
    let w = RecommendedWatcher::new(tx, notify::Config::default()).unwrap();
    drop(w);
}

pub fn returned() -> RecommendedWatcher {
    let (tx, _rx) = mpsc::channel();
    notify::recommended_watcher(tx).unwrap()
}

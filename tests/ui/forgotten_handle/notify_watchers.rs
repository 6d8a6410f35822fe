// notify watchers leaked: their watch thread, and the event sender it holds, live on; the
// channel's receiver never sees it close.
use std::sync::mpsc;

use notify::{RecommendedWatcher, Watcher};

pub fn forgotten() -> mpsc::Receiver<notify::Result<notify::Event>> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).unwrap();
    watcher
        .watch(std::path::Path::new("."), notify::RecursiveMode::Recursive)
        .unwrap();
    std::mem::forget(watcher); //~ WARN forgotten_handle
    rx
}

pub fn forgotten_new(tx: mpsc::Sender<notify::Result<notify::Event>>) {
    let w = RecommendedWatcher::new(tx, notify::Config::default()).unwrap();
    std::mem::forget(w); //~ WARN forgotten_handle
}

pub struct App {
    _watcher: RecommendedWatcher,
}

pub fn forgotten_app(watcher: RecommendedWatcher) {
    let app = App { _watcher: watcher };
    std::mem::forget(app); //~ WARN forgotten_handle
}

pub fn debounced() {
    let (tx, _rx) = mpsc::channel();
    let d = notify_debouncer_mini::new_debouncer(std::time::Duration::from_secs(1), tx).unwrap();
    Box::leak(Box::new(d)); //~ WARN forgotten_handle
}

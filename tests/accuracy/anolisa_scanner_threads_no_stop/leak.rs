// source: https://github.com/agentic-os-org/ANOLISA/pull/938
// expect: detached_infinite_loop
// what: background scanner threads loop for ever without looking at the running flag, outliving shutdown and holding the store

use std::sync::Arc;
use std::time::Duration;

pub struct Store;
impl Store {
    pub fn scan_stale(&self) {}
}

pub fn start_scanner(store: Arc<Store>) {
    std::thread::spawn(move || loop {
        store.scan_stale();
        std::thread::sleep(Duration::from_secs(60));
    });
}

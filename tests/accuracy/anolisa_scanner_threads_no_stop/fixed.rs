// fixed version of ../anolisa_scanner_threads_no_stop/leak.rs

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub struct Store;
impl Store {
    pub fn scan_stale(&self) {}
}

pub fn start_scanner(store: Arc<Store>, running: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while running.load(Ordering::Relaxed) {
            store.scan_stale();
            std::thread::sleep(Duration::from_secs(1));
        }
    });
}

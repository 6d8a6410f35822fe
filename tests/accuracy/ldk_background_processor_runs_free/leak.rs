// source: https://github.com/lightningdevkit/rust-lightning/pull/1007
// expect: none (known miss: no lint yet for a type that holds a thread handle and a stop flag but has no `Drop` that uses them)
// what: dropping the background processor without calling `stop` leaves its thread running free

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

pub struct BackgroundProcessor {
    stop_thread: Arc<AtomicBool>,
    thread_handle: Option<JoinHandle<()>>,
}

impl BackgroundProcessor {
    pub fn start() -> Self {
        let stop_thread = Arc::new(AtomicBool::new(false));
        let stop = stop_thread.clone();
        let handle = std::thread::spawn(move || {
            while !stop.load(Ordering::Acquire) {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        });
        BackgroundProcessor { stop_thread, thread_handle: Some(handle) }
    }

    pub fn stop(mut self) {
        self.stop_thread.store(true, Ordering::Release);
        if let Some(h) = self.thread_handle.take() {
            let _ = h.join();
        }
    }
}

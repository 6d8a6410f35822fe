// fixed version of ../ldk_background_processor_runs_free/leak.rs

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

    fn stop_and_join(&mut self) {
        self.stop_thread.store(true, Ordering::Release);
        if let Some(h) = self.thread_handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for BackgroundProcessor {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

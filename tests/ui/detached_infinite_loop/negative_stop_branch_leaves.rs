// Near misses of positive_stop_branch_continues.rs: the stop branch leaves the loop (`break`,
// `return`), or only pauses while the loop still leaves on the signal elsewhere.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

fn work() {}

pub fn start(stop: Arc<AtomicBool>) {
    thread::spawn(move || loop {
        if stop.load(Ordering::Relaxed) {
            thread::sleep(Duration::from_millis(100));
            break;
        }
        work();
    });
}

pub fn start_task(token: tokio_util::sync::CancellationToken) {
    tokio::spawn(async move {
        loop {
            if token.is_cancelled() {
                return;
            }
            work();
        }
    });
}

pub fn paused(pause: Arc<AtomicBool>, stop: Arc<AtomicBool>) {
    thread::spawn(move || loop {
        if pause.load(Ordering::Relaxed) {
            thread::sleep(Duration::from_millis(100));
            continue;
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
        work();
    });
}

// A detached loop that checks its stop signal, but whose stop branch sleeps and goes round
// again (`continue`) instead of leaving: the check stops nothing, and the loop runs for ever.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

fn work() {}

pub fn start(stop: Arc<AtomicBool>) {
    thread::spawn(move || loop { //~ WARN detached_infinite_loop
        if stop.load(Ordering::Relaxed) {
            thread::sleep(Duration::from_millis(100));
            continue;
        }
        work();
    });
}

// tokio: a cancellation token checked the same way.
pub fn start_task(token: tokio_util::sync::CancellationToken) {
    tokio::spawn(async move {
        loop { //~ WARN detached_infinite_loop
            if token.is_cancelled() {
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            work();
        }
    });
}

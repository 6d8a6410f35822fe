// The fixed versions: the named functions watch a stop flag, or their handles are kept.
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

static STOP: AtomicBool = AtomicBool::new(false);

fn poll_until_stopped() {
    while !STOP.load(Ordering::Relaxed) {
        thread::sleep(Duration::from_millis(50));
    }
}

fn poll_forever() {
    loop {
        thread::sleep(Duration::from_millis(50));
    }
}

async fn watch_until(period: Duration, stop: Arc<AtomicBool>) {
    loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        tokio::time::sleep(period).await;
    }
}

fn start_thread<F: FnOnce() + Send + 'static>(name: &str, f: F) -> JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).expect("spawn")
}

fn detach_task<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}

pub fn by_name() {
    start_thread("poll", poll_until_stopped);
}

pub fn kept() -> JoinHandle<()> {
    start_thread("poll", poll_forever)
}

pub fn future_of_a_call(p: Duration, stop: Arc<AtomicBool>) {
    detach_task(watch_until(p, stop));
}

pub fn async_block_awaiting_it(p: Duration, stop: Arc<AtomicBool>) {
    detach_task(async move { watch_until(p, stop).await });
}

pub fn direct() {
    thread::spawn(poll_until_stopped);
}

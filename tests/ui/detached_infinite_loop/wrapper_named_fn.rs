// Named functions (not inline closures) handed to the project's spawn helpers, and named
// functions of this file spawned directly: the finding is at each spawn (where it is
// suppressed), labelled on the function's loop.
use std::future::Future;
use std::thread::{self, JoinHandle};
use std::time::Duration;

fn poll_forever() {
    loop {
        thread::sleep(Duration::from_millis(50));
    }
}

async fn watch_forever(period: Duration) {
    loop {
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
    start_thread("poll", poll_forever); //~ WARN detached_infinite_loop
}

pub fn closure_calling_it() {
    let _ = start_thread("poll", || poll_forever()); //~ WARN detached_infinite_loop
}

pub fn future_of_a_call(p: Duration) {
    detach_task(watch_forever(p)); //~ WARN detached_infinite_loop
}

pub fn async_block_awaiting_it(p: Duration) {
    detach_task(async move { watch_forever(p).await }); //~ WARN detached_infinite_loop
}

pub fn direct_one() {
    thread::spawn(poll_forever); //~ WARN detached_infinite_loop
}

pub fn direct_two() {
    thread::spawn(poll_forever); //~ WARN detached_infinite_loop
}

pub fn direct_meant_as_daemon() {
    thread::spawn(poll_forever); // leaklint:allow(detached_infinite_loop) -- process-long poller
}

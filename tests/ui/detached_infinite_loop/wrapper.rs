// Work that loops for ever, handed to the project's own spawn helpers.
use std::future::Future;
use std::thread::{self, JoinHandle};
use std::time::Duration;

fn tick() {}

/// Returns the handle: the caller decides.
fn spawn_named<F: FnOnce() + Send + 'static>(name: &str, f: F) -> JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).expect("spawn")
}

/// Drops the handle itself.
fn spawn_task<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}

/// A wrapper of a wrapper.
fn spawn_worker<F: FnOnce() + Send + 'static>(f: F) {
    spawn_named("worker", f);
}

struct Pool;

impl Pool {
    fn detach<F: FnOnce() + Send + 'static>(f: F) {
        let _ = thread::spawn(f);
    }

    fn start(&self) {
        Self::detach(|| loop { //~ WARN detached_infinite_loop
            tick();
        });
    }
}

pub fn start_ticker() {
    spawn_named("ticker", || loop { //~ WARN detached_infinite_loop
        tick();
        thread::sleep(Duration::from_secs(1));
    });
}

pub fn start_refresh() {
    spawn_task(async {
        loop { //~ WARN detached_infinite_loop
            tick();
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

pub fn start_worker() {
    spawn_worker(move || loop { //~ WARN detached_infinite_loop
        tick();
    });
}

pub fn start_dropped_later() {
    let handle = spawn_named("late", || loop { //~ WARN detached_infinite_loop
        tick();
    });
    drop(handle);
}

// The fixed versions: the helpers' handles are kept and joined, the loops can stop, and
// helpers that run their closure in place are not spawns.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

fn tick() {}

fn spawn_named<F: FnOnce() + Send + 'static>(name: &str, f: F) -> JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).expect("spawn")
}

/// Joins before returning: not detached.
fn run_joined<F: FnOnce() + Send + 'static>(f: F) {
    thread::spawn(f).join().unwrap();
}

/// Runs the closure here.
fn retry<F: FnMut()>(mut f: F) {
    f();
}

pub fn kept_and_joined() -> thread::Result<()> {
    let handle = spawn_named("ticker", || loop {
        tick();
    });
    handle.join()
}

pub fn returned_to_the_caller() -> JoinHandle<()> {
    spawn_named("ticker", || loop {
        tick();
    })
}

pub fn stoppable(stop: Arc<AtomicBool>) {
    spawn_named("ticker", move || loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        tick();
    });
}

pub fn joined_helper() {
    run_joined(|| loop {
        tick();
    });
}

pub fn not_a_spawn() {
    retry(|| loop {
        tick();
    });
}

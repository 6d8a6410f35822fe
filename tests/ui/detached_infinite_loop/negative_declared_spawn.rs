//@ config: [apis]
//@ config: spawn = ["crate::util::spawn_named", { path = "my_rt::Runtime::spawn_worker", runs = "thread" }]
//@ config: spawn-joinable = ["my_pool::start_worker"]
// Near misses of positive_declared_spawn.rs: each loop has a way out, or the handle is joined.
use std::sync::atomic::{AtomicBool, Ordering};

mod util {
    pub fn spawn_named<F: FnOnce() + Send + 'static>(_name: &str, f: F) {
        let _ = f;
    }
}

fn named(stop: &'static AtomicBool) {
    util::spawn_named("poller", move || loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
    });
}

fn on_a_runtime(rt: my_rt::Runtime, stop: &'static AtomicBool) {
    rt.spawn_worker(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    });
}

fn joinable_joined(stop: &'static AtomicBool) {
    let h = my_pool::start_worker(move || loop {
        if stop.load(Ordering::Relaxed) {
            return;
        }
    });
    h.join().unwrap();
}

fn poll_until(stop: &'static std::sync::atomic::AtomicBool) {
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        std::thread::yield_now();
    }
}

fn named_fn_that_ends(stop: &'static std::sync::atomic::AtomicBool) {
    util::spawn_named("poller", move || poll_until(stop));
}

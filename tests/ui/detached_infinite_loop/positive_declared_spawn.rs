//@ config: [apis]
//@ config: spawn = ["crate::util::spawn_named", { path = "my_rt::Runtime::spawn_worker", runs = "thread" }]
//@ config: spawn-joinable = ["my_pool::start_worker"]
// Work started through a project's declared spawns that can never return.
mod util {
    pub fn spawn_named<F: FnOnce() + Send + 'static>(_name: &str, f: F) {
        let _ = f;
    }
}

fn named() {
    util::spawn_named("poller", || loop { //~ WARN detached_infinite_loop
        std::thread::yield_now();
    });
}

fn on_a_runtime(rt: my_rt::Runtime) {
    rt.spawn_worker(|| loop { //~ WARN detached_infinite_loop
        std::thread::sleep(std::time::Duration::from_secs(1));
    });
}

fn joinable_dropped() {
    let _ = my_pool::start_worker(|| loop { //~ WARN detached_infinite_loop
        std::thread::yield_now();
    });
}

fn poll_forever() {
    loop {
        std::thread::yield_now();
    }
}

fn named_fn() {
    // The work is a function of this file, after a name argument.
    util::spawn_named("poller", poll_forever); //~ WARN detached_infinite_loop
}

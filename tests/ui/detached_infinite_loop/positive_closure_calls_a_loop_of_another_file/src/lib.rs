// The spawned closure calls a function of another file that loops for ever; that file has
// no spawn in it, so the pre-filter alone would skip it (a fresh user's report).
mod worker;

pub fn start() {
    std::thread::spawn(|| worker::run()); //~ WARN detached_infinite_loop
}

pub fn start_named(name: String) {
    std::thread::spawn(move || worker::run_named(name)); //~ WARN detached_infinite_loop
}

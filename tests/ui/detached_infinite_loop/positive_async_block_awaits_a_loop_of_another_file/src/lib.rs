// The spawned async block only awaits a function of another file that loops for ever. This
// file has no loop of its own: the pre-filter lets it through because the spawn's work
// names a function (the block is one call, with or without a `;` after it).
mod worker;

pub fn start(n: u8) {
    tokio::spawn(async move { worker::run(n).await; }); //~ WARN detached_infinite_loop
}

pub fn start_bare() {
    tokio::spawn(async { worker::tick().await }); //~ WARN detached_infinite_loop
}

pub fn start_thread(name: String) {
    std::thread::spawn(move || { worker::poll(name) }); //~ WARN detached_infinite_loop
}

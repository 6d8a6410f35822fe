// No spawn is named here: the helper is another file's.
use crate::util::spawn_named;

fn tick() {}

pub fn start_ticker() {
    spawn_named("ticker", || loop { //~ WARN detached_infinite_loop
        tick();
    });
}

pub fn start_ticker_kept() -> std::thread::JoinHandle<()> {
    super::util::spawn_named("ticker", || loop {
        tick();
    })
}

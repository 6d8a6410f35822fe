// Work handed to a spawn helper of another file as a function of a third file, also under a
// renamed import: only the helper's file names a known spawn.
mod clock;
mod rt;

use clock::tick_loop as ticker;
use std::time::Duration;

pub fn start_clock() {
    rt::spawn_detached("clock", clock::tick_loop); //~ WARN detached_infinite_loop
}

pub fn start_renamed() {
    rt::spawn_detached("clock", || ticker()); //~ WARN detached_infinite_loop
}

pub fn start_refresh(p: Duration) {
    rt::spawn_bg(clock::refresh_loop(p)); //~ WARN detached_infinite_loop
}

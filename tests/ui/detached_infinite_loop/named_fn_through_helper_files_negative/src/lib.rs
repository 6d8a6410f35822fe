// The fixed version: the functions handed to the helpers stop when asked.
mod clock;
mod rt;

use clock::tick_until as ticker;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

pub fn start_clock(stop: Arc<AtomicBool>) {
    rt::spawn_detached("clock", move || clock::tick_until(stop));
}

pub fn start_renamed(stop: Arc<AtomicBool>) {
    rt::spawn_detached("clock", move || ticker(stop));
}

pub fn start_refresh(p: Duration, stop: Arc<AtomicBool>) {
    rt::spawn_bg(clock::refresh_until(p, stop));
}

// A crate whose spawned functions and spawn helper live in other files.
mod refresh;
mod ticker;
pub mod util;
mod worker;

use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::thread;

use refresh::refresh_once;

pub struct Routes;

impl Routes {
    pub async fn reload(&self) {}
}

pub fn on_config_reload(t: Arc<Routes>) {
    tokio::spawn(refresh::refresh_routes(t)); //~ WARN detached_infinite_loop
}

pub fn start_workers(rx: Receiver<u8>) {
    thread::spawn(worker::run_forever); //~ WARN detached_infinite_loop
    let _ = thread::spawn(move || crate::worker::poll_forever(7)); //~ WARN detached_infinite_loop
    // Ends when every sender is gone: not endless.
    thread::spawn(move || worker::drain(rx));
}

pub async fn reload_once(t: Arc<Routes>) {
    // Returns: not endless.
    tokio::spawn(refresh_once(t.clone()));
    // Kept and aborted: not detached.
    let h = tokio::spawn(refresh::refresh_routes(t.clone()));
    h.abort();
    // Dropped at once, but a smol task is cancelled when its handle is dropped: the loop
    // of the other file stops with it.
    let _ = smol::spawn(refresh::refresh_routes(t.clone()));
}

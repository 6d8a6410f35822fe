// The fixed version: each task's handle goes to the caller, who can abort it; the thread's
// loop ends when its stop flag is set.
mod worker;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub fn start(n: u8) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { worker::run(n).await; })
}

pub fn start_bare() -> tokio::task::JoinHandle<()> {
    tokio::spawn(async { worker::tick().await })
}

pub fn start_thread(name: String, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || { worker::poll(name, stop) });
}

mod net;
pub mod tasks;

pub use tasks::detach as spawn_detached;

use std::sync::mpsc::Receiver;

pub struct Service {
    pub name: String,
    jobs: Option<std::sync::mpsc::Sender<u8>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Service {
    pub fn start(rx: Receiver<u8>) {
        std::thread::spawn(move || net::drain(rx));
        Self::helper();
    }

    fn helper() {
        spawn_detached(|| loop {});
    }
}

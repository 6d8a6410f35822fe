// fixed version of ../sandhole_session_queue_never_consumed/leak.rs

use std::collections::HashMap;
use tokio::sync::mpsc::{channel, Receiver, Sender};

#[derive(Default)]
pub struct Sessions {
    waiting: HashMap<u64, Receiver<Vec<u8>>>,
}

impl Sessions {
    pub fn register(&mut self, client: u64) -> Sender<Vec<u8>> {
        let (tx, rx) = channel(32);
        self.waiting.insert(client, rx);
        tx
    }

    pub fn open(&mut self, client: u64) -> Option<Receiver<Vec<u8>>> {
        self.waiting.remove(&client)
    }

    pub fn expire(&mut self, client: u64) {
        self.waiting.remove(&client);
    }
}

// source: https://github.com/EpicEric/sandhole/issues/24
// expect: receiver_never_read (known miss: the receiver is stored in a map and read only if the client opens a session, in another method)
// what: messages for a client queue up in an unbounded channel that is never consumed when the client opens no session

use std::collections::HashMap;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

#[derive(Default)]
pub struct Sessions {
    waiting: HashMap<u64, UnboundedReceiver<Vec<u8>>>,
}

impl Sessions {
    pub fn register(&mut self, client: u64) -> UnboundedSender<Vec<u8>> {
        let (tx, rx) = unbounded_channel();
        self.waiting.insert(client, rx);
        tx
    }

    pub fn open(&mut self, client: u64) -> Option<UnboundedReceiver<Vec<u8>>> {
        self.waiting.remove(&client)
    }
}

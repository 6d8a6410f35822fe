// The request side in one file, the loop that completes the replies in another: the loop
// ends when its stream does and leaves the senders still waiting in the map.
mod reader;

use std::collections::HashMap;
use tokio::sync::{oneshot, Mutex};

pub struct Reply;

pub struct Client {
    pending: Mutex<HashMap<u64, oneshot::Sender<Reply>>>,
}

impl Client {
    pub async fn call(&self, id: u64) -> Result<Reply, oneshot::error::RecvError> {
        let (tx, rx) = oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await //~ WARN parked_reply_sender
    }
}

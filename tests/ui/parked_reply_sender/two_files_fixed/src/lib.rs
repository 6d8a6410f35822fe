// The fixed version of `two_files`: the loop clears the map when its stream ends, which
// drops the senders and ends every wait with an error.
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
        rx.await 
    }
}

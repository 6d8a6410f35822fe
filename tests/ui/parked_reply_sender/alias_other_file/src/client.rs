// The map field is declared through a type alias of another file (`types::Pending`, an
// alias of an alias): it is still a map that keeps the parked senders, and the loop that
// completes them ends with its input and leaves them there.
use crate::types::{Pending, Reply};

pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

pub struct Client {
    pending: Pending,
}

impl Client {
    pub async fn call(&self, id: u64) -> Reply {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.unwrap() //~ WARN parked_reply_sender
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

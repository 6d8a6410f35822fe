// The map is declared through type aliases of the file (`type Pending = ..`, an alias of an
// alias): the field is still a map that keeps the parked senders.
use std::collections::HashMap;

pub struct Reply;
pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

type Waiters = HashMap<u64, tokio::sync::oneshot::Sender<Reply>>;
type Pending = tokio::sync::Mutex<Waiters>;

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

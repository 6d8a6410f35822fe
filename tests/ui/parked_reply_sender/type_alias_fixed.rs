// Fixed: the map behind the aliases is cleared when the loop ends, which drops the senders
// and ends every wait.
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
        rx.await.unwrap()
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
        self.pending.lock().await.clear();
    }
}

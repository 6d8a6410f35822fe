use futures::StreamExt;

use crate::{Client, Reply};

impl Client {
    pub async fn read_loop(&self, mut frames: impl futures::Stream<Item = (u64, Reply)> + Unpin) {
        while let Some((id, reply)) = frames.next().await {
            if let Some(tx) = self.pending.lock().await.remove(&id) {
                let _ = tx.send(reply);
            }
        }
    }
}

// fixed version of ../futures_intrusive_oneshot_parked_in_channel/leak.rs

use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

pub struct Handle {
    requests: mpsc::Sender<oneshot::Sender<u64>>,
}

impl Handle {
    pub async fn query(&self) -> Option<u64> {
        let (tx, rx) = oneshot::channel();
        self.requests.send(tx).await.ok()?;
        tokio::time::timeout(Duration::from_secs(5), rx).await.ok()?.ok()
    }
}

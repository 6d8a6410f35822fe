// source: https://github.com/Matthias247/futures-intrusive/pull/47
// expect: recv_without_sender (known miss: the oneshot sender is parked in a channel buffer that a failed driver never drains)
// what: a handle sends reply senders to a driver; when the driver dies the senders stay buffered and the caller waits for ever

use tokio::sync::{mpsc, oneshot};

pub struct Handle {
    requests: mpsc::Sender<oneshot::Sender<u64>>,
}

impl Handle {
    pub async fn query(&self) -> Option<u64> {
        let (tx, rx) = oneshot::channel();
        self.requests.send(tx).await.ok()?;
        rx.await.ok()
    }
}

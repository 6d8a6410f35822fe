// The fixed versions of `positive.rs`: each near miss is not flagged.
use std::collections::HashMap;
use std::time::Duration;

pub struct Reply;
pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

// The map is cleared when the loop ends: every wait ends with an error.
pub struct Cleared {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl Cleared {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.ok()
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

// Drained instead.
pub struct Drained {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl Drained {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.ok()
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
        for (_, tx) in self.pending.lock().await.drain() {
            drop(tx);
        }
    }
}

// The wait is bounded by a timeout.
pub struct TimedOut {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl TimedOut {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        tokio::time::timeout(Duration::from_secs(5), rx).await.ok()?.ok()
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// The cache drops an entry, and with it the sender, once its time to live is over: not a
// collection that keeps what is inserted until it is removed.
pub struct Expiring {
    pending: moka::sync::Cache<u64, std::sync::mpsc::SyncSender<Reply>>,
}

impl Expiring {
    pub fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.pending.insert(id, tx);
        rx.recv().ok()
    }

    pub fn serve(&self, conn: std::sync::mpsc::Receiver<Frame>) {
        while let Ok(f) = conn.recv() {
            if let Some(tx) = self.pending.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// The sender is taken back when the request cannot be sent.
pub struct Retracted {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
    out: tokio::sync::mpsc::Sender<u64>,
}

impl Retracted {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        if self.out.send(id).await.is_err() {
            self.pending.lock().await.remove(&id);
            return None;
        }
        rx.await.ok()
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// The loop owns the value: when it ends, the map and every sender in it are dropped.
pub struct Owned {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl Owned {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.ok()
    }

    pub async fn read_loop(self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        while let Some(f) = frames.recv().await {
            if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// A loop that cannot end: nothing is left parked past it.
pub struct Forever {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl Forever {
    pub async fn call(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.ok()
    }

    pub async fn read_loop(&self, mut frames: tokio::sync::mpsc::Receiver<Frame>) {
        loop {
            if let Some(f) = frames.recv().await {
                if let Some(tx) = self.pending.lock().await.remove(&f.id) {
                    let _ = tx.send(f.reply);
                }
            }
        }
    }
}

// The loop's async block returns on an error by `?`, and the map is cleared after it.
pub struct ClearedAfterBlock {
    waiting: std::sync::Mutex<HashMap<u64, futures::channel::oneshot::Sender<Reply>>>,
}

async fn next_frame(_: &mut u32) -> Result<Frame, std::io::Error> {
    Ok(Frame { id: 0, reply: Reply })
}

impl ClearedAfterBlock {
    pub async fn request(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = futures::channel::oneshot::channel();
        self.waiting.lock().unwrap().insert(id, tx);
        rx.await.ok()
    }

    pub fn start(self: std::sync::Arc<Self>, mut conn: u32) {
        let this = self.clone();
        tokio::spawn(async move {
            let r: Result<(), std::io::Error> = async {
                loop {
                    let f = next_frame(&mut conn).await?;
                    if let Some(tx) = this.waiting.lock().unwrap().remove(&f.id) {
                        let _ = tx.send(f.reply);
                    }
                }
            }
            .await;
            this.waiting.lock().unwrap().clear();
            drop(r);
        });
    }
}

fn main() {}

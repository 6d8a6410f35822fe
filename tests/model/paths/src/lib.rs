// Reply senders parked in a map kept in a field, waited on without a timeout, while the
// loop that takes them out and completes them can end (its input closed, an error) and
// leave the rest in the map: those waits never end.
use std::collections::{BTreeMap, HashMap};
type Pending = tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>;
use std::sync::Arc;

pub struct Reply;
pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

// tokio oneshot, tokio Mutex, HashMap; the loop in another method ends with its stream.
pub struct Client {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
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
    }
}

// futures oneshot, std Mutex, BTreeMap; the loop runs in a task spawned by `start` and
// leaves its async block on an error by `?`.
pub struct Rpc {
    waiting: std::sync::Mutex<BTreeMap<u64, futures::channel::oneshot::Sender<Reply>>>,
}

async fn next_frame(_: &mut u32) -> Result<Frame, std::io::Error> {
    Ok(Frame { id: 0, reply: Reply })
}

impl Rpc {
    pub async fn request(&self, id: u64) -> Option<Reply> {
        let (tx, rx) = futures::channel::oneshot::channel();
        self.waiting.lock().unwrap().insert(id, tx);
        rx.await.ok()
    }

    pub fn start(self: Arc<Self>, mut conn: u32) {
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
            drop(r);
        });
    }
}

// A `sync_channel(1)` reply channel, parking_lot Mutex; a thread's loop ends when its
// connection closes.
pub struct Blocking {
    calls: parking_lot::Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
}

impl Blocking {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.calls.lock().insert(id, tx);
        rx.recv().unwrap()
    }

    pub fn serve(&self, conn: std::sync::mpsc::Receiver<Frame>) {
        while let Ok(f) = conn.recv() {
            if let Some(tx) = self.calls.lock().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

fn main() {}
// The map is cleared when the loop ends: every wait ends with an error.
pub struct Cleared {
    pending: Pending,
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

pub enum Cmd {
    Run(u32),
    Shutdown,
}

pub fn commands(rx: std::sync::mpsc::Receiver<Cmd>) {
    'outer: for cmd in &rx {
        loop {
            match cmd {
                Cmd::Run(_) => break 'outer,
                Cmd::Shutdown => return,
            }
        }
    }
}

// Reply senders parked in a map kept in a field, waited on without a timeout, while the
// loop that takes them out and completes them can end (its input closed, an error) and
// leave the rest in the map: those waits never end.
use std::collections::{BTreeMap, HashMap};
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
        rx.await.ok() //~ WARN parked_reply_sender
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
        rx.recv().unwrap() //~ WARN parked_reply_sender
    }

    pub fn serve(&self, conn: std::sync::mpsc::Receiver<Frame>) {
        while let Ok(f) = conn.recv() {
            if let Some(tx) = self.calls.lock().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// A stale sender under the same id is taken out before the new one is parked: that does
// not take back the new one.
pub struct Replacing {
    calls: parking_lot::Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
}

impl Replacing {
    pub fn call(&self, id: u64) -> Reply {
        self.calls.lock().remove(&id);
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.calls.lock().insert(id, tx);
        rx.recv().unwrap() //~ WARN parked_reply_sender
    }

    pub fn serve(&self, conn: std::sync::mpsc::Receiver<Frame>) {
        while let Ok(f) = conn.recv() {
            if let Some(tx) = self.calls.lock().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// Another field's entry removed after the sender is parked leaves the sender in its map.
pub struct Retried {
    calls: parking_lot::Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
    retries: parking_lot::Mutex<HashMap<u64, u32>>,
}

impl Retried {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.calls.lock().insert(id, tx);
        self.retries.lock().remove(&id);
        rx.recv().unwrap() //~ WARN parked_reply_sender
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

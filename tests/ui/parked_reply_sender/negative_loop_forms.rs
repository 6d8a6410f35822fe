// The fixed versions of positive_loop_forms.rs: the map is cleared or drained when the
// completing loop ends, so every wait still parked ends with an error.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use futures::StreamExt;

pub struct Reply;
pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

// std: a `for` over the receiver of frames.
pub struct Client {
    pending: Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
}

impl Client {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.pending.lock().unwrap().insert(id, tx);
        rx.recv().unwrap()
    }

    pub fn read_loop(&self, frames: std::sync::mpsc::Receiver<Frame>) {
        for f in frames {
            if let Some(tx) = self.pending.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
        self.pending.lock().unwrap().clear();
    }
}

// crossbeam: a `for` over an iterator of frames given as `impl Iterator`.
pub struct Batch {
    waiting: Mutex<HashMap<u64, crossbeam_channel::Sender<Reply>>>,
}

impl Batch {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = crossbeam_channel::bounded(1);
        self.waiting.lock().unwrap().insert(id, tx);
        rx.recv().unwrap()
    }

    pub fn pump(&self, frames: impl Iterator<Item = Frame>) {
        for f in frames {
            if let Some(tx) = self.waiting.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
        for (_, tx) in self.waiting.lock().unwrap().drain() {
            drop(tx);
        }
    }
}

// tokio: a stream read in a task the type spawns.
pub struct Rpc {
    pending: tokio::sync::Mutex<HashMap<u64, tokio::sync::oneshot::Sender<Reply>>>,
}

impl Rpc {
    pub async fn request(&self, id: u64) -> Reply {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        rx.await.unwrap()
    }

    pub fn start(self: Arc<Self>, mut stream: futures::stream::BoxStream<'static, Frame>) {
        let this = self.clone();
        tokio::spawn(async move {
            while let Some(f) = stream.next().await {
                if let Some(tx) = this.pending.lock().await.remove(&f.id) {
                    let _ = tx.send(f.reply);
                }
            }
            this.pending.lock().await.clear();
        });
    }
}

fn main() {}

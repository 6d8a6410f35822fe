// The loop that completes the parked senders is a `for` over a LOCAL, not a parameter: a
// local bound to a method of the type that returns the incoming frames, a local declared as
// a receiver, or the lines of a reader. Each ends with its input and leaves the remaining
// senders in the map.
use std::collections::HashMap;
use std::io::BufRead;
use std::sync::Mutex;

pub struct Reply;
pub struct Frame {
    pub id: u64,
    pub reply: Reply,
}

// std: `let frames = self.frames(); for f in frames`, `frames()` returning a receiver.
pub struct Client {
    pending: Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
    source: Mutex<Option<std::sync::mpsc::Receiver<Frame>>>,
}

impl Client {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.pending.lock().unwrap().insert(id, tx);
        rx.recv().unwrap() //~ WARN parked_reply_sender
    }

    fn frames(&self) -> std::sync::mpsc::Receiver<Frame> {
        self.source.lock().unwrap().take().expect("one reader")
    }

    pub fn read_loop(&self) {
        let frames = self.frames();
        for f in frames {
            if let Some(tx) = self.pending.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// crossbeam: `for f in stream.iter()` over a local declared as a receiver, and a method
// returning `impl Iterator`.
pub struct Batch {
    waiting: Mutex<HashMap<u64, crossbeam_channel::Sender<Reply>>>,
}

impl Batch {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = crossbeam_channel::bounded(1);
        self.waiting.lock().unwrap().insert(id, tx);
        rx.recv().unwrap() //~ WARN parked_reply_sender
    }

    pub fn pump(&self, make: impl Fn() -> crossbeam_channel::Receiver<Frame>) {
        let stream: crossbeam_channel::Receiver<Frame> = make();
        for f in stream.iter() {
            if let Some(tx) = self.waiting.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

// tokio oneshot senders completed from the lines of a reader, bound to a local.
pub struct Lines {
    pending: Mutex<HashMap<u64, tokio::sync::oneshot::Sender<String>>>,
}

impl Lines {
    pub async fn ask(&self, id: u64) -> String {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        rx.await.unwrap() //~ WARN parked_reply_sender
    }

    pub fn read(&self, reader: std::io::BufReader<std::fs::File>) {
        let lines = reader.lines();
        for line in lines {
            let line = line.unwrap_or_default();
            let id = line.len() as u64;
            if let Some(tx) = self.pending.lock().unwrap().remove(&id) {
                let _ = tx.send(line);
            }
        }
    }
}

// The fixed versions of `positive_local_input.rs`: each loop over a local clears the map
// when its input ends, which drops the senders left in it and wakes their waits; and a
// `for` over a local bound to a method that returns a finite collection is not a loop
// driven by input.
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
        rx.recv().unwrap()
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
        self.pending.lock().unwrap().clear();
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
        rx.recv().unwrap()
    }

    pub fn pump(&self, make: impl Fn() -> crossbeam_channel::Receiver<Frame>) {
        let stream: crossbeam_channel::Receiver<Frame> = make();
        for f in stream.iter() {
            if let Some(tx) = self.waiting.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
        self.waiting.lock().unwrap().drain();
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
        rx.await.unwrap()
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
        self.pending.lock().unwrap().clear();
    }
}

// A method returning a `Vec` (finite: the loop is not the one meant to complete the
// senders).
pub struct Once {
    pending: Mutex<HashMap<u64, std::sync::mpsc::SyncSender<Reply>>>,
    buffered: Mutex<Vec<Frame>>,
}

impl Once {
    pub fn call(&self, id: u64) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.pending.lock().unwrap().insert(id, tx);
        rx.recv().unwrap()
    }

    fn frames(&self) -> Vec<Frame> {
        std::mem::take(&mut *self.buffered.lock().unwrap())
    }

    pub fn flush(&self) {
        let frames = self.frames();
        for f in frames {
            if let Some(tx) = self.pending.lock().unwrap().remove(&f.id) {
                let _ = tx.send(f.reply);
            }
        }
    }
}

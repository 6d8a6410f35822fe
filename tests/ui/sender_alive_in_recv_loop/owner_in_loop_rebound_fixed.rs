// Near misses of owner_in_loop_rebound.rs: the loop's thread keeps a `Weak` reference, or the
// value moved into the thread does not hold the sender.
use std::sync::{Arc, Weak};
use std::thread;

pub struct Pool {
    tx: std::sync::mpsc::Sender<u32>,
    rx: std::sync::Mutex<Option<std::sync::mpsc::Receiver<u32>>>,
}

impl Pool {
    pub fn start() -> Arc<Pool> {
        let (tx, rx) = std::sync::mpsc::channel();
        let me = std::sync::Arc::new(Self { tx, rx: std::sync::Mutex::new(None) });
        let weak: Weak<Pool> = std::sync::Arc::downgrade(&me);
        thread::spawn(move || {
            for m in rx {
                if let Some(p) = weak.upgrade() {
                    let _ = (p, m);
                }
            }
        });
        me
    }
}

pub struct Stats {
    count: u32,
}

impl Stats {
    fn note(&self, _v: u32) {}
}

pub fn relay() -> crossbeam_channel::Sender<u32> {
    let (out, rx) = crossbeam_channel::unbounded();
    let stats = std::sync::Arc::new(Stats { count: 0 });
    let shared = stats;
    let worker = std::sync::Arc::clone(&shared);
    thread::spawn(move || {
        for v in rx.iter() {
            worker.note(v);
        }
    });
    out
}

pub struct Actor {
    tx: Option<tokio::sync::mpsc::UnboundedSender<u32>>,
}

impl Actor {
    fn apply(&self, _v: u32) {}

    pub fn start() -> tokio::sync::mpsc::UnboundedSender<u32> {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let this = std::sync::Arc::new(Actor { tx: None });
        let me = this.clone();
        tokio::spawn(async move {
            while let Some(v) = rx.recv().await {
                me.apply(v);
            }
        });
        tx
    }
}

// The fixed versions of `owner_in_loop.rs`: nothing in the loop's own thread or task keeps
// a sender of its channel.
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, Weak};
use std::thread;

use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub struct FsWatcher {
    root: PathBuf,
    events: Sender<u32>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<u32>) -> Self {
        FsWatcher { root, events }
    }
}

// The struct does not keep the sender: it holds a receiver and other fields only.
pub struct Echo {
    replies: Receiver<u32>,
    count: u32,
}

impl Echo {
    pub fn new(events: Sender<u32>) -> Echo {
        let (reply_tx, replies) = mpsc::channel();
        thread::spawn(move || {
            for v in 0..3 {
                events.send(v).unwrap();
            }
            drop(reply_tx);
        });
        Echo { replies, count: 0 }
    }
}

pub fn struct_without_a_sender() {
    let (tx, rx) = mpsc::channel();
    let echo = Echo::new(tx);
    thread::spawn(move || {
        let _keep = echo;
        for v in rx {
            println!("{v}");
        }
    });
}

// The owner goes to another thread than the loop's.
pub fn owner_in_another_thread(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
    });
    thread::spawn(move || {
        for v in rx {
            println!("{v}");
        }
    });
}

// The owner is dropped before the loop.
pub fn owner_dropped_before_the_loop(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        drop(watcher);
        for v in rx {
            println!("{v}");
        }
    });
}

// The task keeps a `Weak<Self>`, which does not keep the sender alive.
pub struct Actor {
    tx: UnboundedSender<u32>,
    state: Mutex<u32>,
}

impl Actor {
    pub fn start() -> Arc<Actor> {
        let (tx, mut rx) = unbounded_channel();
        let this = Arc::new(Actor {
            tx,
            state: Mutex::new(0),
        });
        let weak: Weak<Actor> = Arc::downgrade(&this);
        tokio::spawn(async move {
            while let Some(n) = rx.recv().await {
                let Some(me) = weak.upgrade() else { break };
                *me.state.lock().unwrap() += n;
            }
        });
        this
    }
}

// The loop has a way out of its own: it does not wait for the channel to close.
pub fn loop_with_a_break(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        for v in rx {
            if v == 0 {
                break;
            }
            println!("{v}");
        }
    });
}

pub struct Feed {
    tx: UnboundedSender<u32>,
}

impl Feed {
    pub fn new(tx: UnboundedSender<u32>) -> Feed {
        Feed { tx }
    }
}

// The receiver is closed before the loop: the loop ends once the buffer is drained, senders
// alive or not.
pub fn receiver_closed_first() {
    let (tx, mut rx) = unbounded_channel();
    let feed = Feed::new(tx);
    tokio::spawn(async move {
        let _keep = feed;
        rx.close();
        while let Some(v) = rx.recv().await {
            println!("{v}");
        }
    });
}

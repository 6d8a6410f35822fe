// A worker that owns the sender its own loop waits on: the sender was moved into a value
// of a project type (a constructor that stores it, a struct literal, an `Arc<Self>`), and
// that value lives in the loop's own thread or task, so the channel can never close.
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use crossbeam_channel::{unbounded, Sender as Tx};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub enum Event {
    Changed(PathBuf),
}

pub struct FsWatcher {
    root: PathBuf,
    events: Sender<Event>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: Sender<Event>) -> Self {
        FsWatcher { root, events }
    }
}

fn apply(_ev: Event) {}

pub fn start_watcher(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        while let Ok(ev) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
            apply(ev)
        }
    });
}

// A renamed import, an `Option` field, a method, and the value used in the loop.
pub struct Pump {
    out: Option<Tx<u32>>,
}

impl Pump {
    pub fn new(out: Tx<u32>) -> Pump {
        Pump { out: Some(out) }
    }
    fn note(&self, _v: u32) {}
}

pub struct Service;

impl Service {
    pub fn run(&self) {
        let (tx, rx) = unbounded();
        let pump = Pump::new(tx);
        thread::spawn(move || {
            for v in rx { //~ ERROR sender_alive_in_recv_loop
                pump.note(v);
            }
        });
    }
}

// A tokio task whose future captures a clone of the `Arc<Self>` that holds the sender.
pub enum Cmd {
    Add(u32),
}

pub struct Actor {
    tx: UnboundedSender<Cmd>,
    state: Mutex<u32>,
}

impl Actor {
    pub fn start() -> Arc<Actor> {
        let (tx, mut rx) = unbounded_channel();
        let this = Arc::new(Actor {
            tx,
            state: Mutex::new(0),
        });
        let me = this.clone();
        tokio::spawn(async move {
            while let Some(cmd) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
                me.apply(cmd);
            }
        });
        this
    }

    fn apply(&self, cmd: Cmd) {
        let Cmd::Add(n) = cmd;
        *self.state.lock().unwrap() += n;
    }
}

// flume in an `async fn`; the owner is shared with `Arc::clone(&..)`.
pub struct Hub {
    tx: flume::Sender<u32>,
}

impl Hub {
    fn note(&self, _v: u32) {}
}

pub async fn serve() {
    let (tx, rx) = flume::unbounded();
    let hub = Arc::new(Hub { tx });
    let task_hub = Arc::clone(&hub);
    tokio::spawn(async move {
        while let Ok(v) = rx.recv_async().await { //~ ERROR sender_alive_in_recv_loop
            task_hub.note(v);
        }
    });
}

// A worker that owns the sender its own loop waits on, through a fully qualified `Arc::new`
// and a rebound clone of it; the loop receives from a field of that same value.
use std::thread;

pub enum Msg {
    Job(u32),
}

pub struct Pool {
    tx: std::sync::mpsc::Sender<Msg>,
    rx: std::sync::mpsc::Receiver<Msg>,
}

impl Pool {
    pub fn start() -> std::sync::Arc<Pool> {
        let (tx, rx) = std::sync::mpsc::channel();
        let me = std::sync::Arc::new(Self { tx, rx });
        let me2 = me.clone();
        thread::spawn(move || {
            for m in &me2.rx { //~ ERROR sender_alive_in_recv_loop
                let Msg::Job(n) = m;
                println!("{n}");
            }
        });
        me
    }
}

// The receiver stays a local; the owner is rebound before the clone.
pub struct Relay {
    out: crossbeam_channel::Sender<u32>,
}

impl Relay {
    fn note(&self, _v: u32) {}
}

pub fn relay() {
    let (out, rx) = crossbeam_channel::unbounded();
    let relay = std::sync::Arc::new(Relay { out });
    let shared = relay;
    let worker = std::sync::Arc::clone(&shared);
    thread::spawn(move || {
        for v in rx.iter() { //~ ERROR sender_alive_in_recv_loop
            worker.note(v);
        }
    });
}

// tokio, fully qualified `Arc::new` in a method.
pub struct Actor {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
}

impl Actor {
    fn apply(&self, _v: u32) {}

    pub fn start() -> std::sync::Arc<Actor> {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let this = std::sync::Arc::new(Actor { tx });
        let me = this.clone();
        tokio::spawn(async move {
            while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
                me.apply(v);
            }
        });
        this
    }
}

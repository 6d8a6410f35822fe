// Near misses of field_self_loop.rs: the loop breaks on a shutdown message, the sender is an
// `Option` taken first, or the type holds only the receiver.
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;

pub enum Cmd {
    Run(u32),
    Shutdown,
}

pub struct Proxy {
    tx: Sender<Cmd>,
    rx: Receiver<Cmd>,
}

impl Proxy {
    pub fn new() -> Proxy {
        let (tx, rx) = channel();
        Proxy { tx, rx }
    }

    pub fn stop(&self) {
        let _ = self.tx.send(Cmd::Shutdown);
    }

    pub fn main_loop(&self) {
        for cmd in &self.rx {
            match cmd {
                Cmd::Run(n) => println!("{n}"),
                Cmd::Shutdown => break,
            }
        }
    }
}

// The sender is an `Option` behind a lock that `close` empties.
pub struct Closable {
    tx: Mutex<Option<Sender<u32>>>,
    rx: Receiver<u32>,
}

impl Closable {
    pub fn new() -> Closable {
        let (tx, rx) = channel();
        Closable { tx: Mutex::new(Some(tx)), rx }
    }

    pub fn close(&self) {
        self.tx.lock().unwrap().take();
    }

    pub fn run(&self) {
        for n in &self.rx {
            println!("{n}");
        }
    }
}

// tokio: the sender is taken out of `self` before the loop.
pub struct Actor {
    tx: Option<tokio::sync::mpsc::UnboundedSender<u32>>,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Actor {
    pub fn new() -> Self {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Self { tx: Some(tx), rx }
    }

    pub async fn run(&mut self) {
        drop(self.tx.take());
        while let Some(n) = self.rx.recv().await {
            println!("{n}");
        }
    }
}

// The sender was handed out; the type keeps only the receiver.
pub struct Sink {
    rx: crossbeam_channel::Receiver<u32>,
}

impl Sink {
    pub fn new() -> (Sink, crossbeam_channel::Sender<u32>) {
        let (tx, rx) = crossbeam_channel::unbounded();
        (Sink { rx }, tx)
    }

    pub fn run(&self) {
        loop {
            match self.rx.recv() {
                Ok(n) => println!("{n}"),
                Err(_) => break,
            }
        }
    }
}

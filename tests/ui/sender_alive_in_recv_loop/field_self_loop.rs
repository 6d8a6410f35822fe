// A type that holds both ends of its channel and loops over its own receiver: the sender
// field lives as long as `self`, so the loop can never see the channel close.
use std::sync::mpsc::{channel, Receiver, Sender};

pub enum Cmd {
    Run(u32),
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

    pub fn handle(&self) -> Sender<Cmd> {
        self.tx.clone()
    }

    pub fn main_loop(&self) {
        for cmd in &self.rx { //~ ERROR sender_alive_in_recv_loop
            match cmd {
                Cmd::Run(n) => println!("{n}"),
            }
        }
    }

    pub fn drain(&self) {
        for n in self.rx.iter() { //~ ERROR sender_alive_in_recv_loop
            let _ = n;
        }
    }
}

// tokio: `while let Some(..) = self.rx.recv().await`.
pub struct Actor {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Actor {
    pub fn new() -> Self {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Self { tx, rx }
    }

    pub async fn run(&mut self) {
        while let Some(n) = self.rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            println!("{n}");
        }
    }
}

// crossbeam: a `loop` whose only exit is the receive's `Err`.
pub struct Pump {
    tx: crossbeam_channel::Sender<u32>,
    rx: crossbeam_channel::Receiver<u32>,
}

impl Pump {
    pub fn new() -> Pump {
        let (tx, rx) = crossbeam_channel::unbounded();
        Pump { tx, rx }
    }

    pub fn run(&self) {
        loop {
            match self.rx.recv() { //~ ERROR sender_alive_in_recv_loop
                Ok(n) => println!("{n}"),
                Err(_) => break,
            }
        }
    }
}

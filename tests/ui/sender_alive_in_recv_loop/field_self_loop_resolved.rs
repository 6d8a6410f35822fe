// The sender field of a type that loops over its own receiver, written through a renamed
// import, a fully qualified path, or a project type that holds the sender: the type is
// resolved, not matched by its written name.
use std::sync::mpsc::{Receiver, Sender as Tx};

pub enum Msg {
    Job(u32),
}

pub struct Renamed {
    tx: Tx<Msg>,
    rx: Receiver<Msg>,
}

impl Renamed {
    pub fn new() -> Renamed {
        let (tx, rx) = std::sync::mpsc::channel();
        Renamed { tx, rx }
    }

    pub fn handle(&self) -> Tx<Msg> {
        self.tx.clone()
    }

    pub fn main_loop(&self) {
        for m in &self.rx { //~ ERROR sender_alive_in_recv_loop
            match m {
                Msg::Job(n) => println!("{n}"),
            }
        }
    }
}

// Fully qualified std path, and an `Arc` around it (no method can empty an `Arc`).
pub struct Qualified {
    tx: std::sync::Arc<std::sync::mpsc::Sender<u32>>,
    rx: std::sync::mpsc::Receiver<u32>,
}

impl Qualified {
    pub fn new() -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        Self { tx: std::sync::Arc::new(tx), rx }
    }

    pub fn run(&self) {
        for n in self.rx.iter() { //~ ERROR sender_alive_in_recv_loop
            println!("{n}");
        }
    }
}

// flume, renamed.
use flume::{Receiver as FlumeRx, Sender as FlumeTx};

pub struct Pump {
    out: FlumeTx<u32>,
    inp: FlumeRx<u32>,
}

impl Pump {
    pub fn new() -> Pump {
        let (out, inp) = flume::unbounded();
        Pump { out, inp }
    }

    pub fn run(&self) {
        while let Ok(n) = self.inp.recv() { //~ ERROR sender_alive_in_recv_loop
            println!("{n}");
        }
    }
}

// A project type that holds the sender, kept in a field.
pub struct Notifier {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
}

pub struct Hub {
    notifier: Notifier,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Hub {
    pub fn new() -> Hub {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let notifier = Notifier { tx };
        Hub { notifier, rx }
    }

    pub async fn run(&mut self) {
        while let Some(n) = self.rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            println!("{n}");
        }
    }
}

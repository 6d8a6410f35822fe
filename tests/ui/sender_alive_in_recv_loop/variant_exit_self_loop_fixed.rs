// The fixed versions of `variant_exit_self_loop.rs`: the crate sends the stop messages, so
// the loops can leave on them.
use std::sync::mpsc::{self, Receiver, Sender};

enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

pub struct Proxy {
    tx: Sender<Cmd>,
    rx: Receiver<Cmd>,
}

impl Proxy {
    pub fn new() -> Proxy {
        let (tx, rx) = mpsc::channel();
        Proxy { tx, rx }
    }
    pub fn submit(&self, n: u32) {
        let _ = self.tx.send(Cmd::Run(n));
    }
    pub fn stop(&self) {
        let _ = self.tx.send(Cmd::Shutdown);
    }
    pub fn main_loop(&self) {
        for cmd in &self.rx {
            match cmd {
                Cmd::Run(j) => run(j),
                Cmd::Shutdown => return,
            }
        }
    }
}

// tokio: `while let Some(m) = self.rx.recv().await` with an `if let Msg::Stop = m { break }`.
enum Msg {
    Work,
    Stop,
}

pub struct Service {
    tx: tokio::sync::mpsc::UnboundedSender<Msg>,
    rx: tokio::sync::mpsc::UnboundedReceiver<Msg>,
}

impl Service {
    pub fn new() -> Service {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Service { tx, rx }
    }

    pub fn work(&self) {
        let _ = self.tx.send(Msg::Work);
    }

    pub fn stop(&self) {
        let _ = self.tx.send(Msg::Stop);
    }

    pub async fn serve(&mut self) {
        while let Some(m) = self.rx.recv().await {
            if let Msg::Stop = m {
                break;
            }
        }
    }
}

// Near misses of field_self_loop_resolved.rs: the renamed sender is an `Option` taken before
// the loop; the fully qualified one sits behind a lock another method can empty; the project
// type holding the sender is an `Option` dropped first.
use std::sync::mpsc::{Receiver, Sender as Tx};
use std::sync::Mutex;

pub struct Renamed {
    tx: Option<Tx<u32>>,
    rx: Receiver<u32>,
}

impl Renamed {
    pub fn new() -> Renamed {
        let (tx, rx) = std::sync::mpsc::channel();
        Renamed { tx: Some(tx), rx }
    }

    pub fn main_loop(&mut self) {
        drop(self.tx.take());
        for m in &self.rx {
            println!("{m}");
        }
    }
}

pub struct Qualified {
    tx: Mutex<Option<std::sync::mpsc::Sender<u32>>>,
    rx: std::sync::mpsc::Receiver<u32>,
}

impl Qualified {
    pub fn new() -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        Self { tx: Mutex::new(Some(tx)), rx }
    }

    pub fn close(&self) {
        self.tx.lock().unwrap().take();
    }

    pub fn run(&self) {
        for n in self.rx.iter() {
            println!("{n}");
        }
    }
}

pub struct Notifier {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
}

pub struct Hub {
    notifier: Option<Notifier>,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Hub {
    pub fn new() -> Hub {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let notifier = Notifier { tx };
        Hub { notifier: Some(notifier), rx }
    }

    pub async fn run(&mut self) {
        self.notifier = None;
        while let Some(n) = self.rx.recv().await {
            println!("{n}");
        }
    }
}

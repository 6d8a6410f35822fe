//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// The fixed version of `declared_bus_field.rs`: a method drains the receiver field.
use my_bus::{Receiver, Sender};

pub struct Metrics {
    tx: Sender<u64>,
    rx: Receiver<u64>,
}

impl Metrics {
    pub fn new() -> Self {
        let (tx, rx) = my_bus::channel();
        Metrics { tx, rx }
    }

    pub fn record(&self, v: u64) {
        let _ = self.tx.send(v);
    }

    pub fn flush(&self) -> Vec<u64> {
        self.rx.try_iter().collect()
    }
}

//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// A project's own bus, declared with its endpoint types: its receiver parked in a field of
// the declared receiver type that nothing reads, as with a std channel.
use my_bus::{Receiver, Sender};

pub struct Metrics {
    tx: Sender<u64>,
    rx: Receiver<u64>,
}

impl Metrics {
    pub fn new() -> Self {
        let (tx, rx) = my_bus::channel();
        Metrics {
            tx,
            rx, //~ WARN receiver_never_read
        }
    }

    pub fn record(&self, v: u64) {
        let _ = self.tx.send(v);
    }
}

// A receiver parked in a field that nothing reads, while another type has a field of the
// same name that is read: fields are told apart by their struct.
use std::sync::mpsc;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub struct Sample;

pub struct Metrics {
    tx: UnboundedSender<Sample>,
    rx: UnboundedReceiver<Sample>,
}

impl Metrics {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Metrics {
            tx,
            rx, //~ WARN receiver_never_read
        }
    }

    pub fn record(&self, s: Sample) {
        let _ = self.tx.send(s);
    }
}

pub struct Worker {
    rx: mpsc::Receiver<u8>,
}

impl Worker {
    pub fn run(&self) {
        for _ in self.rx.iter() {}
    }
}

/// Kept in a field named `_rx`, with values sent in a loop.
pub struct Pump {
    _rx: crossbeam_channel::Receiver<u32>,
}

pub fn pump() -> Pump {
    let (tx, rx) = crossbeam_channel::bounded(8);
    for i in 0..1000 {
        tx.send(i).unwrap();
    }
    Pump {
        _rx: rx, //~ WARN receiver_never_read
    }
}

/// Stored through `self`, as an `Option`.
pub struct Cache {
    tx: Option<flume::Sender<String>>,
    rx: Option<flume::Receiver<String>>,
}

impl Cache {
    pub fn open(&mut self) {
        let (tx, rx) = flume::unbounded();
        self.tx = Some(tx);
        self.rx = Some(rx); //~ WARN receiver_never_read
    }
}

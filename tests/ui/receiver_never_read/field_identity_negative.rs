// The fixed versions: a method drains the field, the field is `pub` (readers may be in
// other crates), or it is read through a value whose type leaklint does not know.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub struct Sample;

pub struct Metrics {
    tx: UnboundedSender<Sample>,
    rx: UnboundedReceiver<Sample>,
}

impl Metrics {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Metrics { tx, rx }
    }

    pub fn record(&self, s: Sample) {
        let _ = self.tx.send(s);
    }

    pub fn drain(&mut self) -> usize {
        let mut n = 0;
        while self.rx.try_recv().is_ok() {
            n += 1;
        }
        n
    }
}

pub struct Events {
    tx: UnboundedSender<u8>,
    pub rx: UnboundedReceiver<u8>,
}

pub fn events() -> Events {
    let (tx, rx) = unbounded_channel();
    let _ = tx.send(1);
    Events { tx, rx }
}

pub struct Stats {
    tx: UnboundedSender<u8>,
    inbox: UnboundedReceiver<u8>,
}

pub fn stats() -> Stats {
    let (tx, inbox) = unbounded_channel();
    Stats { tx, inbox }
}

pub fn poll(s: &mut Stats) -> Option<u8> {
    s.tx.send(0).ok()?;
    s.inbox.try_recv().ok()
}

/// `_rx` kept to hold the channel open, with no values piling up.
pub struct KeepOpen {
    _rx: crossbeam_channel::Receiver<u32>,
    tx: crossbeam_channel::Sender<u32>,
}

pub fn keep_open() -> KeepOpen {
    let (tx, rx) = crossbeam_channel::bounded(1);
    KeepOpen { _rx: rx, tx }
}

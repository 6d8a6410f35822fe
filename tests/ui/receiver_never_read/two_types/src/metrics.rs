use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub struct Metrics {
    tx: UnboundedSender<u64>,
    rx: UnboundedReceiver<u64>,
}

impl Metrics {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Self { tx, rx } //~ WARN receiver_never_read
    }

    pub fn record(&self, v: u64) {
        let _ = self.tx.send(v);
    }
}

pub struct Drained {
    pub(crate) tx: UnboundedSender<u64>,
    pub(crate) rx: UnboundedReceiver<u64>,
}

pub fn drained() -> Drained {
    let (tx, rx) = unbounded_channel();
    let _ = tx.send(1);
    Drained { tx, rx }
}

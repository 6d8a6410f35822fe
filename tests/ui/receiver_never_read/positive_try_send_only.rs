// A bounded channel whose receiver is kept in a field nothing reads, filled only with
// `try_send`: no sender blocks, but once the buffer is full every value is lost.
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

pub struct Sampler {
    tx: SyncSender<u64>,
    rx: Receiver<u64>,
}

impl Sampler {
    pub fn new() -> Sampler {
        let (tx, rx) = sync_channel(64);
        Sampler { tx, rx } //~ WARN receiver_never_read
    }

    pub fn sample(&self, v: u64) {
        let _ = self.tx.try_send(v);
    }
}

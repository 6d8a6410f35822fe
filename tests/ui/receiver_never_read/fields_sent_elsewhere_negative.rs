// Near misses of fields_sent_elsewhere.rs: the `_` field's channel gets one value, outside
// any loop; the receivers of the `Vec` are read.
pub struct Journal {
    entries: async_channel::Sender<String>,
    _entries_rx: async_channel::Receiver<String>,
}

impl Journal {
    pub fn new() -> Journal {
        let (entries, _entries_rx) = async_channel::unbounded();
        Journal { entries, _entries_rx }
    }

    pub async fn write_one(&self, line: String) {
        let _ = self.entries.send(line).await;
    }
}

pub struct Fanout {
    outs: Vec<std::sync::mpsc::SyncSender<u8>>,
    parked: Vec<std::sync::mpsc::Receiver<u8>>,
}

impl Fanout {
    pub fn new(n: usize) -> Fanout {
        let mut outs = Vec::new();
        let mut parked = Vec::new();
        for _ in 0..n {
            let (tx, rx) = std::sync::mpsc::sync_channel(2);
            outs.push(tx);
            parked.push(rx);
        }
        Fanout { outs, parked }
    }

    pub fn publish(&self, b: u8) {
        for o in &self.outs {
            let _ = o.send(b);
        }
    }

    pub fn drain(&self) -> Vec<u8> {
        self.parked.iter().filter_map(|rx| rx.try_recv().ok()).collect()
    }
}

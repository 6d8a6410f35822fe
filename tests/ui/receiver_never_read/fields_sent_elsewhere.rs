// Receivers kept in fields that nothing reads: an `_`-named field whose sender field is sent
// on in a loop of another method, and a `Vec` of receivers filled in a loop.
pub struct Journal {
    entries: async_channel::Sender<String>,
    _entries_rx: async_channel::Receiver<String>,
}

impl Journal {
    pub fn new() -> Journal {
        let (entries, _entries_rx) = async_channel::unbounded();
        Journal { entries, _entries_rx } //~ WARN receiver_never_read
    }

    pub async fn write_all(&self, lines: Vec<String>) {
        for l in lines {
            let _ = self.entries.send(l).await;
        }
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
        Fanout { outs, parked } //~ WARN receiver_never_read
    }

    pub fn publish(&self, b: u8) {
        for o in &self.outs {
            let _ = o.send(b);
        }
    }
}

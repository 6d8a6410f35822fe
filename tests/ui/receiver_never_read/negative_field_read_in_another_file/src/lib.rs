// A crate fixture: the receiver is stored in a field here and read in `drain.rs`, so the
// crate-wide fact "field `events` is read" comes from another file.
mod drain;

pub struct Logger {
    tx: std::sync::mpsc::SyncSender<String>,
    events: Option<std::sync::mpsc::Receiver<String>>,
}

impl Logger {
    pub fn new() -> Logger {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        tx.send("started".to_string()).unwrap();
        Logger { tx, events: Some(rx) }
    }

    pub fn log(&self, line: &str) {
        self.tx.send(line.to_string()).unwrap();
    }
}

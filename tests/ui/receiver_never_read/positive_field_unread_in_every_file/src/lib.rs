// A crate fixture: the receiver is stored in field `events`, and no file of the crate reads it
// (`other.rs` only names a local called `events`).
mod other;

pub struct Logger {
    tx: std::sync::mpsc::SyncSender<String>,
    events: Option<std::sync::mpsc::Receiver<String>>,
}

impl Logger {
    pub fn new() -> Logger {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        tx.send("started".to_string()).unwrap();
        Logger { tx, events: Some(rx) } //~ WARN receiver_never_read
    }

    pub fn log(&self, line: &str) {
        self.tx.send(line.to_string()).unwrap();
    }
}

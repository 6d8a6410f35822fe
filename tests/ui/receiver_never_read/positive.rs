// Values sent into a channel whose receiver is kept but never read.
use std::sync::mpsc::sync_channel as bounded_std;
use std::thread;

fn bounded_blocks() {
    let (tx, _rx) = bounded_std::<u32>(1); //~ WARN receiver_never_read
    thread::spawn(move || {
        for i in 0.. {
            tx.send(i).unwrap();
        }
    });
}

async fn tokio_unbounded_grows() {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel::<u32>(); //~ WARN receiver_never_read
    tokio::spawn(async move {
        loop {
            let _ = tx.send(1);
        }
    });
}

fn crossbeam_flume_async_futures(items: Vec<u32>) {
    let (a, _ra) = crossbeam_channel::bounded::<u32>(4); //~ WARN receiver_never_read
    for i in &items {
        a.send(*i).unwrap();
    }
    let (b, _rb) = flume::bounded::<u32>(1); //~ WARN receiver_never_read
    b.send(1).unwrap();
    b.send(2).unwrap();
    let (c, _rc) = async_channel::unbounded::<u32>();
    while c.try_send(1).is_ok() {}
    let (d, _rd) = futures::channel::mpsc::unbounded::<u32>(); //~ WARN receiver_never_read
    loop {
        d.unbounded_send(1).unwrap();
    }
}

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

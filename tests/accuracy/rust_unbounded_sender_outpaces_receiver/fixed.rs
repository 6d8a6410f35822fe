// fixed version of ../rust_unbounded_sender_outpaces_receiver/leak.rs

use std::sync::mpsc;
use std::thread;

pub fn index(docs: Vec<String>) -> usize {
    let (tx, rx) = mpsc::sync_channel(1024);
    let reader = thread::spawn(move || {
        for d in docs {
            if tx.send(d).is_err() {
                break;
            }
        }
    });
    let n = rx.iter().map(|d| d.len()).sum();
    reader.join().unwrap();
    n
}

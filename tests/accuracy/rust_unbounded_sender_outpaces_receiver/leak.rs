// source: https://github.com/rust-lang/rust/issues/59944
// expect: unbounded_channel
// what: a producer sends faster than the consumer thread prints; the unbounded channel grows without limit

use std::sync::mpsc;
use std::thread;

pub fn index(docs: Vec<String>) -> usize {
    let (tx, rx) = mpsc::channel();
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

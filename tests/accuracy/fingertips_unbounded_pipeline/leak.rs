// source: https://github.com/ProgrammingRust/fingertips/pull/6
// expect: unbounded_channel
// what: an indexing pipeline connects its stages with unbounded channels; a data set larger than memory gets the process OOM-killed

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

// The sender is used only in a plain closure nested in the `move` closure of the spawned
// thread: the outer `move` closure takes it along, so the parent's loop ends when the thread
// is done. Not reported.
use std::sync::mpsc;
use std::thread;

pub fn collect() -> Vec<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    thread::spawn(move || {
        let send = |v: u32| tx.send(v).unwrap();
        for v in 0..3 {
            send(v);
        }
    });
    let mut out = Vec::new();
    for v in rx {
        out.push(v);
    }
    out
}

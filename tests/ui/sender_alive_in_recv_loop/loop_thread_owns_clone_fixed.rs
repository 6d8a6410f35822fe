// Fixed version of loop_thread_owns_clone.rs: the thread forwards to another channel, so
// the loop ends when `outside` and its clones are dropped.
use std::sync::mpsc;
use std::thread;

pub fn relay(next: mpsc::Sender<u32>) -> mpsc::Sender<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    let outside = tx.clone();
    drop(tx);
    thread::spawn(move || {
        for v in rx {
            if v < 10 {
                next.send(v + 1).unwrap();
            }
        }
    });
    outside
}

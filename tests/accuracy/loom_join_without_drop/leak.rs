// source: https://github.com/tokio-rs/loom/issues/213
// expect: sender_alive_in_recv_loop
// what: a worker drains a channel until every sender is gone; the spawner joins it while still holding the sender

use std::sync::mpsc;
use std::thread;

fn run_worker() {
    let (tx, rx) = mpsc::channel::<i32>();
    let worker = thread::spawn(move || {
        while let Ok(n) = rx.recv() {
            println!("got {n}");
        }
    });
    tx.send(7).expect("worker gone");
    worker.join().expect("worker panicked");
}

// fixed version of ../loom_join_without_drop/leak.rs

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
    drop(tx);
    worker.join().expect("worker panicked");
}

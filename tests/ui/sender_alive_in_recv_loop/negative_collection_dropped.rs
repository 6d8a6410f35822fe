// Near misses of positive_kept_in_a_collection.rs: the collection holding the sender is gone
// before the loop, so the channel closes.
use std::collections::VecDeque;
use std::sync::mpsc;
use std::thread;

fn vec_dropped_before_the_loop() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    let mut senders = Vec::new();
    senders.push(tx);
    drop(senders);
    for v in rx {
        println!("{v}");
    }
}

fn deque_moved_into_a_thread() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    let mut pool = VecDeque::new();
    pool.push_back(tx);
    thread::spawn(move || drop(pool));
    while let Ok(v) = rx.recv() {
        println!("{v}");
    }
}

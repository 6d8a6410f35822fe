// A sender pushed into a local collection lives as long as the collection: still alive at
// the loop, so the loop never ends.
use std::collections::VecDeque;
use std::sync::mpsc;
use std::thread;

fn sender_kept_in_a_vec() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    let mut senders = Vec::new();
    senders.push(tx);
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn sender_kept_in_a_deque() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    let mut pool = VecDeque::new();
    pool.push_back(tx);
    while let Ok(v) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

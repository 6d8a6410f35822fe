// Receive iterators bounded by `take(n)` (a fixed number of receives) or `try_iter()` (only
// what is already queued) end without the channel closing: a sender alive meanwhile is fine.
use std::sync::mpsc;
use std::thread;

pub fn take_n() {
    let (tx, rx) = mpsc::channel::<u32>();
    let t = tx.clone();
    thread::spawn(move || {
        for i in 0..3 {
            t.send(i).unwrap();
        }
    });
    for v in rx.iter().take(3) {
        println!("{v}");
    }
    drop(tx);
}

pub fn take_n_sum() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(2).unwrap();
    let s: u32 = rx.iter().take(1).sum();
    println!("{s}");
    let all: Vec<u32> = rx.iter().take(2).collect();
    println!("{all:?}");
    drop(tx);
}

pub fn into_iter_take() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    for v in rx.into_iter().take(1) {
        println!("{v}");
    }
    drop(tx);
}

pub fn try_iter() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    for v in rx.try_iter() {
        println!("{v}");
    }
    let queued: u32 = rx.try_iter().sum();
    println!("{queued}");
    drop(tx);
}

// The fixed version of pattern_type_other_file: the sender is dropped before the first
// loop, and the second loop's enum (in the other file) has another variant it ends on.
mod msg;

use msg::{Frame, Tick};
use std::sync::mpsc;
use std::thread;

pub fn frames() {
    let (tx, rx) = mpsc::channel::<Frame>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Frame { seq: 1 }).unwrap());
    drop(tx);
    while let Ok(Frame { seq }) = rx.recv() {
        println!("{seq}");
    }
}

pub fn ticks() {
    let (tx, rx) = mpsc::channel::<Tick>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(Tick::At(3)).unwrap();
        worker.send(Tick::Done).unwrap();
    });
    while let Ok(Tick::At(t)) = rx.recv() {
        println!("{t}");
    }
}

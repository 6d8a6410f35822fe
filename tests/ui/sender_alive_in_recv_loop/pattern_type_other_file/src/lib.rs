// The loop's pattern names types declared in a file with no channel code (the pre-filter
// skips it): the crate's index still reads them, a struct and a one-variant enum.
mod msg;

use msg::{Frame, Tick};
use std::sync::mpsc;
use std::thread;

pub fn frames() {
    let (tx, rx) = mpsc::channel::<Frame>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Frame { seq: 1 }).unwrap());
    while let Ok(Frame { seq }) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{seq}");
    }
}

pub fn ticks() {
    let (tx, rx) = mpsc::channel::<Tick>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Tick::At(3)).unwrap());
    while let Ok(Tick::At(t)) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{t}");
    }
}

// The fixed versions of irrefutable_patterns.rs (the sender dropped before the loop), and
// near misses: a pattern that may fail on a value (another variant of the enum, a literal,
// a constant, a type leaklint cannot see) ends the loop on that value too, and
// `try_recv().is_ok()` ends when the channel is empty.
use std::sync::mpsc;
use std::thread;

struct Job {
    id: u32,
}

enum Msg {
    Data(u32),
    Stop,
}

const ZERO: u32 = 0;

fn struct_pattern_sender_dropped() {
    let (tx, rx) = mpsc::channel::<Job>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Job { id: 1 }).unwrap());
    drop(tx);
    while let Ok(Job { id }) = rx.recv() {
        println!("{id}");
    }
}

fn recv_is_ok_sender_dropped() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    drop(tx);
    while rx.recv().is_ok() {
        println!("one more");
    }
}

fn enum_with_another_variant() {
    let (tx, rx) = mpsc::channel::<Msg>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(Msg::Data(1)).unwrap();
        worker.send(Msg::Stop).unwrap();
    });
    while let Ok(Msg::Data(n)) = rx.recv() {
        println!("{n}");
    }
}

fn literal_and_constant_patterns() {
    let (tx, rx) = mpsc::channel::<(u32, u32)>();
    let worker = tx.clone();
    thread::spawn(move || worker.send((1, 0)).unwrap());
    while let Ok((n, 0)) = rx.recv() {
        println!("{n}");
    }
    while let Ok((n, ZERO)) = rx.recv() {
        println!("{n}");
    }
}

fn type_of_another_crate() {
    let (tx, rx) = mpsc::channel::<std::net::IpAddr>();
    let worker = tx.clone();
    thread::spawn(move || worker.send([127, 0, 0, 1].into()).unwrap());
    while let Ok(std::net::IpAddr::V4(a)) = rx.recv() {
        println!("{a}");
    }
}

fn try_recv_is_ok() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    while rx.try_recv().is_ok() {
        println!("one more");
    }
    drop(tx);
}

// A receive pattern that matches every value (a struct, a tuple struct, `x @ _`, the only
// variant of an enum) leaves the loop only when the receive fails: the channel closed.
// `while rx.recv().is_ok()` is the same loop. A sender still alive keeps it running.
use std::sync::mpsc;
use std::thread;

struct Job {
    id: u32,
    name: String,
}

struct Wrapped(u64);

enum Event {
    Line(String),
}

mod lines {
    pub enum Only {
        Text { body: String },
    }
}

use lines::Only::Text;

fn struct_pattern() {
    let (tx, rx) = mpsc::channel::<Job>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Job { id: 1, name: "a".into() }).unwrap());
    while let Ok(Job { id, .. }) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{id}");
    }
}

fn tuple_struct_pattern_crossbeam() {
    let (tx, rx) = crossbeam_channel::unbounded::<Wrapped>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Wrapped(7)).unwrap());
    while let Ok(Wrapped(n)) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{n}");
    }
}

fn binding_at_wildcard_flume() {
    let (tx, rx) = flume::unbounded::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    while let Ok(n @ _) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{n}");
    }
}

async fn one_variant_enum_tokio() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(Event::Line("a".into())).unwrap();
    });
    while let Some(Event::Line(l)) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{l}");
    }
}

fn one_variant_enum_imported_variant() {
    let (tx, rx) = mpsc::channel::<lines::Only>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Text { body: "b".into() }).unwrap());
    while let Ok((Text { body })) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{body}");
    }
}

fn while_recv_is_ok() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(1).unwrap());
    while rx.recv().is_ok() { //~ ERROR sender_alive_in_recv_loop
        println!("one more");
    }
}

async fn while_recv_await_is_some() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(1).await.unwrap();
    });
    while rx.recv().await.is_some() { //~ ERROR sender_alive_in_recv_loop
        println!("one more");
    }
}

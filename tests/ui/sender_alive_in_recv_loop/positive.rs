// Receive loops that can never end: a sender is still alive at the loop.
use std::sync::mpsc;
use std::thread;
use tokio::sync::mpsc as tmpsc;

fn original_sender_never_dropped() {
    let (tx, rx) = mpsc::channel();
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn iter_sum() -> u32 {
    let (tx, rx) = mpsc::sync_channel(4);
    let worker = tx.clone();
    thread::spawn(move || worker.send(1u32).unwrap());
    rx.iter().sum() //~ ERROR sender_alive_in_recv_loop
}

fn while_let_recv() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let tx2 = tx.clone();
    thread::spawn(move || tx2.send(1).unwrap());
    while let Ok(v) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    drop(tx);
}

async fn tokio_recv_loop() {
    let (tx, mut rx) = tmpsc::channel::<u32>(8);
    let t = tx.clone();
    tokio::spawn(async move { t.send(1).await.unwrap() });
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn clone_used_inside_the_loop() {
    let (tx, rx) = flume::unbounded::<u32>();
    thread::spawn(move || {
        for v in rx.iter() { //~ ERROR sender_alive_in_recv_loop
            if v < 10 {
                tx.send(v + 1).unwrap();
            }
        }
    });
}

struct Pool {
    keep: Option<mpsc::Sender<u32>>,
}

impl Pool {
    fn run(&mut self) {
        let (tx, rx) = mpsc::channel::<u32>();
        self.keep = Some(tx);
        for v in &rx { //~ ERROR sender_alive_in_recv_loop
            println!("{v}");
        }
    }
}

fn forgotten() {
    let (tx, rx) = async_channel::unbounded::<u32>();
    std::mem::forget(tx);
    while let Ok(v) = rx.recv_blocking() { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

async fn futures_stream() {
    use futures::StreamExt;
    let (tx, mut rx) = futures::channel::mpsc::unbounded::<u32>();
    tx.unbounded_send(1).unwrap();
    while let Some(v) = rx.next().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn joined_while_the_sender_lives() {
    let (tx, rx) = mpsc::channel::<u32>();
    let printer = thread::spawn(move || {
        for msg in rx.iter() {
            println!("{msg}");
        }
    });
    tx.send(1).unwrap();
    printer.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
}

async fn awaited_while_the_sender_lives() {
    let (tx, mut rx) = tmpsc::unbounded_channel::<u32>();
    let consumer = tokio::spawn(async move {
        while let Some(v) = rx.recv().await {
            println!("{v}");
        }
    });
    tx.send(1).unwrap();
    consumer.await.unwrap(); //~ ERROR sender_alive_in_recv_loop
    tx.send(2).unwrap();
}

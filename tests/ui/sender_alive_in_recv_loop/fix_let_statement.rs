// Receives that do not start their line (`let sum: u32 = rx.iter().sum();`, `let _ =
// task.await;`): the `drop(tx);` goes before the `let` statement that holds them, so the
// fix is machine-applicable.
use std::sync::mpsc;
use std::thread;

pub fn total() -> u32 {
    let (tx, rx) = mpsc::channel::<u32>();
    let t2 = tx.clone();
    thread::spawn(move || {
        let _ = t2.send(1);
    });
    let sum: u32 = rx.iter().sum(); //~ ERROR sender_alive_in_recv_loop
    sum
}

pub fn count() -> usize {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let t2 = tx.clone();
    thread::spawn(move || {
        let _ = t2.send(1);
    });
    let _ = rx.iter().count(); //~ ERROR sender_alive_in_recv_loop
    0
}

pub async fn run_and_wait() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    let task = tokio::spawn(async move {
        while let Some(n) = rx.recv().await {
            println!("{n}");
        }
    });
    let _ = task.await; //~ ERROR sender_alive_in_recv_loop
}

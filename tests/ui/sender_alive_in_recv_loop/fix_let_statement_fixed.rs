// The fixed versions of `fix_let_statement.rs` (what `--fix` writes): each sender is dropped
// before the `let` statement that receives, so every loop ends when the spawned work ends.
use std::sync::mpsc;
use std::thread;

pub fn total() -> u32 {
    let (tx, rx) = mpsc::channel::<u32>();
    let t2 = tx.clone();
    thread::spawn(move || {
        let _ = t2.send(1);
    });
    drop(tx);
    let sum: u32 = rx.iter().sum();
    sum
}

pub fn count() -> usize {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let t2 = tx.clone();
    thread::spawn(move || {
        let _ = t2.send(1);
    });
    drop(tx);
    let _ = rx.iter().count();
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
    drop(tx);
    let _ = task.await;
}

// Near misses of a reply that bounds the work: the reply channel is made once outside the
// loop, or is read only after the loop, or the work does not send on it. Each spawn runs on
// while the loop goes on, so their number grows with the input.
use std::sync::mpsc;
use tokio::sync::oneshot;

fn step(n: u64) -> u64 {
    n + 1
}

// One channel for every iteration's work, read after the loop.
pub fn shared_channel(input: mpsc::Receiver<u64>) {
    let (tx, rx) = mpsc::channel();
    for n in input {
        let tx = tx.clone();
        std::thread::spawn(move || tx.send(step(n)).unwrap()); //~ WARN detached_spawn_in_loop
    }
    drop(tx);
    println!("{}", rx.iter().count());
}

// The reply is awaited before the spawn, not after it.
pub async fn awaited_first(mut input: tokio::sync::mpsc::Receiver<u64>) {
    while let Some(n) = input.recv().await {
        let (tx, rx) = oneshot::channel::<u64>();
        drop(tx);
        let _ = rx.await;
        tokio::spawn(async move { //~ WARN detached_spawn_in_loop
            println!("{}", step(n));
        });
    }
}

// The awaited channel is not the one the work sends on.
pub async fn other_channel(mut input: tokio::sync::mpsc::Receiver<u64>) {
    while let Some(n) = input.recv().await {
        let (tx, rx) = oneshot::channel::<u64>();
        let (done_tx, _done_rx) = oneshot::channel::<u64>();
        tokio::spawn(async move { //~ WARN detached_spawn_in_loop
            let _ = done_tx.send(step(n));
        });
        drop(tx);
        let _ = rx.await;
    }
}

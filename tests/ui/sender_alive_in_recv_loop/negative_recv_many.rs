// Near misses of positive_recv_many.rs: the senders are dropped before the loop, or the
// loop leaves on its own.
use tokio::sync::mpsc;

async fn batch_loop() {
    let (tx, mut rx) = mpsc::channel::<u32>(64);
    let worker = tx.clone();
    tokio::spawn(async move { worker.send(1).await.unwrap() });
    drop(tx);
    let mut buf = Vec::new();
    while rx.recv_many(&mut buf, 16).await > 0 {
        buf.clear();
    }
}

async fn counted_not_until_close() {
    let (tx, mut rx) = mpsc::channel::<u32>(64);
    let worker = tx.clone();
    tokio::spawn(async move { worker.send(1).await.unwrap() });
    let mut buf = Vec::new();
    // Stops after a full batch: it does not wait for the channel to close.
    while rx.recv_many(&mut buf, 16).await < 16 {
        buf.clear();
    }
    drop(tx);
}

fn kanal_loop() {
    let (tx, rx) = kanal::unbounded::<u32>();
    std::thread::spawn(move || tx.send(1).unwrap());
    while let Ok(v) = rx.recv() {
        println!("{v}");
    }
}

async fn async_broadcast_loop() {
    let (tx, mut rx) = async_broadcast::broadcast::<u32>(8);
    tokio::spawn(async move { tx.broadcast(1).await.unwrap() });
    while let Ok(v) = rx.recv().await {
        println!("{v}");
    }
}

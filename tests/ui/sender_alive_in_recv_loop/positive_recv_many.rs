// `recv_many` returns 0 only once every sender is gone: counting loops on it are receive loops.
use tokio::sync::mpsc;

async fn batch_loop() {
    let (tx, mut rx) = mpsc::channel::<u32>(64);
    let worker = tx.clone();
    tokio::spawn(async move { worker.send(1).await.unwrap() });
    let mut buf = Vec::new();
    while rx.recv_many(&mut buf, 16).await > 0 { //~ ERROR sender_alive_in_recv_loop
        buf.clear();
    }
    drop(tx);
}

async fn not_zero(tx: mpsc::UnboundedSender<u32>) {
    let (own, mut rx) = mpsc::unbounded_channel::<u32>();
    let _ = tx;
    let copy = own.clone();
    tokio::spawn(async move { copy.send(1).unwrap() });
    let mut buf = Vec::with_capacity(8);
    while 0 != rx.recv_many(&mut buf, 8).await { //~ ERROR sender_alive_in_recv_loop
        buf.clear();
    }
    own.send(2).unwrap();
}

fn kanal_loop() {
    let (tx, rx) = kanal::unbounded::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    while let Ok(v) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    drop(tx);
}

async fn async_broadcast_loop() {
    let (tx, mut rx) = async_broadcast::broadcast::<u32>(8);
    let t = tx.clone();
    tokio::spawn(async move { t.broadcast(1).await.unwrap() });
    while let Ok(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    drop(tx);
}

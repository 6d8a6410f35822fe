// The fixed versions of let_underscore_only_use.rs: `drop(tx)` in the closure moves the
// sender in and drops it there, so the channel closes.
use std::sync::mpsc;
use std::thread;

fn collect_std() -> Vec<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    thread::spawn(move || {
        drop(tx);
        println!("worker");
    });
    rx.iter().collect()
}

async fn drain_tokio() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    tokio::spawn(async move {
        let _tx = tx;
    });
    while let Some(v) = rx.recv().await {
        println!("{v}");
    }
}

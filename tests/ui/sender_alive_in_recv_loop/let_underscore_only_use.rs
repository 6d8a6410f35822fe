// The only mention of the only sender is `let _ = tx;` in a `move` closure: since edition
// 2021 the closure captures nothing, so `tx` stays alive in the parent until its end, and
// the parent's receive never sees the channel close.
use std::sync::mpsc;
use std::thread;

fn collect_std() -> Vec<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    thread::spawn(move || {
        let _ = tx;
        println!("worker");
    });
    rx.iter().collect() //~ ERROR sender_alive_in_recv_loop
}

async fn drain_tokio() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    tokio::spawn(async move {
        let _ = tx;
    });
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

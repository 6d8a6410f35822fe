// `let _ = tx;` inside a `move` closure or `async move` block does not capture `tx` (edition
// 2021 captures only what the body really uses, and `let _ = place` uses nothing): the
// parent's `tx` stays alive, so the parent's receive loop never ends.
use std::sync::mpsc;
use std::thread;

fn std_thread() {
    let (tx, rx) = mpsc::channel::<u32>();
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    thread::spawn(move || {
        let _ = tx;
        println!("worker started");
    });
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn crossbeam_thread_with_a_clone() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let worker = tx.clone();
    drop(tx);
    thread::spawn(move || {
        let _ = worker;
    });
    while let Ok(v) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

async fn tokio_task() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(1).unwrap();
    });
    tokio::spawn(async move {
        let _ = (tx);
    });
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

// Near misses of let_underscore_in_move_closure.rs: the closure really takes the sender
// (`drop(tx)`, a named binding `let _t = tx;`, a use), so it is gone when the work ends.
use std::sync::mpsc;
use std::thread;

fn std_thread_drop() {
    let (tx, rx) = mpsc::channel::<u32>();
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    thread::spawn(move || {
        drop(tx);
        println!("worker started");
    });
    for v in rx {
        println!("{v}");
    }
}

fn crossbeam_named_binding() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let worker = tx.clone();
    drop(tx);
    thread::spawn(move || {
        let _t = worker;
    });
    while let Ok(v) = rx.recv() {
        println!("{v}");
    }
}

async fn tokio_task_sends() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(1).unwrap();
    });
    tokio::spawn(async move {
        let _ = tx.send(1);
    });
    while let Some(v) = rx.recv().await {
        println!("{v}");
    }
}

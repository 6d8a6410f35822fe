// The fixed versions of `let_underscore.rs`: the sender is really dropped before the loop.
use std::sync::mpsc;
use std::thread;

fn std_drop() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(1).unwrap();
    });
    drop(tx);
    for v in rx {
        println!("{v}");
    }
}

fn named_binding_at_the_end_of_a_block() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(1).unwrap();
    });
    {
        let _g = tx;
    }
    for v in rx {
        println!("{v}");
    }
}

async fn tokio_drop() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(1).unwrap();
    });
    drop(tx);
    while let Some(v) = rx.recv().await {
        println!("{v}");
    }
}

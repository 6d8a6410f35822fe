// `let _ = tx;` does not drop `tx`: `_` is not a binding, and a place expression matched
// against it is neither moved nor dropped. The sender lives to the end of its block.
use std::sync::mpsc;
use std::thread;

fn std_let_underscore() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(1).unwrap();
    });
    let _ = tx;
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

async fn tokio_let_underscore_parenthesised() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let producer = tx.clone();
    tokio::spawn(async move {
        producer.send(1).unwrap();
    });
    let _ = (tx);
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

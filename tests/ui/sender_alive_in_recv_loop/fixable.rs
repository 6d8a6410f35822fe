// Receive loops whose sender is kept alive only by its scope: `--fix` drops it before the
// loop (or before the join), and nothing of this lint is left in `fixable.fixed`.
use std::sync::mpsc;
use std::thread;

fn workers_then_loop() {
    let (tx, rx) = mpsc::channel();
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    // Print every answer.
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

async fn tokio_loop() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let t = tx.clone();
    tokio::spawn(async move { t.send(1).await.unwrap() });
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
}

fn join_after_send() {
    let (tx, rx) = mpsc::channel::<u32>();
    let printer = thread::spawn(move || {
        for msg in rx.iter() {
            println!("{msg}");
        }
    });
    tx.send(1).unwrap();
    printer.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
}

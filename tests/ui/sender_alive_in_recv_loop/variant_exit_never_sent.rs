// A receive loop whose only way out is a message that nothing in the crate sends: the
// `Shutdown` arm is never taken, and the channel cannot close while a sender is alive.
use std::sync::mpsc;
use std::thread;

enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

fn main_loop() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || {
        for i in 0..3 {
            worker.send(Cmd::Run(i)).unwrap();
        }
    });
    for cmd in &rx { //~ ERROR sender_alive_in_recv_loop
        match cmd {
            Cmd::Run(j) => run(j),
            Cmd::Shutdown => return,
        }
    }
    drop(tx);
}

// `if let` and `break`, with a tokio channel.
enum Msg {
    Work,
    Stop,
}

async fn serve() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Msg>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(Msg::Work).await;
    });
    while let Some(msg) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        if let Msg::Stop = msg {
            break;
        }
    }
    let _ = tx.send(Msg::Work).await;
}

fn main() {
    main_loop();
    drop(serve());
}

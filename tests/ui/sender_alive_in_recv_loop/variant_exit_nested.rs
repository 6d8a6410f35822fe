// A receive loop written as `loop { match rx.recv() { .. } }` whose stop arms are nested
// patterns (`Ok(Cmd::Shutdown) => break`, `Some(Cmd::Shutdown) => return`): nothing in the
// crate sends the stop message, the other way out is the channel closing, and a sender is
// alive, so the loop never ends.
use std::sync::mpsc;
use std::thread;

enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

fn std_loop() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || {
        for i in 0..3 {
            worker.send(Cmd::Run(i)).unwrap();
        }
    });
    loop {
        match rx.recv() { //~ ERROR sender_alive_in_recv_loop
            Ok(Cmd::Run(j)) => run(j),
            Ok(Cmd::Shutdown) => break,
            Err(_) => break,
        }
    }
    drop(tx);
}

enum Msg {
    Work(u32),
    Stop,
}

async fn tokio_loop() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Msg>();
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(Msg::Work(1));
    });
    loop {
        match rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            Some(Msg::Work(n)) => run(n),
            Some(Msg::Stop) => return,
            None => break,
        }
    }
    let _ = tx.send(Msg::Work(2));
}

// crossbeam, `while let` over a nested pattern with the stop arm inside.
enum Op {
    Put(u32),
    Quit,
}

fn crossbeam_while_let() {
    let (tx, rx) = crossbeam_channel::unbounded::<Op>();
    let producer = tx.clone();
    thread::spawn(move || producer.send(Op::Put(1)).unwrap());
    while let Ok(op) = rx.recv() { //~ ERROR sender_alive_in_recv_loop
        match op {
            Op::Put(n) => run(n),
            Op::Quit => break,
        }
    }
    drop(tx);
}

fn main() {
    std_loop();
    drop(tokio_loop());
    crossbeam_while_let();
}

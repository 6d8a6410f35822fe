// Near misses of variant_exit_nested.rs: the stop message is constructed somewhere — sent
// directly, through `.into()`, or returned by a helper — so the stop arms can be taken.
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
        worker.send(Cmd::Shutdown).unwrap();
    });
    loop {
        match rx.recv() {
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

struct Wire(Msg);

impl From<Wire> for Msg {
    fn from(w: Wire) -> Msg {
        w.0
    }
}

fn stop_wire() -> Wire {
    Wire(Msg::Stop.into())
}

async fn tokio_loop() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Msg>();
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(Msg::Work(1));
        let _ = producer.send(stop_wire().into());
    });
    loop {
        match rx.recv().await {
            Some(Msg::Work(n)) => run(n),
            Some(Msg::Stop) => return,
            None => break,
        }
    }
    let _ = tx.send(Msg::Work(2));
}

enum Op {
    Put(u32),
    Quit,
}

fn quit() -> Op {
    Op::Quit
}

fn crossbeam_while_let() {
    let (tx, rx) = crossbeam_channel::unbounded::<Op>();
    let producer = tx.clone();
    thread::spawn(move || {
        producer.send(Op::Put(1)).unwrap();
        producer.send(quit()).unwrap();
    });
    while let Ok(op) = rx.recv() {
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

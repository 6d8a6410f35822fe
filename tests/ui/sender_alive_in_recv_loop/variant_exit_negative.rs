// The fixed versions of `variant_exit_never_sent.rs`: the stop message is sent somewhere
// (another function), or the stop arm is not the only way out.
use std::sync::mpsc;
use std::thread;

enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

fn stop(tx: &mpsc::Sender<Cmd>) {
    tx.send(Cmd::Shutdown).unwrap();
}

fn main_loop() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || {
        for i in 0..3 {
            worker.send(Cmd::Run(i)).unwrap();
        }
        stop(&worker);
    });
    for cmd in &rx {
        match cmd {
            Cmd::Run(j) => run(j),
            Cmd::Shutdown => return,
        }
    }
    drop(tx);
}

// The loop also breaks when the work is done, whatever the message.
enum Msg {
    Work(u32),
    Stop,
}

fn serve() {
    let (tx, rx) = mpsc::channel::<Msg>();
    let producer = tx.clone();
    thread::spawn(move || producer.send(Msg::Work(1)).unwrap());
    for msg in &rx {
        match msg {
            Msg::Work(n) if n > 0 => break,
            Msg::Work(_) => {}
            Msg::Stop => return,
        }
    }
    drop(tx);
}

// A `pub` enum: code outside the crate may send the stop message.
pub enum Public {
    Go,
    Halt,
}

pub fn public_loop() {
    let (tx, rx) = mpsc::channel::<Public>();
    let p = tx.clone();
    thread::spawn(move || p.send(Public::Go).unwrap());
    for m in &rx {
        if let Public::Halt = m {
            break;
        }
    }
    drop(tx);
}

fn main() {
    main_loop();
    serve();
}

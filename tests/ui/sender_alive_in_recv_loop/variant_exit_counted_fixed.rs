// The fixed version of `variant_exit_counted.rs`: the worker sends `Shutdown`, so the
// loop's exits are taken.
use std::sync::mpsc;
use std::thread;

enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

fn ready() -> bool {
    true
}

fn panics_or_returns_on_shutdown() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(Cmd::Run(1)).unwrap();
        worker.send(Cmd::Shutdown).unwrap();
    });
    for cmd in &rx {
        match cmd {
            Cmd::Run(j) => run(j),
            Cmd::Shutdown => {
                if !ready() {
                    panic!("not ready to stop");
                }
                return;
            }
        }
    }
    drop(tx);
}

fn main() {
    panics_or_returns_on_shutdown();
}

// The exits of a receive loop as both models count them: every exit the file model knows
// must be one of the variant's; one it cannot read (in a macro) leaves the loop to the plain
// check, which reports it once.
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

// Two exits on `Shutdown`, a panic and a return: still only that variant's.
fn panics_or_returns_on_shutdown() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Cmd::Run(1)).unwrap());
    for cmd in &rx { //~ ERROR sender_alive_in_recv_loop
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

macro_rules! stop {
    () => {
        return
    };
}

// The only exit is in a macro: one finding, without the variant's note.
fn returns_in_a_macro_on_shutdown() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || worker.send(Cmd::Run(1)).unwrap());
    for cmd in &rx { //~ ERROR sender_alive_in_recv_loop
        match cmd {
            Cmd::Run(j) => run(j),
            Cmd::Shutdown => stop!(),
        }
    }
    drop(tx);
}

fn main() {
    panics_or_returns_on_shutdown();
    returns_in_a_macro_on_shutdown();
}

// The stop message is constructed in another file, which has no channel in it (the
// pre-filter alone would skip it): the loop's exit can be taken.
mod control;

use std::sync::mpsc;
use std::thread;

pub(crate) enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

pub fn main_loop() {
    let (tx, rx) = mpsc::channel::<Cmd>();
    let worker = tx.clone();
    thread::spawn(move || {
        worker.send(Cmd::Run(1)).unwrap();
        control::stop(&worker);
    });
    for cmd in &rx {
        match cmd {
            Cmd::Run(j) => run(j),
            Cmd::Shutdown => return,
        }
    }
    drop(tx);
}

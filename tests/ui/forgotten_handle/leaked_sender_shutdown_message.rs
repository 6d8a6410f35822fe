// A sender leaked on purpose (a `&'static` handle for the whole program) whose consumer
// stops on an explicit shutdown message: the loop ends without the channel closing, so the
// leak keeps nothing running. Not flagged.
use std::sync::mpsc::{self, Sender};
use std::thread;

enum Msg {
    Job(u32),
    Shutdown,
}

fn start() -> &'static Sender<Msg> {
    let (tx, rx) = mpsc::channel::<Msg>();
    let tx: &'static Sender<Msg> = Box::leak(Box::new(tx));
    thread::spawn(move || {
        for msg in rx {
            match msg {
                Msg::Job(n) => println!("{n}"),
                Msg::Shutdown => break,
            }
        }
    });
    tx
}

fn stop(tx: &'static Sender<Msg>) {
    tx.send(Msg::Shutdown).unwrap();
}

// The near miss of `leaked_sender_shutdown_message.rs`: the consumer stops only when the
// channel closes, which the leaked sender prevents.
use std::sync::mpsc::{self, Sender};
use std::thread;

fn start() -> &'static Sender<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    let tx: &'static Sender<u32> = Box::leak(Box::new(tx)); //~ WARN forgotten_handle
    thread::spawn(move || {
        for n in rx {
            println!("{n}");
        }
    });
    tx
}

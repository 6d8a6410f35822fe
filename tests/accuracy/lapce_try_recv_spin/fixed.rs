// fixed version of ../lapce_try_recv_spin/leak.rs

use std::sync::mpsc::Receiver;
use std::thread;

fn watch_plugins(rx: Receiver<String>) {
    thread::spawn(move || {
        while let Ok(name) = rx.recv() {
            println!("toggle {name}");
        }
    });
}

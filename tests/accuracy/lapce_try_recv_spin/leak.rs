// source: https://github.com/lapce/lapce/pull/911
// expect: detached_infinite_loop (known miss: a `try_recv` in the loop counts as a shutdown check even though its `Disconnected` error is ignored)
// what: a plugin thread polls `try_recv` in a loop and ignores the channel closing, spinning at 100 % CPU for ever

use std::sync::mpsc::Receiver;
use std::thread;

fn watch_plugins(rx: Receiver<String>) {
    thread::spawn(move || loop {
        if let Ok(name) = rx.try_recv() {
            println!("toggle {name}");
        }
    });
}

// source: https://github.com/crossterm-rs/crossterm/pull/307
// expect: detached_infinite_loop
// what: the async input reader thread loops for ever, even after cancellation or when its event channel is gone

use std::sync::mpsc;

fn read_event() -> u8 { 0 }

pub fn async_reader() -> mpsc::Receiver<u8> {
    let (event_tx, event_rx) = mpsc::channel();
    std::thread::spawn(move || loop {
        let ev = read_event();
        let _ = event_tx.send(ev);
    });
    event_rx
}

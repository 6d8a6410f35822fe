// fixed version of ../crossterm_reader_thread_loops_forever/leak.rs

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

fn read_event() -> u8 { 0 }

pub fn async_reader(shutdown: Arc<AtomicBool>) -> (mpsc::Receiver<u8>, std::thread::JoinHandle<()>) {
    let (event_tx, event_rx) = mpsc::channel();
    let thread = std::thread::spawn(move || loop {
        if shutdown.load(Ordering::SeqCst) {
            break;
        }
        let ev = read_event();
        if event_tx.send(ev).is_err() {
            break;
        }
    });
    (event_rx, thread)
}

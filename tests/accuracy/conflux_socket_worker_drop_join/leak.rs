// source: https://github.com/Conflux-Chain/conflux-rust/pull/1714
// expect: sender_alive_in_recv_loop
// what: dropping a socket worker sets a flag and joins, but the thread is parked in `recv` and the sender lives on

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

pub struct SocketWorker {
    work: Sender<Vec<u8>>,
    deleting: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl SocketWorker {
    pub fn new() -> SocketWorker {
        let (work, rx) = channel::<Vec<u8>>();
        let deleting = Arc::new(AtomicBool::new(false));
        let flag = deleting.clone();
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                match rx.recv() {
                    Ok(packet) => println!("{} bytes", packet.len()),
                    Err(_) => return,
                }
            }
        });
        SocketWorker { work, deleting, thread: Some(thread) }
    }
}

impl Drop for SocketWorker {
    fn drop(&mut self) {
        self.deleting.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

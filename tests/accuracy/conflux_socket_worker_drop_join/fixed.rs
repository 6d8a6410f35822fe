// fixed version of ../conflux_socket_worker_drop_join/leak.rs

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

pub struct SocketWorker {
    work: Option<Sender<Vec<u8>>>,
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
        SocketWorker { work: Some(work), deleting, thread: Some(thread) }
    }
}

impl Drop for SocketWorker {
    fn drop(&mut self) {
        self.deleting.store(true, Ordering::SeqCst);
        drop(self.work.take());
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

// fixed version of ../video_stitcher_taken_slot_senders/leak.rs

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub struct Source {
    slots: Vec<SyncSender<usize>>,
    stop: Arc<AtomicBool>,
    decoders: Vec<JoinHandle<()>>,
}

impl Source {
    pub fn new(n: usize) -> Source {
        let stop = Arc::new(AtomicBool::new(false));
        let mut slots = Vec::new();
        let mut decoders = Vec::new();
        for _ in 0..n {
            let (tx, rx) = sync_channel::<usize>(1);
            let stop = stop.clone();
            slots.push(tx);
            decoders.push(thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    match rx.recv_timeout(Duration::from_millis(50)) {
                        Ok(frame) => println!("{frame}"),
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            }));
        }
        Source { slots, stop, decoders }
    }

    pub fn take_slot_senders(&self) -> Vec<SyncSender<usize>> {
        self.slots.clone()
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.slots.clear();
        for d in self.decoders.drain(..) {
            let _ = d.join();
        }
    }
}

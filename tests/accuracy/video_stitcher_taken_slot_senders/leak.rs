// source: https://github.com/reco-project/video-stitcher/issues/149
// expect: sender_alive_in_recv_loop (known miss: the senders were handed out by another method; the decode threads are joined in `Drop`)
// what: drop replaces the slot senders, but clones taken earlier keep the decode threads in `recv`, so the join in `Drop` hangs

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::{self, JoinHandle};

pub struct Source {
    slots: Vec<SyncSender<usize>>,
    decoders: Vec<JoinHandle<()>>,
}

impl Source {
    pub fn new(n: usize) -> Source {
        let mut slots = Vec::new();
        let mut decoders = Vec::new();
        for _ in 0..n {
            let (tx, rx) = sync_channel::<usize>(1);
            slots.push(tx);
            decoders.push(thread::spawn(move || for frame in rx { println!("{frame}") }));
        }
        Source { slots, decoders }
    }

    pub fn take_slot_senders(&self) -> Vec<SyncSender<usize>> {
        self.slots.clone()
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        self.slots.clear();
        for d in self.decoders.drain(..) {
            let _ = d.join();
        }
    }
}

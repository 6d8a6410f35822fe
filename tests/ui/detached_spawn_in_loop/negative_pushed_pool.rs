// Near misses of positive_pushed.rs: a fixed pool over a range, and handles collected into
// a local `Vec` that is joined.
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

pub struct Pool {
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Pool {
    pub fn start(&self, n: usize) {
        for i in 0..n {
            self.workers.lock().unwrap().push(thread::spawn(move || println!("{i}")));
        }
    }
}

pub fn per_message_joined(rx: flume::Receiver<u32>) {
    let mut handles = Vec::new();
    for job in rx.iter() {
        handles.push(thread::spawn(move || println!("{job}")));
    }
    for h in handles {
        h.join().unwrap();
    }
}

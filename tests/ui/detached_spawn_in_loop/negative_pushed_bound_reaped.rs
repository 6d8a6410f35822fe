// Near misses of positive_pushed_bound.rs: finished handles are reaped on every iteration,
// or the handle is joined before it would be kept.
use std::net::TcpListener;
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

pub struct Server {
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Server {
    pub fn serve(&self, listener: TcpListener) {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            let h = thread::spawn(move || {
                drop(stream);
            });
            let mut workers = self.workers.lock().unwrap();
            workers.retain(|h| !h.is_finished());
            workers.push(h);
        }
    }
}

pub fn per_message(rx: crossbeam_channel::Receiver<u32>) {
    for job in rx {
        let h = thread::spawn(move || println!("{job}"));
        h.join().unwrap();
    }
}

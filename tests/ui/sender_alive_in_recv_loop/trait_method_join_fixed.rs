// The fixed version: the trait method takes and drops the sender before the join, so the
// loop sees the channel close.
use std::sync::mpsc::{channel, Sender};
use std::thread::{spawn, JoinHandle};

pub trait Shutdown {
    fn shutdown(&mut self);
}

pub struct Crawler {
    queue: Option<Sender<String>>,
    worker: Option<JoinHandle<()>>,
}

impl Crawler {
    pub fn new() -> Crawler {
        let (queue, pages) = channel::<String>();
        let worker = spawn(move || {
            for url in pages {
                println!("fetch {url}");
            }
        });
        Crawler { queue: Some(queue), worker: Some(worker) }
    }

    pub fn enqueue(&self, url: String) {
        if let Some(q) = &self.queue {
            let _ = q.send(url);
        }
    }
}

impl Shutdown for Crawler {
    fn shutdown(&mut self) {
        drop(self.queue.take());
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

// The worker is joined in a method of a trait impl (`impl Shutdown for Crawler`), not in an
// inherent method or `Drop`: `self.queue` still holds the sender, so the loop never ends.
use std::sync::mpsc::{channel, Sender};
use std::thread::{spawn, JoinHandle};

pub trait Shutdown {
    fn shutdown(&mut self);
}

pub struct Crawler {
    queue: Sender<String>,
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
        Crawler { queue, worker: Some(worker) }
    }

    pub fn enqueue(&self, url: String) {
        let _ = self.queue.send(url);
    }
}

impl Shutdown for Crawler {
    fn shutdown(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

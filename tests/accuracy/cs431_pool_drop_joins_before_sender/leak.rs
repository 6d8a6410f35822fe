// source: https://github.com/kaist-cp/cs431/issues/102
// expect: sender_alive_in_recv_loop
// what: a thread pool joins its workers in `Drop` while its own job sender field is still alive

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send>;

pub struct Pool {
    jobs: Sender<Job>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    pub fn new(size: usize) -> Pool {
        let (jobs, rx) = channel::<Job>();
        let rx: Arc<Mutex<Receiver<Job>>> = Arc::new(Mutex::new(rx));
        let mut workers = Vec::new();
        for _ in 0..size {
            let rx = rx.clone();
            workers.push(thread::spawn(move || loop {
                let next = rx.lock().unwrap().recv();
                match next {
                    Ok(job) => job(),
                    Err(_) => break,
                }
            }));
        }
        Pool { jobs, workers }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for w in self.workers.drain(..) {
            w.join().unwrap();
        }
    }
}

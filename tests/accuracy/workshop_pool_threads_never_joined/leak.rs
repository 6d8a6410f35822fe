// source: https://github.com/rylev/rust-workshop/issues/4
// expect: none (known miss: no lint yet for worker handles dropped in a constructor of a type without `Drop`)
// what: a thread pool spawns its workers in `new` and drops their handles; at exit the workers are never joined

use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};

pub struct ThreadPool {
    jobs: Sender<Box<dyn FnOnce() + Send>>,
}

impl ThreadPool {
    pub fn new(size: usize) -> ThreadPool {
        let (jobs, rx) = channel::<Box<dyn FnOnce() + Send>>();
        let rx = Arc::new(Mutex::new(rx));
        let mut workers = Vec::new();
        for _ in 0..size {
            let rx = rx.clone();
            workers.push(std::thread::spawn(move || loop {
                let job = rx.lock().unwrap().recv();
                match job {
                    Ok(job) => job(),
                    Err(_) => break,
                }
            }));
        }
        ThreadPool { jobs }
    }
}

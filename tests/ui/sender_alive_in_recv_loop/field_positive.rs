// A sender kept in a field while `drop` (or `shutdown`) joins the worker whose receive loop
// waits for every sender: the field drops only after the join returns.
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

fn index(_: &PathBuf) {}

pub struct Indexer {
    jobs: Sender<PathBuf>,
    worker: Option<JoinHandle<()>>,
}

impl Indexer {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            for p in rx {
                index(&p)
            }
        });
        Indexer { jobs, worker: Some(worker) }
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

// crossbeam, `Self { .. }`, `while let Ok(..) = rx.recv()`, joined in another method.
pub struct Pool {
    handle: Option<JoinHandle<()>>,
    tx: crossbeam_channel::Sender<u32>,
}

impl Pool {
    pub fn new() -> Self {
        let (tx, rx) = crossbeam_channel::unbounded();
        let handle = thread::spawn(move || {
            while let Ok(n) = rx.recv() {
                println!("{n}");
            }
        });
        Self { handle: Some(handle), tx }
    }

    pub fn shutdown(&mut self) {
        self.handle.take().map(|h| h.join()); //~ ERROR sender_alive_in_recv_loop
    }
}

// tokio: the task's handle awaited in an async `shutdown(self)`.
pub struct Writer {
    tx: tokio::sync::mpsc::UnboundedSender<String>,
    task: tokio::task::JoinHandle<()>,
}

impl Writer {
    pub fn new() -> Self {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        let task = tokio::spawn(async move {
            while let Some(line) = rx.recv().await {
                println!("{line}");
            }
        });
        Writer { tx, task }
    }

    pub async fn shutdown(self) {
        let _ = self.task.await; //~ ERROR sender_alive_in_recv_loop
    }
}



// Started from a method that stores into `self`, flume.
pub struct Logger {
    tx: Option<flume::Sender<String>>,
    thread: Option<JoinHandle<()>>,
}

impl Logger {
    pub fn start(&mut self) {
        let (tx, rx) = flume::unbounded::<String>();
        let thread = thread::spawn(move || {
            for line in rx.iter() {
                println!("{line}");
            }
        });
        self.tx = Some(tx);
        self.thread = Some(thread);
    }

    pub fn stop(&mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}


// The spawn written inline in the struct literal.
pub struct Inline {
    tx: Sender<u32>,
    worker: Option<JoinHandle<()>>,
}

impl Inline {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::channel::<u32>();
        Self {
            tx,
            worker: Some(thread::spawn(move || {
                for n in rx {
                    println!("{n}");
                }
            })),
        }
    }
}

impl Drop for Inline {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}
fn main() {}

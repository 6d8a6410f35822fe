// The fixed versions: the sender is released (or told to stop) before the join.
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

fn index(_: &PathBuf) {}

pub struct Taken {
    jobs: Option<Sender<PathBuf>>,
    worker: Option<JoinHandle<()>>,
}

impl Taken {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            for p in rx {
                index(&p)
            }
        });
        Taken { jobs: Some(jobs), worker: Some(worker) }
    }
}

impl Drop for Taken {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

pub struct SetToNone {
    jobs: Option<Sender<PathBuf>>,
    worker: Option<JoinHandle<()>>,
}

impl SetToNone {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            for p in rx {
                index(&p)
            }
        });
        SetToNone { jobs: Some(jobs), worker: Some(worker) }
    }

    pub fn shutdown(&mut self) {
        self.jobs = None;
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

// A shutdown message the loop breaks on.
enum Msg {
    Job(PathBuf),
    Stop,
}

pub struct Stopped {
    jobs: Sender<Msg>,
    worker: Option<JoinHandle<()>>,
}

impl Stopped {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<Msg>();
        let worker = thread::spawn(move || {
            for m in rx {
                match m {
                    Msg::Job(p) => index(&p),
                    Msg::Stop => break,
                }
            }
        });
        Stopped { jobs, worker: Some(worker) }
    }
}

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.jobs.send(Msg::Stop);
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

// The worker does not loop until the channel closes.
pub struct OneShot {
    jobs: Sender<PathBuf>,
    worker: Option<JoinHandle<()>>,
}

impl OneShot {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            if let Ok(p) = rx.recv() {
                index(&p)
            }
        });
        OneShot { jobs, worker: Some(worker) }
    }
}

impl Drop for OneShot {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

// A helper method releases the sender first: leaklint does not follow it, and stays silent.
pub struct Helper {
    jobs: Option<Sender<PathBuf>>,
    worker: Option<JoinHandle<()>>,
}

impl Helper {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            for p in rx {
                index(&p)
            }
        });
        Helper { jobs: Some(jobs), worker: Some(worker) }
    }

    fn close(&mut self) {
        self.jobs.take();
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        self.close();
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

// tokio, sender destructured and dropped before the await.
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
        let Writer { tx, task } = self;
        drop(tx);
        let _ = task.await;
    }
}



// The spawn written inline; the sender is taken first.
pub struct Inline {
    tx: Option<Sender<u32>>,
    worker: Option<JoinHandle<()>>,
}

impl Inline {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::channel::<u32>();
        Self {
            tx: Some(tx),
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
        self.tx.take();
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}
fn main() {}

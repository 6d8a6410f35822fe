// Near misses of field_closing_receive.rs: the sender is taken and dropped before the join,
// or a shutdown message the loop breaks on is sent first.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

pub struct SocketWorker {
    work: Option<Sender<Vec<u8>>>,
    deleting: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl SocketWorker {
    pub fn new() -> SocketWorker {
        let (work, rx) = channel::<Vec<u8>>();
        let deleting = Arc::new(AtomicBool::new(false));
        let flag = deleting.clone();
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                match rx.recv() {
                    Ok(packet) => println!("{} bytes", packet.len()),
                    Err(_) => return,
                }
            }
        });
        SocketWorker { work: Some(work), deleting, thread: Some(thread) }
    }
}

impl Drop for SocketWorker {
    fn drop(&mut self) {
        self.deleting.store(true, Ordering::SeqCst);
        drop(self.work.take());
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

type Job = Box<dyn FnOnce() + Send>;

pub struct Pool {
    jobs: Option<Sender<Job>>,
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
        Pool { jobs: Some(jobs), workers }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        drop(self.jobs.take());
        for w in self.workers.drain(..) {
            w.join().unwrap();
        }
    }
}

// A shutdown message, handled by `break`: the loop has a way out besides the close.
enum Msg {
    Line(String),
    Stop,
}

pub struct Logger {
    lines: crossbeam_channel::Sender<Msg>,
    writer: Option<JoinHandle<()>>,
}

impl Logger {
    pub fn new() -> Logger {
        let (lines, rx) = crossbeam_channel::unbounded::<Msg>();
        let writer = thread::spawn(move || loop {
            match rx.recv() {
                Ok(Msg::Line(line)) => println!("{line}"),
                Ok(Msg::Stop) => break,
                Err(_) => break,
            }
        });
        Logger { lines, writer: Some(writer) }
    }
}

impl Drop for Logger {
    fn drop(&mut self) {
        let _ = self.lines.send(Msg::Stop);
        if let Some(w) = self.writer.take() {
            w.join().unwrap();
        }
    }
}

// A receive with a timeout: the loop re-checks its flag.
pub struct Poller {
    tx: flume::Sender<u32>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Poller {
    pub fn new() -> Poller {
        let (tx, rx) = flume::unbounded::<u32>();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                match rx.recv_timeout(std::time::Duration::from_millis(100)) {
                    Ok(n) => println!("{n}"),
                    Err(flume::RecvTimeoutError::Disconnected) => return,
                    Err(flume::RecvTimeoutError::Timeout) => {}
                }
            }
        });
        Poller { tx, stop, thread: Some(thread) }
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

// A `while` whose condition the loop itself changes (a counter of pending replies) can end
// without the channel closing.
pub async fn orchestrate() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(100);
    let first = tx.clone();
    tokio::spawn(async move {
        let _ = first.send(1).await;
    });
    let mut pending = 1;
    while pending > 0 {
        let Some(step) = rx.recv().await else { break };
        pending -= 1;
        if step < 3 {
            let next = tx.clone();
            pending += 1;
            tokio::spawn(async move {
                let _ = next.send(step + 1).await;
            });
        }
    }
}

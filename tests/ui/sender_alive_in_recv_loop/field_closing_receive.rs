// Workers whose loop leaves only when the receive reports the channel closed (an `Err`/`None`
// arm, a `?`, a `let .. else`), joined in `Drop` while the sender field is still alive.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

// The flag is read only between receives: it cannot end a `recv` that blocks.
pub struct SocketWorker {
    work: Sender<Vec<u8>>,
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
        SocketWorker { work, deleting, thread: Some(thread) }
    }
}

impl Drop for SocketWorker {
    fn drop(&mut self) {
        self.deleting.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

// A pool: one receiver shared behind `Arc<Mutex<..>>`, the handles collected into a field.
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
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

// crossbeam, `let .. else`.
pub struct Logger {
    lines: crossbeam_channel::Sender<String>,
    writer: Option<JoinHandle<()>>,
}

impl Logger {
    pub fn new() -> Logger {
        let (lines, rx) = crossbeam_channel::unbounded::<String>();
        let writer = thread::spawn(move || loop {
            let Ok(line) = rx.recv() else { break };
            println!("{line}");
        });
        Logger { lines, writer: Some(writer) }
    }
}

impl Drop for Logger {
    fn drop(&mut self) {
        if let Some(w) = self.writer.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

// tokio: the task's loop leaves on `None`, and `Drop`'s owner awaits it in `shutdown`.
pub struct Flusher {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
    task: tokio::task::JoinHandle<()>,
}

impl Flusher {
    pub fn new() -> Flusher {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
        let task = tokio::spawn(async move {
            loop {
                match rx.recv().await {
                    Some(n) => println!("{n}"),
                    None => break,
                }
            }
        });
        Flusher { tx, task }
    }

    pub async fn shutdown(self) {
        let _ = self.task.await; //~ ERROR sender_alive_in_recv_loop
    }
}

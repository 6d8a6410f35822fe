// The fixed versions of field_sender_nested.rs: the nested sender is taken (an `Option` in
// the lock) before the join, or the owning field is dropped before the await; and a near
// miss: the worker's enum has a second variant, on which the loop ends.
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{spawn, JoinHandle};

struct Shared {
    jobs: Mutex<Option<Sender<String>>>,
}

pub struct Client {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl Client {
    pub fn new() -> Client {
        let (tx, rx) = channel::<String>();
        let shared = Arc::new(Shared { jobs: Mutex::new(Some(tx)) });
        let worker = spawn(move || {
            for j in rx {
                println!("{j}");
            }
        });
        Client { shared, worker: Some(worker) }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.shared.jobs.lock().unwrap().take();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

enum Event {
    Line(String),
}

struct Outbox {
    events: tokio::sync::mpsc::Sender<Event>,
}

pub struct Logger {
    outbox: Outbox,
    task: tokio::task::JoinHandle<()>,
}

impl Logger {
    pub fn spawn() -> Logger {
        let (events, mut rx) = tokio::sync::mpsc::channel::<Event>(64);
        let outbox = Outbox { events };
        let task = tokio::spawn(async move {
            while let Some(Event::Line(l)) = rx.recv().await {
                println!("{l}");
            }
        });
        Logger { outbox, task }
    }

    pub async fn shutdown(self) {
        drop(self.outbox);
        let _ = self.task.await;
    }
}

enum Cmd {
    Run(u32),
    Quit,
}

pub struct Runner {
    tx: tokio::sync::mpsc::Sender<Cmd>,
    task: tokio::task::JoinHandle<()>,
}

impl Runner {
    pub fn spawn() -> Runner {
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Cmd>(8);
        let task = tokio::spawn(async move {
            while let Some(Cmd::Run(n)) = rx.recv().await {
                println!("{n}");
            }
        });
        Runner { tx, task }
    }

    pub async fn shutdown(self) {
        let _ = self.tx.send(Cmd::Quit).await;
        let _ = self.task.await;
    }
}

// A sender kept one level down: in a field of a project value (behind `Arc`, in a `Mutex`)
// that is itself a field of the type whose `drop` or `shutdown` joins the worker. The
// sender lives as long as that field, which drops only after the join returns. Also a
// worker loop whose pattern is the only variant of an enum (it ends only on the close).
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{spawn, JoinHandle};

struct Shared {
    jobs: Mutex<Sender<String>>,
    name: String,
}

pub struct Client {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl Client {
    pub fn new(name: String) -> Client {
        let (tx, rx) = channel::<String>();
        let shared = Arc::new(Shared { jobs: Mutex::new(tx), name });
        let worker = spawn(move || {
            for j in rx {
                println!("{j}");
            }
        });
        Client { shared, worker: Some(worker) }
    }

    pub fn submit(&self, j: String) {
        let _ = self.shared.jobs.lock().unwrap().send(j);
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            let _ = w.join(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

// tokio: the sender in a plain project struct, the loop on the one variant of an enum.
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
        let _ = self.task.await; //~ ERROR sender_alive_in_recv_loop
    }
}

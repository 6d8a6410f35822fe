// The fixed versions of `variant_exit_workers.rs` as a crate: the stop messages are sent
// from another file (`src/stop.rs`), so each loop can leave on one and nothing is reported.
mod stop;

use std::sync::mpsc;
use std::thread::{self, JoinHandle};

pub(crate) enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

// std, `for` over the receiver, joined in `Drop`.
pub struct Pool {
    pub(crate) tx: mpsc::Sender<Cmd>,
    worker: Option<JoinHandle<()>>,
}

impl Pool {
    pub fn new() -> Pool {
        let (tx, rx) = mpsc::channel::<Cmd>();
        let worker = thread::spawn(move || {
            for cmd in rx {
                match cmd {
                    Cmd::Run(j) => run(j),
                    Cmd::Shutdown => break,
                }
            }
        });
        Pool { tx, worker: Some(worker) }
    }

    pub fn submit(&self, j: u32) {
        let _ = self.tx.send(Cmd::Run(j));
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

// tokio, a `loop` that ends on `None` or on `Some(Msg::Stop)`, awaited in `shutdown(self)`.
pub(crate) enum Msg {
    Work,
    Stop,
}

pub struct Flusher {
    pub(crate) cmds: tokio::sync::mpsc::Sender<Msg>,
    task: tokio::task::JoinHandle<()>,
}

impl Flusher {
    pub fn start() -> Self {
        let (cmds, mut rx) = tokio::sync::mpsc::channel::<Msg>(16);
        let task = tokio::spawn(async move {
            loop {
                match rx.recv().await {
                    Some(Msg::Work) => run(0),
                    Some(Msg::Stop) => return,
                    None => break,
                }
            }
        });
        Flusher { cmds, task }
    }

    pub async fn flush(&self) {
        let _ = self.cmds.send(Msg::Work).await;
    }

    pub async fn shutdown(self) {
        let _ = self.task.await;
    }
}

// crossbeam: a watcher that owns the loop's sender, moved into the loop's own thread.
pub(crate) enum Event {
    Changed(u32),
    Quit,
}

pub struct Watcher {
    pub(crate) events: crossbeam_channel::Sender<Event>,
}

impl Watcher {
    pub fn new(events: crossbeam_channel::Sender<Event>) -> Watcher {
        Watcher { events }
    }
    pub fn poke(&self) {
        let _ = self.events.send(Event::Changed(1));
    }
}

pub fn start_watcher() {
    let (tx, rx) = crossbeam_channel::unbounded();
    let watcher = Watcher::new(tx);
    thread::spawn(move || {
        let _keep = watcher;
        while let Ok(ev) = rx.recv() {
            if let Event::Quit = ev {
                break;
            }
        }
    });
}

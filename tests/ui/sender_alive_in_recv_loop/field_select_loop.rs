// A `select!` loop whose only way out is the command channel closing (the other branches are
// ticks), run by a worker whose handle is joined (or awaited) while the type still holds the
// command sender: the join waits for a loop that waits for the sender.
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub enum Cmd {
    Flush,
}

fn flush() {}
fn tick() {}

// tokio: `cmd = rx.recv() => match cmd { Some(..) => .., None => break }`, awaited in
// `shutdown(self)`.
pub struct Flusher {
    cmds: tokio::sync::mpsc::Sender<Cmd>,
    task: tokio::task::JoinHandle<()>,
}

impl Flusher {
    pub fn start() -> Self {
        let (cmds, mut rx) = tokio::sync::mpsc::channel::<Cmd>(16);
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(1));
            loop {
                tokio::select! {
                    cmd = rx.recv() => match cmd {
                        Some(Cmd::Flush) => flush(),
                        None => break,
                    },
                    _ = every.tick() => tick(),
                }
            }
        });
        Flusher { cmds, task }
    }

    pub async fn shutdown(self) {
        let _ = self.task.await; //~ ERROR sender_alive_in_recv_loop
    }
}

// crossbeam: `recv(rx) -> msg => match msg { Ok(..) => .., Err(_) => break }`, joined in
// `Drop`.
pub struct Ticker {
    tx: crossbeam_channel::Sender<Cmd>,
    worker: Option<JoinHandle<()>>,
}

impl Ticker {
    pub fn new() -> Ticker {
        let (tx, rx) = crossbeam_channel::unbounded::<Cmd>();
        let ticks = crossbeam_channel::tick(Duration::from_secs(1));
        let worker = thread::spawn(move || loop {
            crossbeam_channel::select! {
                recv(rx) -> msg => match msg {
                    Ok(Cmd::Flush) => flush(),
                    Err(_) => break,
                },
                recv(ticks) -> _ => tick(),
            }
        });
        Ticker { tx, worker: Some(worker) }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
        }
    }
}

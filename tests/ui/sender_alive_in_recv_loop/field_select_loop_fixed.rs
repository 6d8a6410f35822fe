// Near misses of field_select_loop.rs: the sender is taken and dropped before the join, or
// the loop has a shutdown branch of its own.
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub enum Cmd {
    Flush,
}

fn flush() {}
fn tick() {}

// A cancellation branch ends the loop.
pub struct Flusher {
    cmds: tokio::sync::mpsc::Sender<Cmd>,
    token: tokio_util::sync::CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

impl Flusher {
    pub fn start() -> Self {
        let (cmds, mut rx) = tokio::sync::mpsc::channel::<Cmd>(16);
        let token = tokio_util::sync::CancellationToken::new();
        let stop = token.clone();
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(1));
            loop {
                tokio::select! {
                    _ = stop.cancelled() => break,
                    cmd = rx.recv() => match cmd {
                        Some(Cmd::Flush) => flush(),
                        None => break,
                    },
                    _ = every.tick() => tick(),
                }
            }
        });
        Flusher { cmds, token, task }
    }

    pub async fn shutdown(self) {
        self.token.cancel();
        let _ = self.task.await;
    }
}

// The sender is an `Option` taken before the join.
pub struct Ticker {
    tx: Option<crossbeam_channel::Sender<Cmd>>,
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
        Ticker { tx: Some(tx), worker: Some(worker) }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        drop(self.tx.take());
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}

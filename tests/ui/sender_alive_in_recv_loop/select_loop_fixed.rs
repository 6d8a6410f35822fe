// Near misses of select_loop.rs: the sender is dropped before the wait; the type's loop has
// a stop branch of its own.
use std::time::Duration;

fn tick() {}

pub async fn run_and_wait() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    let task = tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                msg = rx.recv() => match msg {
                    Some(n) => println!("{n}"),
                    None => break,
                },
                _ = every.tick() => tick(),
            }
        }
    });
    drop(tx);
    let _ = task.await;
}

pub struct Actor {
    tx: crossbeam_channel::Sender<u32>,
    rx: crossbeam_channel::Receiver<u32>,
    stop: crossbeam_channel::Receiver<()>,
}

impl Actor {
    pub fn new(stop: crossbeam_channel::Receiver<()>) -> Actor {
        let (tx, rx) = crossbeam_channel::unbounded();
        Actor { tx, rx, stop }
    }

    pub fn run(&self) {
        loop {
            crossbeam_channel::select! {
                recv(self.rx) -> msg => match msg {
                    Ok(n) => println!("{n}"),
                    Err(_) => break,
                },
                recv(self.stop) -> _ => break,
            }
        }
    }
}

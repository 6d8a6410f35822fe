// `select!` loops whose only way out is the command channel closing, in a function that
// awaits the task while still holding the sender, and in a type that holds both ends.
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
    let _ = task.await; //~ ERROR sender_alive_in_recv_loop
    drop(tx);
}

pub struct Actor {
    tx: crossbeam_channel::Sender<u32>,
    rx: crossbeam_channel::Receiver<u32>,
    ticks: crossbeam_channel::Receiver<std::time::Instant>,
}

impl Actor {
    pub fn new() -> Actor {
        let (tx, rx) = crossbeam_channel::unbounded();
        let ticks = crossbeam_channel::tick(Duration::from_secs(1));
        Actor { tx, rx, ticks }
    }

    pub fn run(&self) {
        loop {
            crossbeam_channel::select! {
                recv(self.rx) -> msg => match msg { //~ ERROR sender_alive_in_recv_loop
                    Ok(n) => println!("{n}"),
                    Err(_) => break,
                },
                recv(self.ticks) -> _ => tick(),
            }
        }
    }
}

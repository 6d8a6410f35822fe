// The fixed versions of `select_disabled_branch.rs`: the loop has another way out than the
// channel closing (a stop channel, a cancellation token, a precondition that disables the
// receive), or the senders are dropped before the loop.
use std::time::Duration;

fn tick() {}

pub async fn serve(mut stop: tokio::sync::mpsc::Receiver<()>) {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    let mut every = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            Some(n) = rx.recv() => println!("{n}"),
            _ = stop.recv() => break,
            _ = every.tick() => tick(),
            else => break,
        }
    }
}

pub async fn serve_token(token: tokio_util::sync::CancellationToken) {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    loop {
        tokio::select! {
            Some(n) = rx.recv() => println!("{n}"),
            _ = token.cancelled() => return,
            else => break,
        }
    }
}

pub async fn serve_until(open: &std::sync::atomic::AtomicBool) {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    loop {
        tokio::select! {
            Some(n) = rx.recv(), if open.load(std::sync::atomic::Ordering::Relaxed) => println!("{n}"),
            else => break,
        }
    }
}

pub struct Hub;

impl Hub {
    pub async fn pump(&self) {
        let (tx, rx) = flume::unbounded::<u32>();
        tokio::spawn(async move {
            let _ = tx.send_async(1).await;
        });
        loop {
            tokio::select! {
                Ok(n) = rx.recv_async() => println!("{n}"),
                else => break,
            }
        }
    }
}

pub async fn serve_dropped() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    drop(tx);
    loop {
        tokio::select! {
            Some(n) = rx.recv() => println!("{n}"),
            else => break,
        }
    }
}

// The sender is an `Option`, taken and dropped before the handle is awaited.
pub struct Flusher {
    cmds: Option<tokio::sync::mpsc::Sender<u32>>,
    task: tokio::task::JoinHandle<()>,
}

impl Flusher {
    pub fn start() -> Self {
        let (cmds, mut rx) = tokio::sync::mpsc::channel::<u32>(16);
        let task = tokio::spawn(async move {
            loop {
                tokio::select! {
                    Some(n) = rx.recv() => println!("{n}"),
                    else => break,
                }
            }
        });
        Flusher { cmds: Some(cmds), task }
    }

    pub async fn shutdown(mut self) {
        drop(self.cmds.take());
        let _ = self.task.await;
    }
}

// The type's sender is an `Option`, taken and dropped before the loop.
pub struct Actor {
    tx: Option<tokio::sync::mpsc::UnboundedSender<u32>>,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Actor {
    pub fn new() -> Actor {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Actor { tx: Some(tx), rx }
    }

    pub fn push(&self, n: u32) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(n);
        }
    }

    pub async fn run(&mut self) {
        drop(self.tx.take());
        loop {
            tokio::select! {
                Some(n) = self.rx.recv() => println!("{n}"),
                else => break,
            }
        }
    }
}

// A `select!` loop whose receive branch is written `Some(c) = rx.recv() => ..` and whose only
// way out is `else => break`: the branch is disabled only when the channel closes, so the
// `else` runs only then, and a sender alive at the loop keeps it from ever ending.
use std::time::Duration;

fn tick() {}

// tokio, in an async fn: `tx` stays alive until the end of the function.
pub async fn serve() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        let _ = producer.send(1).await;
    });
    let mut every = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            Some(n) = rx.recv() => println!("{n}"), //~ ERROR sender_alive_in_recv_loop
            _ = every.tick() => tick(),
            else => break,
        }
    }
}

// flume `Ok(c) = rx.recv_async()`, in a method; the sender is used after the loop.
pub struct Hub;

impl Hub {
    pub async fn pump(&self) {
        let (tx, rx) = flume::unbounded::<u32>();
        let feeder = tx.clone();
        tokio::spawn(async move {
            let _ = feeder.send_async(1).await;
        });
        loop {
            tokio::select! {
                biased;
                Ok(n) = rx.recv_async() => println!("{n}"), //~ ERROR sender_alive_in_recv_loop
                else => { break }
            }
        }
        let _ = tx.send(2);
    }
}

// async-channel `Ok(c) = rx.recv()`, in a task spawned by a plain fn.
pub fn start_feeder() {
    let (tx, rx) = async_channel::unbounded::<u32>();
    tokio::spawn(async move {
        let _ = tx.send(1).await;
        loop {
            tokio::select! {
                Ok(n) = rx.recv() => println!("{n}"), //~ ERROR sender_alive_in_recv_loop
                else => return,
            }
        }
    });
}

// A worker whose handle and sender live in fields of one type: awaiting the handle waits for
// a loop that waits for `self.cmds`.
pub struct Flusher {
    cmds: tokio::sync::mpsc::Sender<u32>,
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
        Flusher { cmds, task }
    }

    pub async fn shutdown(self) {
        let _ = self.task.await; //~ ERROR sender_alive_in_recv_loop
    }
}

// A type that holds both ends: the disabled-branch loop over `self.rx` waits for `self.tx`.
pub struct Actor {
    tx: tokio::sync::mpsc::UnboundedSender<u32>,
    rx: tokio::sync::mpsc::UnboundedReceiver<u32>,
}

impl Actor {
    pub fn new() -> Actor {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Actor { tx, rx }
    }

    pub fn push(&self, n: u32) {
        let _ = self.tx.send(n);
    }

    pub async fn run(&mut self) {
        loop {
            tokio::select! {
                Some(n) = self.rx.recv() => println!("{n}"), //~ ERROR sender_alive_in_recv_loop
                else => break,
            }
        }
    }
}

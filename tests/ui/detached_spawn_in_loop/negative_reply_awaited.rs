// Each iteration waits for the spawned work's reply before the next one: at most one runs at
// a time, however long the loop goes on. Not reported.
use std::sync::mpsc;
use tokio::sync::oneshot;

pub struct Machine {
    pool: rayon::ThreadPool,
}

fn step(n: u64) -> u64 {
    n + 1
}

impl Machine {
    // A rayon pool in a field; the reply comes back on a oneshot made in the loop.
    pub async fn run(&self, mut input: tokio::sync::mpsc::Receiver<u64>) {
        while let Some(n) = input.recv().await {
            let (tx, rx) = oneshot::channel();
            self.pool.spawn(move || {
                let _ = tx.send(step(n));
            });
            let _ = rx.await;
        }
    }
}

// tokio tasks, the reply awaited through `map_err`.
pub async fn serve(mut input: tokio::sync::mpsc::Receiver<u64>) -> Result<(), String> {
    while let Some(n) = input.recv().await {
        let (tx, rx) = oneshot::channel();
        tokio::spawn(async move {
            let _ = tx.send(step(n));
        });
        let out = rx.await.map_err(|e| e.to_string())?;
        println!("{out}");
    }
    Ok(())
}

// std threads, a blocking receive of the reply.
pub fn blocking(input: mpsc::Receiver<u64>) {
    for n in input {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || tx.send(step(n)).unwrap());
        println!("{:?}", rx.recv());
    }
}

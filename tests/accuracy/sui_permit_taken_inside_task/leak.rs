// source: https://github.com/MystenLabs/sui/pull/3572
// expect: detached_spawn_in_loop (known miss: a semaphore permit taken inside the spawned task counts as bounding the loop)
// what: each digest is spawned at once and only the task waits for a permit, so the number of tasks is still unbounded

use std::sync::Arc;
use tokio::sync::{mpsc::Receiver, Semaphore};

pub async fn follow(mut digests: Receiver<u64>, limit: Arc<Semaphore>) {
    while let Some(d) = digests.recv().await {
        let limit = limit.clone();
        tokio::spawn(async move {
            let _permit = limit.acquire_owned().await.unwrap();
            println!("execute {d}");
        });
    }
}

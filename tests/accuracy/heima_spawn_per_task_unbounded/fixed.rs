// fixed version of ../heima_spawn_per_task_unbounded/leak.rs

use std::sync::Arc;
use tokio::sync::{mpsc::Receiver, Semaphore};

async fn handle(task: u64) {
    println!("{task}");
}

pub fn run_handler(mut requests: Receiver<u64>) {
    let limit = Arc::new(Semaphore::new(64));
    tokio::spawn(async move {
        while let Some(task) = requests.recv().await {
            let permit = limit.clone().acquire_owned().await.unwrap();
            tokio::spawn(async move {
                handle(task).await;
                drop(permit);
            });
        }
    });
}

// fixed version of ../sui_permit_taken_inside_task/leak.rs

use std::sync::Arc;
use tokio::sync::{mpsc::Receiver, Semaphore};

pub async fn follow(mut digests: Receiver<u64>, limit: Arc<Semaphore>) {
    while let Some(d) = digests.recv().await {
        let permit = limit.clone().acquire_owned().await.unwrap();
        tokio::spawn(async move {
            let _permit = permit;
            println!("execute {d}");
        });
    }
}

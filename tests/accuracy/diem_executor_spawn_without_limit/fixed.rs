// fixed version of ../diem_executor_spawn_without_limit/leak.rs

use std::sync::Arc;
use tokio::runtime::Handle;
use tokio::sync::{mpsc::Receiver, Semaphore};

pub async fn serve(executor: Handle, mut inbound: Receiver<Vec<u8>>) {
    let limit = Arc::new(Semaphore::new(16));
    while let Some(msg) = inbound.recv().await {
        let permit = limit.clone().acquire_owned().await.unwrap();
        executor.spawn(async move {
            println!("{} bytes", msg.len());
            drop(permit);
        });
    }
}

// fixed version of ../tari_bounded_executor/leak.rs

use std::sync::Arc;
use tokio::sync::{mpsc::Receiver, Semaphore};

pub async fn handle_requests(mut requests: Receiver<u32>) {
    let limit = Arc::new(Semaphore::new(32));
    loop {
        let Some(req) = requests.recv().await else { break };
        let permit = limit.clone().acquire_owned().await.unwrap();
        tokio::spawn(async move {
            println!("request {req}");
            drop(permit);
        });
    }
}

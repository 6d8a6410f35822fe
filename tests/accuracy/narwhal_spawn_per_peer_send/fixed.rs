// fixed version of ../narwhal_spawn_per_peer_send/leak.rs

use std::sync::Arc;
use tokio::sync::Semaphore;

async fn send_message(peer: String, msg: Vec<u8>) {
    println!("{peer}: {}", msg.len());
}

pub async fn broadcast(peers: Vec<String>, msg: Vec<u8>, limit: Arc<Semaphore>) {
    for peer in peers {
        let msg = msg.clone();
        let permit = limit.clone().acquire_owned().await.unwrap();
        tokio::spawn(async move {
            send_message(peer, msg).await;
            drop(permit);
        });
    }
}

// fixed version of ../quilibrium_message_loop_spawns/leak.rs

use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

pub async fn message_loop(mut inbox: Receiver<Vec<u8>>) {
    let mut running = JoinSet::new();
    while let Some(msg) = inbox.recv().await {
        if running.len() >= 128 {
            running.join_next().await;
        }
        running.spawn(async move {
            println!("{} bytes", msg.len());
        });
    }
    while running.join_next().await.is_some() {}
}

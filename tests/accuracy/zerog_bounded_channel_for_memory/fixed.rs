// fixed version of ../zerog_bounded_channel_for_memory/leak.rs

use tokio::sync::mpsc;

pub async fn pump(events: Vec<u64>) -> u64 {
    let (tx, mut rx) = mpsc::channel::<u64>(256);
    tokio::spawn(async move {
        for e in events {
            let _ = tx.send(e).await;
        }
    });
    let mut sum = 0;
    while let Some(e) = rx.recv().await {
        sum += e;
    }
    sum
}

// source: https://github.com/0gfoundation/0g-storage-node/pull/406
// expect: unbounded_channel
// what: a node moved a queue to a bounded channel to keep its memory under control

use tokio::sync::mpsc;

pub async fn pump(events: Vec<u64>) -> u64 {
    let (tx, mut rx) = mpsc::unbounded_channel::<u64>();
    tokio::spawn(async move {
        for e in events {
            let _ = tx.send(e);
        }
    });
    let mut sum = 0;
    while let Some(e) = rx.recv().await {
        sum += e;
    }
    sum
}

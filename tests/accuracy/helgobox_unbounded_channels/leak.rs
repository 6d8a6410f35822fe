// source: https://github.com/helgoboss/helgobox/issues/182
// expect: unbounded_channel
// what: unbounded channels between threads can exhaust memory when the consumer falls behind

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

// source: https://github.com/tokio-rs/tokio/issues/1761
// expect: sender_alive_in_recv_loop
// what: an async orchestrator hands clones to tasks and loops on `rx.recv().await` while it keeps the first sender

use tokio::sync::mpsc;

async fn orchestrate() {
    let (tx, mut rx) = mpsc::channel::<u32>(100);
    let first = tx.clone();
    tokio::spawn(async move {
        let _ = first.send(1).await;
    });
    while let Some(step) = rx.recv().await {
        if step < 3 {
            let next = tx.clone();
            tokio::spawn(async move {
                let _ = next.send(step + 1).await;
            });
        }
    }
}

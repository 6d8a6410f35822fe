// fixed version of ../tokio_orchestrator_self_deadlock/leak.rs

use tokio::sync::mpsc;

async fn orchestrate() {
    let (tx, mut rx) = mpsc::channel::<u32>(100);
    let first = tx.clone();
    tokio::spawn(async move {
        let _ = first.send(1).await;
    });
    let mut pending = 1;
    while pending > 0 {
        let Some(step) = rx.recv().await else { break };
        pending -= 1;
        if step < 3 {
            let next = tx.clone();
            pending += 1;
            tokio::spawn(async move {
                let _ = next.send(step + 1).await;
            });
        }
    }
}

// The fixed version of `postage.rs`: the last sender moves into the task that sends.
use postage::prelude::*;

pub async fn mpsc_loop() {
    let (mut tx, mut rx) = postage::mpsc::channel::<u32>(8);
    tokio::spawn(async move {
        tx.send(1).await.ok();
    });
    while let Some(v) = rx.recv().await {
        println!("{v}");
    }
}

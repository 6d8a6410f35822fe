// postage channels: `recv().await` returns `None` once every sender is gone, and `tx` is
// still alive at the loop.
use postage::prelude::*;

pub async fn mpsc_loop() {
    let (tx, mut rx) = postage::mpsc::channel::<u32>(8);
    let mut t = tx.clone();
    tokio::spawn(async move {
        t.send(1).await.ok();
    });
    while let Some(v) = rx.recv().await { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    drop(tx);
}

//@ config: [apis]
//@ config: channels = [{ new = "my_bus::unbounded", kind = "unbounded" }, { new = "my_bus::bounded", kind = "bounded" }]
// Near misses of positive_declared.rs: bounded channels.
fn bus() {
    let (tx, rx) = my_bus::bounded::<u32>(16);
    tx.send(1).unwrap();
    let _ = rx.recv();
}

fn kanal_channel() {
    let (tx, rx) = kanal::bounded::<u32>(16);
    tx.send(1).unwrap();
    let _ = rx.recv();
}

async fn broadcast_channel() {
    let (tx, mut rx) = async_broadcast::broadcast::<u32>(16);
    tx.broadcast(1).await.unwrap();
    let _ = rx.recv().await;
}

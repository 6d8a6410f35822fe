// fixed version of ../libp2p_memory_transport_unbounded/leak.rs

use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};

pub async fn transport(frames: Vec<Vec<u8>>) -> usize {
    let (mut tx, mut rx) = mpsc::channel::<Vec<u8>>(2);
    let producer = async move {
        for f in frames {
            let _ = tx.send(f).await;
        }
    };
    let consumer = async move {
        let mut n = 0;
        while let Some(f) = rx.next().await {
            n += f.len();
        }
        n
    };
    let ((), n) = futures::join!(producer, consumer);
    n
}

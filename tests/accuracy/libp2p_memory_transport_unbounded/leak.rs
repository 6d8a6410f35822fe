// source: https://github.com/libp2p/rust-libp2p/pull/987
// expect: unbounded_channel
// what: the in-memory transport queues frames in an unbounded channel, whose buffer can grow for ever

use futures::channel::mpsc;
use futures::StreamExt;

pub async fn transport(frames: Vec<Vec<u8>>) -> usize {
    let (tx, mut rx) = mpsc::unbounded::<Vec<u8>>();
    for f in frames {
        let _ = tx.unbounded_send(f);
    }
    drop(tx);
    let mut n = 0;
    while let Some(f) = rx.next().await {
        n += f.len();
    }
    n
}

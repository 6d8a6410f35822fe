// source: https://github.com/numaproj/numaflow/pull/3361
// expect: sender_alive_in_recv_loop (known miss: the sender and the task handle are fields of one struct kept in a map)
// what: shutdown awaits each stream task while the stream struct still holds the sender its task reads from

use std::collections::HashMap;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

struct ActiveStream {
    message_tx: mpsc::Sender<String>,
    handle: JoinHandle<()>,
}

fn open(streams: &mut HashMap<u64, ActiveStream>, id: u64) {
    let (message_tx, mut rx) = mpsc::channel::<String>(16);
    let handle = tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            println!("{m}");
        }
    });
    streams.insert(id, ActiveStream { message_tx, handle });
}

async fn close_all(streams: &mut HashMap<u64, ActiveStream>) {
    for (_, stream) in streams.drain() {
        let _ = stream.handle.await;
    }
}

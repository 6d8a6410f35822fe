// fixed version of ../numaflow_await_stream_task_with_sender/leak.rs

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
        drop(stream.message_tx);
        let _ = stream.handle.await;
    }
}

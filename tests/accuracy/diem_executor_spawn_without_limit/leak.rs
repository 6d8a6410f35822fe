// source: https://github.com/diem/diem/pull/379
// expect: detached_spawn_in_loop
// what: the mempool spawns a task per inbound message on an executor handle, with no back-pressure, until it runs out of memory

use tokio::runtime::Handle;
use tokio::sync::mpsc::Receiver;

pub async fn serve(executor: Handle, mut inbound: Receiver<Vec<u8>>) {
    while let Some(msg) = inbound.recv().await {
        executor.spawn(async move {
            println!("{} bytes", msg.len());
        });
    }
}

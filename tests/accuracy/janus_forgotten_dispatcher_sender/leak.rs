// source: https://github.com/divviup/janus/pull/3406
// expect: forgotten_handle
// what: a clone of the sender is passed to `mem::forget`, so the dispatcher task that runs until every sender is gone never ends

use tokio::sync::mpsc;

pub fn start_queue() -> mpsc::Sender<u64> {
    let (tx, mut rx) = mpsc::channel::<u64>(64);
    tokio::spawn(async move {
        while let Some(job) = rx.recv().await {
            println!("dispatch {job}");
        }
    });
    std::mem::forget(tx.clone());
    tx
}

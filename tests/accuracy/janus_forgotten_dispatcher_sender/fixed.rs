// fixed version of ../janus_forgotten_dispatcher_sender/leak.rs

use tokio::sync::mpsc;

pub fn start_queue() -> mpsc::Sender<u64> {
    let (tx, mut rx) = mpsc::channel::<u64>(64);
    tokio::spawn(async move {
        while let Some(job) = rx.recv().await {
            println!("dispatch {job}");
        }
    });
    tx
}

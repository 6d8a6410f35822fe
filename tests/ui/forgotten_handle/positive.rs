// Endpoints, handles and guards leaked for ever.
use std::mem::{self, ManuallyDrop};
use std::sync::mpsc;
use tokio_util::sync::CancellationToken;

fn forget_sender_clone() {
    let (tx, rx) = mpsc::channel::<u32>();
    mem::forget(tx.clone()); //~ WARN forgotten_handle
    drop(tx);
    for v in rx {
        println!("{v}");
    }
}

fn leak_receiver() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let _r: &'static crossbeam_channel::Receiver<u32> = Box::leak(Box::new(rx)); //~ WARN forgotten_handle
    tx.send(1).unwrap();
}

fn forget_join_handle() {
    let h = std::thread::spawn(|| {});
    std::mem::forget(h); //~ WARN forgotten_handle
}

async fn forget_task_and_guard() {
    let task = tokio::spawn(async {});
    core::mem::forget(task); //~ WARN forgotten_handle
    let token = CancellationToken::new();
    let guard = token.clone().drop_guard();
    mem::forget(guard); //~ WARN forgotten_handle
}

fn manually_drop_never_dropped() {
    let (tx, _rx) = flume::unbounded::<u32>();
    let keep = ManuallyDrop::new(tx); //~ WARN forgotten_handle
    keep.send(1).unwrap();
}

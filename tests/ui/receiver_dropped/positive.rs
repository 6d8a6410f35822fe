// Receivers dropped at once or before the sends: every send fails.
use std::sync::mpsc;
use tokio::sync::{mpsc as tmpsc, oneshot};
use crossbeam_channel::bounded;

fn std_channel() {
    let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
    tx.send(1).unwrap();
}

fn std_sync_channel_fully_qualified() {
    let (tx, _) = ::std::sync::mpsc::sync_channel::<u32>(4); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

async fn tokio_forms() {
    let (tx, _) = tmpsc::channel::<u32>(8); //~ WARN receiver_dropped
    let _ = tx.send(1).await;
    let (utx, _) = tmpsc::unbounded_channel::<u32>(); //~ WARN receiver_dropped
    let _ = utx.send(1);
    let (otx, _) = oneshot::channel::<u32>(); //~ WARN receiver_dropped
    let _ = otx.send(1);
}

fn crossbeam_flume_async_channel_futures() {
    let (a, _) = bounded::<u32>(1); //~ WARN receiver_dropped
    let _ = a.send(1);
    let (b, _): (flume::Sender<u32>, flume::Receiver<u32>) = flume::unbounded(); //~ WARN receiver_dropped
    let _ = b.send(1);
    let (c, _) = async_channel::bounded::<u32>(1); //~ WARN receiver_dropped
    let _ = c.try_send(1);
    let (mut d, _) = futures::channel::mpsc::channel::<u32>(1); //~ WARN receiver_dropped
    let _ = d.try_send(1);
    let (e, _) = futures::channel::oneshot::channel::<u32>(); //~ WARN receiver_dropped
    let _ = e.send(1);
}

struct Worker;

impl Worker {
    fn method(&self) {
        let (tx, rx) = mpsc::channel::<u32>();
        drop(rx); //~ WARN receiver_dropped
        tx.send(1).unwrap();
    }
}

fn dropped_at_block_end() {
    let tx;
    {
        let (t, rx) = mpsc::channel::<u32>();
        tx = t;
        let _ = rx.try_recv();
    } //~ WARN receiver_dropped
    tx.send(1).unwrap();
}

fn in_closure() {
    let f = || {
        let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
        tx.send(1).unwrap();
    };
    f();
}

// Receives that no sender will ever satisfy.
use std::sync::mpsc::{self as chan};
use tokio::sync::{mpsc, oneshot};

fn std_unused_sender() {
    let (_tx, rx) = chan::channel::<u32>();
    let v = rx.recv(); //~ ERROR recv_without_sender
    println!("{v:?}");
}

async fn tokio_forms() {
    let (_tx, mut rx) = mpsc::channel::<u32>(1);
    let _ = rx.recv().await; //~ ERROR recv_without_sender
    let (_otx, orx) = oneshot::channel::<u32>();
    let _ = orx.await; //~ ERROR recv_without_sender
}

fn crossbeam_loop() {
    let (_s, r) = crossbeam_channel::bounded::<u32>(1);
    for v in r.iter() { //~ ERROR recv_without_sender
        println!("{v}");
    }
}

fn never_outside_select() {
    let r = crossbeam_channel::never::<u32>();
    let _ = r.recv(); //~ ERROR recv_without_sender
}

struct Service;

impl Service {
    async fn method(&self) {
        let (_tx, rx) = async_channel::unbounded::<u32>();
        let _ = rx.recv().await; //~ ERROR recv_without_sender
    }
}

fn in_a_closure() {
    let f = || {
        let (_tx, rx) = flume::unbounded::<u32>();
        rx.recv() //~ ERROR recv_without_sender
    };
    let _ = f();
}

async fn futures_oneshot() {
    let (_tx, rx) = futures::channel::oneshot::channel::<u32>();
    let _ = rx.await; //~ ERROR recv_without_sender
}

// tokio's `blocking_recv` blocks outside async code.
fn tokio_blocking_recv_in_sync_code() {
    let (_tx, mut rx) = mpsc::channel::<u32>(1);
    let _ = rx.blocking_recv(); //~ ERROR recv_without_sender
}

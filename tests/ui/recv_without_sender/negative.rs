// Near misses: each receive can return.
use std::sync::mpsc;
use std::time::Duration;

fn sender_used() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    let _ = rx.recv();
}

fn sender_dropped_at_once() {
    let (_, rx) = mpsc::channel::<u32>();
    assert!(rx.recv().is_err());
}

fn bounded_waits() {
    let (_tx, rx) = mpsc::channel::<u32>();
    let _ = rx.try_recv();
    let _ = rx.recv_timeout(Duration::from_millis(10));
}

fn receive_in_another_thread() {
    let (_tx, rx) = mpsc::channel::<u32>();
    std::thread::spawn(move || rx.recv());
}

fn never_in_select() {
    let r = crossbeam_channel::never::<u32>();
    let (s2, r2) = crossbeam_channel::unbounded::<u32>();
    s2.send(1).unwrap();
    crossbeam_channel::select! {
        recv(r) -> _ => {}
        recv(r2) -> _ => {}
    }
}

fn sender_moved_to_a_worker() {
    let (tx, rx) = mpsc::channel::<u32>();
    std::thread::spawn(move || tx.send(1));
    let _ = rx.recv();
}

async fn broadcast_is_not_checked() {
    let (_tx, mut rx) = tokio::sync::broadcast::channel::<u32>(4);
    let _ = rx.try_recv();
}

// tokio's `blocking_recv` panics inside async code instead of waiting: not a wait for ever.
async fn tokio_blocking_recv_in_async_code() {
    let (_tx, mut rx) = tokio::sync::mpsc::channel::<u32>(1);
    let _ = rx.blocking_recv();
}

// Turning the receiver into a stream does not wait: the stream is polled elsewhere, and it
// ends when the function returns and drops `_tx`.
fn flume_receiver_into_a_stream() -> flume::r#async::RecvStream<'static, u32> {
    let (_tx, rx) = flume::unbounded::<u32>();
    rx.into_stream()
}

fn flume_stream_of_the_receiver() {
    let (_tx, rx) = flume::unbounded::<u32>();
    let stream = rx.stream();
    drop(stream);
}

// Near misses: nothing here may be reported.
use std::sync::mpsc;
use tokio::sync::{broadcast, watch};

fn kept() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    rx.recv().unwrap();
}

fn broadcast_and_watch_discard_their_first_receiver() {
    let (tx, _) = broadcast::channel::<u32>(16);
    let _ = tx.send(1);
    let (wtx, _) = watch::channel(0u32);
    let _ = wtx.send(1);
}

fn dropped_after_the_sends() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    drop(rx);
}

fn receiver_moved_to_a_worker() {
    let (tx, rx) = mpsc::channel::<u32>();
    std::thread::spawn(move || for v in rx { println!("{v}") });
    tx.send(1).unwrap();
}

fn local_function_named_channel() {
    fn channel() -> (u32, u32) {
        (1, 2)
    }
    let (a, _) = channel();
    println!("{a}");
}

fn receiver_returned() -> mpsc::Receiver<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    rx
}

fn suppressed() {
    // leaklint:allow(receiver_dropped) -- the values are not needed here
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn send_expected_to_fail() {
    let (tx, _) = mpsc::channel::<u32>();
    assert!(tx.send(1).is_err());
    let (tx, rx) = mpsc::channel::<u32>();
    drop(rx);
    assert_eq!(tx.send(2), Err(mpsc::SendError(2)));
}

// The worker drops the receiver in its own thread, after receiving: that drop is not one of
// this function's, and the send below is received.
fn receiver_dropped_by_the_worker() {
    let (tx, rx) = mpsc::channel::<u32>();
    std::thread::spawn(move || {
        let _ = rx.recv();
        drop(rx);
    });
    tx.send(1).unwrap();
}

// The receiver goes to a worker before its block ends: the end of the block drops nothing,
// and the send after it is received.
fn receiver_given_to_a_worker_in_an_inner_block() {
    let tx;
    {
        let (t, rx) = mpsc::channel::<u32>();
        tx = t;
        std::thread::spawn(move || for v in rx { println!("{v}") });
    }
    tx.send(1).unwrap();
}

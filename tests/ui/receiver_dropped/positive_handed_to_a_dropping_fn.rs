// The only receiver is handed to a function of the crate that never keeps it (it takes
// one value, or passes the receiver on to a function that only drops it): the receiver is
// gone when the call returns, and the later sends fail.
use std::sync::mpsc;

fn first_value(rx: mpsc::Receiver<u32>) -> Option<u32> {
    rx.try_recv().ok()
}

fn discard(rx: mpsc::Receiver<u32>) {
    ignore(rx)
}

fn ignore(_rx: mpsc::Receiver<u32>) {}

pub fn peek_then_send() {
    let (tx, rx) = mpsc::channel::<u32>();
    let _ = first_value(rx); //~ WARN receiver_dropped
    tx.send(1).unwrap();
}

pub async fn through_a_chain() {
    let (tx, rx) = tokio::sync::mpsc::channel::<u32>(8);
    discard_tokio(rx); //~ WARN receiver_dropped
    tx.send(2).await.unwrap();
}

fn discard_tokio(rx: tokio::sync::mpsc::Receiver<u32>) {
    drop(rx);
}

pub fn chain_of_two() {
    let (tx, rx) = mpsc::channel::<u32>();
    discard(rx); //~ WARN receiver_dropped
    tx.send(3).unwrap();
}

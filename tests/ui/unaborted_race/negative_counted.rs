// Near misses of positive_counted.rs: the buffer and the one receive take every racer's
// value (capacity c plus one receive take c + 1 sends), so no sender blocks.
use std::sync::mpsc;
use std::thread;

// Two racers, a capacity of one: one value is received, the other fits in the buffer.
async fn two_racers_one_slot() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let tx2 = tx.clone();
    tokio::spawn(async move { tx.send(1).await.ok() });
    tokio::spawn(async move { tx2.send(2).await.ok() });
    rx.recv().await.unwrap()
}

// Three racers over a range, two slots.
fn three_racers_over_a_range() -> u32 {
    let (tx, rx) = crossbeam_channel::bounded(2);
    for i in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    rx.recv().unwrap()
}

// Two racers over an array, one slot.
fn two_racers_over_an_array() -> u32 {
    let (tx, rx) = mpsc::sync_channel(1);
    for i in [1, 2] {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    rx.recv().unwrap()
}

// flume, an inclusive range of two.
fn flume_inclusive_range() -> u32 {
    let (tx, rx) = flume::bounded(1);
    for i in 1..=2 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    rx.recv().unwrap()
}

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

// A loop after the racers, not around them, does not multiply them: three racers, two slots.
fn three_racers_then_another_loop() -> u32 {
    let (tx, rx) = crossbeam_channel::bounded(2);
    for i in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    for _ in 0..2 {
        println!("waiting");
    }
    rx.recv().unwrap()
}

// The receive runs in a loop: every racer's value is taken, no sender blocks.
fn three_racers_received_in_a_loop() -> u32 {
    let (tx, rx) = mpsc::sync_channel(0);
    for i in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    let mut sum = 0;
    for _ in 0..3 {
        sum += rx.recv().unwrap();
    }
    sum
}

// A detached thread that holds no sender is no racer: two racers, one slot.
fn two_racers_and_a_logger() -> u32 {
    let (tx, rx) = mpsc::sync_channel(1);
    let tx2 = tx.clone();
    thread::spawn(move || tx.send(1).unwrap());
    thread::spawn(move || tx2.send(2).unwrap());
    thread::spawn(|| println!("started"));
    rx.recv().unwrap()
}

// Racers whose number the source writes out: the message counts the blocked ones. Each
// receiver outlives the race (returned with the first answer, or held while a loop runs).
use std::sync::mpsc;
use std::thread;

// Three racers, a capacity of one and one receive: one value is received, one waits in the
// buffer, and the third racer blocks in `send` for ever.
async fn three_racers_one_slot() -> (u32, tokio::sync::mpsc::Receiver<u32>) {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let tx2 = tx.clone();
    let tx3 = tx.clone();
    tokio::spawn(async move { tx.send(1).await.ok() });
    tokio::spawn(async move { tx2.send(2).await.ok() });
    tokio::spawn(async move { tx3.send(3).await.ok() });
    (rx.recv().await.unwrap(), rx) //~ WARN unaborted_race
}

// A range of four racers and two slots: one of them blocks.
fn four_racers_over_a_range() -> (u32, crossbeam_channel::Receiver<u32>) {
    let (tx, rx) = crossbeam_channel::bounded(2);
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    (rx.recv().unwrap(), rx) //~ WARN unaborted_race
}

// A rendezvous channel holds none: every loser blocks.
fn rendezvous_array(urls: [&'static str; 3], busy: &std::sync::atomic::AtomicBool) {
    let (tx, rx) = mpsc::sync_channel(0);
    for url in urls.iter().copied() {
        let tx = tx.clone();
        thread::spawn(move || tx.send(url).unwrap());
    }
    let _ = [1, 2, 3];
    let first = rx.recv().unwrap(); //~ WARN unaborted_race
    while busy.load(std::sync::atomic::Ordering::Relaxed) {
        println!("{first}");
    }
}

// flume, racers in a loop over a literal array.
fn flume_array() -> (u32, flume::Receiver<u32>) {
    let (tx, rx) = flume::bounded(0);
    for i in [1, 2] {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    (rx.recv().unwrap(), rx) //~ WARN unaborted_race
}

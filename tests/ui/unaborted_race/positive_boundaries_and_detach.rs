// Capacity boundaries and detach forms of racers that block for ever: each receiver is
// returned with the first answer.
use std::sync::mpsc;
use std::thread;

// In a loop the number of racers is unknown: a capacity of 1 is too small for "several".
fn loop_racers_one_slot(jobs: Vec<u32>) -> (u32, mpsc::Receiver<u32>) {
    let (tx, rx) = mpsc::sync_channel(1);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    (rx.recv().unwrap(), rx) //~ WARN unaborted_race
}

// A racer before the loop and racers in it, one slot.
fn loop_and_side_racers_one_slot(jobs: Vec<u32>) -> (u32, mpsc::Receiver<u32>) {
    let (tx, rx) = mpsc::sync_channel(1);
    let first = tx.clone();
    thread::spawn(move || first.send(0).unwrap());
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    (rx.recv().unwrap(), rx) //~ WARN unaborted_race
}

// smol tasks cancel on drop, but `.detach()` lets them run: detached racers.
async fn smol_detached_racers(urls: Vec<String>) -> (String, smol::channel::Receiver<String>) {
    let (tx, rx) = smol::channel::bounded(1);
    for url in urls {
        let tx = tx.clone();
        smol::spawn(async move { tx.send(url).await.unwrap() }).detach();
    }
    (rx.recv().await.unwrap(), rx) //~ WARN unaborted_race
}

// Threads side by side, the channel one slot short of what the losers need.
fn three_threads_one_slot() -> (u32, mpsc::Receiver<u32>) {
    let (tx, rx) = mpsc::sync_channel(1);
    let a = tx.clone();
    thread::spawn(move || a.send(1).unwrap());
    let b = tx.clone();
    thread::spawn(move || b.send(2).unwrap());
    thread::spawn(move || tx.send(3).unwrap());
    (rx.recv().unwrap(), rx) //~ WARN unaborted_race
}

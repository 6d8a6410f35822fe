// Near misses of positive_boundaries_and_detach.rs.
use std::sync::mpsc;
use std::thread;

// In a loop, a literal capacity of 2 or more may be enough: the analysis cannot count the
// racers, so it stays silent (lints/unaborted_race.md, "Known problems").
fn loop_racers_two_slots(jobs: Vec<u32>) -> u32 {
    let (tx, rx) = mpsc::sync_channel(2);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    rx.recv().unwrap()
}

fn loop_and_side_racers_two_slots(jobs: Vec<u32>) -> u32 {
    let (tx, rx) = mpsc::sync_channel(2);
    let first = tx.clone();
    thread::spawn(move || first.send(0).unwrap());
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    rx.recv().unwrap()
}

// smol tasks whose handle is dropped are cancelled: the losers do not run on.
async fn smol_tasks_cancelled_on_drop(urls: Vec<String>) -> String {
    let (tx, rx) = smol::channel::bounded(1);
    for url in urls {
        let tx = tx.clone();
        let _task = smol::spawn(async move { tx.send(url).await.unwrap() });
    }
    rx.recv().await.unwrap()
}

// Three racers, three slots: every loser's value fits.
fn three_threads_three_slots() -> u32 {
    let (tx, rx) = mpsc::sync_channel(3);
    let a = tx.clone();
    thread::spawn(move || a.send(1).unwrap());
    let b = tx.clone();
    thread::spawn(move || b.send(2).unwrap());
    thread::spawn(move || tx.send(3).unwrap());
    rx.recv().unwrap()
}

// Near misses of the channel races in positive*.rs: the receiver is a local dropped when the
// function returns right after the first receive, and a dropped receiver wakes every sender
// blocked in `send` with an error.
use std::sync::mpsc;
use std::thread;

// `query_all` of positive.rs, returning right after the receive.
fn query_all_then_return(servers: Vec<String>) -> String {
    let (tx, rx) = mpsc::sync_channel(0);
    for server in servers {
        let tx = tx.clone();
        thread::spawn(move || tx.send(server).unwrap());
    }
    rx.recv().unwrap()
}

// `tokio_side_by_side` of positive.rs, returning right after the receive.
async fn tokio_side_by_side_then_return() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(1);
    let a = tx.clone();
    tokio::spawn(async move { a.send(1).await.unwrap() });
    let b = tx.clone();
    tokio::spawn(async move { b.send(2).await.unwrap() });
    let c = tx;
    tokio::spawn(async move { c.send(3).await.unwrap() });
    rx.recv().await.unwrap()
}

// `crossbeam_race` of positive.rs, returning right after the receive.
fn crossbeam_race_then_return(jobs: Vec<u32>) -> u32 {
    let (s, r) = crossbeam_channel::bounded(1);
    for job in jobs {
        let s = s.clone();
        std::thread::spawn(move || s.send(job * 2));
    }
    r.recv().unwrap()
}

// `three_racers_capacity_one` of positive.rs, returning right after the receive.
async fn three_racers_capacity_one_then_return() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let a = tx.clone();
    let b = tx.clone();
    tokio::spawn(async move { a.send(1).await.unwrap() });
    tokio::spawn(async move { b.send(2).await.unwrap() });
    tokio::spawn(async move { tx.send(3).await.unwrap() });
    rx.recv().await.unwrap()
}

// `three_racers_one_slot` of positive_counted.rs, returning right after the receive.
async fn three_racers_one_slot_then_return() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let tx2 = tx.clone();
    let tx3 = tx.clone();
    tokio::spawn(async move { tx.send(1).await.ok() });
    tokio::spawn(async move { tx2.send(2).await.ok() });
    tokio::spawn(async move { tx3.send(3).await.ok() });
    rx.recv().await.unwrap()
}

// `four_racers_over_a_range` of positive_counted.rs, returning right after the receive.
fn four_racers_over_a_range_then_return() -> u32 {
    let (tx, rx) = crossbeam_channel::bounded(2);
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    rx.recv().unwrap()
}

// `rendezvous_array` of positive_counted.rs, returning right after the receive.
fn rendezvous_array_then_return(urls: [&'static str; 3]) -> &'static str {
    let (tx, rx) = mpsc::sync_channel(0);
    for url in urls.iter().copied() {
        let tx = tx.clone();
        thread::spawn(move || tx.send(url).unwrap());
    }
    let _ = [1, 2, 3];
    rx.recv().unwrap()
}

// `flume_array` of positive_counted.rs, returning right after the receive.
fn flume_array_then_return() -> u32 {
    let (tx, rx) = flume::bounded(0);
    for i in [1, 2] {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    rx.recv().unwrap()
}

// `loop_racers_one_slot` of positive_boundaries_and_detach.rs, returning right after the receive.
fn loop_racers_one_slot_then_return(jobs: Vec<u32>) -> u32 {
    let (tx, rx) = mpsc::sync_channel(1);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    rx.recv().unwrap()
}

// `loop_and_side_racers_one_slot` of positive_boundaries_and_detach.rs, returning right after the receive.
fn loop_and_side_racers_one_slot_then_return(jobs: Vec<u32>) -> u32 {
    let (tx, rx) = mpsc::sync_channel(1);
    let first = tx.clone();
    thread::spawn(move || first.send(0).unwrap());
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    rx.recv().unwrap()
}

// `smol_detached_racers` of positive_boundaries_and_detach.rs, returning right after the receive.
async fn smol_detached_racers_then_return(urls: Vec<String>) -> String {
    let (tx, rx) = smol::channel::bounded(1);
    for url in urls {
        let tx = tx.clone();
        smol::spawn(async move { tx.send(url).await.unwrap() }).detach();
    }
    rx.recv().await.unwrap()
}

// `three_threads_one_slot` of positive_boundaries_and_detach.rs, returning right after the receive.
fn three_threads_one_slot_then_return() -> u32 {
    let (tx, rx) = mpsc::sync_channel(1);
    let a = tx.clone();
    thread::spawn(move || a.send(1).unwrap());
    let b = tx.clone();
    thread::spawn(move || b.send(2).unwrap());
    thread::spawn(move || tx.send(3).unwrap());
    rx.recv().unwrap()
}

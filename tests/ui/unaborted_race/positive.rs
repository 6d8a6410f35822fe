// First answer wins, and the losers are never stopped.
use std::sync::mpsc;
use std::thread;

fn query_all(servers: Vec<String>) -> String {
    let (tx, rx) = mpsc::sync_channel(0);
    for server in servers {
        let tx = tx.clone();
        thread::spawn(move || tx.send(server).unwrap());
    }
    rx.recv().unwrap()
}

async fn tokio_side_by_side() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(1);
    let a = tx.clone();
    tokio::spawn(async move { a.send(1).await.unwrap() });
    let b = tx.clone();
    tokio::spawn(async move { b.send(2).await.unwrap() });
    let c = tx;
    tokio::spawn(async move { c.send(3).await.unwrap() });
    rx.recv().await.unwrap()
}

fn crossbeam_race(jobs: Vec<u32>) -> u32 {
    let (s, r) = crossbeam_channel::bounded(1);
    for job in jobs {
        let s = s.clone();
        std::thread::spawn(move || s.send(job * 2));
    }
    r.recv().unwrap()
}

async fn select_all_over_handles(urls: Vec<String>) -> String {
    let mut handles = Vec::new();
    for url in urls {
        handles.push(tokio::spawn(async move { url }));
    }
    let (first, _, _rest) = futures::future::select_all(handles).await;
    first.unwrap()
}

// Capacity 1 and one receive take two sends: the third racer blocks for ever.
async fn three_racers_capacity_one() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let a = tx.clone();
    let b = tx.clone();
    tokio::spawn(async move { a.send(1).await.unwrap() });
    tokio::spawn(async move { b.send(2).await.unwrap() });
    tokio::spawn(async move { tx.send(3).await.unwrap() });
    rx.recv().await.unwrap() //~ WARN unaborted_race
}

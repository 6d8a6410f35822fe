// Near misses: the losers are aborted, fit in the channel, or are all received.
use std::sync::mpsc;
use std::thread;

fn channel_sized_to_the_racers(servers: Vec<String>) -> String {
    let (tx, rx) = mpsc::sync_channel(servers.len());
    for server in servers {
        let tx = tx.clone();
        thread::spawn(move || tx.send(server).unwrap());
    }
    rx.recv().unwrap()
}

fn every_answer_received(servers: Vec<String>) -> Vec<String> {
    let (tx, rx) = mpsc::sync_channel(0);
    for server in servers {
        let tx = tx.clone();
        thread::spawn(move || tx.send(server).unwrap());
    }
    drop(tx);
    rx.iter().collect()
}

async fn join_set_aborts_the_losers(urls: Vec<String>) -> Option<String> {
    let mut set = tokio::task::JoinSet::new();
    for url in urls {
        set.spawn(async move { url });
    }
    set.join_next().await.map(|r| r.unwrap())
}

async fn losers_aborted(urls: Vec<String>) -> String {
    let mut handles = Vec::new();
    for url in urls {
        handles.push(tokio::spawn(async move { url }));
    }
    let (first, _, rest) = futures::future::select_all(handles).await;
    for h in rest {
        h.abort();
    }
    first.unwrap()
}

fn single_worker() -> u32 {
    let (tx, rx) = mpsc::sync_channel(0);
    thread::spawn(move || tx.send(1).unwrap());
    rx.recv().unwrap()
}

fn scoped_racers() -> u32 {
    let (tx, rx) = mpsc::sync_channel(0);
    thread::scope(|s| {
        for i in 0..3 {
            let tx = tx.clone();
            s.spawn(move || tx.send(i));
        }
        rx.recv().unwrap()
    })
}

// Regression (futures-channel tests/mpsc.rs): the receiver is collected, taking every value.
fn every_value_collected() {
    let (tx, rx) = futures::channel::mpsc::channel::<i32>(0);
    let t = std::thread::spawn(move || {
        let result: Vec<_> = futures::executor::block_on(futures::StreamExt::collect::<Vec<_>>(rx));
        println!("{}", result.len());
    });
    for _ in 0..8 {
        let mut tx = tx.clone();
        std::thread::spawn(move || {
            let _ = tx.try_send(1);
        });
    }
    let rx2 = futures::channel::mpsc::channel::<i32>(0).1;
    drop(rx2);
    t.join().unwrap();
}

fn stream_collected() {
    let (tx, rx) = futures::channel::mpsc::channel::<i32>(0);
    for _ in 0..8 {
        let mut tx = tx.clone();
        std::thread::spawn(move || {
            let _ = tx.try_send(1);
        });
    }
    let all: Vec<i32> = futures::executor::block_on(rx.collect());
    println!("{}", all.len());
}

// Capacity 1 and one receive take two sends: the loser's value fits in the buffer, so no
// sender blocks.
async fn two_racers_capacity_one() -> u32 {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let other = tx.clone();
    tokio::spawn(async move { other.send(1).await.unwrap() });
    tokio::spawn(async move { tx.send(2).await.unwrap() });
    rx.recv().await.unwrap()
}

// Every handle is awaited: `join_all` is no race.
async fn join_all_over_handles(urls: Vec<String>) -> Vec<String> {
    let mut handles = Vec::new();
    for url in urls {
        handles.push(tokio::spawn(async move { url }));
    }
    futures::future::join_all(handles)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

// smol tasks cancel when their handle is dropped: the losers of `select_all` stop.
async fn select_all_over_smol_tasks(urls: Vec<String>) -> String {
    let mut tasks = Vec::new();
    for url in urls {
        tasks.push(smol::spawn(async move { url }));
    }
    let (first, _, _rest) = futures::future::select_all(tasks).await;
    first
}

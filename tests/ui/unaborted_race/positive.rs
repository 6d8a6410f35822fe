// First answer wins, and the losers are never stopped: the receiver outlives the race, so
// the losers stay blocked in `send`.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// The function goes on serving while it still holds the receiver.
fn query_all(servers: Vec<String>) {
    let (tx, rx) = mpsc::sync_channel(0);
    for server in servers {
        let tx = tx.clone();
        thread::spawn(move || tx.send(server).unwrap());
    }
    let first = rx.recv().unwrap(); //~ WARN unaborted_race
    loop {
        println!("{first}");
        thread::sleep(Duration::from_secs(1));
    }
}

struct Answer {
    first: u32,
    rest: tokio::sync::mpsc::Receiver<u32>,
}

// The receiver is stored in the result.
async fn tokio_side_by_side() -> Answer {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(1);
    let a = tx.clone();
    tokio::spawn(async move { a.send(1).await.unwrap() });
    let b = tx.clone();
    tokio::spawn(async move { b.send(2).await.unwrap() });
    let c = tx;
    tokio::spawn(async move { c.send(3).await.unwrap() });
    let first = rx.recv().await.unwrap(); //~ WARN unaborted_race
    Answer { first, rest: rx }
}

// The receiver is returned with the first answer.
fn crossbeam_race(jobs: Vec<u32>) -> (u32, crossbeam_channel::Receiver<u32>) {
    let (s, r) = crossbeam_channel::bounded(1);
    for job in jobs {
        let s = s.clone();
        std::thread::spawn(move || s.send(job * 2));
    }
    (r.recv().unwrap(), r) //~ WARN unaborted_race
}

async fn select_all_over_handles(urls: Vec<String>) -> String {
    let mut handles = Vec::new();
    for url in urls {
        handles.push(tokio::spawn(async move { url }));
    }
    let (first, _, _rest) = futures::future::select_all(handles).await; //~ WARN unaborted_race
    first.unwrap()
}

struct Service {
    first: u32,
    answers: Option<tokio::sync::mpsc::Receiver<u32>>,
}

impl Service {
    // Capacity 1 and one receive take two sends: the third racer blocks for as long as the
    // service keeps the receiver.
    async fn three_racers_capacity_one(&mut self) {
        let (tx, mut rx) = tokio::sync::mpsc::channel(1);
        let a = tx.clone();
        let b = tx.clone();
        tokio::spawn(async move { a.send(1).await.unwrap() });
        tokio::spawn(async move { b.send(2).await.unwrap() });
        tokio::spawn(async move { tx.send(3).await.unwrap() });
        self.first = rx.recv().await.unwrap(); //~ WARN unaborted_race
        self.answers = Some(rx);
    }
}

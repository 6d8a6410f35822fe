// Near misses of positive_receiver_held.rs: the race ends before anything runs for long (the
// receiver is dropped, or the loop after the receive drains it), or the racers never block.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn query(s: &str) -> String {
    s.to_uppercase()
}

// The receiver is dropped right after the first receive: the blocked senders fail.
fn first_then_drop() -> String {
    let (tx, rx) = mpsc::sync_channel(0);
    for s in ["a", "b", "c"] {
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.send(query(s));
        });
    }
    let r = rx.recv().unwrap();
    drop(rx);
    r
}

// Dropped before the function goes on serving: the loop runs without the receiver.
fn first_then_drop_then_serve() {
    let (tx, rx) = mpsc::sync_channel(0);
    for s in ["a", "b", "c"] {
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.send(query(s));
        });
    }
    let first = rx.recv().unwrap();
    drop(rx);
    loop {
        println!("{first}");
        thread::sleep(Duration::from_secs(1));
    }
}

// The racers use `try_send`: a loser's send fails at once instead of blocking.
fn racers_try_send(servers: Vec<String>) {
    let (tx, rx) = mpsc::sync_channel(0);
    for s in servers {
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.try_send(query(&s));
        });
    }
    drop(tx);
    let first = rx.recv().unwrap_or_default();
    loop {
        println!("{first}");
        thread::sleep(Duration::from_secs(1));
    }
}

// `send_timeout` gives up after the deadline.
fn racers_send_timeout(jobs: Vec<u32>) {
    let (tx, rx) = crossbeam_channel::bounded(0);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send_timeout(job, Duration::from_secs(1)));
    }
    let first = rx.recv().unwrap();
    loop {
        println!("{first}");
        thread::sleep(Duration::from_secs(1));
    }
}

// The loop after the first receive keeps receiving: every loser is taken.
fn loop_drains_the_rest(jobs: Vec<u32>) {
    let (tx, rx) = mpsc::sync_channel(0);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job).unwrap());
    }
    let first = rx.recv().unwrap();
    println!("{first}");
    while let Ok(late) = rx.try_recv() {
        println!("late {late}");
    }
}

// The loop runs before the race, not while the receiver is held after it.
fn loop_before_the_receive(jobs: Vec<u32>) -> u32 {
    let mut warm = 0;
    while warm < 3 {
        warm += 1;
    }
    let (tx, rx) = mpsc::sync_channel(0);
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job + warm).unwrap());
    }
    rx.recv().unwrap()
}

// The receive is in an inner block: the receiver is gone when the loop starts.
fn receiver_scoped_before_the_loop(jobs: Vec<u32>) {
    let first = {
        let (tx, rx) = mpsc::sync_channel(0);
        for job in jobs {
            let tx = tx.clone();
            thread::spawn(move || tx.send(job).unwrap());
        }
        rx.recv().unwrap()
    };
    loop {
        println!("{first}");
        thread::sleep(Duration::from_secs(1));
    }
}

// A `threadpool::ThreadPool` job that receives until its channel closes, and `pool.join()`
// while a sender of that channel is still alive: the join waits for the job, the job waits
// for the sender, and the sender drops only after the join.
use std::sync::mpsc;

use threadpool::ThreadPool;

pub fn batch(items: &[u32]) {
    let (tx, rx) = mpsc::channel::<u32>();
    let pool = ThreadPool::new(2);
    pool.execute(move || {
        for v in rx {
            println!("{v}");
        }
    });
    for &i in items {
        tx.send(i).unwrap();
    }
    pool.join(); //~ ERROR sender_alive_in_recv_loop
}

pub fn built(items: &[u32]) {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    let pool = threadpool::Builder::new().num_threads(2).build();
    pool.execute(move || {
        while let Ok(v) = rx.recv() {
            println!("{v}");
        }
    });
    for &i in items {
        tx.send(i).unwrap();
    }
    pool.join(); //~ ERROR sender_alive_in_recv_loop
    drop(tx);
}

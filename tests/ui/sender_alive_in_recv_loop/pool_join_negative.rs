// The fixed versions of `pool_join.rs`: the sender is dropped before `pool.join()`, or the
// pool is dropped without a join (its job ends once the sender goes), or the join is on
// another pool.
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
    drop(tx);
    pool.join();
}

pub fn not_joined(items: &[u32]) {
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
}

pub fn other_pool(items: &[u32]) {
    let (tx, rx) = mpsc::channel::<u32>();
    let pool = ThreadPool::new(2);
    let other = ThreadPool::new(1);
    pool.execute(move || {
        for v in rx {
            println!("{v}");
        }
    });
    for &i in items {
        tx.send(i).unwrap();
    }
    other.join();
}

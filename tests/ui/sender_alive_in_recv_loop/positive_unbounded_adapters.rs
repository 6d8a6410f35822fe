// The near misses of `negative_bounded_iterators.rs`: `skip`, `map` and `filter` do not bound
// a receive iterator, which still runs until every sender is gone.
use std::sync::mpsc;

pub fn skip() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    for v in rx.iter().skip(1) { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    drop(tx);
}

pub fn map_sum() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(2).unwrap();
    let s: u32 = rx.iter().map(|v| v * 2).sum(); //~ ERROR sender_alive_in_recv_loop
    println!("{s}");
    drop(tx);
}

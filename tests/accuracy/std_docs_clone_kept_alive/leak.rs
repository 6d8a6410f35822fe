// source: https://github.com/rust-lang/rust/pull/80269
// expect: sender_alive_in_recv_loop
// what: producers get clones of the sender, the original stays in the consumer, so `for x in rx` never ends

use std::sync::mpsc::channel;
use std::thread;

fn sum_parts(parts: Vec<Vec<u64>>) -> u64 {
    let (tx, rx) = channel();
    for part in parts {
        let tx = tx.clone();
        thread::spawn(move || {
            tx.send(part.iter().sum::<u64>()).unwrap();
        });
    }
    let mut total = 0;
    for subtotal in rx {
        total += subtotal;
    }
    total
}

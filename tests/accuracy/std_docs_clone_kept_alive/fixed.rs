// fixed version of ../std_docs_clone_kept_alive/leak.rs

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
    drop(tx);
    let mut total = 0;
    for subtotal in rx {
        total += subtotal;
    }
    total
}

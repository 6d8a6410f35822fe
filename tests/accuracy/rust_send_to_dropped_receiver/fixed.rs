// fixed version of ../rust_send_to_dropped_receiver/leak.rs

use std::sync::mpsc::channel;

pub fn double_send() -> Vec<i32> {
    let (tx, rx) = channel();
    let _ = tx.send(123);
    let _ = tx.send(456);
    drop(tx);
    rx.iter().collect()
}

//@ lints: unused_suppression
#![cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
// An inner attribute covers the whole file.
use std::sync::mpsc;

fn one() {
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

mod inner {
    fn two() {
        let (tx, _) = std::sync::mpsc::sync_channel::<u32>(1);
        let _ = tx.send(1);
    }
}

//@ lints: unused_suppression
// A file-wide suppression covers the whole file, wherever it stands.
use std::sync::mpsc;

fn one() {
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn two() {
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}

// leaklint:allow-file(receiver_dropped)

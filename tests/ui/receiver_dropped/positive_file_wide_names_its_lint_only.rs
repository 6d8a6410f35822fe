//@ lints: unbounded_channel, unused_suppression
// A file-wide suppression of one lint leaves the other lint's findings in the file reported.
use std::sync::mpsc;

fn one() {
    let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn two() {
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

// leaklint:allow-file(unbounded_channel) -- anywhere in the file, the end included

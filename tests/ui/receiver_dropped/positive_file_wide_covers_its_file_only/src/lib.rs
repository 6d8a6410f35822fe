//@ lints: unused_suppression
// leaklint:allow-file(receiver_dropped) -- this file only, not the rest of the crate
mod other;

fn here() {
    let (tx, _) = std::sync::mpsc::channel::<u32>();
    let _ = tx.send(1);
}

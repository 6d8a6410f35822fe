// The sender is alive at the loop and moved to another name only after it: the finding names
// `tx`, the name that holds it at the loop (a move after the loop is not followed).
use std::sync::mpsc;

pub fn drain() -> u32 {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    let total = rx.iter().sum(); //~ ERROR sender_alive_in_recv_loop
    let later = tx;
    drop(later);
    total
}

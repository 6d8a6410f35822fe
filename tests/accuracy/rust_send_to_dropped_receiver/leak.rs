// source: https://github.com/rust-lang/rust/issues/32114
// expect: receiver_dropped
// what: the receiver is bound to `_`, dropped at once, and every send fails

use std::sync::mpsc::channel;

pub fn double_send() {
    let (tx, _) = channel();
    let _ = tx.send(123);
    let _ = tx.send(456);
}

//! Parameter effect summaries: one function per effect, a pass-on chain across files, and
//! a recursive pair.
mod chain;

use std::sync::mpsc::{Receiver, Sender};
use tokio_util::sync::CancellationToken;

pub struct Holder {
    tx: Sender<u8>,
}

impl Holder {
    pub fn new(tx: Sender<u8>) -> Self {
        Holder { tx }
    }

    pub fn replace(&mut self, tx: Sender<u8>) {
        self.tx = tx;
    }

    pub fn via_self(tx: Sender<u8>) -> Self {
        Self::new(tx)
    }
}

pub fn sends(tx: Sender<u8>) {
    let _ = tx.send(1);
}

pub fn drains(rx: Receiver<u8>) {
    for v in rx {
        let _ = v;
    }
}

pub fn receives_once(rx: Receiver<u8>) -> Option<u8> {
    rx.try_recv().ok()
}

pub fn drops(tx: Sender<u8>) {
    drop(tx);
}

pub fn ignores(_tx: Sender<u8>) {}

pub fn returns(tx: Sender<u8>) -> Sender<u8> {
    tx
}

pub fn spawns(tx: Sender<u8>) {
    std::thread::spawn(move || {
        let _ = tx.send(2);
    });
}

pub fn cancels(token: CancellationToken) {
    token.cancel();
}

pub fn reads(token: CancellationToken) -> bool {
    token.is_cancelled()
}

pub fn pushes(tx: Sender<u8>, all: &mut Vec<Sender<u8>>) {
    all.push(tx);
}

pub fn unknown(tx: Sender<u8>) {
    external::keep(tx);
}

pub fn clones_into(tx: Sender<u8>) {
    sends(tx.clone());
}

pub fn even(tx: Sender<u8>, n: u32) {
    if n > 0 {
        odd(tx, n - 1)
    }
}

pub fn odd(tx: Sender<u8>, n: u32) {
    if n > 0 {
        even(tx, n - 1)
    } else {
        let _ = tx.send(0);
    }
}

pub async fn awaits_later(rx: Receiver<u8>) {
    for v in rx {
        let _ = v;
    }
}

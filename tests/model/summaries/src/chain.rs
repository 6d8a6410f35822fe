use std::sync::mpsc::Sender;

use crate::Holder;

pub fn first(tx: Sender<u8>) -> Holder {
    second(tx)
}

fn second(tx: Sender<u8>) -> Holder {
    Holder::new(tx)
}

pub fn to_dropper(tx: Sender<u8>) {
    crate::drops(tx)
}

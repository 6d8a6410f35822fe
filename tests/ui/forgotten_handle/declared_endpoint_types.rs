//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// A project's own bus, declared with its endpoint types: a value of the sender type, or of a
// project type that holds one in a field, leaked with `mem::forget` keeps the bus open.
use std::mem;

use my_bus::Sender;

pub struct Publisher {
    out: Option<Sender<u32>>,
}

pub fn leak_publisher(out: Sender<u32>) {
    let p = Publisher { out: Some(out) };
    mem::forget(p); //~ WARN forgotten_handle
}

pub fn leak_annotated(make: fn() -> my_bus::Sender<u8>) {
    let tx: my_bus::Sender<u8> = make();
    mem::forget(tx); //~ WARN forgotten_handle
}

//@ config: [apis]
//@ config: channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
// The near misses of `declared_endpoint_types.rs`: the publisher is dropped, and a type of
// the same name from another crate (not declared) owns nothing leaklint tracks.
use std::mem;

use my_bus::Sender;

pub struct Publisher {
    out: Option<Sender<u32>>,
}

pub struct Other {
    out: other_bus::Sender<u32>,
}

pub fn drop_publisher(out: Sender<u32>) {
    let p = Publisher { out: Some(out) };
    drop(p);
}

pub fn leak_other(out: other_bus::Sender<u32>) {
    let o = Other { out };
    mem::forget(o);
}

pub fn leak_annotated(make: fn() -> other_bus::Sender<u8>) {
    let tx: other_bus::Sender<u8> = make();
    mem::forget(tx);
}

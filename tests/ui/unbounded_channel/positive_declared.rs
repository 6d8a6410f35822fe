//@ config: [apis]
//@ config: channels = [{ new = "my_bus::unbounded", kind = "unbounded" }, { new = "my_bus::bounded", kind = "bounded" }]
// A declared unbounded channel, and the libraries leaklint knows.
fn bus() {
    let (tx, rx) = my_bus::unbounded::<u32>(); //~ WARN unbounded_channel
    tx.send(1).unwrap();
    let _ = rx.recv();
}

fn kanal_channel() {
    let (tx, rx) = kanal::unbounded::<u32>(); //~ WARN unbounded_channel
    tx.send(1).unwrap();
    let _ = rx.recv();
}

fn there() {
    let (tx, _) = std::sync::mpsc::channel::<u32>(); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

// Bounded constructors and look-alikes.
fn bounded() {
    let (_a, _ra) = std::sync::mpsc::sync_channel::<u32>(8);
    let (_b, _rb) = tokio::sync::mpsc::channel::<u32>(8);
    let (_c, _rc) = crossbeam_channel::bounded::<u32>(8);
    let (_d, _rd) = flume::bounded::<u32>(8);
}

mod local {
    pub fn unbounded() -> u32 {
        0
    }
}

fn local_function_with_the_same_name() {
    use local::unbounded;
    let _ = unbounded();
}

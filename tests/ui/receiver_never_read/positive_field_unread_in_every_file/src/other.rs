// Names `events`, but as a local, not as the field: the field is still never read.
pub fn count() -> usize {
    let events = vec![1, 2];
    events.len()
}

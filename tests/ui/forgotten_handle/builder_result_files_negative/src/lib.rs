// The fixed version: the built value is dropped (its sender closes the channel, its thread
// ends) and the builder alone, which holds nothing, is what is forgotten.
mod pool;

use pool::WorkersBuilder;

pub fn stop_bound() {
    let w = WorkersBuilder::new().build().unwrap();
    drop(w.jobs);
    w.thread.join().unwrap();
}

pub fn forget_builder_only() {
    std::mem::forget(WorkersBuilder::new().label("x"));
}

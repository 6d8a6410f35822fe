// A crate type holding a sender and a thread handle, made by a builder of another file
// (a method chain, not a constructor), then leaked without a type annotation.
mod pool;

use pool::WorkersBuilder;

pub fn leak_bound() -> &'static pool::Workers {
    let w = WorkersBuilder::new().build().unwrap();
    Box::leak(Box::new(w)) //~ WARN forgotten_handle
}

pub fn forget_chain() -> std::io::Result<()> {
    std::mem::forget(WorkersBuilder::new().label("x").build()?); //~ WARN forgotten_handle
    Ok(())
}

//! The struct, its constructor and its worker loop in one file, its `Drop` in another; the
//! loop's `Shutdown` arm is its only way out, and nothing in the crate sends `Shutdown`.
mod pool;
mod shutdown;

pub use pool::Pool;

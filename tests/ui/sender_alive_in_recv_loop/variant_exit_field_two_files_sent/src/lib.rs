//! The fixed version of `variant_exit_field_two_files`: a third file sends `Shutdown`, so
//! the worker's loop can leave (the `Drop` still joins without sending it; the stop path is
//! the crate's `stop`).
mod pool;
mod shutdown;
mod stop;

pub use pool::Pool;

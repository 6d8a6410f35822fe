//! The struct and its constructor in one file, its `Drop` in another.
mod indexer;
mod shutdown;

pub use indexer::Indexer;

//! The struct and its constructor in one file, its `Drop` in another, which drops the sender first.
mod indexer;
mod shutdown;

pub use indexer::Indexer;

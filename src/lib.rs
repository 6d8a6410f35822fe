//! leaklint: finds thread, task and channel leaks in Rust code.
//!
//! The pipeline, one stage per module: [`discover`] (which files) → [`engine`] (load,
//! pre-filter, parse, [`model`], [`lints`], [`suppress`], levels from [`config`]) →
//! [`report`] (every output format). [`cli`] turns argv into that pipeline.

pub mod baseline;
pub mod cache;
pub mod cli;
pub mod codes;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod fix;
pub mod lints;
pub mod lsp;
pub mod model;
pub mod report;
pub mod source;
pub mod stdin;
pub mod suppress;

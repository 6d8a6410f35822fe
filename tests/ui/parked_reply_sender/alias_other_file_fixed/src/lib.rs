mod client;
mod types;

pub use client::Client;

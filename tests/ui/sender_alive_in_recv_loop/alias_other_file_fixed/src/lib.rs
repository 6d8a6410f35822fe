mod actor;
mod types;

pub use actor::Actor;

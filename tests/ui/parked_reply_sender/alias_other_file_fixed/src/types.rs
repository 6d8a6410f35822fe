use std::collections::HashMap;
use tokio::sync::{oneshot, Mutex};

pub struct Reply;

pub type Waiters = HashMap<u64, oneshot::Sender<Reply>>;
pub type Pending = Mutex<Waiters>;

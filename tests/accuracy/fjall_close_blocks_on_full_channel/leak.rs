// source: https://github.com/fjall-rs/fjall/pull/324
// expect: none (known miss: no lint yet for blocking sends from `Drop` into a bounded channel that only workers drain)
// what: closing the database pumps close messages into a bounded worker channel with a blocking send and hangs when it is full

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub enum Message { Close }

pub struct Db {
    sender: flume::Sender<Message>,
    active_workers: Arc<AtomicUsize>,
}

impl Drop for Db {
    fn drop(&mut self) {
        while self.active_workers.load(Ordering::Acquire) > 0 {
            let _ = self.sender.send(Message::Close);
        }
    }
}

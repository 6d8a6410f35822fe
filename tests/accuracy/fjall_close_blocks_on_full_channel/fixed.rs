// fixed version of ../fjall_close_blocks_on_full_channel/leak.rs

use std::thread::JoinHandle;

pub enum Message { Close }

pub struct Db {
    sender: flume::Sender<Message>,
    workers: Vec<JoinHandle<()>>,
}

impl Drop for Db {
    fn drop(&mut self) {
        for _ in 0..self.workers.len() {
            let _ = self.sender.try_send(Message::Close);
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

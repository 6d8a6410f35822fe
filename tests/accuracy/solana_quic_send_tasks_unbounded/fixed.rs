// fixed version of ../solana_quic_send_tasks_unbounded/leak.rs

use std::sync::Arc;
use tokio::runtime::Runtime;
use tokio::sync::Semaphore;

pub struct QuicClient {
    runtime: Runtime,
    outstanding: Arc<Semaphore>,
}

impl QuicClient {
    pub fn send_all(&self, batches: Vec<Vec<u8>>) {
        for batch in batches {
            let permit = self
                .runtime
                .block_on(self.outstanding.clone().acquire_owned())
                .unwrap();
            self.runtime.spawn(async move {
                println!("{} bytes", batch.len());
                drop(permit);
            });
        }
    }
}

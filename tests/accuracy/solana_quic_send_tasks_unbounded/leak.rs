// source: https://github.com/solana-labs/solana/pull/28452
// expect: detached_spawn_in_loop (known miss: the spawn is a method on a runtime kept in a field of `self`)
// what: each transaction send spawns an async task on the client runtime with no limit on outstanding tasks

use tokio::runtime::Runtime;

pub struct QuicClient {
    runtime: Runtime,
}

impl QuicClient {
    pub fn send_all(&self, batches: Vec<Vec<u8>>) {
        for batch in batches {
            self.runtime.spawn(async move {
                println!("{} bytes", batch.len());
            });
        }
    }
}

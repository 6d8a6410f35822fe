// The fixed versions of `thread_pools.rs`: each job checks a stop flag. A field of another
// struct, or a method not known to spawn, is not a spawn.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use threadpool::ThreadPool;

pub struct Server {
    pool: ThreadPool,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(&self) {
        let stop = self.stop.clone();
        self.pool.execute(move || loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            std::thread::sleep(Duration::from_secs(1));
        });
    }
}

pub struct Client {
    pool: my_db::Pool,
}

impl Client {
    pub fn start(&self) {
        self.pool.execute(|| loop {
            std::thread::sleep(Duration::from_secs(1));
        });
    }
}

pub fn built(stop: Arc<AtomicBool>) {
    let pool = threadpool::Builder::new().num_threads(2).build();
    pool.execute(move || loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    });
}

// `threadpool` jobs that loop for ever: dropping the pool without `join()` leaves its
// workers running them, detached. The pool may be built by a `Builder` chain or kept in a
// field of the struct whose method submits the job.
use std::sync::Arc;
use std::time::Duration;

use threadpool::ThreadPool;

pub struct Server {
    pool: ThreadPool,
    shared: Arc<ThreadPool>,
}

impl Server {
    pub fn start(&self) {
        self.pool.execute(|| loop { //~ WARN detached_infinite_loop
            std::thread::sleep(Duration::from_secs(1));
        });
        self.shared.execute(|| loop { //~ WARN detached_infinite_loop
            std::thread::sleep(Duration::from_secs(1));
        });
    }
}

pub fn built() {
    let pool = threadpool::Builder::new().num_threads(2).build();
    pool.execute(|| loop { //~ WARN detached_infinite_loop
        std::thread::sleep(Duration::from_secs(1));
    });
}

// fixed version of ../starcoin_failed_worker_not_aborted/leak.rs

use tokio::task::JoinHandle;

pub enum State { Running, Error(String), Closed }

pub struct Worker {
    handle: JoinHandle<()>,
    state: State,
}

pub fn poll(workers: &mut [Worker]) {
    for w in workers.iter_mut() {
        if let State::Error(e) = &w.state {
            eprintln!("worker failed: {e}");
            w.handle.abort();
            w.state = State::Closed;
        }
    }
}

// source: https://github.com/starcoinorg/starcoin/pull/4794
// expect: none (known miss: no lint yet for a task handle kept in a struct that is never aborted on the error path)
// what: when a block execution worker reports an error its state is left as is and its task is never aborted

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
        }
    }
}

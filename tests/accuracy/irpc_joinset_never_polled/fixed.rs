// fixed version of ../irpc_joinset_never_polled/leak.rs

use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

pub async fn listen(mut incoming: Receiver<u64>) {
    let mut tasks = JoinSet::new();
    loop {
        tokio::select! {
            req = incoming.recv() => match req {
                Some(req) => { tasks.spawn(async move { req * 2 }); }
                None => break,
            },
            Some(_done) = tasks.join_next() => {}
        }
    }
}

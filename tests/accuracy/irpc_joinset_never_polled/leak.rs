// source: https://github.com/n0-computer/irpc/issues/40
// expect: none (known miss: no lint yet for a `JoinSet` whose results are never joined)
// what: a listen loop spawns request tasks into a `JoinSet` that is never polled, so finished results pile up

use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

pub async fn listen(mut incoming: Receiver<u64>) {
    let mut tasks = JoinSet::new();
    while let Some(req) = incoming.recv().await {
        tasks.spawn(async move { req * 2 });
    }
}

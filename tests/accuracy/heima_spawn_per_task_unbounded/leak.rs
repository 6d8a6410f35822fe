// source: https://github.com/litentry/heima/pull/3363
// expect: detached_spawn_in_loop
// what: a handler spawns one task per received request with no limit, so tasks pile up faster than they finish

use tokio::sync::mpsc::Receiver;

async fn handle(task: u64) {
    println!("{task}");
}

pub fn run_handler(mut requests: Receiver<u64>) {
    tokio::spawn(async move {
        while let Some(task) = requests.recv().await {
            tokio::spawn(async move { handle(task).await });
        }
    });
}

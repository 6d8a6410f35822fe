// source: https://github.com/tod-org/tod/issues/1640
// expect: sender_alive_in_recv_loop (known miss: the other senders live in background tasks spawned by called functions)
// what: after the command finishes, the CLI awaits `rx.recv()` until every error sender is gone, but background tasks keep clones

use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

fn start_background(errors: UnboundedSender<String>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            if errors.send("refresh failed".into()).is_err() {
                break;
            }
        }
    });
}

async fn run_command() -> i32 {
    let (tx, mut rx) = unbounded_channel::<String>();
    start_background(tx);
    let mut code = 0;
    while let Some(err) = rx.recv().await {
        eprintln!("{err}");
        code = 1;
    }
    code
}

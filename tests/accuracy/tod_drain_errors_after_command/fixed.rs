// fixed version of ../tod_drain_errors_after_command/leak.rs

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
    while let Ok(err) = rx.try_recv() {
        eprintln!("{err}");
        code = 1;
    }
    code
}

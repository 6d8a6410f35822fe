// Tokens handed to spawned work and never cancelled.
use tokio_util::sync::CancellationToken;

async fn child_token() {
    let token = CancellationToken::new();
    let child = token.child_token();
    tokio::spawn(async move {
        child.cancelled().await;
    });
}

async fn clone_moved_in() {
    let shutdown = CancellationToken::new();
    for _ in 0..4 {
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = shutdown.cancelled() => {}
            }
        });
    }
}

struct Server;

impl Server {
    async fn run(&self) {
        let token = tokio_util::sync::CancellationToken::new();
        let worker_token = token.clone();
        tokio::spawn(worker(worker_token));
    }
}

async fn worker(token: CancellationToken) {
    token.cancelled().await;
}

// A clone used only for a check is not handed on.
async fn clone_only_inspected() {
    let token = CancellationToken::new(); //~ WARN token_never_cancelled
    let seen = token.clone().is_cancelled();
    tokio::spawn(async move { token.cancelled().await });
    println!("{seen}");
}

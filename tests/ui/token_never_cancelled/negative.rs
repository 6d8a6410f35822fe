// Near misses: cancelled, guarded, or handed on.
use tokio_util::sync::CancellationToken;

async fn cancelled_at_the_end() {
    let token = CancellationToken::new();
    let child = token.child_token();
    let h = tokio::spawn(async move { child.cancelled().await });
    token.cancel();
    h.await.unwrap();
}

async fn drop_guard() {
    let token = CancellationToken::new();
    let _guard = token.clone().drop_guard();
    let child = token.child_token();
    tokio::spawn(async move { child.cancelled().await });
}

fn returned() -> CancellationToken {
    let token = CancellationToken::new();
    let child = token.child_token();
    tokio::spawn(async move { child.cancelled().await });
    token
}

struct Service {
    shutdown: CancellationToken,
}

impl Service {
    fn start() -> Service {
        let shutdown = CancellationToken::new();
        let child = shutdown.child_token();
        tokio::spawn(async move { child.cancelled().await });
        Service { shutdown }
    }
}

fn not_given_to_spawned_work() {
    let token = CancellationToken::new();
    println!("{}", token.is_cancelled());
}

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

struct Tracer {
    _token: CancellationToken,
}

impl Tracer {
    fn new(_sim: u32, token: CancellationToken) -> Tracer {
        Tracer { _token: token }
    }
}

// Moved into a constructor, which may cancel it: handed on.
async fn moved_into_constructor(sim: u32) -> Tracer {
    let token = CancellationToken::new();
    let child = token.child_token();
    tokio::spawn(async move { child.cancelled().await });
    Tracer::new(sim, token)
}

// A clone handed to a constructor can cancel the whole token too.
async fn clone_into_constructor(sim: u32) -> Tracer {
    let token = CancellationToken::new();
    let tracer = Tracer::new(sim, token.clone());
    tokio::spawn(async move { token.cancelled().await });
    tracer
}

async fn work() {}

// A token made inside the spawned work, and not used: nothing is handed to that work.
async fn token_made_inside_the_task() {
    tokio::spawn(async move {
        let _shutdown = CancellationToken::new();
        work().await;
    });
}

// Tokens handed to functions of the crate that only read or drop them (also through
// another function, and through a recursive pair): nothing can cancel them.
use tokio_util::sync::CancellationToken;

struct Tracer {
    sim: u32,
}

impl Tracer {
    fn new(sim: u32, token: CancellationToken) -> Tracer {
        if token.is_cancelled() {
            return Tracer { sim: 0 };
        }
        Tracer { sim }
    }
}

fn log_state(token: CancellationToken) {
    check(token)
}

fn check(token: CancellationToken) {
    let _ = token.is_cancelled();
}

fn ping(token: CancellationToken, n: u32) {
    if n > 0 {
        pong(token, n - 1)
    }
}

fn pong(token: CancellationToken, n: u32) {
    if n > 0 {
        ping(token, n - 1)
    }
}

async fn moved_into_a_constructor() {
    let token = CancellationToken::new(); //~ WARN token_never_cancelled
    let child = token.child_token();
    tokio::spawn(async move {
        child.cancelled().await;
    });
    let _tracer = Tracer::new(7, token);
}

async fn clone_passed_down_a_chain() {
    let token = CancellationToken::new(); //~ WARN token_never_cancelled
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    log_state(token.clone());
}

async fn recursive_pair() {
    let token = CancellationToken::new(); //~ WARN token_never_cancelled
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    ping(token, 3);
}

// The fixed versions: each crate function the token is handed to may cancel it (it
// cancels, stores the token in a value whose method cancels, or passes it to a function
// leaklint cannot see), so the lint stays silent.
use tokio_util::sync::CancellationToken;

struct Tracer {
    token: CancellationToken,
}

impl Tracer {
    fn new(_sim: u32, token: CancellationToken) -> Tracer {
        Tracer { token }
    }

    fn stop(&self) {
        self.token.cancel();
    }
}

fn stop_later(token: CancellationToken) {
    finish(token)
}

fn finish(token: CancellationToken) {
    token.cancel();
}

fn hand_off(token: CancellationToken) {
    external::register(token);
}

fn ping(token: CancellationToken, n: u32) {
    if n > 0 {
        pong(token, n - 1)
    } else {
        token.cancel();
    }
}

fn pong(token: CancellationToken, n: u32) {
    ping(token, n)
}

async fn stored_by_the_constructor() {
    let token = CancellationToken::new();
    let child = token.child_token();
    tokio::spawn(async move {
        child.cancelled().await;
    });
    let tracer = Tracer::new(7, token);
    tracer.stop();
}

async fn cancelled_down_a_chain() {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    stop_later(token.clone());
}

async fn handed_to_an_unknown_function() {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    hand_off(token);
}

async fn recursive_pair_that_cancels() {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    ping(token, 3);
}

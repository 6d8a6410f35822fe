// A token handed to a constructor in another file, which passes it on to a function of a
// third module that only reads it; and the fixed version, whose constructor stores it.
mod tracer;
mod util;

use tokio_util::sync::CancellationToken;

use tracer::{Recorder, Tracer};

pub async fn trace(sim: u32) {
    let token = CancellationToken::new(); //~ WARN token_never_cancelled
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    let _tracer = Tracer::new(sim, token);
}

pub async fn record(sim: u32) {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    let recorder = Recorder::new(sim, token);
    recorder.stop();
}

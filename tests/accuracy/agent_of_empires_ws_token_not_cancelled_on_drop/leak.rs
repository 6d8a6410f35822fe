// source: https://github.com/agent-of-empires/agent-of-empires/pull/1295
// expect: token_never_cancelled (known miss: the token is stored in the returned handle, whose type has no `Drop` that cancels it)
// what: replacing a shutdown channel by a token: dropping the handle no longer stops the reader task

use tokio_util::sync::CancellationToken;

pub struct WsHandle {
    shutdown: CancellationToken,
}

async fn reader_loop(stop: CancellationToken) {
    stop.cancelled().await;
}

pub fn open() -> WsHandle {
    let shutdown = CancellationToken::new();
    tokio::spawn(reader_loop(shutdown.clone()));
    WsHandle { shutdown }
}

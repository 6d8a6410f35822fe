// fixed version of ../agent_of_empires_ws_token_not_cancelled_on_drop/leak.rs

use tokio_util::sync::CancellationToken;

pub struct WsHandle {
    shutdown: CancellationToken,
}

impl Drop for WsHandle {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

async fn reader_loop(stop: CancellationToken) {
    stop.cancelled().await;
}

pub fn open() -> WsHandle {
    let shutdown = CancellationToken::new();
    tokio::spawn(reader_loop(shutdown.clone()));
    WsHandle { shutdown }
}

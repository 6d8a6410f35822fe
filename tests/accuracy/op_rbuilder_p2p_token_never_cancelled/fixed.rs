// fixed version of ../op_rbuilder_p2p_token_never_cancelled/leak.rs

use tokio_util::sync::CancellationToken;

async fn run_p2p(cancel: CancellationToken) {
    cancel.cancelled().await;
}

async fn run_node() {}

pub async fn start() {
    let cancel = CancellationToken::new();
    let _guard = cancel.clone().drop_guard();
    tokio::spawn(run_p2p(cancel.clone()));
    run_node().await;
}

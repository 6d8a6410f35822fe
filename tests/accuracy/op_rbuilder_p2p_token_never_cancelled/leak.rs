// source: https://github.com/flashbots/op-rbuilder/pull/553
// expect: token_never_cancelled
// what: the p2p node gets a clone of a cancellation token that nothing ever cancels, so it outlives the node task

use tokio_util::sync::CancellationToken;

async fn run_p2p(cancel: CancellationToken) {
    cancel.cancelled().await;
}

async fn run_node() {}

pub async fn start() {
    let cancel = CancellationToken::new();
    tokio::spawn(run_p2p(cancel.clone()));
    run_node().await;
}

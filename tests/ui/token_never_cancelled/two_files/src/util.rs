use tokio_util::sync::CancellationToken;

pub fn log_if_cancelled(sim: u32, token: CancellationToken) {
    if token.is_cancelled() {
        println!("{sim} cancelled");
    }
}

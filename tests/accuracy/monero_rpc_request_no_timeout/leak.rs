// source: https://github.com/monero-rs/monero-rpc-rs/issues/130
// expect: missing_timeout
// what: a wallet poller task builds a reqwest client without a timeout, so a hung RPC call stalls it for ever

pub fn poll_wallet(url: String) {
    tokio::spawn(async move {
        let client = reqwest::Client::new();
        let _ = client.post(&url).send().await;
    });
}

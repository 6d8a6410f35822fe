// fixed version of ../monero_rpc_request_no_timeout/leak.rs

use std::time::Duration;

pub fn poll_wallet(url: String) {
    tokio::spawn(async move {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        let _ = client.post(&url).send().await;
    });
}

// source: https://github.com/breez/breez-sdk-liquid/pull/985
// expect: detached_infinite_loop
// what: a background sync task loops for ever; stopping the SDK cannot end it, so stopped instances pile up in memory

use std::time::Duration;

async fn sync_once() {}

pub fn start_sync() {
    tokio::spawn(async move {
        loop {
            sync_once().await;
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}

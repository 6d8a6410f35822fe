// source: https://github.com/qoollo/bob/issues/868
// expect: detached_infinite_loop
// what: a disk-state background task loops for ever and keeps the backend from shutting down

use std::time::Duration;

async fn check_disk() {}

pub fn monitor_disk() {
    tokio::spawn(async {
        loop {
            check_disk().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}

// fixed version of ../bob_disk_controller_infinite_task/leak.rs

use std::time::Duration;
use tokio_util::sync::CancellationToken;

async fn check_disk() {}

pub fn monitor_disk(stop: CancellationToken) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(5)) => check_disk().await,
            }
        }
    });
}

// fixed version of ../breez_background_sync_no_shutdown/leak.rs

use std::time::Duration;
use tokio::sync::watch;

async fn sync_once() {}

pub fn start_sync(mut shutdown: watch::Receiver<()>) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = sync_once() => {}
            }
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}

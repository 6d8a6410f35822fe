// fixed version of ../citadel_timeout_detaches_puncher/leak.rs

use std::time::Duration;

async fn drive() {
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);
impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn attempt() {
    let mut driver = AbortOnDrop(tokio::spawn(drive()));
    let _ = (&mut driver.0).await;
}

pub async fn punch() {
    for _ in 0..3 {
        let _ = tokio::time::timeout(Duration::from_secs(2), attempt()).await;
    }
}

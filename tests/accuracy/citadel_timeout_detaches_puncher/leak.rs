// source: https://github.com/Avarok-Cybersecurity/Citadel-Protocol/pull/283
// expect: none (known miss: no lint yet for a task handle dropped when an outer `timeout` cancels the future that owns it)
// what: a hole-punch attempt owns a spawned driver; when the retry timeout drops the attempt, the driver task runs on for ever

use std::time::Duration;

async fn drive() {
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn attempt() {
    let driver = tokio::spawn(drive());
    let _ = driver.await;
}

pub async fn punch() {
    for _ in 0..3 {
        let _ = tokio::time::timeout(Duration::from_secs(2), attempt()).await;
    }
}

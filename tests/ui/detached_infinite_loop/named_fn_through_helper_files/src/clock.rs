use std::time::Duration;

pub fn tick_loop() {
    let mut n = 0u64;
    while true {
        n += 1;
        std::thread::sleep(Duration::from_secs(1));
    }
}

pub async fn refresh_loop(period: Duration) {
    loop {
        tokio::time::sleep(period).await;
    }
}

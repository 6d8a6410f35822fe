use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub async fn run(n: u8) {
    loop {
        println!("{n}");
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

pub async fn tick() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

pub fn poll(name: String, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        println!("{name}");
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

use std::sync::mpsc::Receiver;

pub fn drain(rx: Receiver<u8>) {
    for _ in rx {}
}

pub fn serve() {
    loop {
        super::super::tasks::named("x", || {});
    }
}

pub async fn ticker() {
    crate::tasks::task(tick()).await;
    tokio::spawn(self::tick());
}

async fn tick() {
    loop {}
}

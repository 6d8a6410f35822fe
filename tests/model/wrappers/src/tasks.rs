use std::thread::{self, JoinHandle};

pub fn detach<F: FnOnce() + Send + 'static>(f: F) {
    named("detached", f);
}

pub fn named<F: FnOnce() + Send + 'static>(name: &str, f: F) -> JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).expect("spawn")
}

pub async fn task<F: std::future::Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut);
}

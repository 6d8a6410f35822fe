use std::future::Future;

pub fn spawn_detached<F: FnOnce() + Send + 'static>(name: &str, f: F) {
    let _ = std::thread::Builder::new().name(name.to_owned()).spawn(f);
}

pub fn spawn_bg<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::task::spawn(fut);
}

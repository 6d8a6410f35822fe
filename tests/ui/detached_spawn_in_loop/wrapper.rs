// Each connection handed to a project helper that detaches it.
use std::net::{TcpListener, TcpStream};
use std::thread;

fn serve(_s: TcpStream) {}

fn spawn_detached<F: FnOnce() + Send + 'static>(f: F) {
    thread::spawn(f);
}

fn spawn_named<F: FnOnce() + Send + 'static>(name: &str, f: F) -> thread::JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).unwrap()
}

async fn spawn_task<F: std::future::Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut);
}

pub fn accept_loop(listener: TcpListener) {
    for conn in listener.incoming().flatten() {
        spawn_detached(move || serve(conn)); //~ WARN detached_spawn_in_loop
    }
}

pub fn accept_named(listener: TcpListener) {
    loop {
        let Ok((conn, _)) = listener.accept() else { continue };
        spawn_named("conn", move || serve(conn)); //~ WARN detached_spawn_in_loop
    }
}

pub async fn accept_tokio(listener: tokio::net::TcpListener) {
    while let Ok((_conn, _)) = listener.accept().await {
        spawn_task(async move {}).await; //~ WARN detached_spawn_in_loop
    }
}

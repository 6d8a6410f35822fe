// The fixed versions: the helpers' handles are collected and joined, or the helper joins.
use std::net::{TcpListener, TcpStream};
use std::thread;

fn serve(_s: TcpStream) {}

fn spawn_named<F: FnOnce() + Send + 'static>(name: &str, f: F) -> thread::JoinHandle<()> {
    thread::Builder::new().name(name.into()).spawn(f).unwrap()
}

fn run_joined<F: FnOnce() + Send + 'static>(f: F) {
    thread::spawn(f).join().unwrap();
}

pub fn collected(listener: TcpListener) {
    let mut handles = Vec::new();
    for conn in listener.incoming().flatten() {
        handles.push(spawn_named("conn", move || serve(conn)));
    }
    for h in handles {
        let _ = h.join();
    }
}

pub fn one_at_a_time(listener: TcpListener) {
    for conn in listener.incoming().flatten() {
        run_joined(move || serve(conn));
    }
}

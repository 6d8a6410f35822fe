use std::net::{TcpListener, TcpStream};

use crate::tasks;

fn handle(_s: TcpStream) {}

pub fn serve_all(listener: TcpListener) {
    for conn in listener.incoming().flatten() {
        tasks::detach(move || handle(conn)); //~ WARN detached_spawn_in_loop
    }
}

pub fn serve_tracked(listener: TcpListener) {
    let mut workers = Vec::new();
    for conn in listener.incoming().flatten() {
        workers.push(super::tasks::tracked(move || handle(conn)));
    }
    for w in workers {
        w.join().unwrap();
    }
}

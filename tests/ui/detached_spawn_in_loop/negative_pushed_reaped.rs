// Near miss of positive_pushed.rs: finished handles are taken out on every accept, so the
// collection holds only the live connections.
use std::net::TcpListener;
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

pub struct Server {
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Server {
    pub fn serve(&self, listener: TcpListener) {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            let mut workers = self.workers.lock().unwrap();
            workers.retain(|h| !h.is_finished());
            workers.push(thread::spawn(move || drop(stream)));
        }
    }
}

// tokio: a `JoinSet` reaped with `join_next` in the same loop.
pub async fn serve_set(listener: tokio::net::TcpListener) {
    let mut set = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            Ok((socket, _)) = listener.accept() => {
                set.spawn(async move { drop(socket) });
            }
            Some(_) = set.join_next() => {}
        }
    }
}

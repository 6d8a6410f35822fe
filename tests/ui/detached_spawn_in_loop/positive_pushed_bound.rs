// The handle is bound to a local first and then pushed into a shared collection, once per
// connection or message, with nothing that takes finished handles out: the collection grows.
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

pub struct Server {
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Server {
    pub fn serve(&self, listener: TcpListener) {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            let h = thread::spawn(move || { //~ WARN detached_spawn_in_loop
                drop(stream);
            });
            self.workers.lock().unwrap().push(h);
        }
    }
}

// tokio, the handle renamed before the push.
pub struct AsyncServer {
    tasks: tokio::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl AsyncServer {
    pub async fn serve(&self, listener: tokio::net::TcpListener) {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                break;
            };
            let task = tokio::spawn(async move { //~ WARN detached_spawn_in_loop
                drop(socket);
            });
            let handle = task;
            self.tasks.lock().await.push(handle);
        }
    }
}

// crossbeam: one thread per received message, into a shared local collection.
pub fn per_message(rx: crossbeam_channel::Receiver<u32>) {
    let handles: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::new(Mutex::new(Vec::new()));
    for job in rx {
        let h = thread::spawn(move || println!("{job}")); //~ WARN detached_spawn_in_loop
        handles.lock().unwrap().push(h);
    }
}

// A handle pushed into a shared collection once per connection or message, with nothing in
// the file that takes finished handles out before shutdown: the collection grows for ever.
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
            self.workers.lock().unwrap().push(thread::spawn(move || { //~ WARN detached_spawn_in_loop
                drop(stream);
            }));
        }
    }
}

// tokio: one task per accepted connection.
pub struct AsyncServer {
    tasks: tokio::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl AsyncServer {
    pub async fn serve(&self, listener: tokio::net::TcpListener) {
        while let Ok((socket, _)) = listener.accept().await {
            self.tasks.lock().await.push(tokio::spawn(async move { //~ WARN detached_spawn_in_loop
                drop(socket);
            }));
        }
    }
}

// crossbeam: one thread per received message, into a shared local collection.
pub fn per_message(rx: crossbeam_channel::Receiver<u32>) {
    let handles: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::new(Mutex::new(Vec::new()));
    for job in rx {
        handles.lock().unwrap().push(thread::spawn(move || println!("{job}"))); //~ WARN detached_spawn_in_loop
    }
}

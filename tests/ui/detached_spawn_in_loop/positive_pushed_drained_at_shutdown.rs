// Handles pushed once per connection and taken out only after the loop and in `fn close`:
// until then the collection grows with every connection.
use std::net::TcpListener;
use std::sync::Mutex;
use std::thread::{Builder, JoinHandle};

pub struct Acceptor {
    conns: Mutex<Vec<JoinHandle<()>>>,
}

impl Acceptor {
    pub fn accept_all(&self, listener: TcpListener) {
        for stream in listener.incoming().flatten() {
            let h = Builder::new()
                .spawn(move || drop(stream)) //~ WARN detached_spawn_in_loop
                .unwrap();
            self.conns.lock().unwrap().push(h);
        }
        // After the loop: runs once, when accepting is over.
        for h in self.conns.lock().unwrap().drain(..) {
            let _ = h.join();
        }
    }

    pub fn close(&self) {
        while let Some(h) = self.conns.lock().unwrap().pop() {
            let _ = h.join();
        }
    }
}

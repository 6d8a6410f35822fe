// tokio: a task's handle pushed once per connection, aborted only in `Drop`: until the
// owner is dropped the collection grows with every connection.
pub struct Relay {
    tasks: tokio::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Relay {
    pub async fn run(&self, listener: tokio::net::TcpListener) {
        while let Ok((socket, _)) = listener.accept().await {
            self.tasks.lock().await.push(tokio::spawn(async move { drop(socket) })); //~ WARN detached_spawn_in_loop
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        for t in self.tasks.get_mut().drain(..) {
            t.abort();
        }
    }
}

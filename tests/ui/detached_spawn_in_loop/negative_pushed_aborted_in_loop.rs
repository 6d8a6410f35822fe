// Near miss of positive_pushed_aborted_in_drop.rs: finished tasks are dropped from the
// collection on every accept; `Drop` aborts the ones still running.
pub struct Relay {
    tasks: tokio::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Relay {
    pub async fn run(&self, listener: tokio::net::TcpListener) {
        while let Ok((socket, _)) = listener.accept().await {
            let mut tasks = self.tasks.lock().await;
            tasks.retain(|t| !t.is_finished());
            tasks.push(tokio::spawn(async move { drop(socket) }));
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

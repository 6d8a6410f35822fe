// source: https://github.com/microsoft/duroxide/pull/45
// expect: none (known miss: no lint yet for children whose handles are kept by a task that is aborted)
// what: shutdown aborts a supervisor task, which drops its local vector of child handles and so detaches every child

use tokio::task::JoinHandle;

async fn poll_forever(id: u32) {
    loop {
        println!("poll {id}");
        tokio::task::yield_now().await;
    }
}

pub fn start() -> JoinHandle<()> {
    tokio::spawn(async {
        let mut children = Vec::new();
        for id in 0..4 {
            children.push(tokio::spawn(poll_forever(id)));
        }
        for c in children {
            let _ = c.await;
        }
    })
}

pub fn shutdown(supervisor: JoinHandle<()>) {
    supervisor.abort();
}

// fixed version of ../duroxide_supervisor_children_detached/leak.rs

use tokio::task::JoinSet;

async fn poll_forever(id: u32) {
    loop {
        println!("poll {id}");
        tokio::task::yield_now().await;
    }
}

pub fn start() -> JoinSet<()> {
    let mut children = JoinSet::new();
    for id in 0..4 {
        children.spawn(poll_forever(id));
    }
    children
}

pub async fn shutdown(mut children: JoinSet<()>) {
    children.shutdown().await;
}

// source: https://github.com/tari-project/tari/pull/1257
// expect: detached_spawn_in_loop
// what: a peer could make a node spawn unbounded tasks, one per network request

use tokio::sync::mpsc::Receiver;

pub async fn handle_requests(mut requests: Receiver<u32>) {
    loop {
        let Some(req) = requests.recv().await else { break };
        tokio::spawn(async move { println!("request {req}") });
    }
}

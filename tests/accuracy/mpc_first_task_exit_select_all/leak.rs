// source: https://github.com/near/mpc/pull/4157
// expect: unaborted_race
// what: the node waits for the first of its tasks to exit with `select_all` over join handles; the others run on detached

use futures::future::select_all;

async fn worker(id: u32) -> u32 { id }

pub async fn first_task_exit() -> u32 {
    let mut tasks = Vec::new();
    for id in 0..3 {
        tasks.push(tokio::spawn(worker(id)));
    }
    let (first, _index, _rest) = select_all(tasks).await;
    first.unwrap()
}

// fixed version of ../mpc_first_task_exit_select_all/leak.rs

use futures::future::select_all;

async fn worker(id: u32) -> u32 { id }

pub async fn first_task_exit() -> u32 {
    let mut tasks = Vec::new();
    for id in 0..3 {
        tasks.push(tokio::spawn(worker(id)));
    }
    let (first, _index, rest) = select_all(tasks).await;
    for task in rest {
        task.abort();
    }
    first.unwrap()
}

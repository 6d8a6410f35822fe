// The near misses of `bevy_tasks.rs`: the `Task` is kept by the caller, or dropped (which
// cancels the work).
use bevy_tasks::{AsyncComputeTaskPool, Task, TaskPool};

pub fn kept(pool: &TaskPool) -> Task<()> {
    pool.spawn(async {
        loop {
            futures_lite::future::yield_now().await;
        }
    })
}

pub fn dropped() {
    let _ = AsyncComputeTaskPool::get().spawn(async {
        loop {
            futures_lite::future::yield_now().await;
        }
    });
}

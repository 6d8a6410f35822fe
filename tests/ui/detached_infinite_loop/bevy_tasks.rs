// bevy task pools: a `Task` cancels its work when dropped, unless it is detached.
use bevy_tasks::{AsyncComputeTaskPool, IoTaskPool};

pub fn detached() {
    AsyncComputeTaskPool::get()
        .spawn(async {
            loop { //~ WARN detached_infinite_loop
                futures_lite::future::yield_now().await;
            }
        })
        .detach();
}

pub fn detached_from_binding() {
    let pool = IoTaskPool::get();
    let task = pool.spawn(async {
        loop { //~ WARN detached_infinite_loop
            futures_lite::future::yield_now().await;
        }
    });
    task.detach();
}

// Work that loops for ever, spawned through a runtime handle, a task builder, a thread pool
// or an executor, with nothing left to stop it.
use std::time::Duration;

fn runtime_handle(handle: &tokio::runtime::Handle) {
    handle.spawn(async {
        loop { //~ WARN detached_infinite_loop
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

fn runtime_value() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn_blocking(|| loop { //~ WARN detached_infinite_loop
        std::thread::sleep(Duration::from_secs(1));
    });
}

fn task_builder() {
    let _ = tokio::task::Builder::new().name("poller").spawn(async {
        loop { //~ WARN detached_infinite_loop
            tokio::task::yield_now().await;
        }
    });
}

fn thread_pool() {
    let pool = threadpool::ThreadPool::new(4);
    pool.execute(|| loop { //~ WARN detached_infinite_loop
        std::thread::sleep(Duration::from_secs(1));
    });
    pool.join();
}

fn rayon_pool(pool: &rayon::ThreadPool) {
    pool.spawn(|| loop { //~ WARN detached_infinite_loop
        std::thread::yield_now();
    });
}

fn futures_pool() {
    let pool = futures::executor::ThreadPool::new().unwrap();
    pool.spawn_ok(async {
        loop { //~ WARN detached_infinite_loop
            futures::pending!();
        }
    });
}

fn executors() {
    async_global_executor::spawn(async {
        loop { //~ WARN detached_infinite_loop
            async_io::Timer::after(Duration::from_secs(1)).await;
        }
    })
    .detach();
    actix_rt::spawn(async {
        loop { //~ WARN detached_infinite_loop
            actix_rt::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let local = tokio::task::LocalSet::new();
    local.spawn_local(async {
        loop { //~ WARN detached_infinite_loop
            tokio::task::yield_now().await;
        }
    });
}

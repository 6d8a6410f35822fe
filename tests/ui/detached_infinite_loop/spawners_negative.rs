// The same spawners, with work that can stop or is joined, tracked or scoped.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn runtime_handle(handle: &tokio::runtime::Handle, stop: Arc<AtomicBool>) {
    handle.spawn(async move {
        while !stop.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn task_builder_joined() {
    let task = tokio::task::Builder::new()
        .name("poller")
        .spawn(async {
            loop {
                tokio::task::yield_now().await;
            }
        })
        .unwrap();
    task.abort();
}

fn thread_pool(stop: Arc<AtomicBool>) {
    let pool = threadpool::ThreadPool::new(4);
    pool.execute(move || loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    });
    pool.join();
}

fn scoped(builder: std::thread::Builder) {
    std::thread::scope(|s| {
        let _ = std::thread::Builder::new().spawn_scoped(s, || loop {
            std::thread::yield_now();
        });
    });
}

fn executors() {
    // async-global-executor's task is cancelled when its handle drops.
    let _task = async_global_executor::spawn(async {
        loop {
            async_io::Timer::after(Duration::from_secs(1)).await;
        }
    });
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    });
    let _abort = tokio_util::task::AbortOnDropHandle::new(tokio::spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    }));
}

// A runtime owned by the function cancels its tasks when it drops.
fn owned_runtime(rt: tokio::runtime::Runtime) {
    rt.spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    });
}

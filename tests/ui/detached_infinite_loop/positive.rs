// Spawned work that loops for ever, with its handle dropped.
use std::thread;
use std::time::Duration;
use tokio::task;

fn std_thread_statement() {
    thread::spawn(|| loop { //~ WARN detached_infinite_loop
        thread::sleep(Duration::from_secs(1));
    });
}

fn let_underscore_and_unused_binding() {
    let _ = thread::spawn(move || {
        while true { //~ WARN detached_infinite_loop
            thread::yield_now();
        }
    });
    let _handle = std::thread::Builder::new()
        .name("poller".into())
        .spawn(|| loop { //~ WARN detached_infinite_loop
            thread::yield_now();
        })
        .unwrap();
}

async fn tokio_task() {
    tokio::spawn(async move {
        loop { //~ WARN detached_infinite_loop
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    task::spawn_blocking(|| loop { //~ WARN detached_infinite_loop
        thread::yield_now();
    });
}

async fn spawned_local_function() {
    tokio::spawn(refresh()); //~ WARN detached_infinite_loop
}

async fn refresh() {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

fn rayon_async_std_smol() {
    rayon::spawn(|| loop { //~ WARN detached_infinite_loop
        thread::yield_now();
    });
    async_std::task::spawn(async {
        loop { //~ WARN detached_infinite_loop
            async_std::task::sleep(Duration::from_secs(1)).await;
        }
    });
    smol::spawn(async {
        loop { //~ WARN detached_infinite_loop
            smol::future::yield_now().await;
        }
    })
    .detach();
}

struct Monitor;

impl Monitor {
    fn start(&self) {
        thread::spawn(|| loop { //~ WARN detached_infinite_loop
            thread::sleep(Duration::from_millis(10));
        });
    }
}

// source: https://github.com/neondatabase/neon/pull/5441
// expect: forgotten_handle
// what: a sender is forgotten so that its receiver never yields `None`, leaking it when the feature is off

use tokio::sync::mpsc;

pub async fn monitor(cgroup_enabled: bool) {
    let (tx, mut rx) = mpsc::channel::<u64>(1);
    if cgroup_enabled {
        tokio::spawn(async move {
            let _ = tx.send(1).await;
        });
    } else {
        std::mem::forget(tx);
    }
    loop {
        if let Some(v) = rx.recv().await {
            println!("{v}");
        }
    }
}

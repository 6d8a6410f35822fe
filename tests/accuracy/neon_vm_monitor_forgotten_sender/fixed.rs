// fixed version of ../neon_vm_monitor_forgotten_sender/leak.rs

use tokio::sync::mpsc;

pub async fn monitor(cgroup_enabled: bool) {
    let (tx, mut rx) = mpsc::channel::<u64>(1);
    if cgroup_enabled {
        tokio::spawn(async move {
            let _ = tx.send(1).await;
        });
    } else {
        drop(tx);
    }
    loop {
        tokio::select! {
            Some(v) = rx.recv(), if cgroup_enabled => println!("{v}"),
            else => break,
        }
    }
}

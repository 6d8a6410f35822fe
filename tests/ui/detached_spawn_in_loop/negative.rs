// Near misses: tracked, joined, or bounded by a semaphore.
use std::sync::Arc;

fn joined(jobs: Vec<u32>) {
    let mut handles = Vec::new();
    for job in jobs {
        handles.push(std::thread::spawn(move || println!("{job}")));
    }
    for h in handles {
        h.join().unwrap();
    }
}

async fn join_set(jobs: Vec<u32>) {
    let mut set = tokio::task::JoinSet::new();
    for job in jobs {
        set.spawn(async move { job });
    }
    while set.join_next().await.is_some() {}
}

async fn task_tracker(jobs: Vec<u32>) {
    let tracker = tokio_util::task::TaskTracker::new();
    for job in jobs {
        tracker.spawn(async move { job });
    }
    tracker.close();
    tracker.wait().await;
}

async fn semaphore(jobs: Vec<u32>, limit: Arc<tokio::sync::Semaphore>) {
    for job in jobs {
        let permit = limit.clone().acquire_owned().await.unwrap();
        tokio::spawn(async move {
            let _permit = permit;
            println!("{job}");
        });
    }
}

fn scoped(jobs: Vec<u32>) {
    std::thread::scope(|s| {
        for job in &jobs {
            s.spawn(move || println!("{job}"));
        }
    });
}

fn once() {
    std::thread::spawn(|| println!("once"));
}

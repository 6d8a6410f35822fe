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

// A fixed pool: the loop runs a number of times known before it starts, and the workers
// end when the job channel closes.
fn fixed_pool(n_workers: usize) -> std::sync::mpsc::Sender<u32> {
    let (tx, rx) = std::sync::mpsc::channel::<u32>();
    let rx = Arc::new(std::sync::Mutex::new(rx));
    for i in 0..n_workers {
        let rx = rx.clone();
        std::thread::spawn(move || {
            while let Ok(job) = rx.lock().unwrap().recv() {
                println!("worker {i}: {job}");
            }
        });
    }
    tx
}

async fn fixed_tasks() {
    for name in ["metrics", "gc", "flush"].iter() {
        tokio::spawn(async move { println!("{name}") });
    }
    for i in (1..=4).rev() {
        tokio::spawn(async move { i });
    }
}

// Near misses of positive_detach_forms.rs: the handle is joined, awaited, aborted, kept, or
// its task is cancelled when the handle is dropped (smol).
fn std_handle_joined(jobs: Vec<u32>) {
    for job in jobs {
        let handle = std::thread::spawn(move || println!("{job}"));
        handle.join().unwrap();
    }
}

async fn tokio_handle_awaited_or_aborted(jobs: Vec<u32>) {
    for job in jobs {
        let handle = tokio::task::spawn_blocking(move || job);
        handle.await.unwrap();
        let other = tokio::spawn(async move { job });
        other.abort();
    }
}

fn smol_task_dropped_is_cancelled(jobs: Vec<u32>) {
    for job in jobs {
        let _task = smol::spawn(async move { println!("{job}") });
    }
}

async fn smol_task_awaited(jobs: Vec<u32>) {
    for job in jobs {
        smol::spawn(async move { println!("{job}") }).await;
    }
}

// Near miss of smol_task_bound_then_detached: the bound task is awaited, not detached.
async fn smol_task_bound_then_awaited(jobs: Vec<u32>) {
    for job in jobs {
        let task = smol::spawn(async move { println!("{job}") });
        task.await;
    }
}

// The fixed versions: the task is aborted when the future is dropped, or the handle is not
// awaited inside a future that can be dropped.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use tokio::time::timeout;
use tokio_util::task::AbortOnDropHandle;

async fn work() -> u32 {
    1
}

// Wrapped: dropping the wrapper aborts the task.
async fn abort_on_drop() {
    let h = AbortOnDropHandle::new(tokio::spawn(work()));
    let _ = timeout(Duration::from_secs(1), async move { h.await }).await;
}

// On a JoinSet: dropping the set aborts its tasks.
async fn join_set() {
    let mut set = JoinSet::new();
    set.spawn(work());
    let _ = timeout(Duration::from_secs(1), set.join_next()).await;
}

// Aborted in the timeout's error path (the timeout borrows the handle).
async fn abort_on_elapsed() {
    let mut h = tokio::spawn(work());
    if timeout(Duration::from_secs(5), &mut h).await.is_err() {
        h.abort();
    }
}

// Aborted by a guard when the branch is dropped.
async fn abort_guard(stop: oneshot::Receiver<()>) {
    let h = tokio::spawn(work());
    let abort = h.abort_handle();
    let _guard = scopeguard::guard((), move |_| abort.abort());
    tokio::select! {
        r = h => { let _ = r; }
        _ = stop => {}
    }
}

// Borrowed by the `select!`: the handle outlives the branch and is aborted after it.
async fn select_borrow(stop: oneshot::Receiver<()>) {
    let mut h = tokio::spawn(work());
    tokio::select! {
        r = &mut h => { let _ = r; }
        _ = stop => { h.abort(); }
    }
}

// A plain async fn: nothing drops the await early (its callers are not timed out here).
async fn plain() -> u32 {
    let h = tokio::spawn(work());
    h.await.unwrap_or(0)
}

// Awaited outside the cancellable scope.
async fn outside(stop: oneshot::Receiver<()>) {
    let h = tokio::spawn(work());
    let _ = timeout(Duration::from_secs(1), stop).await;
    let _ = h.await;
}

// The inner task is spawned inside the timed-out future, and awaited by another spawned task:
// the timeout drops neither handle's owner.
async fn awaited_in_spawned_task() {
    let _ = timeout(Duration::from_secs(1), async {
        let h = tokio::spawn(work());
        tokio::spawn(async move { h.await });
    })
    .await;
}

// Blocking work: aborting it would not stop it once it runs (documented).
async fn blocking() {
    let h = tokio::task::spawn_blocking(|| 1);
    let _ = timeout(Duration::from_secs(1), h).await;
}

// The handle wrapped after spawning.
async fn wrapped_later(stop: oneshot::Receiver<()>) {
    let h = tokio::spawn(work());
    let h = AbortOnDropHandle::new(h);
    tokio::select! {
        r = h => { let _ = r; }
        _ = stop => {}
    }
}

// crossbeam's select has its own syntax: nothing there is a future.
fn crossbeam_select(rx: crossbeam_channel::Receiver<u32>) {
    let h = std::thread::spawn(|| 1);
    crossbeam_channel::select! {
        recv(rx) -> msg => { let _ = msg; }
    }
    let _ = h.join();
}

// A function that awaits a handle, called under a timeout, but aborting it on drop.
async fn serve(conn: u32) -> u32 {
    let h = AbortOnDropHandle::new(tokio::spawn(async move { conn + 1 }));
    h.await.unwrap_or(0)
}

async fn per_connection(conn: u32) {
    let _ = timeout(Duration::from_secs(30), serve(conn)).await;
    let _ = plain().await;
}

// Handles awaited one by one, with no timeout around the loop.
async fn awaited_in_loop(n: u32) {
    let mut handles = Vec::new();
    for i in 0..n {
        handles.push(tokio::spawn(async move { i }));
    }
    for h in handles {
        let _ = h.await;
    }
}

// Near miss of collected_attempts: the collected handles are aborted when the deadline passes.
async fn collected_attempts_aborted(urls: Vec<String>) {
    let hs: Vec<_> = urls
        .into_iter()
        .map(|u| tokio::spawn(async move { u.len() }))
        .collect();
    let aborts: Vec<_> = hs.iter().map(|h| h.abort_handle()).collect();
    if timeout(Duration::from_secs(2), futures::future::join_all(hs)).await.is_err() {
        for a in aborts {
            a.abort();
        }
    }
}

// A task's handle awaited inside a future that a timeout or a `select!` can drop
// (pedantic; turned on by the test).
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::timeout;

async fn work() -> u32 {
    1
}

// `timeout(d, async { ... h.await ... })`: the handle dies with the async block.
async fn timeout_async_block() {
    let h = tokio::spawn(work());
    let _ = timeout(Duration::from_secs(1), async move {
        h.await //~ WARN join_handle_in_cancellable_future
    })
    .await;
}

// Spawned and awaited inside the timed-out future, fully qualified.
async fn spawned_inside() {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let h = tokio::task::spawn(work());
        h.await.ok() //~ WARN join_handle_in_cancellable_future
    })
    .await;
}

// The handle itself is the future given to the timeout.
async fn handle_as_future() {
    let h = tokio::spawn(work());
    if timeout(Duration::from_secs(5), h).await.is_err() { //~ WARN join_handle_in_cancellable_future
        eprintln!("timed out");
    }
}

// `timeout(d, tokio::spawn(..))` directly.
async fn spawn_as_future() {
    let _ = timeout(Duration::from_secs(5), tokio::spawn(work())).await; //~ WARN join_handle_in_cancellable_future
}

// A `select!` branch awaiting the handle by value loses it when shutdown wins.
async fn select_branch(stop: oneshot::Receiver<()>) {
    let worker = tokio::spawn(work());
    tokio::select! {
        r = worker => { let _ = r; } //~ WARN join_handle_in_cancellable_future
        _ = stop => {}
    }
}

// Racing attempts collected in a Vec and joined under an outer timeout.
async fn racing_attempts(urls: Vec<String>) {
    let mut attempts = Vec::new();
    for u in urls {
        attempts.push(tokio::spawn(async move { u.len() }));
    }
    let _ = timeout(
        Duration::from_secs(2),
        futures::future::join_all(attempts), //~ WARN join_handle_in_cancellable_future
    )
    .await;
}

// `.timeout(d)` adapter on an async block, with a renamed spawn import.
use tokio::spawn as go;
async fn adapter() {
    use tokio_util::time::FutureExt;
    let _ = async {
        let h = go(work());
        h.await //~ WARN join_handle_in_cancellable_future
    }
    .timeout(Duration::from_secs(1))
    .await;
}

// A per-connection future dropped by a timeout or a `select!`: the function it calls awaits
// a handle it spawned.
async fn serve(conn: u32) -> u32 {
    let h = tokio::spawn(async move { conn + 1 });
    h.await.unwrap_or(0)
}

async fn per_connection(conn: u32, stop: oneshot::Receiver<()>) {
    let _ = timeout(Duration::from_secs(30), serve(conn)).await; //~ WARN join_handle_in_cancellable_future
    tokio::select! {
        _ = serve(conn) => {} //~ WARN join_handle_in_cancellable_future
        _ = stop => {}
    }
}

// `spawn(..).await` in a `select!` branch written inside an async block.
async fn joined_in_branch(stop: oneshot::Receiver<()>) {
    let _ = timeout(Duration::from_secs(1), async {
        let _ = tokio::spawn(work()).await; //~ WARN join_handle_in_cancellable_future
    })
    .await;
    let _ = stop.await;
}

// Handles awaited one by one in a loop, under an outer timeout.
async fn awaited_in_loop(n: u32) {
    let mut handles = Vec::new();
    for i in 0..n {
        handles.push(tokio::spawn(async move { i }));
    }
    let all = async move {
        let mut results = Vec::new();
        for h in handles { //~ WARN join_handle_in_cancellable_future
            results.push(h.await);
        }
        results
    };
    let _ = tokio::time::timeout(Duration::from_secs(5), all).await;
}

// actix's re-export of tokio's timeout.
async fn actix(stop: u32) {
    let handle = actix_rt::spawn(async move { stop });
    let _ = actix_rt::time::timeout(Duration::from_secs(1), handle).await; //~ WARN join_handle_in_cancellable_future
}

// Handles `.collect()`ed from a mapped spawn and joined under an outer timeout.
async fn collected_attempts(urls: Vec<String>) {
    let hs: Vec<_> = urls
        .into_iter()
        .map(|u| tokio::spawn(async move { u.len() }))
        .collect();
    let _ = timeout(Duration::from_secs(2), futures::future::join_all(hs)).await; //~ WARN join_handle_in_cancellable_future
}

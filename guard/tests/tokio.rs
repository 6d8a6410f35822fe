//! `Guard::tokio()`: leaked tasks are counted, tasks that end within the grace period pass,
//! also on the multi-thread runtime whose count lags; the runtime's own threads are not leaks.
#![cfg(target_os = "linux")]

use std::time::Duration;

use leaklint_guard::Guard;

const SHORT: Duration = Duration::from_millis(200);

#[tokio::test]
async fn a_leaked_task_is_reported() {
    let guard = Guard::tokio().with_timeout(SHORT);
    let task = tokio::spawn(tokio::time::sleep(Duration::from_secs(3600)));
    let report = guard.check_async().await.expect_err("the task is alive");
    assert_eq!(report.tasks.as_ref().map(|t| t.count), Some(1));
    let text = report.to_string();
    assert!(
        text.contains("test `a_leaked_task_is_reported` leaked 1 tokio task"),
        "{text}"
    );
    assert!(
        text.contains(&format!("the guard was made at {}:", file!())),
        "{text}"
    );
    #[cfg(not(tokio_unstable))]
    assert!(text.contains("--cfg tokio_unstable"), "{text}");
    #[cfg(not(tokio_unstable))]
    assert!(
        text.contains("spawn locations unknown: build the tests with"),
        "{text}"
    );
    // Aborted, the task ends within the grace period.
    task.abort();
    guard.assert_no_leaks_async().await;
}

#[tokio::test]
async fn tasks_that_end_within_the_grace_period_pass() {
    let guard = Guard::tokio().with_timeout(Duration::from_secs(5));
    for ms in [10, 20, 30] {
        tokio::spawn(tokio::time::sleep(Duration::from_millis(ms)));
    }
    guard.assert_no_leaks_async().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joined_tasks_pass_on_the_multi_thread_runtime() {
    let guard = Guard::tokio().with_timeout(Duration::from_secs(5));
    let tasks: Vec<_> = (0..50u64)
        .map(|i| tokio::spawn(async move { i * 2 }))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    // A blocking-pool thread stays alive for a while after its work: it is the runtime's.
    tokio::task::spawn_blocking(|| ()).await.unwrap();
    guard.check().expect("nothing leaked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leaked_task_fails_a_synchronous_check_on_the_multi_thread_runtime() {
    let guard = Guard::tokio().with_timeout(SHORT);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = stopped.await;
    });
    let report = guard.check().expect_err("the task waits for `stop`");
    assert_eq!(report.tasks.as_ref().map(|t| t.count), Some(1), "{report}");
    drop(stop);
    guard.assert_no_leaks_async().await;
}

#[tokio::test]
async fn a_synchronous_check_on_a_current_thread_runtime_says_why_it_did_not_wait() {
    let mut guard = Guard::tokio().with_timeout(SHORT);
    let task = tokio::spawn(tokio::time::sleep(Duration::from_secs(3600)));
    let text = guard.check().unwrap_err().to_string();
    assert!(text.contains("assert_no_leaks_async().await"), "{text}");
    task.abort();
    guard.disarm();
}

#[test]
fn outside_a_runtime_guard_tokio_says_so() {
    let error = Guard::try_tokio().unwrap_err();
    assert!(
        error.to_string().contains("inside a tokio runtime"),
        "{error}"
    );
}

/// Only with `RUSTFLAGS="--cfg tokio_unstable"` and `--features taskdump`.
#[cfg(all(tokio_unstable, feature = "taskdump"))]
#[tokio::test]
async fn with_taskdump_the_report_holds_the_task_traces() {
    let guard = Guard::tokio().with_timeout(SHORT);
    let task = tokio::spawn(tokio::time::sleep(Duration::from_secs(3600)));
    let report = guard.check_async().await.unwrap_err();
    let traces = match &report.tasks.as_ref().unwrap().traces {
        leaklint_guard::Traces::Dumped(traces) => traces.clone(),
        other => panic!("no traces: {other:?}"),
    };
    assert_eq!(traces.len(), 1, "{report}");
    assert!(report.to_string().contains("Handle::dump"), "{report}");
    println!("{report}");
    task.abort();
    guard.assert_no_leaks_async().await;
}

/// Only with `RUSTFLAGS="--cfg tokio_unstable"` and `--features spawn-sites`.
#[cfg(all(tokio_unstable, feature = "spawn-sites"))]
#[tokio::test]
async fn with_spawn_sites_the_report_names_where_each_task_was_spawned() {
    let guard = Guard::tokio().with_timeout(SHORT);
    let line = line!() + 1;
    let task = tokio::spawn(tokio::time::sleep(Duration::from_secs(3600)));
    tokio::spawn(async {}).await.unwrap(); // ended: not reported
    let report = guard.check_async().await.unwrap_err();
    let spawned = report.tasks.as_ref().unwrap().spawned.clone().unwrap();
    assert_eq!(spawned.len(), 1, "{report}");
    assert!(
        spawned[0].ends_with(&format!("spawned at {}:{line}:16", file!())),
        "{report}"
    );
    println!("{report}");
    task.abort();
    guard.assert_no_leaks_async().await;
}

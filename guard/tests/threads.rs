//! The guard on threads: leaks are reported by name, id, state and spawn site; threads that end
//! within the grace period pass; ignore lists work; drop and `assert_no_leaks` panic.
//!
//! Every leaked thread here waits on a channel whose sender the test drops at its end, so
//! nothing outlives its test for long. All tests take a guard, so they run one at a time.
#![cfg(target_os = "linux")]

use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use leaklint_guard::{Guard, LeakReport};

const SHORT: Duration = Duration::from_millis(200);

/// Starts a thread named `name` that runs until `stop` is dropped; returns it and its tid.
fn blocked_thread(name: &str) -> (Sender<()>, JoinHandle<()>, u64) {
    let (stop, stopped) = channel::<()>();
    let (tid_tx, tid_rx) = channel();
    let handle = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || wait_for_stop(stopped, tid_tx))
        .unwrap();
    (stop, handle, tid_rx.recv().unwrap())
}

fn wait_for_stop(stopped: Receiver<()>, tid_tx: Sender<u64>) {
    tid_tx.send(own_tid()).unwrap();
    let _ = stopped.recv();
}

fn own_tid() -> u64 {
    let link = std::fs::read_link("/proc/thread-self").unwrap();
    link.file_name().unwrap().to_str().unwrap().parse().unwrap()
}

fn named<'a>(report: &'a LeakReport, name: &str) -> Vec<&'a leaklint_guard::LeakedThread> {
    report.threads.iter().filter(|t| t.name == name).collect()
}

#[test]
fn a_leaked_named_thread_is_reported_with_its_id_state_and_test() {
    let guard_line = line!() + 1;
    let guard = Guard::new().with_timeout(SHORT);
    let (stop, handle, tid) = blocked_thread("leaky-worker");
    let started = Instant::now();
    let report = guard.check().expect_err("the thread is still running");
    assert!(
        started.elapsed() >= SHORT,
        "the check waits the grace period"
    );
    let leaked = named(&report, "leaky-worker");
    assert_eq!(leaked.len(), 1, "{report}");
    assert_eq!((leaked[0].tid, leaked[0].state), (tid, 'S'));
    assert_eq!(leaked[0].spawned_at, None);
    let text = report.to_string();
    assert!(
        text.contains(&format!(
            "thread `leaky-worker` (tid {tid}), state S (sleeping), spawn location unknown"
        )),
        "{text}"
    );
    assert!(
        text.contains("test `a_leaked_named_thread_is_reported_with_its_id_state_and_test`"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "note: the guard was made at {}:{guard_line}:17\n",
            file!()
        )),
        "{text}"
    );
    assert!(text.contains("leaklint::detached_infinite_loop"), "{text}");
    assert!(
        text.contains("leaklint::sender_alive_in_recv_loop"),
        "{text}"
    );
    // Once the thread ends, the guard's own check on drop passes.
    drop(stop);
    handle.join().unwrap();
}

#[test]
fn threads_that_end_within_the_grace_period_pass() {
    let guard = Guard::new().with_timeout(Duration::from_secs(5));
    let (stop, _handle, _tid) = blocked_thread("ends-soon");
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        drop(stop);
    });
    let started = Instant::now();
    assert_eq!(guard.check(), Ok(()));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the check returns as soon as the threads are gone"
    );
}

#[test]
fn threads_started_through_the_helper_name_their_spawn_site() {
    let guard = Guard::new().with_timeout(SHORT);
    let (stop, stopped) = channel::<()>();
    let line = line!() + 3;
    let handle = leaklint_guard::thread::Builder::new()
        .name("sited".into())
        .spawn(move || {
            let _ = stopped.recv();
        })
        .unwrap();
    let (stop2, stopped2) = channel::<()>();
    let line2 = line!() + 1;
    let handle2 = leaklint_guard::thread::spawn(move || {
        let _ = stopped2.recv();
    });
    let text = guard.check().unwrap_err().to_string();
    assert!(text.contains("thread `sited` (tid "), "{text}");
    assert!(
        text.contains(&format!("spawned at {}:{line}:10", file!())),
        "{text}"
    );
    assert!(
        text.contains(&format!("spawned at {}:{line2}:19", file!())),
        "{text}"
    );
    drop((stop, stop2));
    handle.join().unwrap();
    handle2.join().unwrap();
}

#[test]
fn ignored_names_are_not_reported() {
    let guard = Guard::new()
        .with_timeout(SHORT)
        .ignore_thread("ignored-*")
        .ignore_thread("a-very-long-thread-name");
    let (stop1, h1, _) = blocked_thread("ignored-1");
    let (stop2, h2, _) = blocked_thread("a-very-long-thread-name");
    assert_eq!(guard.check(), Ok(()));
    let (stop3, h3, _) = blocked_thread("kept");
    let report = guard.check().unwrap_err();
    assert_eq!(named(&report, "kept").len(), 1, "{report}");
    assert!(named(&report, "ignored-1").is_empty(), "{report}");
    assert!(!report.to_string().contains("a-very-long"), "{report}");
    drop((stop1, stop2, stop3));
    for h in [h1, h2, h3] {
        h.join().unwrap();
    }
}

#[test]
fn ignore_current_forgets_the_threads_started_before_it() {
    let guard = Guard::new().with_timeout(SHORT);
    let (stop, handle, _) = blocked_thread("shared-pool");
    let guard = guard.ignore_current();
    assert_eq!(guard.check(), Ok(()));
    let (stop2, handle2, _) = blocked_thread("after-setup");
    assert_eq!(named(&guard.check().unwrap_err(), "after-setup").len(), 1);
    drop((stop, stop2));
    handle.join().unwrap();
    handle2.join().unwrap();
}

#[test]
#[should_panic(expected = "thread `dropped-leak`")]
fn dropping_a_guard_checks_and_panics_with_the_report() {
    // Declared before the guard, so dropped after it: the thread is alive at the check.
    let stop;
    let _guard = Guard::new().with_timeout(SHORT);
    (stop, _, _) = blocked_thread("dropped-leak");
    let _ = &stop;
}

#[test]
#[should_panic(expected = "thread `asserted-leak`")]
fn assert_no_leaks_panics_with_the_report() {
    let stop;
    let guard = Guard::new().with_timeout(SHORT);
    (stop, _, _) = blocked_thread("asserted-leak");
    let _ = &stop;
    guard.assert_no_leaks();
}

#[test]
fn a_disarmed_guard_does_not_check_on_drop() {
    let stop;
    let mut guard = Guard::new().with_timeout(SHORT);
    (stop, _, _) = blocked_thread("disarmed");
    guard.disarm();
    drop(guard); // would panic if armed
    drop(stop);
}

#[test]
fn nothing_started_passes_at_once() {
    let guard = Guard::new();
    let started = Instant::now();
    guard.assert_no_leaks();
    assert!(started.elapsed() < Duration::from_millis(500));
}

/// Run by `a_failing_test_prints_the_report` in a child process: a test that leaks.
#[test]
fn child_leaks_a_thread() {
    if std::env::var_os("LEAKLINT_GUARD_CHILD").is_none() {
        return;
    }
    let stop;
    let _guard = Guard::new().with_timeout(SHORT);
    (stop, _, _) = blocked_thread("child-leak");
    let _ = &stop;
}

#[test]
fn a_failing_test_prints_the_report() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_leaks_a_thread", "--nocapture"])
        .env("LEAKLINT_GUARD_CHILD", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the leaking test fails:\n{stdout}");
    assert!(
        stderr.contains("leaklint-guard: test `child_leaks_a_thread` leaked 1 thread"),
        "{stderr}"
    );
    assert!(stderr.contains("thread `child-leak` (tid "), "{stderr}");
    assert!(
        stdout.contains("test child_leaks_a_thread ... FAILED"),
        "{stdout}"
    );
}

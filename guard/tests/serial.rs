//! Guarded tests running on parallel threads of one process do not blame each other: a guard
//! holds the serial lock until it is dropped, and the threads waiting for it are not leaks.
#![cfg(target_os = "linux")]

use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use leaklint_guard::Guard;

#[test]
fn a_test_waiting_for_the_lock_is_neither_run_nor_blamed() {
    let first = Guard::new().with_timeout(Duration::ZERO);
    let (acquired_tx, acquired) = channel();
    // Another test's harness thread: it makes its own guard, so it waits for `first`.
    let next_test = std::thread::Builder::new()
        .name("next-test".into())
        .spawn(move || {
            // A grace period: libtest may start the next test's thread just after this guard
            // takes its snapshot, and that thread is a leak only until it waits for the lock.
            let guard = Guard::new().with_timeout(Duration::from_secs(10));
            acquired_tx.send(()).unwrap();
            guard.assert_no_leaks();
        })
        .unwrap();
    // Until it is waiting for the lock it is a new, running thread; once waiting, it is not
    // the first test's.
    let deadline = Instant::now() + Duration::from_secs(10);
    while first.check().is_err() {
        assert!(Instant::now() < deadline, "{}", first.check().unwrap_err());
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        acquired.try_recv().is_err(),
        "the second guard waits while the first is alive"
    );
    drop(first);
    acquired
        .recv_timeout(Duration::from_secs(10))
        .expect("the second guard gets the lock once the first is dropped");
    next_test.join().unwrap();
}

#[test]
fn guards_nest_on_one_thread() {
    // Grace periods for the same reason as above: other tests' threads may be starting.
    let outer = Guard::new().with_timeout(Duration::from_secs(10));
    let inner = Guard::new().with_timeout(Duration::from_secs(10));
    inner.assert_no_leaks();
    let _serial = leaklint_guard::serial();
    outer.assert_no_leaks();
}

#[test]
fn an_unguarded_test_can_take_the_lock() {
    let _serial = leaklint_guard::serial();
    let handle = std::thread::spawn(|| 2 + 2);
    assert_eq!(handle.join().unwrap(), 4);
}

//! Guarded tests that the harness runs in parallel do not see each other's threads: each of
//! these starts threads that live longer than the grace period of the others' checks (those
//! of the 300 ms tests are alive when a 100 ms test beside it checks, without the lock).
#![cfg(target_os = "linux")]

use std::time::Duration;

use leaklint_guard::Guard;

/// Starts `n` threads that live `ms` milliseconds, joins them, then checks at once.
fn busy_test(n: usize, ms: u64) {
    // Long enough for the next test's harness thread to start waiting for the lock, too short
    // for another test's threads to end.
    let guard = Guard::new().with_timeout(Duration::from_millis(50));
    let threads: Vec<_> = (0..n)
        .map(|_| std::thread::spawn(move || std::thread::sleep(Duration::from_millis(ms))))
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    // Joined threads are gone; another test's threads would be new and alive.
    guard.assert_no_leaks();
}

#[test]
fn parallel_1() {
    busy_test(2, 300);
}

#[test]
fn parallel_2() {
    busy_test(2, 100);
}

#[test]
fn parallel_3() {
    busy_test(2, 300);
}

#[test]
fn parallel_4() {
    busy_test(2, 100);
}

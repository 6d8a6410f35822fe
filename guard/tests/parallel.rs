//! Guarded tests that the harness runs in parallel do not see each other's threads: each of
//! these starts threads that live a while, and checks with no grace period at all.
#![cfg(target_os = "linux")]

use std::time::Duration;

use leaklint_guard::Guard;

/// Starts `n` threads that live `ms` milliseconds, joins them, then checks at once.
fn busy_test(n: usize, ms: u64) {
    let guard = Guard::new().with_timeout(Duration::ZERO);
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
    busy_test(4, 40);
}

#[test]
fn parallel_2() {
    busy_test(4, 40);
}

#[test]
fn parallel_3() {
    busy_test(4, 40);
}

#[test]
fn parallel_4() {
    busy_test(4, 40);
}

#[test]
fn parallel_5() {
    busy_test(4, 40);
}

#[test]
fn parallel_6() {
    busy_test(4, 40);
}

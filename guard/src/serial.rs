//! The process-wide lock that keeps guarded tests from running at the same time.
//!
//! Rust's test harness runs tests on parallel threads of one process, so a thread started by
//! one test is alive, and new, while another test checks. Every [`Guard`](crate::Guard) holds
//! this lock from its creation until it is dropped, so guarded tests run one at a time. The
//! threads waiting for the lock (the harness threads of the next guarded tests) are known, and
//! never reported as leaks.
//!
//! Tests without a guard are not serialized: their threads can still be seen by a guarded test
//! running beside them. Use [`serial`] in such tests, run with `--test-threads=1`, or use
//! cargo-nextest, which runs each test in a process of its own.
//!
//! A guard made on another thread while one is alive waits for it to be dropped: do not make
//! guards inside threads that a guarded test joins (that would never end).

use std::collections::HashSet;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::thread::ThreadId;

#[derive(Default)]
struct State {
    /// The thread holding the lock and how many times it took it (a guard inside a guard).
    holder: Option<(ThreadId, usize)>,
    /// Kernel ids of the threads waiting in [`serial`].
    waiting: HashSet<u64>,
}

struct Lock {
    state: Mutex<State>,
    released: Condvar,
}

fn lock() -> &'static Lock {
    static LOCK: OnceLock<Lock> = OnceLock::new();
    LOCK.get_or_init(|| Lock {
        state: Mutex::default(),
        released: Condvar::new(),
    })
}

fn state() -> MutexGuard<'static, State> {
    // A test that panics holds no std mutex across its panic, but be safe anyway.
    lock()
        .state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Proof that this thread holds the serial lock; dropping it releases the lock.
///
/// It may be moved to and dropped on another thread (a guard dropped in a spawned thread).
#[derive(Debug)]
#[must_use = "the lock is released when this value is dropped"]
pub struct SerialGuard {
    holder: ThreadId,
}

/// Takes the process-wide lock that guarded tests share, waiting while another test holds it.
/// A thread that already holds it takes it again at once (guards may nest).
///
/// [`Guard::new`](crate::Guard::new) takes it by itself; call this in a test that starts
/// threads but has no guard, so that guarded tests never see its threads.
///
/// ```
/// let _serial = leaklint_guard::serial();
/// std::thread::spawn(|| ()).join().unwrap();
/// ```
pub fn serial() -> SerialGuard {
    let me = std::thread::current().id();
    let tid = crate::proc::current_tid();
    let mut state = state();
    loop {
        match &mut state.holder {
            None => {
                state.holder = Some((me, 1));
                break;
            }
            Some((holder, depth)) if *holder == me => {
                *depth += 1;
                break;
            }
            Some(_) => {
                if let Some(tid) = tid {
                    state.waiting.insert(tid);
                }
                state = lock()
                    .released
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
    }
    if let Some(tid) = tid {
        state.waiting.remove(&tid);
    }
    SerialGuard { holder: me }
}

impl Drop for SerialGuard {
    fn drop(&mut self) {
        let mut state = state();
        if let Some((holder, depth)) = &mut state.holder {
            if *holder == self.holder {
                *depth -= 1;
                if *depth == 0 {
                    state.holder = None;
                    drop(state);
                    lock().released.notify_all();
                }
            }
        }
    }
}

/// Whether the thread `tid` is waiting for the serial lock (so it belongs to another test).
pub(crate) fn is_waiting(tid: u64) -> bool {
    state().waiting.contains(&tid)
}

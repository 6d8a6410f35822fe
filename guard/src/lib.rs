//! Fail a test that leaves threads (or tokio tasks) running, as goleak does for Go.
//!
//! The run-time companion of [leaklint](https://crates.io/crates/cargo-leaklint): the lint finds
//! leaks in the source before the code runs; the guard proves in a test that none is left.
//!
//! ```
//! # fn run_the_code_under_test() {}
//! let guard = leaklint_guard::Guard::new(); // snapshots the live threads
//! run_the_code_under_test();
//! guard.assert_no_leaks(); // panics naming each thread still running after the grace period
//! ```
//!
//! # What is checked
//! [`Guard::new`] lists the process's threads (Linux: `/proc/self/task`). The check lists them
//! again; a thread that is new and still alive after the grace period ([`Guard::with_timeout`],
//! 1 s by default, polled as goleak retries) is a leak. Dropping an armed guard checks too,
//! and panics on a leak (unless the thread is already panicking). With the `tokio` feature,
//! [`Guard::tokio`] also counts the runtime's alive tasks.
//!
//! # Tests running in parallel
//! The test harness runs tests on parallel threads of one process. Every guard holds a
//! process-wide lock ([`serial`]) from its creation until it is dropped, so guarded tests run
//! one after the other, and the threads waiting for the lock are never blamed. Threads started
//! by *unguarded* tests running beside a guarded one can still be seen: take [`serial`] in those
//! tests too, run `cargo test -- --test-threads=1`, or use cargo-nextest (a process per test).
//!
//! # What cannot be known
//! The operating system gives a thread's id, name (cut to 15 bytes) and state, never where it
//! was spawned: the report names the spawn site only of threads started through
//! [`thread::spawn`] / [`thread::Builder`]. For tokio tasks, only how many more are alive, unless
//! the tests are built with `--cfg tokio_unstable`: then the `spawn-sites` feature names each
//! leaked task's id and spawn location (from tokio's `runtime.spawn` tracing spans, through a
//! global `tracing` subscriber the guard installs), and the `taskdump` feature adds the traces
//! of all the runtime's tasks (`Handle::dump`). Off Linux, [`Guard::try_new`] returns
//! [`Unsupported`].

#![warn(missing_docs)]

mod pattern;
mod proc;
mod report;
mod serial;
#[cfg(feature = "tokio")]
mod tasks;
pub mod thread;

use std::collections::HashSet;
use std::time::{Duration, Instant};

pub use proc::Unsupported;
pub use report::{LeakReport, LeakedTasks, LeakedThread, Traces};
pub use serial::{serial, SerialGuard};

/// The default grace period: how long a check waits for new threads and tasks to end.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// A snapshot of the live threads, checked when the test ends. See the [crate] docs.
#[derive(Debug)]
#[must_use = "a guard checks when it is dropped: bind it (`let guard = ...`), not `let _ = ...`"]
pub struct Guard {
    /// (tid, start time) of the threads not to report: alive at creation or at `ignore_current`.
    baseline: HashSet<(u64, u64)>,
    /// Thread-name patterns not to report (`*` wildcards).
    ignored_names: Vec<String>,
    timeout: Duration,
    armed: bool,
    test: Option<String>,
    /// Where the guard was made (the caller of `new`, `tokio`, ...).
    made_at: &'static std::panic::Location<'static>,
    #[cfg(feature = "tokio")]
    tasks: Option<tasks::TaskCount>,
    /// Dropped last: the next guarded test starts after this one's check.
    _serial: SerialGuard,
}

impl Guard {
    /// Takes the serial lock, then snapshots the live threads.
    ///
    /// # Panics
    /// Where threads cannot be listed (off Linux, or without `/proc`); [`Guard::try_new`]
    /// returns the reason instead.
    #[track_caller]
    pub fn new() -> Guard {
        Guard::try_new().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Takes the serial lock, then snapshots the live threads.
    ///
    /// # Errors
    /// [`Unsupported`] where threads cannot be listed (off Linux, or without `/proc`).
    #[track_caller]
    pub fn try_new() -> Result<Guard, Unsupported> {
        let made_at = std::panic::Location::caller();
        let serial = serial();
        let baseline = proc::live_threads()?
            .into_iter()
            .map(|t| (t.tid, t.start))
            .collect();
        let test = std::thread::current()
            .name()
            .filter(|&n| n != "main")
            .map(String::from);
        Ok(Guard {
            baseline,
            ignored_names: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            armed: true,
            test,
            made_at,
            #[cfg(feature = "tokio")]
            tasks: None,
            _serial: serial,
        })
    }

    /// Sets the grace period: how long a check polls for new threads (and tasks) to end.
    pub fn with_timeout(mut self, timeout: Duration) -> Guard {
        self.timeout = timeout;
        self
    }

    /// Never reports threads whose name matches `pattern`: `*` matches any characters
    /// (`"rayon-*"`, `"my-pool"`). Names longer than 15 bytes, which Linux cuts, still match
    /// the pattern of the full name.
    pub fn ignore_thread(mut self, pattern: impl Into<String>) -> Guard {
        self.ignored_names.push(pattern.into());
        self
    }

    /// Treats everything alive now as not the test's: threads (and tokio tasks) started before
    /// this call are never reported. For set-up that starts long-lived shared work.
    ///
    /// # Panics
    /// If the threads can no longer be listed (`/proc` unmounted meanwhile).
    pub fn ignore_current(mut self) -> Guard {
        let now = proc::live_threads().unwrap_or_else(|e| panic!("{e}"));
        self.baseline
            .extend(now.into_iter().map(|t| (t.tid, t.start)));
        #[cfg(feature = "tokio")]
        if let Some(tasks) = &mut self.tasks {
            tasks.rebase();
        }
        self
    }

    /// Stops the check on drop. [`Guard::check`] still works.
    pub fn disarm(&mut self) {
        self.armed = false;
    }

    /// The name of the test that made the guard, if the test harness named its thread.
    pub fn test_name(&self) -> Option<&str> {
        self.test.as_deref()
    }

    /// Waits up to the grace period for the threads (and tasks) started since the guard was
    /// made to end; blocks the calling thread meanwhile.
    ///
    /// Inside a tokio `current_thread` runtime the tasks cannot run while this blocks, so it
    /// looks once without waiting; use [`Guard::check_async`] there.
    ///
    /// # Errors
    /// A [`LeakReport`] of what is still alive after the grace period.
    #[allow(
        clippy::result_large_err,
        reason = "the report is made once, when a test fails"
    )]
    pub fn check(&self) -> Result<(), LeakReport> {
        #[cfg_attr(not(feature = "tokio"), allow(unused_mut))]
        let mut notes = Vec::new();
        #[cfg_attr(not(feature = "tokio"), allow(unused_mut))]
        let mut timeout = self.timeout;
        #[cfg(feature = "tokio")]
        if self.tasks.is_some() && tasks::on_current_thread_runtime() {
            timeout = Duration::ZERO;
            notes.push(tasks::BLOCKING_NOTE.to_owned());
        }
        let start = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            let report = self.look(start, notes.clone());
            let elapsed = start.elapsed();
            if report.is_empty() || elapsed >= timeout {
                return report.into_result();
            }
            std::thread::sleep(pause.min(timeout - elapsed));
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    /// Panics with the report if anything leaked (see [`Guard::check`]); then the guard is
    /// done and its drop checks nothing.
    ///
    /// # Panics
    /// On a leak, with the [`LeakReport`] as the message.
    #[track_caller]
    pub fn assert_no_leaks(mut self) {
        self.armed = false;
        if let Err(report) = self.check() {
            panic!("{report}");
        }
    }

    /// One look at what is alive now that the guard does not expect; `start` is when the check
    /// started. A failure to list the threads is a report too (a note), never a silent pass.
    fn look(&self, start: Instant, mut notes: Vec<String>) -> LeakReport {
        let threads = match proc::live_threads() {
            Ok(threads) => self.new_threads(threads),
            Err(e) => {
                notes.push(format!("the threads could not be listed: {e}"));
                return LeakReport {
                    test: self.test.clone(),
                    guard_made_at: Some(self.made_at),
                    threads: Vec::new(),
                    tasks: None,
                    waited: start.elapsed(),
                    notes,
                    failed: true,
                };
            }
        };
        #[cfg(feature = "tokio")]
        let tasks = self.tasks.as_ref().and_then(tasks::TaskCount::leaked);
        #[cfg(not(feature = "tokio"))]
        let tasks = None;
        LeakReport {
            test: self.test.clone(),
            guard_made_at: Some(self.made_at),
            threads,
            tasks,
            waited: start.elapsed(),
            notes,
            failed: false,
        }
    }

    /// The threads of `now` that are not the guard's to ignore.
    fn new_threads(&self, now: Vec<proc::ThreadInfo>) -> Vec<LeakedThread> {
        let me = proc::current_tid();
        now.into_iter()
            .filter(|t| !t.has_ended())
            .filter(|t| !self.baseline.contains(&(t.tid, t.start)))
            .filter(|t| Some(t.tid) != me && !serial::is_waiting(t.tid))
            .filter(|t| {
                !self
                    .ignored_names
                    .iter()
                    .any(|p| pattern::matches(p, &t.name))
            })
            .map(|t| LeakedThread {
                spawned_at: thread::spawn_site(t.tid),
                tid: t.tid,
                name: t.name,
                state: t.state,
            })
            .collect()
    }
}

impl Default for Guard {
    #[track_caller]
    fn default() -> Self {
        Guard::new()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.armed && !std::thread::panicking() {
            self.armed = false;
            if let Err(report) = self.check() {
                panic!("{report}");
            }
        }
    }
}

//! tokio support (feature `tokio`): count the runtime's alive tasks; where tokio is built with
//! `--cfg tokio_unstable`, name their spawn sites (feature `spawn-sites`) and dump their traces
//! (feature `taskdump`).

use std::time::{Duration, Instant};

use tokio::runtime::{Handle, RuntimeFlavor};

use crate::{Guard, LeakReport, LeakedTasks, Traces, Unsupported};

#[cfg(all(feature = "spawn-sites", tokio_unstable))]
mod sites;

/// The runtime's threads (worker and blocking pool, by tokio's default names: the newer
/// `tokio-rt-worker`, the older `tokio-runtime-worker`): the runtime's own, checked through
/// its task count instead.
const RUNTIME_THREADS: &[&str] = &["tokio-rt-worker", "tokio-runtime-worker"];

/// Why a synchronous check inside a `current_thread` runtime does not wait.
pub(crate) const BLOCKING_NOTE: &str =
    "checked at once, without a grace period: a synchronous check (or the guard's drop) \
     inside a current_thread runtime blocks the thread its tasks run on; \
     use `guard.assert_no_leaks_async().await` (or `check_async`) at the end of the test";

/// The runtime whose tasks a guard counts, and how many were alive before the test's.
#[derive(Debug)]
pub(crate) struct TaskCount {
    handle: Handle,
    baseline: usize,
    /// Where spawn sites are recorded: the first span id newer than the guard's baseline.
    /// Otherwise why they are not.
    sites: Result<u64, String>,
}

impl TaskCount {
    fn alive(&self) -> usize {
        self.handle.metrics().num_alive_tasks()
    }

    /// Counts the tasks alive now as not the test's.
    pub(crate) fn rebase(&mut self) {
        self.baseline = self.alive();
        self.sites = spawn_sites_mark();
    }

    /// The tasks alive beyond the baseline, if any (no traces yet).
    pub(crate) fn leaked(&self) -> Option<LeakedTasks> {
        let count = self.alive().saturating_sub(self.baseline);
        (count > 0).then(|| LeakedTasks {
            count,
            spawned: self.sites.clone().map(spawned_since),
            traces: Traces::Unavailable(NO_TRACES.to_owned()),
        })
    }
}

#[cfg(all(feature = "spawn-sites", tokio_unstable))]
fn spawn_sites_mark() -> Result<u64, String> {
    sites::install().map(|()| sites::mark())
}

#[cfg(not(all(feature = "spawn-sites", tokio_unstable)))]
fn spawn_sites_mark() -> Result<u64, String> {
    Err(
        "build the tests with `RUSTFLAGS=\"--cfg tokio_unstable\"` and leaklint-guard's \
         `spawn-sites` feature to know them"
            .to_owned(),
    )
}

#[cfg(all(feature = "spawn-sites", tokio_unstable))]
fn spawned_since(mark: u64) -> Vec<String> {
    sites::alive_since(mark)
}

#[cfg(not(all(feature = "spawn-sites", tokio_unstable)))]
fn spawned_since(_mark: u64) -> Vec<String> {
    Vec::new()
}

/// Whether the calling thread runs a `current_thread` runtime's tasks.
pub(crate) fn on_current_thread_runtime() -> bool {
    Handle::try_current().is_ok_and(|h| h.runtime_flavor() == RuntimeFlavor::CurrentThread)
}

#[cfg(not(all(feature = "taskdump", tokio_unstable, target_os = "linux")))]
const NO_TRACES: &str = "to print each task's trace, build the tests with \
     `RUSTFLAGS=\"--cfg tokio_unstable\"` and leaklint-guard's `taskdump` feature (Linux), \
     and check with `assert_no_leaks_async().await`; tokio-console shows where tasks were spawned";

#[cfg(all(feature = "taskdump", tokio_unstable, target_os = "linux"))]
const NO_TRACES: &str = "task traces are taken by `check_async().await` and \
     `assert_no_leaks_async().await` only (a dump must be awaited on the runtime)";

/// The traces of every task of the runtime (`Handle::dump`).
#[cfg(all(feature = "taskdump", tokio_unstable, target_os = "linux"))]
async fn dump(handle: &Handle) -> Traces {
    let dump = handle.dump().await;
    Traces::Dumped(
        dump.tasks()
            .iter()
            .map(|task| format!("task {}:\n{}", task.id(), task.trace()))
            .collect(),
    )
}

impl Guard {
    /// [`Guard::new`] that also counts the current tokio runtime's alive tasks
    /// (`Handle::metrics().num_alive_tasks()`). Threads named `tokio-rt-worker` or
    /// `tokio-runtime-worker` (tokio's default names for the runtime's workers and blocking
    /// pool) are the runtime's and not reported.
    ///
    /// # Panics
    /// Outside a tokio runtime, or where threads cannot be listed; [`Guard::try_tokio`]
    /// returns the reason instead.
    #[track_caller]
    pub fn tokio() -> Guard {
        Guard::try_tokio().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Guard::tokio`], returning why it cannot be made.
    ///
    /// # Errors
    /// [`Unsupported`] outside a tokio runtime, or where threads cannot be listed.
    #[track_caller]
    pub fn try_tokio() -> Result<Guard, Unsupported> {
        let handle = Handle::try_current().map_err(|e| Unsupported {
            reason: format!("Guard::tokio() must be called inside a tokio runtime ({e})"),
        })?;
        let mut guard = Guard::try_new()?;
        guard
            .ignored_names
            .extend(RUNTIME_THREADS.iter().map(|&name| name.to_owned()));
        let mut tasks = TaskCount {
            handle,
            baseline: 0,
            sites: Err(String::new()),
        };
        tasks.rebase();
        guard.tasks = Some(tasks);
        Ok(guard)
    }

    /// [`Guard::check`] for async tests: waits up to the grace period without blocking the
    /// runtime, so the test's tasks can finish (also on a `current_thread` runtime). With
    /// `tokio_unstable` and the `taskdump` feature, a report with leaked tasks holds the
    /// traces of the runtime's tasks.
    ///
    /// # Errors
    /// A [`LeakReport`] of what is still alive after the grace period.
    #[allow(
        clippy::result_large_err,
        reason = "the report is made once, when a test fails"
    )]
    pub async fn check_async(&self) -> Result<(), LeakReport> {
        let start = Instant::now();
        loop {
            let report = self.look(start, Vec::new());
            if report.is_empty() {
                return Ok(());
            }
            if start.elapsed() >= self.timeout {
                return Err(self.with_traces(report).await);
            }
            // Let the runtime run its tasks and poll its drivers, then look again soon.
            tokio::task::yield_now().await;
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// [`Guard::assert_no_leaks`] for async tests (see [`Guard::check_async`]).
    ///
    /// # Panics
    /// On a leak, with the [`LeakReport`] as the message.
    pub async fn assert_no_leaks_async(mut self) {
        self.armed = false;
        if let Err(report) = self.check_async().await {
            panic!("{report}");
        }
    }

    #[cfg(all(feature = "taskdump", tokio_unstable, target_os = "linux"))]
    async fn with_traces(&self, mut report: LeakReport) -> LeakReport {
        if let (Some(leaked), Some(tasks)) = (&mut report.tasks, &self.tasks) {
            leaked.traces = dump(&tasks.handle).await;
        }
        report
    }

    #[cfg(not(all(feature = "taskdump", tokio_unstable, target_os = "linux")))]
    async fn with_traces(&self, report: LeakReport) -> LeakReport {
        report
    }
}

//! What a failed check found, and how it reads.

use std::fmt;
use std::time::Duration;

use crate::thread::SpawnSite;

/// A thread that started after the guard was created and was still alive at the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakedThread {
    /// The kernel thread id (`gettid`), as `ps -T`, `top -H` and gdb show it.
    pub tid: u64,
    /// The thread's name as the kernel keeps it (at most 15 bytes; empty when unnamed).
    pub name: String,
    /// The state letter of `/proc/self/task/TID/stat`: `R` running, `S` sleeping (blocked:
    /// a receive, a lock, a sleep, I/O), `D` uninterruptible I/O, ...
    pub state: char,
    /// Where the thread was spawned, if it was started through [`crate::thread`].
    pub spawned_at: Option<SpawnSite>,
}

/// Leaked tokio tasks: the runtime's alive-task count rose during the test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakedTasks {
    /// How many more tasks are alive than when the guard was created.
    pub count: usize,
    /// "task ID spawned at FILE:LINE:COL" for each task spawned since the guard was made and
    /// still alive; or why spawn sites are not known.
    pub spawned: Result<Vec<String>, String>,
    /// The task traces of `Handle::dump`, when the crate is built for them; otherwise how to
    /// get them.
    pub traces: Traces,
}

/// Task traces, or why there are none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Traces {
    /// One trace per task alive at the check (all the runtime's tasks: tokio does not say
    /// which are new).
    Dumped(Vec<String>),
    /// No traces, and what would give them.
    Unavailable(String),
}

/// What [`Guard::check`](crate::Guard::check) found: the threads and tasks that outlived the
/// grace period. Its `Display` is the report a failing test prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakReport {
    /// The test's name (the name of the thread that created the guard, which the test
    /// harness names after the test), if there is one.
    pub test: Option<String>,
    /// Where the guard was made: the caller of `Guard::new` (or `Guard::tokio`, ...).
    pub guard_made_at: Option<SpawnSite>,
    /// The leaked threads, in tid order.
    pub threads: Vec<LeakedThread>,
    /// The leaked tokio tasks, for a guard made with `Guard::tokio()`.
    pub tasks: Option<LeakedTasks>,
    /// How long the check waited for threads and tasks to end.
    pub waited: Duration,
    /// Notes on the check itself (for example that tasks could not run while it waited).
    pub notes: Vec<String>,
    /// Whether the check itself failed (the threads could not be listed): a failure even
    /// with nothing listed as leaked.
    pub failed: bool,
}

impl LeakReport {
    /// Whether nothing leaked.
    pub fn is_empty(&self) -> bool {
        !self.failed && self.threads.is_empty() && self.tasks.as_ref().is_none_or(|t| t.count == 0)
    }

    /// `Ok(())` when nothing leaked, else the report.
    #[allow(
        clippy::result_large_err,
        reason = "the report is made once, when a test fails"
    )]
    pub(crate) fn into_result(self) -> Result<(), LeakReport> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

/// The leaklint lints that find, before the code runs, the usual causes of a thread or task
/// that never ends: (name, the shape it finds).
const LINT_HINTS: &[(&str, &str)] = &[
    (
        "detached_infinite_loop",
        "a detached thread or task that loops with no way to stop it",
    ),
    (
        "sender_alive_in_recv_loop",
        "a receive loop waiting for every sender to be dropped while one is still alive",
    ),
    (
        "recv_without_sender",
        "a receive that no sender will ever satisfy",
    ),
    (
        "missing_timeout",
        "network I/O in spawned work that can wait for ever",
    ),
    (
        "token_never_cancelled",
        "a CancellationToken handed to spawned work and never cancelled",
    ),
    (
        "unaborted_race",
        "the losers of a \"first answer wins\" race, never stopped",
    ),
    (
        "forgotten_handle",
        "a JoinHandle, channel end or shutdown guard passed to mem::forget or Box::leak",
    ),
];

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for LeakedThread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.is_empty() {
            write!(f, "unnamed thread")?;
        } else {
            write!(f, "thread `{}`", self.name)?;
        }
        write!(
            f,
            " (tid {}), state {}",
            self.tid,
            crate::proc::describe_state(self.state)
        )?;
        match self.spawned_at {
            Some(site) => write!(f, ", spawned at {site}"),
            None => write!(f, ", spawn location unknown"),
        }
    }
}

impl fmt::Display for LeakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut leaked = Vec::new();
        if !self.threads.is_empty() {
            leaked.push(plural(self.threads.len(), "thread", "threads"));
        }
        if let Some(tasks) = self.tasks.as_ref().filter(|t| t.count > 0) {
            leaked.push(plural(tasks.count, "tokio task", "tokio tasks"));
        }
        let test = self
            .test
            .as_deref()
            .map_or_else(|| "the test".to_owned(), |t| format!("test `{t}`"));
        if leaked.is_empty() {
            writeln!(f, "leaklint-guard: the check of {test} failed")?;
        } else {
            writeln!(
                f,
                "leaklint-guard: {test} leaked {} (still alive after waiting {} ms for them to end)",
                leaked.join(" and "),
                self.waited.as_millis()
            )?;
        }
        for (i, thread) in self.threads.iter().enumerate() {
            writeln!(f, "  {}. {thread}", i + 1)?;
        }
        if let Some(tasks) = self.tasks.as_ref().filter(|t| t.count > 0) {
            writeln!(
                f,
                "  {} more alive than when the guard was created",
                plural(tasks.count, "tokio task", "tokio tasks")
            )?;
            match &tasks.spawned {
                Ok(spawned) => {
                    for task in spawned {
                        writeln!(f, "    {task}")?;
                    }
                }
                Err(why) => writeln!(f, "  spawn locations unknown: {why}")?,
            }
            match &tasks.traces {
                Traces::Dumped(traces) => {
                    writeln!(f, "  traces of the runtime's tasks (Handle::dump):")?;
                    for trace in traces {
                        for line in trace.lines() {
                            writeln!(f, "    {line}")?;
                        }
                    }
                }
                Traces::Unavailable(why) => writeln!(f, "  no task traces: {why}")?,
            }
        }
        if let Some(site) = self.guard_made_at {
            writeln!(f, "note: the guard was made at {site}")?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        if self.threads.iter().any(|t| t.spawned_at.is_none()) {
            writeln!(
                f,
                "note: the spawn location is known only for threads started with \
                 leaklint_guard::thread::spawn or leaklint_guard::thread::Builder; \
                 names are cut to 15 bytes"
            )?;
        }
        writeln!(
            f,
            "help: `cargo leaklint` finds the usual causes before the code runs:"
        )?;
        for (lint, shape) in LINT_HINTS {
            writeln!(f, "  - leaklint::{lint}: {shape}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LeakReport {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_each_thread_its_state_site_and_the_lints() {
        let report = LeakReport {
            test: Some("net::tests::serves".into()),
            guard_made_at: None,
            threads: vec![
                LeakedThread {
                    tid: 4242,
                    name: "heartbeat".into(),
                    state: 'S',
                    spawned_at: None,
                },
                LeakedThread {
                    tid: 4243,
                    name: String::new(),
                    state: 'R',
                    spawned_at: Some(std::panic::Location::caller()),
                },
            ],
            tasks: Some(LeakedTasks {
                count: 1,
                spawned: Err("build with spawn-sites".into()),
                traces: Traces::Unavailable("build with tokio_unstable".into()),
            }),
            waited: Duration::from_millis(200),
            notes: vec![],
            failed: false,
        };
        let text = report.to_string();
        assert!(text.starts_with(
            "leaklint-guard: test `net::tests::serves` leaked 2 threads and 1 tokio task \
             (still alive after waiting 200 ms for them to end)\n"
        ));
        assert!(text.contains(
            "  1. thread `heartbeat` (tid 4242), state S (sleeping), spawn location unknown\n"
        ));
        assert!(text.contains(&format!(
            "  2. unnamed thread (tid 4243), state R (running), spawned at {}:",
            file!()
        )));
        assert!(text.contains("  1 tokio task more alive than when the guard was created\n"));
        assert!(text.contains("no task traces: build with tokio_unstable"));
        assert!(text.contains("  spawn locations unknown: build with spawn-sites\n"));
        assert!(text.contains("leaklint::detached_infinite_loop"));
        assert!(text.contains("leaklint::sender_alive_in_recv_loop"));
        assert!(!report.is_empty());
    }

    #[test]
    fn every_hinted_lint_is_one_of_leaklints() {
        let lints = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lints");
        for (lint, _) in LINT_HINTS {
            assert!(
                lints.join(format!("{lint}.md")).is_file(),
                "{lint} has no document in {}",
                lints.display()
            );
        }
    }
}

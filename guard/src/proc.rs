//! The live threads of this process, as the operating system lists them.
//!
//! Linux only: `/proc/self/task/TID/{comm,stat}`. Elsewhere [`live_threads`] returns
//! [`Unsupported`] rather than a partial answer.

use std::fmt;

/// Why the guard cannot list this process's threads here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// What is missing, in words (for example "`/proc/self/task` cannot be read: ...").
    pub reason: String,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "leaklint-guard cannot check this process: {}",
            self.reason
        )
    }
}

impl std::error::Error for Unsupported {}

/// One thread as the kernel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ThreadInfo {
    /// The kernel thread id (`gettid`), the `TID` of `/proc/self/task/TID`.
    pub tid: u64,
    /// The thread's start time in clock ticks since boot (field 22 of `stat`); with the tid
    /// it names a thread even if the kernel reuses the tid later.
    pub start: u64,
    /// `comm`: the thread's name, cut by the kernel to 15 bytes.
    pub name: String,
    /// The state letter of `stat` (`R`, `S`, `D`, `T`, `Z`, ...).
    pub state: char,
}

impl ThreadInfo {
    /// Whether the thread has ended and only waits to be reaped (`Z`, `X`).
    pub fn has_ended(&self) -> bool {
        matches!(self.state, 'Z' | 'X' | 'x')
    }
}

/// The threads alive now, in tid order. Threads that end while the list is read are left out.
///
/// # Errors
/// [`Unsupported`] off Linux, or when `/proc/self/task` cannot be read.
#[cfg(target_os = "linux")]
pub(crate) fn live_threads() -> Result<Vec<ThreadInfo>, Unsupported> {
    threads_in(std::path::Path::new("/proc/self/task"))
}

/// The threads listed in `task_dir`, a `/proc/PID/task` directory.
#[cfg(target_os = "linux")]
fn threads_in(task_dir: &std::path::Path) -> Result<Vec<ThreadInfo>, Unsupported> {
    let dir = std::fs::read_dir(task_dir).map_err(|e| Unsupported {
        reason: format!(
            "`{}` cannot be read ({e}); is /proc mounted?",
            task_dir.display()
        ),
    })?;
    let mut threads = Vec::new();
    for entry in dir.flatten() {
        let Some(tid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        // A thread that ends between read_dir and here has no files any more: it is gone.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some((state, start)) = parse_stat(&stat) else {
            continue;
        };
        let name = std::fs::read_to_string(entry.path().join("comm"))
            .map(|c| c.trim_end_matches('\n').to_owned())
            .unwrap_or_default();
        threads.push(ThreadInfo {
            tid,
            start,
            name,
            state,
        });
    }
    threads.sort_by_key(|t| t.tid);
    Ok(threads)
}

/// The threads alive now: unsupported on this operating system.
///
/// # Errors
/// Always [`Unsupported`].
#[cfg(not(target_os = "linux"))]
pub(crate) fn live_threads() -> Result<Vec<ThreadInfo>, Unsupported> {
    Err(Unsupported {
        reason: format!(
            "listing a process's threads is implemented for Linux only (this is {}); \
             run the leak checks on Linux, for example in CI",
            std::env::consts::OS
        ),
    })
}

/// The kernel thread id of the calling thread, where it can be known.
#[cfg(target_os = "linux")]
pub(crate) fn current_tid() -> Option<u64> {
    // "/proc/thread-self" links to "PID/task/TID".
    let link = std::fs::read_link("/proc/thread-self").ok()?;
    link.file_name()?.to_str()?.parse().ok()
}

/// The kernel thread id of the calling thread: unknown off Linux.
#[cfg(not(target_os = "linux"))]
pub(crate) fn current_tid() -> Option<u64> {
    None
}

/// The state letter and start time of a `/proc/.../stat` line:
/// `TID (COMM) STATE PPID ... STARTTIME ...`. COMM may hold spaces and `)`, so the fields are
/// counted from the last `)`.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub(crate) fn parse_stat(stat: &str) -> Option<(char, u64)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    // After the state (field 3) come fields 4..; the start time is field 22.
    let start = fields.nth(22 - 4)?.parse().ok()?;
    Some((state, start))
}

/// `S (sleeping)`: the state letter with the words `proc(5)` gives it.
pub(crate) fn describe_state(state: char) -> String {
    let words = match state {
        'R' => "running",
        'S' => "sleeping",
        'D' => "waiting for I/O",
        'T' => "stopped",
        't' => "stopped by a debugger",
        'Z' => "zombie",
        'X' | 'x' => "dead",
        'I' => "idle",
        'P' => "parked",
        'W' => "waking",
        _ => "unknown",
    };
    format!("{state} ({words})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_fields_are_counted_after_the_last_parenthesis() {
        let stat = "4242 (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 3 0 \
                    987654 1000 10 18446744073709551615";
        assert_eq!(parse_stat(stat), Some(('S', 987_654)));
        assert_eq!(parse_stat("12 (x) R 1"), None);
        assert_eq!(parse_stat("no parenthesis"), None);
    }

    #[test]
    fn states_are_described() {
        assert_eq!(describe_state('S'), "S (sleeping)");
        assert_eq!(describe_state('R'), "R (running)");
        assert_eq!(describe_state('?'), "? (unknown)");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn without_proc_the_answer_is_unsupported_not_empty() {
        let missing = std::path::Path::new("/nonexistent-proc/self/task");
        let error = threads_in(missing).unwrap_err();
        assert_eq!(
            error.to_string(),
            "leaklint-guard cannot check this process: `/nonexistent-proc/self/task` cannot be \
             read (No such file or directory (os error 2)); is /proc mounted?"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_calling_thread_is_listed_with_its_name() {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("proc-list-me".into())
            .spawn(move || {
                let tid = current_tid().expect("tid");
                let listed = live_threads().unwrap().into_iter().find(|t| t.tid == tid);
                tx.send(listed).unwrap();
            })
            .unwrap()
            .join()
            .unwrap();
        let listed = rx.recv().unwrap().expect("the thread lists itself");
        assert_eq!(listed.name, "proc-list-me");
        assert_eq!(listed.state, 'R');
        assert!(listed.start > 0);
    }
}

//! `std::thread::spawn` and `std::thread::Builder` that remember where each thread was
//! started, so that a leak report names the `file:line:column` of the spawn.
//!
//! The operating system knows a thread's id, name and state, never the code that started it.
//! Threads started through these functions record their caller (`#[track_caller]`) for as long
//! as they run; threads started any other way are reported without a spawn location.
//!
//! ```
//! let handle = leaklint_guard::thread::spawn(|| 1 + 1);
//! assert_eq!(handle.join().unwrap(), 2);
//! ```

use std::collections::HashMap;
use std::io;
use std::panic::Location;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;

/// Where a thread was spawned: the caller of [`spawn`] or [`Builder::spawn`].
pub type SpawnSite = &'static Location<'static>;

/// Spawn sites of the threads running now, by kernel thread id.
fn sites() -> MutexGuard<'static, HashMap<u64, SpawnSite>> {
    static SITES: OnceLock<Mutex<HashMap<u64, SpawnSite>>> = OnceLock::new();
    SITES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The spawn site of the running thread `tid`, if it was started through this module.
pub(crate) fn spawn_site(tid: u64) -> Option<SpawnSite> {
    sites().get(&tid).copied()
}

/// Removes the running thread's site when it ends, also by panic.
struct Registered(Option<u64>);

impl Registered {
    fn new(site: SpawnSite) -> Registered {
        let tid = crate::proc::current_tid();
        if let Some(tid) = tid {
            sites().insert(tid, site);
        }
        Registered(tid)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(tid) = self.0 {
            sites().remove(&tid);
        }
    }
}

/// Wraps `f` so that the thread running it records `site` while it runs.
fn recording<F, T>(site: SpawnSite, f: F) -> impl FnOnce() -> T + Send + 'static
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    move || {
        let _registered = Registered::new(site);
        f()
    }
}

/// [`std::thread::spawn`], recording the caller's location for leak reports.
///
/// # Panics
/// As `std::thread::spawn`: when the operating system cannot create a thread.
#[track_caller]
pub fn spawn<F, T>(f: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    std::thread::spawn(recording(Location::caller(), f))
}

/// [`std::thread::Builder`], whose [`spawn`](Builder::spawn) records the caller's location for
/// leak reports.
///
/// ```
/// let handle = leaklint_guard::thread::Builder::new()
///     .name("worker".into())
///     .spawn(|| std::thread::current().name().map(String::from))
///     .unwrap();
/// assert_eq!(handle.join().unwrap().as_deref(), Some("worker"));
/// ```
#[derive(Debug)]
pub struct Builder(std::thread::Builder);

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// A builder with no name and the default stack size.
    pub fn new() -> Builder {
        Builder(std::thread::Builder::new())
    }

    /// Names the thread (as `std::thread::Builder::name`; Linux shows the first 15 bytes).
    pub fn name(self, name: String) -> Builder {
        Builder(self.0.name(name))
    }

    /// Sets the stack size in bytes (as `std::thread::Builder::stack_size`).
    pub fn stack_size(self, bytes: usize) -> Builder {
        Builder(self.0.stack_size(bytes))
    }

    /// Spawns the thread, recording the caller's location for leak reports.
    ///
    /// # Errors
    /// As `std::thread::Builder::spawn`: when the operating system cannot create a thread.
    #[track_caller]
    pub fn spawn<F, T>(self, f: F) -> io::Result<JoinHandle<T>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.0.spawn(recording(Location::caller(), f))
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_running_thread_has_its_site_and_loses_it_when_it_ends() {
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
        let line = line!() + 1;
        let handle = spawn(move || {
            tid_tx.send(crate::proc::current_tid().unwrap()).unwrap();
            let _ = stop_rx.recv();
        });
        let tid = tid_rx.recv().unwrap();
        let site = spawn_site(tid).expect("recorded");
        assert_eq!((site.file(), site.line()), (file!(), line));
        drop(stop_tx);
        handle.join().unwrap();
        assert_eq!(spawn_site(tid), None);
    }
}

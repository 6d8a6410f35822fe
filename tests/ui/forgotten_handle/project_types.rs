// Values of the crate's own types leaked with `mem::forget` / `Box::leak`: a type that holds
// a thread handle, a sender or a shutdown guard in a field (with or without a `Drop` impl),
// however the value was made.
use std::mem;
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use tracing_appender::non_blocking::WorkerGuard;

pub struct FlushGuard {
    _guard: WorkerGuard,
}

pub struct Worker {
    handle: Option<JoinHandle<()>>,
}

pub struct Notifier {
    tx: Arc<crossbeam_channel::Sender<()>>,
}

pub struct Flusher {
    pending: Vec<u8>,
    done: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
}

impl Drop for Flusher {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(std::mem::take(&mut self.pending));
        }
    }
}

fn init_logging() -> FlushGuard {
    let (_writer, guard) = tracing_appender::non_blocking(std::io::stdout());
    FlushGuard { _guard: guard }
}

fn start() -> (Worker, u32) {
    let handle = thread::spawn(|| {});
    (Worker { handle: Some(handle) }, 1)
}

impl Notifier {
    fn new() -> Self {
        let (tx, _rx) = crossbeam_channel::unbounded();
        Notifier { tx: Arc::new(tx) }
    }
}

pub fn crate_fn_return_value() {
    let guard = init_logging();
    mem::forget(guard); //~ WARN forgotten_handle
}

pub fn tuple_element() {
    let (worker, _id) = start();
    std::mem::forget(worker); //~ WARN forgotten_handle
}

pub fn boxed_constructor() {
    let _n: &'static mut Notifier = Box::leak(Box::new(Notifier::new())); //~ WARN forgotten_handle
}

pub async fn annotated_in_async_fn() {
    let f: Flusher = Flusher {
        pending: Vec::new(),
        done: None,
    };
    mem::forget(f); //~ WARN forgotten_handle
}

pub fn in_a_closure() {
    let run = || {
        let w = start().0;
        let copy = w;
        mem::forget(copy); //~ WARN forgotten_handle
    };
    run();
}

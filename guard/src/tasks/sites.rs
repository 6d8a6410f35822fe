//! Where leaked tokio tasks were spawned (feature `spawn-sites`, with `--cfg tokio_unstable`).
//!
//! tokio built with `tokio_unstable` and its `tracing` feature opens a `runtime.spawn` span per
//! task, with the task's id and spawn location (`loc.file`, `loc.line`, `loc.col`), and closes it
//! when the task's future is dropped. A global `tracing` subscriber records the open ones; the
//! spans opened since the guard was made and still open are the test's live tasks.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use tracing_core::field::{Field, Visit};
use tracing_core::span::{Attributes, Id, Record};
use tracing_core::subscriber::{Interest, Subscriber};
use tracing_core::{Dispatch, Event, LevelFilter, Metadata};

/// An open `runtime.spawn` span.
#[derive(Debug, Default)]
struct Open {
    /// Handles to the span (tracing clones and closes them).
    refs: usize,
    task: u64,
    file: String,
    line: u64,
    col: u64,
}

/// Span ids count up from 1, so an id is also the order in which spans opened.
static NEXT: AtomicU64 = AtomicU64::new(1);

fn open() -> MutexGuard<'static, BTreeMap<u64, Open>> {
    static OPEN: Mutex<BTreeMap<u64, Open>> = Mutex::new(BTreeMap::new());
    OPEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn is_spawn_span(metadata: &Metadata<'_>) -> bool {
    metadata.name() == "runtime.spawn" && metadata.target() == "tokio::task"
}

/// The subscriber: records `runtime.spawn` spans of tokio tasks, nothing else.
struct SpawnSpans;

impl Visit for Open {
    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "task.id" => self.task = value,
            "loc.line" => self.line = value,
            "loc.col" => self.col = value,
            _ => {}
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "loc.file" {
            value.clone_into(&mut self.file);
        }
    }

    fn record_debug(&mut self, _field: &Field, _value: &dyn fmt::Debug) {}
}

impl Subscriber for SpawnSpans {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if is_spawn_span(metadata) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        is_spawn_span(metadata)
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(LevelFilter::TRACE)
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let mut span = Open {
            refs: 1,
            ..Open::default()
        };
        attributes.record(&mut span);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        open().insert(id, span);
        Id::from_u64(id)
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, _event: &Event<'_>) {}

    fn enter(&self, _span: &Id) {}

    fn exit(&self, _span: &Id) {}

    fn clone_span(&self, id: &Id) -> Id {
        if let Some(span) = open().get_mut(&id.into_u64()) {
            span.refs += 1;
        }
        id.clone()
    }

    fn try_close(&self, id: Id) -> bool {
        let mut open = open();
        let key = id.into_u64();
        match open.get_mut(&key) {
            Some(span) if span.refs > 1 => {
                span.refs -= 1;
                false
            }
            Some(_) => {
                open.remove(&key);
                true
            }
            None => false,
        }
    }
}

/// Installs the recording subscriber as the process's global default, once.
///
/// # Errors
/// Why spawn sites cannot be known: another global subscriber was installed first.
pub(crate) fn install() -> Result<(), String> {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            tracing_core::dispatcher::set_global_default(Dispatch::new(SpawnSpans)).map_err(|_| {
                "another global tracing subscriber is installed, so leaklint-guard cannot \
                 record where tasks are spawned"
                    .to_owned()
            })
        })
        .clone()
}

/// The id the next span will get: spans from here on are newer than a guard made now.
pub(crate) fn mark() -> u64 {
    NEXT.load(Ordering::Relaxed)
}

/// "task 12 spawned at src/lib.rs:10:5" for each task spawned since `mark` and still alive.
pub(crate) fn alive_since(mark: u64) -> Vec<String> {
    open()
        .range(mark..)
        .map(|(_, span)| {
            format!(
                "task {} spawned at {}:{}:{}",
                span.task, span.file, span.line, span.col
            )
        })
        .collect()
}

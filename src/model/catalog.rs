//! What leaklint knows about library APIs: channel constructors and their endpoint
//! operations, spawn functions, and the functions that leak a value.
//!
//! Paths are matched after [`normalize`], which folds re-exports onto one name
//! (`crossbeam::channel::x` → `crossbeam_channel::x`, `core::mem` → `std::mem`, ...).

/// The library a channel comes from; endpoint method names mean different things per library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Library {
    Std,
    Tokio,
    Crossbeam,
    Flume,
    AsyncChannel,
    Futures,
}

impl Library {
    pub fn name(self) -> &'static str {
        match self {
            Library::Std => "std",
            Library::Tokio => "tokio",
            Library::Crossbeam => "crossbeam-channel",
            Library::Flume => "flume",
            Library::AsyncChannel => "async-channel",
            Library::Futures => "futures",
        }
    }
}

/// How a channel buffers and who may receive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelKind {
    /// Bounded, with the capacity when it is a literal.
    Bounded(Option<u64>),
    Unbounded,
    Oneshot,
    Broadcast,
    Watch,
    /// `crossbeam_channel::never()`: a receiver that never receives.
    Never,
}

impl ChannelKind {
    /// mpsc, mpmc and oneshot channels: a value sent is meant for a receiver. Broadcast and
    /// watch channels are fine with no receiver at all.
    pub fn needs_receiver(self) -> bool {
        matches!(
            self,
            ChannelKind::Bounded(_) | ChannelKind::Unbounded | ChannelKind::Oneshot
        )
    }

    pub fn describe(self) -> String {
        match self {
            ChannelKind::Bounded(Some(0)) => "rendezvous".into(),
            ChannelKind::Bounded(Some(n)) => format!("bounded (capacity {n})"),
            ChannelKind::Bounded(None) => "bounded".into(),
            ChannelKind::Unbounded => "unbounded".into(),
            ChannelKind::Oneshot => "oneshot".into(),
            ChannelKind::Broadcast => "broadcast".into(),
            ChannelKind::Watch => "watch".into(),
            ChannelKind::Never => "never".into(),
        }
    }
}

/// A known channel constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChannelCtor {
    pub path: &'static str,
    pub library: Library,
    pub kind: ChannelKind,
    /// Whether the first argument is the capacity.
    pub capacity_arg: bool,
    /// `never()` returns a lone receiver instead of a `(sender, receiver)` pair.
    pub pair: bool,
}

const fn ctor(path: &'static str, library: Library, kind: ChannelKind) -> ChannelCtor {
    let capacity_arg = matches!(kind, ChannelKind::Bounded(_) | ChannelKind::Broadcast);
    ChannelCtor {
        path,
        library,
        kind,
        capacity_arg,
        pair: !matches!(kind, ChannelKind::Never),
    }
}

use ChannelKind::*;
use Library::*;

pub static CHANNEL_CTORS: &[ChannelCtor] = &[
    ctor("std::sync::mpsc::channel", Std, Unbounded),
    ctor("std::sync::mpsc::sync_channel", Std, Bounded(None)),
    ctor("std::sync::mpmc::channel", Std, Unbounded),
    ctor("std::sync::mpmc::sync_channel", Std, Bounded(None)),
    ctor("tokio::sync::mpsc::channel", Tokio, Bounded(None)),
    ctor("tokio::sync::mpsc::unbounded_channel", Tokio, Unbounded),
    ctor("tokio::sync::oneshot::channel", Tokio, Oneshot),
    ctor("tokio::sync::broadcast::channel", Tokio, Broadcast),
    ctor("tokio::sync::watch::channel", Tokio, Watch),
    ctor("crossbeam_channel::bounded", Crossbeam, Bounded(None)),
    ctor("crossbeam_channel::unbounded", Crossbeam, Unbounded),
    ctor("crossbeam_channel::never", Crossbeam, Never),
    ctor("flume::bounded", Flume, Bounded(None)),
    ctor("flume::unbounded", Flume, Unbounded),
    ctor("async_channel::bounded", AsyncChannel, Bounded(None)),
    ctor("async_channel::unbounded", AsyncChannel, Unbounded),
    ctor("futures::channel::mpsc::channel", Futures, Bounded(None)),
    ctor("futures::channel::mpsc::unbounded", Futures, Unbounded),
    ctor("futures::channel::oneshot::channel", Futures, Oneshot),
];

/// Folds re-exports onto one canonical path.
pub fn normalize(path: &str) -> String {
    const REWRITES: &[(&str, &str)] = &[
        ("core::", "std::"),
        ("alloc::", "std::"),
        ("crossbeam::channel::", "crossbeam_channel::"),
        ("futures_channel::", "futures::channel::"),
        ("futures_util::", "futures::"),
        ("async_std::channel::", "async_channel::"),
        ("smol::channel::", "async_channel::"),
        ("async_std::task::", "async_std::task::"),
        ("std::thread::Builder::", "std::thread::Builder::"),
    ];
    for (from, to) in REWRITES {
        if let Some(rest) = path.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    path.to_string()
}

pub fn channel_ctor(path: &str) -> Option<&'static ChannelCtor> {
    CHANNEL_CTORS.iter().find(|c| c.path == path)
}

/// Functions that keep a value alive for ever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaker {
    /// `std::mem::forget`
    Forget,
    /// `Box::leak`
    BoxLeak,
    /// `ManuallyDrop::new` (a leak unless it is dropped by hand later)
    ManuallyDrop,
}

pub fn leaker(path: &str) -> Option<Leaker> {
    match path {
        "std::mem::forget" => Some(Leaker::Forget),
        "std::boxed::Box::leak" => Some(Leaker::BoxLeak),
        "std::mem::ManuallyDrop::new" => Some(Leaker::ManuallyDrop),
        _ => None,
    }
}

pub fn is_drop_fn(path: &str) -> bool {
    path == "std::mem::drop"
}

/// Whether a glob-imported name is one leaklint knows (so globs resolve only names it needs).
pub fn is_known_path(path: &str) -> bool {
    channel_ctor(path).is_some() || leaker(path).is_some() || spawn_fn(path).is_some()
}

/// What a method call on a channel endpoint does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointOp {
    /// Sends a value (`send`, `try_send`, `send_async`...).
    Send,
    /// Waits for one value, or for every sender to be gone (`recv`, `recv_async`...).
    Recv,
    /// Returns at once or after a deadline (`try_recv`, `recv_timeout`...): never hangs for ever.
    RecvBounded,
    /// Turns the receiver into an iterator or stream that ends when every sender is gone.
    IntoIter,
    /// A bounded view of the receiver (`try_iter`).
    IterBounded,
    /// Closes the channel from the receiver or sender side.
    Close,
    /// `clone()` (a new endpoint of the same channel).
    Clone,
    /// Anything else: a query (`len`, `is_empty`, `capacity`...), which neither sends nor receives.
    Query,
}

pub fn endpoint_op(method: &str) -> EndpointOp {
    match method {
        "send" | "try_send" | "send_async" | "send_blocking" | "blocking_send" | "send_timeout"
        | "send_deadline" | "unbounded_send" | "start_send" | "feed" | "send_replace"
        | "send_modify" | "send_if_modified" | "force_send" | "reserve" | "try_reserve"
        | "reserve_owned" => EndpointOp::Send,
        "recv" | "recv_async" | "recv_blocking" | "blocking_recv" | "next" | "recv_many"
        | "changed" | "select_next_some" => EndpointOp::Recv,
        "try_recv" | "recv_timeout" | "recv_deadline" | "try_next" | "poll_recv" | "poll_next"
        | "poll_recv_many" | "borrow" | "borrow_and_update" | "has_changed" => {
            EndpointOp::RecvBounded
        }
        "iter"
        | "into_iter"
        | "stream"
        | "into_stream"
        | "collect"
        | "for_each"
        | "for_each_concurrent" => EndpointOp::IntoIter,
        "try_iter" | "drain" => EndpointOp::IterBounded,
        "close" | "close_channel" | "disconnect" => EndpointOp::Close,
        "clone" | "subscribe" | "resubscribe" => EndpointOp::Clone,
        _ => EndpointOp::Query,
    }
}

/// What dropping the handle of a spawned task or thread does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDrop {
    /// The work keeps running, detached (`std::thread::spawn`, `tokio::spawn`...).
    Detach,
    /// Dropping the handle cancels the work (smol / async-executor `Task`).
    Cancel,
    /// The work is joined before the call returns (`std::thread::scope`, `rayon::join`...).
    Scoped,
    /// There is no handle at all (`rayon::spawn`): the work is detached from the start.
    NoHandle,
}

/// A known free spawn function; method spawns (`Builder::spawn`, `JoinSet::spawn`,
/// `Handle::spawn`, scope `s.spawn`) are recognised by the task model from their receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpawnFn {
    pub path: &'static str,
    pub on_drop: OnDrop,
    /// Thread-blocking work (a thread or a blocking pool) rather than an async task.
    pub thread: bool,
}

const fn spawn(path: &'static str, on_drop: OnDrop, thread: bool) -> SpawnFn {
    SpawnFn {
        path,
        on_drop,
        thread,
    }
}

pub static SPAWN_FNS: &[SpawnFn] = &[
    spawn("std::thread::spawn", OnDrop::Detach, true),
    spawn("tokio::spawn", OnDrop::Detach, false),
    spawn("tokio::task::spawn", OnDrop::Detach, false),
    spawn("tokio::task::spawn_blocking", OnDrop::Detach, true),
    spawn("tokio::task::spawn_local", OnDrop::Detach, false),
    spawn("tokio::task::block_in_place", OnDrop::Scoped, true),
    spawn("async_std::task::spawn", OnDrop::Detach, false),
    spawn("async_std::task::spawn_blocking", OnDrop::Detach, true),
    spawn("async_std::task::spawn_local", OnDrop::Detach, false),
    spawn("actix_rt::spawn", OnDrop::Detach, false),
    spawn("rayon::spawn", OnDrop::NoHandle, true),
    spawn("rayon::spawn_fifo", OnDrop::NoHandle, true),
    spawn("smol::spawn", OnDrop::Cancel, false),
    spawn("std::thread::scope", OnDrop::Scoped, true),
    spawn("crossbeam::scope", OnDrop::Scoped, true),
    spawn("crossbeam::thread::scope", OnDrop::Scoped, true),
    spawn("crossbeam_utils::thread::scope", OnDrop::Scoped, true),
    spawn("rayon::scope", OnDrop::Scoped, true),
    spawn("rayon::join", OnDrop::Scoped, true),
];

pub fn spawn_fn(path: &str) -> Option<&'static SpawnFn> {
    SPAWN_FNS.iter().find(|s| s.path == path)
}

/// Sends that can wait for ever on a full bounded channel (as opposed to `try_send`,
/// `send_timeout`, `force_send`...).
pub fn send_may_block(method: &str) -> bool {
    matches!(
        method,
        "send"
            | "send_async"
            | "send_blocking"
            | "blocking_send"
            | "feed"
            | "reserve"
            | "reserve_owned"
    )
}

/// tokio's `blocking_*` methods panic, rather than block, inside an async context.
pub fn panics_in_async(library: Library, method: &str) -> bool {
    library == Library::Tokio && method.starts_with("blocking_")
}

/// Calls that bound how long their argument may wait.
pub fn is_timeout_fn(path: &str) -> bool {
    matches!(
        path,
        "tokio::time::timeout"
            | "tokio::time::timeout_at"
            | "async_std::future::timeout"
            | "actix_rt::time::timeout"
            | "pingora_timeout::timeout"
            | "async_io::Timer::after"
    )
}

/// Calls the task model records (network and HTTP APIs, and this file's own functions).
pub fn is_call_of_interest(path: &str) -> bool {
    path.starts_with("crate::")
        || path.starts_with("std::net::")
        || path.starts_with("tokio::net::")
        || path.starts_with("reqwest::")
        || path.starts_with("async_std::net::")
}

/// Method calls that check a stop signal: a cancellation token, a stop flag, a closed
/// channel or a shutdown notification.
pub fn is_stop_check(method: &str) -> bool {
    matches!(
        method,
        "cancelled"
            | "is_cancelled"
            | "cancelled_owned"
            | "load"
            | "changed"
            | "is_closed"
            | "closed"
            | "try_recv"
            | "recv_timeout"
            | "notified"
            | "wait_for"
            | "has_changed"
    )
}

/// The kind of value a constructor call returns, for the values the task lints follow.
pub fn value_origin_of_call(path: &str) -> Option<super::flow::ValueOrigin> {
    use super::flow::ValueOrigin;
    let tail: Vec<&str> = path.rsplit("::").take(2).collect();
    let type_and_fn = match tail.as_slice() {
        [f, t] => (*t, *f),
        _ => return None,
    };
    match type_and_fn {
        ("JoinSet" | "TaskTracker" | "FuturesUnordered" | "JoinMap", "new" | "default") => {
            Some(ValueOrigin::Tracker)
        }
        ("CancellationToken", "new" | "default") => Some(ValueOrigin::Token),
        ("Runtime", "new") | ("Handle", "current") => Some(ValueOrigin::Runtime),
        ("TcpStream", "connect" | "connect_timeout") => Some(ValueOrigin::Socket {
            tokio: path.starts_with("tokio::") || path.starts_with("async_std::"),
        }),
        ("Client", "new" | "default")
            if path.starts_with("reqwest::") && !path.starts_with("reqwest::blocking") =>
        {
            Some(ValueOrigin::HttpClient { timeout: false })
        }
        _ => None,
    }
}

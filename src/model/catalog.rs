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
    Kanal,
    AsyncBroadcast,
    Postage,
    /// A channel declared in the configuration (`[apis] channels`).
    Declared,
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
            Library::Kanal => "kanal",
            Library::AsyncBroadcast => "async-broadcast",
            Library::Postage => "postage",
            Library::Declared => "declared",
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
    /// A handle and a waiter (`[apis] completes-on-drop`): the handle is cloned into the
    /// work, and waiting on the waiter ends once every clone of the handle is dropped.
    CompletesOnDrop,
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
            ChannelKind::CompletesOnDrop => "completes-on-drop".into(),
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
    ctor("kanal::bounded", Kanal, Bounded(None)),
    ctor("kanal::unbounded", Kanal, Unbounded),
    ctor("kanal::bounded_async", Kanal, Bounded(None)),
    ctor("kanal::unbounded_async", Kanal, Unbounded),
    // Each receiver gets every message; a message no receiver is left for is dropped (with
    // no receiver at all, `send` fails), and `recv` returns an error once every sender is gone.
    ctor("async_broadcast::broadcast", AsyncBroadcast, Broadcast),
    // postage: the sender is a `Sink` (`send(..).await`, `try_send`, `blocking_send`), the
    // receiver a `Stream` (`recv().await`, `try_recv`, `blocking_recv`) whose `recv` returns
    // `None` once every sender is gone; all of them are bounded.
    ctor("postage::mpsc::channel", Postage, Bounded(None)),
    ctor("postage::broadcast::channel", Postage, Broadcast),
    ctor("postage::dispatch::channel", Postage, Bounded(None)),
    ctor("postage::oneshot::channel", Postage, Oneshot),
    ctor("postage::watch::channel", Postage, Watch),
];

/// Folds re-exports onto one canonical path.
pub fn normalize(path: &str) -> String {
    normalize_owned(path.to_string())
}

/// [`normalize`] of an owned path: no copy when nothing is rewritten.
pub fn normalize_owned(path: String) -> String {
    match rewrite_of(&path) {
        Some((to, rest)) => format!("{to}{rest}"),
        None => path,
    }
}

/// The canonical prefix a path's re-exported prefix folds onto, and the rest of the path.
fn rewrite_of(path: &str) -> Option<(&'static str, &str)> {
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
        ("bevy::tasks::", "bevy_tasks::"),
    ];
    REWRITES
        .iter()
        .find_map(|(from, to)| path.strip_prefix(from).map(|rest| (*to, rest)))
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
    Catalog::builtin().is_known_path(path)
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
        | "reserve_owned" | "broadcast" | "try_broadcast" | "broadcast_blocking"
        | "broadcast_direct" => EndpointOp::Send,
        "recv" | "recv_async" | "recv_blocking" | "blocking_recv" | "next" | "recv_many"
        | "recv_direct" | "changed" | "select_next_some" => EndpointOp::Recv,
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

/// Whether a send method ([`EndpointOp::Send`]) returns at once or after a deadline when
/// the channel is full (`try_send`, `send_timeout`...): its sender never waits for ever.
pub fn send_never_blocks(method: &str) -> bool {
    matches!(
        method,
        "try_send"
            | "send_timeout"
            | "send_deadline"
            | "unbounded_send"
            | "force_send"
            | "try_reserve"
            | "try_broadcast"
            | "send_replace"
            | "send_modify"
            | "send_if_modified"
    )
}

/// What a method that is not an endpoint operation does to the value it is called on, for
/// the effect summaries of parameters ([`super::summary`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueMethod {
    /// `token.cancel()`, `token.drop_guard()` (the guard cancels when dropped).
    Cancels,
    /// `token.child_token()`: a new value made from this one.
    Derives,
    /// Looks at the value or waits on it and changes nothing: `cancelled()`, `len()`,
    /// `is_closed()`...
    Reads,
}

/// The methods of cancellation tokens and channel endpoints that [`endpoint_op`] calls
/// queries, known by name; `None` for a method leaklint does not know (it may consume or
/// hand on the value).
pub fn value_method(method: &str) -> Option<ValueMethod> {
    match method {
        "cancel" | "drop_guard" | "drop_guard_ref" => Some(ValueMethod::Cancels),
        "child_token" => Some(ValueMethod::Derives),
        "cancelled"
        | "cancelled_owned"
        | "is_cancelled"
        | "run_until_cancelled"
        | "len"
        | "is_empty"
        | "is_full"
        | "capacity"
        | "max_capacity"
        | "is_closed"
        | "closed"
        | "is_disconnected"
        | "same_channel"
        | "sender_count"
        | "receiver_count"
        | "strong_count"
        | "weak_count" => Some(ValueMethod::Reads),
        _ => None,
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
    spawn("actix_rt::task::spawn_blocking", OnDrop::Detach, true),
    spawn("async_global_executor::spawn", OnDrop::Cancel, false),
    spawn("async_global_executor::spawn_local", OnDrop::Cancel, false),
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
            | "broadcast"
            | "broadcast_blocking"
            | "broadcast_direct"
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

/// A buffered reader over its last argument (`BufReader::new(stream)`,
/// `BufReader::with_capacity(n, stream)`): a read through it is a read of the stream.
pub fn is_buffered_reader(path: &str) -> bool {
    let Some((ty, f)) = path.rsplit_once("::") else {
        return false;
    };
    matches!(f, "new" | "with_capacity")
        && matches!(
            ty,
            "std::io::BufReader"
                | "tokio::io::BufReader"
                | "async_std::io::BufReader"
                | "futures::io::BufReader"
        )
}

/// A method that waits for data from a stream or a reader over one: `read`, `read_exact`,
/// `read_line`, `read_until`, `read_to_string`..., and the line and chunk iterators
/// (`lines`, `split`) whose `next` reads.
pub fn is_blocking_read(method: &str) -> bool {
    (method.starts_with("read") && !method.starts_with("read_timeout"))
        || matches!(method, "lines" | "split")
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

// ---------------------------------------------------------------------------------------------
// Spawners, guards and network calls, and the catalogue value that holds every table
// ---------------------------------------------------------------------------------------------

/// A type whose methods spawn work: a runtime handle, a thread builder, a thread pool.
/// A value of it is recognised from a call of one of its associated functions
/// (`ThreadPool::new(4)`, `thread::Builder::new().name(..)`), or from a parameter of that
/// type; a method of `methods` called on it is a spawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spawner {
    /// The type's full path.
    pub ty: &'static str,
    /// The spawning methods: name, what dropping the handle does, and whether the work is
    /// a thread (or a blocking pool) rather than an async task.
    pub methods: &'static [(&'static str, OnDrop, bool)],
    /// A method of the value that waits for all the work it runs (threadpool's `join`).
    pub join: Option<&'static str>,
}

impl Spawner {
    pub fn method(&self, name: &str) -> Option<(OnDrop, bool)> {
        self.methods
            .iter()
            .find(|(m, _, _)| *m == name)
            .map(|&(_, on_drop, thread)| (on_drop, thread))
    }
}

use OnDrop::{Detach, NoHandle, Scoped};

/// Types whose methods spawn; tokio's `Runtime`/`Handle` and `JoinSet`/`TaskTracker` bound
/// to a name are also followed by the task model's value origins.
pub static SPAWNERS: &[Spawner] = &[
    Spawner {
        ty: "std::thread::Builder",
        methods: &[("spawn", Detach, true), ("spawn_scoped", Scoped, true)],
        join: None,
    },
    Spawner {
        ty: "tokio::runtime::Handle",
        methods: &[("spawn", Detach, false), ("spawn_blocking", Detach, true)],
        join: None,
    },
    Spawner {
        ty: "tokio::runtime::Runtime",
        methods: &[("spawn", Detach, false), ("spawn_blocking", Detach, true)],
        join: None,
    },
    Spawner {
        ty: "tokio::task::Builder",
        methods: &[
            ("spawn", Detach, false),
            ("spawn_blocking", Detach, true),
            ("spawn_local", Detach, false),
        ],
        join: None,
    },
    Spawner {
        ty: "tokio::task::LocalSet",
        methods: &[("spawn_local", Detach, false)],
        join: None,
    },
    Spawner {
        ty: "threadpool::ThreadPool",
        methods: &[("execute", NoHandle, true)],
        join: Some("join"),
    },
    // `threadpool::Builder::new().num_threads(n).build()`: the pool a builder chain makes.
    Spawner {
        ty: "threadpool::Builder",
        methods: &[("execute", NoHandle, true)],
        join: Some("join"),
    },
    Spawner {
        ty: "rayon::ThreadPool",
        methods: &[("spawn", NoHandle, true), ("spawn_fifo", NoHandle, true)],
        join: None,
    },
    // bevy's task pools: `spawn` returns a `Task` that cancels its work when dropped, unless
    // `.detach()`ed (`AsyncComputeTaskPool::get().spawn(..).detach()`).
    Spawner {
        ty: "bevy_tasks::TaskPool",
        methods: &[
            ("spawn", OnDrop::Cancel, false),
            ("spawn_local", OnDrop::Cancel, false),
        ],
        join: None,
    },
    Spawner {
        ty: "bevy_tasks::AsyncComputeTaskPool",
        methods: &[("spawn", OnDrop::Cancel, false)],
        join: None,
    },
    Spawner {
        ty: "bevy_tasks::ComputeTaskPool",
        methods: &[("spawn", OnDrop::Cancel, false)],
        join: None,
    },
    Spawner {
        ty: "bevy_tasks::IoTaskPool",
        methods: &[("spawn", OnDrop::Cancel, false)],
        join: None,
    },
    Spawner {
        ty: "futures::executor::ThreadPool",
        methods: &[("spawn_ok", NoHandle, false)],
        join: None,
    },
];

/// A call whose result is (or holds) a guard whose drop stops or flushes a worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuardFn {
    /// A function, or a type (every associated function of it returns a guard).
    pub path: &'static str,
    /// The guard is this element of the tuple the call returns.
    pub tuple_index: Option<usize>,
}

pub static GUARD_FNS: &[GuardFn] = &[
    GuardFn {
        path: "tracing_appender::non_blocking",
        tuple_index: Some(1),
    },
    GuardFn {
        path: "tracing_appender::non_blocking::NonBlocking::new",
        tuple_index: Some(1),
    },
    // notify's watchers run a thread (or an OS watch) that holds the event handler, often a
    // channel sender: dropping the watcher stops it and drops the sender.
    GuardFn {
        path: "notify::recommended_watcher",
        tuple_index: None,
    },
    GuardFn {
        path: "notify::RecommendedWatcher",
        tuple_index: None,
    },
    GuardFn {
        path: "notify::PollWatcher",
        tuple_index: None,
    },
    GuardFn {
        path: "notify_debouncer_mini::new_debouncer",
        tuple_index: None,
    },
    GuardFn {
        path: "notify_debouncer_full::new_debouncer",
        tuple_index: None,
    },
];

/// Methods that make a guard (`CancellationToken::drop_guard`).
pub static GUARD_METHODS: &[&str] = &["drop_guard"];

/// A network call that can wait for ever when nothing bounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkCall {
    pub path: &'static str,
    /// It waits only where it is awaited (an async call).
    pub awaited: bool,
    /// Reported only in work whose handle is dropped (a read of standard input is a wait
    /// the program chose when it joins the thread).
    pub detached_only: bool,
    pub message: &'static str,
    pub help: &'static str,
}

const ASYNC_CONNECT: &str =
    "this connect is awaited with no timeout: it can wait as long as the peer does not answer";
const WRAP: &str = "wrap it in `tokio::time::timeout(duration, ..)`";

pub static NETWORK_CALLS: &[NetworkCall] = &[
    NetworkCall {
        path: "std::net::TcpStream::connect",
        awaited: false,
        detached_only: false,
        message: "`TcpStream::connect` has no timeout: it waits as long as the operating system lets it",
        help: "use `TcpStream::connect_timeout`",
    },
    NetworkCall {
        path: "tokio::net::TcpStream::connect",
        awaited: true,
        detached_only: false,
        message: ASYNC_CONNECT,
        help: WRAP,
    },
    NetworkCall {
        path: "async_std::net::TcpStream::connect",
        awaited: true,
        detached_only: false,
        message: ASYNC_CONNECT,
        help: WRAP,
    },
    NetworkCall {
        path: "tokio_tungstenite::connect_async",
        awaited: true,
        detached_only: false,
        message: "`connect_async` is awaited with no timeout: the TCP and WebSocket handshakes can wait for ever",
        help: WRAP,
    },
    NetworkCall {
        path: "std::io::stdin",
        awaited: false,
        detached_only: true,
        message: "this detached thread reads standard input, which has no timeout: a read waits until input comes, and nothing can stop the thread meanwhile",
        help: "read standard input where the program can stop waiting (the main thread), or make the thread's lifetime explicit: `// leaklint:allow(missing_timeout) -- reason`",
    },
    NetworkCall {
        path: "tokio::io::stdin",
        awaited: false,
        detached_only: true,
        message: "this task reads standard input on a blocking thread that cannot be interrupted: a read waits until input comes, and the runtime's shutdown waits for it",
        help: "read standard input on a dedicated `std::thread` the program does not wait for, or race each read against a shutdown signal in `select!`",
    },
    NetworkCall {
        path: "reqwest::get",
        awaited: true,
        detached_only: false,
        message: "`reqwest::get` uses a client with no timeout: the request can wait for ever",
        help: "build a client with `reqwest::Client::builder().timeout(duration)`",
    },
    NetworkCall {
        path: "reqwest::Client::new",
        awaited: false,
        detached_only: false,
        message: "this reqwest client has no timeout: its requests can wait for ever",
        help: "set one: `reqwest::Client::builder().timeout(duration).build()`",
    },
    NetworkCall {
        path: "reqwest::Client::default",
        awaited: false,
        detached_only: false,
        message: "this reqwest client has no timeout: its requests can wait for ever",
        help: "set one: `reqwest::Client::builder().timeout(duration).build()`",
    },
    NetworkCall {
        path: "reqwest::ClientBuilder::build",
        awaited: false,
        detached_only: false,
        message: "this reqwest client has no timeout: its requests can wait for ever",
        help: "set one: `reqwest::Client::builder().timeout(duration).build()`",
    },
];

/// A client constructor that needs a timeout method in its chain (`[apis] network`, and
/// built-in builders such as hyper's `HttpConnector`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedCtor {
    pub call: NetworkCall,
    /// Calling one of these on the new value (in its chain or on its binding) bounds it.
    pub timeout_methods: &'static [&'static str],
}

pub static TIMED_CTORS: &[TimedCtor] = &[
    TimedCtor {
        call: NetworkCall {
            path: "hyper_util::client::legacy::connect::HttpConnector::new",
            awaited: false,
            detached_only: false,
            message: "this `HttpConnector` has no connect timeout: a connect can wait as long as the operating system lets it",
            help: "call `set_connect_timeout(Some(duration))` on it",
        },
        timeout_methods: &["set_connect_timeout"],
    },
    tonic_endpoint("tonic::transport::Endpoint::from_static"),
    tonic_endpoint("tonic::transport::Endpoint::new"),
    tonic_endpoint("tonic::transport::Endpoint::from_shared"),
    tonic_endpoint("tonic::transport::Channel::from_static"),
    tonic_endpoint("tonic::transport::Channel::from_shared"),
    ureq_request("ureq::get"),
    ureq_request("ureq::post"),
    ureq_request("ureq::put"),
    ureq_request("ureq::delete"),
    ureq_request("ureq::patch"),
    ureq_request("ureq::head"),
    ureq_request("ureq::request"),
    TimedCtor {
        call: NetworkCall {
            path: "ureq::AgentBuilder::new",
            awaited: false,
            detached_only: false,
            message: "this ureq agent has no read timeout: its requests can wait for ever on a silent server",
            help: "call `.timeout(duration)` (or `.timeout_read(duration)`) on the builder",
        },
        timeout_methods: &["timeout", "timeout_read"],
    },
    TimedCtor {
        call: NetworkCall {
            path: "ureq::Agent::config_builder",
            awaited: false,
            detached_only: false,
            message: "this ureq agent has no timeout: its requests can wait for ever on a silent server",
            help: "call `.timeout_global(Some(duration))` on the config builder",
        },
        timeout_methods: &["timeout_global", "timeout_recv_response", "timeout_recv_body"],
    },
];

/// A tonic `Endpoint` constructor (`Channel::from_static` makes one too).
const fn tonic_endpoint(path: &'static str) -> TimedCtor {
    TimedCtor {
        call: NetworkCall {
            path,
            awaited: false,
            detached_only: false,
            message:
                "this tonic `Endpoint` has no timeout: its connect and requests can wait for ever",
            help: "set `.connect_timeout(duration)` and `.timeout(duration)` on it",
        },
        timeout_methods: &["connect_timeout", "timeout"],
    }
}

/// A request through ureq's default agent (ureq 2 sets no read timeout, ureq 3 none at all),
/// bounded by a timeout method in its chain.
const fn ureq_request(path: &'static str) -> TimedCtor {
    TimedCtor {
        call: NetworkCall {
            path,
            awaited: false,
            detached_only: false,
            message: "this ureq request has no timeout: it can wait for ever on a silent server",
            help: "call `.timeout(duration)` on the request (ureq 2), or set `.config().timeout_global(Some(duration))` (ureq 3)",
        },
        timeout_methods: &["timeout", "timeout_global", "timeout_recv_response", "timeout_recv_body"],
    }
}

/// Everything leaklint knows about library APIs: the built-in tables and what the
/// configuration declares (`[apis]`). One value per configuration; the model's walk and the
/// pre-filter both read it, so a new entry is seen by both.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub channel_ctors: Vec<&'static ChannelCtor>,
    pub spawn_fns: Vec<&'static SpawnFn>,
    pub spawners: Vec<&'static Spawner>,
    pub guard_fns: Vec<&'static GuardFn>,
    pub network_calls: Vec<&'static NetworkCall>,
    pub timed_ctors: Vec<&'static TimedCtor>,
    /// Crates that declared paths start at, which a path may name without a `use` (the
    /// built-in ones are in the resolver's own list).
    pub crates: Vec<&'static str>,
    /// Types that own a resource, by full normalised path: [`HELD_TYPES`] plus the endpoint
    /// types `[apis] channels` declares (`sender`, `receiver`).
    pub held_types: Vec<(&'static str, super::types::Holds)>,
    /// The tables above indexed by path, built on the first lookup.
    indexes: LazyIndexes,
}

/// Each path table of a [`Catalog`] indexed for [`path_matches`]: a lookup costs one hash
/// of the path instead of a comparison with every entry.
#[derive(Debug)]
struct PathIndexes {
    channel_ctors: PathIndex,
    spawn_fns: PathIndex,
    spawners: PathIndex,
    guard_fns: PathIndex,
    /// The network calls followed by the timed constructors' calls (as [`Catalog::network_call`]
    /// searches them).
    network_calls: PathIndex,
    timed_ctors: PathIndex,
}

/// [`PathIndexes`] built when first asked. A clone starts empty: [`crate::config::Apis`]
/// extends a clone of the built-in catalogue, whose tables then differ.
#[derive(Debug, Default)]
struct LazyIndexes(std::sync::OnceLock<PathIndexes>);

impl Clone for LazyIndexes {
    fn clone(&self) -> Self {
        LazyIndexes::default()
    }
}

/// The positions of a table's entries by path. [`path_matches`] is equality, except that an
/// entry and a path that both start with `crate::` may also match by suffix: those entries
/// (declared in the configuration) are kept apart and compared one by one.
#[derive(Debug, Default)]
struct PathIndex {
    /// Entries not under `crate::`: path -> positions, ascending.
    exact: super::HashMap<&'static str, Vec<usize>>,
    /// Entries under `crate::`: (position, path), ascending.
    crate_relative: Vec<(usize, &'static str)>,
}

impl PathIndex {
    fn new(paths: impl IntoIterator<Item = &'static str>) -> PathIndex {
        let mut index = PathIndex::default();
        for (i, path) in paths.into_iter().enumerate() {
            if path.starts_with("crate::") {
                index.crate_relative.push((i, path));
            } else {
                index.exact.entry(path).or_default().push(i);
            }
        }
        index
    }

    /// The positions of the entries `path` matches ([`path_matches`]), ascending.
    fn matches<'a>(&'a self, path: &'a str) -> impl Iterator<Item = usize> + 'a {
        let relative = path.starts_with("crate::");
        let exact = if relative { None } else { self.exact.get(path) };
        let crate_relative = if relative {
            &self.crate_relative[..]
        } else {
            &[]
        };
        exact.into_iter().flatten().copied().chain(
            crate_relative
                .iter()
                .filter(move |(_, entry)| path_matches(entry, path))
                .map(|&(i, _)| i),
        )
    }

    /// The first entry `path` matches.
    fn first(&self, path: &str) -> Option<usize> {
        self.matches(path).next()
    }
}

impl Catalog {
    fn indexes(&self) -> &PathIndexes {
        self.indexes.0.get_or_init(|| PathIndexes {
            channel_ctors: PathIndex::new(self.channel_ctors.iter().map(|c| c.path)),
            spawn_fns: PathIndex::new(self.spawn_fns.iter().map(|s| s.path)),
            spawners: PathIndex::new(self.spawners.iter().map(|s| s.ty)),
            guard_fns: PathIndex::new(self.guard_fns.iter().map(|g| g.path)),
            network_calls: PathIndex::new(
                self.network_calls
                    .iter()
                    .map(|n| n.path)
                    .chain(self.timed_ctors.iter().map(|t| t.call.path)),
            ),
            timed_ctors: PathIndex::new(self.timed_ctors.iter().map(|t| t.call.path)),
        })
    }

    /// The built-in catalogue.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| Catalog {
            channel_ctors: CHANNEL_CTORS.iter().collect(),
            spawn_fns: SPAWN_FNS.iter().collect(),
            spawners: SPAWNERS.iter().collect(),
            guard_fns: GUARD_FNS.iter().collect(),
            network_calls: NETWORK_CALLS.iter().collect(),
            timed_ctors: TIMED_CTORS.iter().collect(),
            crates: Vec::new(),
            held_types: HELD_TYPES.to_vec(),
            indexes: LazyIndexes::default(),
        })
    }

    /// What this catalogue adds to the built-in one (`[apis]`), one line each, for
    /// `--verbose`: `declared spawn: crate::util::spawn_named (task)`.
    pub fn declared(&self) -> Vec<String> {
        let base = Catalog::builtin();
        let mut lines = Vec::new();
        let runs = |thread: bool| if thread { "thread" } else { "task" };
        for s in &self.spawn_fns[base.spawn_fns.len()..] {
            let key = if s.on_drop == OnDrop::Detach {
                "spawn-joinable"
            } else {
                "spawn"
            };
            lines.push(format!(
                "declared {key}: {} (runs a {})",
                s.path,
                runs(s.thread)
            ));
        }
        for s in &self.spawners[base.spawners.len()..] {
            for (m, on_drop, thread) in s.methods {
                let key = if *on_drop == OnDrop::Detach {
                    "spawn-joinable"
                } else {
                    "spawn"
                };
                lines.push(format!(
                    "declared {key}: {}::{m} (runs a {})",
                    s.ty,
                    runs(*thread)
                ));
            }
        }
        for c in &self.channel_ctors[base.channel_ctors.len()..] {
            lines.push(match c.kind {
                ChannelKind::CompletesOnDrop => format!("declared completes-on-drop: {}", c.path),
                kind => format!("declared channel: {} ({})", c.path, kind.describe()),
            });
        }
        for g in &self.guard_fns[base.guard_fns.len()..] {
            lines.push(format!("declared guard: {}", g.path));
        }
        for (ty, holds) in &self.held_types[base.held_types.len()..] {
            let role = if holds.contains(super::types::Holds::SENDER) {
                "sender"
            } else {
                "receiver"
            };
            lines.push(format!("declared {role} type: {ty}"));
        }
        for t in &self.timed_ctors[base.timed_ctors.len()..] {
            lines.push(format!(
                "declared network client: {} (timeout methods: {})",
                t.call.path,
                t.timeout_methods.join(", ")
            ));
        }
        lines
    }

    pub fn channel_ctor(&self, path: &str) -> Option<&'static ChannelCtor> {
        let i = self.indexes().channel_ctors.first(path)?;
        Some(self.channel_ctors[i])
    }

    pub fn spawn_fn(&self, path: &str) -> Option<&'static SpawnFn> {
        let i = self.indexes().spawn_fns.first(path)?;
        Some(self.spawn_fns[i])
    }

    /// The spawner type that `path` (a type, or an associated function of one) names.
    pub fn spawner_of(&self, path: &str) -> Option<usize> {
        let index = &self.indexes().spawners;
        let of_type = path.rsplit_once("::").and_then(|(ty, _)| index.first(ty));
        index.first(path).into_iter().chain(of_type).min()
    }

    /// Whether some spawner has a spawning method of this name.
    pub fn is_spawn_method(&self, method: &str) -> bool {
        self.spawners.iter().any(|s| s.method(method).is_some())
    }

    /// The guard a call of `path` returns: `Some(None)` for the whole result,
    /// `Some(Some(i))` for element `i` of its tuple.
    pub fn guard_call(&self, path: &str) -> Option<Option<usize>> {
        let index = &self.indexes().guard_fns;
        let whole = index.first(path);
        // `Guard::new` for a guard type `Guard` (whose result is the guard itself).
        let of_type = path.rsplit_once("::").and_then(|(ty, _)| {
            index
                .matches(ty)
                .find(|&i| self.guard_fns[i].tuple_index.is_none())
        });
        let i = whole.into_iter().chain(of_type).min()?;
        Some(self.guard_fns[i].tuple_index)
    }

    /// The network call `path` is, if it can wait for ever.
    pub fn network_call(&self, path: &str) -> Option<&'static NetworkCall> {
        let i = self.indexes().network_calls.first(path)?;
        Some(match self.network_calls.get(i) {
            Some(call) => call,
            None => {
                let timed: &'static TimedCtor = self.timed_ctors[i - self.network_calls.len()];
                &timed.call
            }
        })
    }

    /// The constructor `path` is, when a timeout method must follow it.
    pub fn timed_ctor(&self, path: &str) -> Option<&'static TimedCtor> {
        let i = self.indexes().timed_ctors.first(path)?;
        Some(self.timed_ctors[i])
    }

    /// The kind of value a constructor call returns, for the values the task lints follow.
    pub fn value_origin_of_call(&self, path: &str) -> Option<super::flow::ValueOrigin> {
        use super::flow::ValueOrigin;
        if let Some(origin) = self.declared_origin(path) {
            return Some(origin);
        }
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
            ("TcpStream" | "UnixStream", "connect" | "connect_timeout") => {
                Some(ValueOrigin::Socket {
                    tokio: path.starts_with("tokio::") || path.starts_with("async_std::"),
                })
            }
            ("Client", "new" | "default")
                if path.starts_with("reqwest::") && !path.starts_with("reqwest::blocking") =>
            {
                Some(ValueOrigin::HttpClient { timeout: false })
            }
            _ => None,
        }
    }

    /// The origin of a value made by a spawner type's or a guard's function.
    fn declared_origin(&self, path: &str) -> Option<super::flow::ValueOrigin> {
        use super::flow::ValueOrigin;
        if self.guard_call(path) == Some(None) {
            return Some(ValueOrigin::Guard);
        }
        let id = self.spawner_of(path)?;
        // Tokio's runtimes and handles keep their own origin (their `handle()` is followed).
        (!self.spawners[id].ty.starts_with("tokio::runtime::")).then_some(ValueOrigin::Spawner(id))
    }

    /// Calls the task model records (network APIs, and this crate's own functions).
    pub fn is_call_of_interest(&self, path: &str) -> bool {
        is_call_of_interest(path) || self.network_call(path).is_some()
    }

    /// Whether a glob-imported name is one leaklint knows.
    pub fn is_known_path(&self, path: &str) -> bool {
        self.channel_ctor(path).is_some()
            || leaker(path).is_some()
            || self.spawn_fn(path).is_some()
            || self.guard_call(path).is_some()
            || self.network_call(path).is_some()
    }

    /// The pre-filter terms of a family of entries (see `engine::prefilter`): what a file
    /// must contain, in code, to use one of them. Each entry gives the last segment of its
    /// path (or its method name) as a callee, `WORD(`, or its type name as a plain word;
    /// a word that ends with another word of the same mode is left out (the shorter one
    /// matches wherever it does).
    pub fn needle_terms(&self, family: NeedleFamily) -> Vec<String> {
        let mut callees: Vec<&str> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        // What a call of `path` must show in the file: the type of an associated function
        // (`ThreadPool` for `ThreadPool::new`), a type, or a free function as a callee.
        fn add(path: &'static str, callees: &mut Vec<&'static str>, words: &mut Vec<&'static str>) {
            let mut segs = path.rsplit("::");
            let f = segs.next().unwrap_or(path);
            match segs.next() {
                Some(ty) if ty.starts_with(char::is_uppercase) => words.push(ty),
                _ if f.starts_with(char::is_uppercase) => words.push(f),
                _ => callees.push(f),
            }
        }
        match family {
            NeedleFamily::Channel => {
                for c in &self.channel_ctors {
                    add(c.path, &mut callees, &mut words);
                }
            }
            NeedleFamily::Spawn => {
                for s in self
                    .spawn_fns
                    .iter()
                    .filter(|s| s.on_drop != OnDrop::Scoped)
                {
                    add(s.path, &mut callees, &mut words);
                }
                // A spawning method is recognised on a value of its type, whose name the
                // file then shows (a call of its function, a parameter, a `use`); the
                // common names are callees already.
                for s in &self.spawners {
                    for (m, _, _) in s.methods.iter().filter(|m| m.1 != OnDrop::Scoped) {
                        if matches!(*m, "spawn" | "spawn_blocking" | "spawn_local") {
                            callees.push(m);
                        } else if s.ty.ends_with("::Builder") {
                            // Too common a name: the file names the crate instead.
                            words.push(s.ty.split("::").next().unwrap_or(s.ty));
                        } else {
                            add(s.ty, &mut callees, &mut words);
                        }
                    }
                }
            }
            NeedleFamily::Guard => {
                callees.extend(GUARD_METHODS.iter().copied());
                for g in &self.guard_fns {
                    add(g.path, &mut callees, &mut words);
                }
            }
            NeedleFamily::Network => {
                words.extend(["TcpStream", "UnixStream"]);
                let calls = self.network_calls.iter().copied();
                for n in calls.chain(self.timed_ctors.iter().map(|t| &t.call)) {
                    // A call into a library other than std/tokio/async-std
                    // (`reqwest::get`, `tonic::transport::Endpoint::new`): the file names
                    // the crate, in the call or in a `use` (type names such as `Client`
                    // are too common to be needles).
                    let krate = n.path.split("::").next().unwrap_or(n.path);
                    if !matches!(krate, "std" | "tokio" | "async_std" | "crate") {
                        words.push(krate);
                    } else {
                        add(n.path, &mut callees, &mut words);
                    }
                }
            }
        }
        let mut terms = Vec::new();
        for (list, suffix) in [(callees, "("), (words, "")] {
            for w in &list {
                // A plain word is found inside longer ones (`ThreadPool` in
                // `ScopedThreadPool`), so one that ends with another is left out; a callee
                // is matched as a whole word (`never(` is not in `fold_type_never(`), so
                // every name is kept (`sync_channel(` beside `channel(`).
                let covered = suffix.is_empty() && list.iter().any(|o| o != w && w.ends_with(o));
                let term = format!("{w}{suffix}");
                if !covered && !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }
}

impl Default for &'static Catalog {
    fn default() -> Self {
        Catalog::builtin()
    }
}

/// The families of catalogue entries a lint's needles may name as `$channel`, `$spawn`,
/// `$guard` and `$network` (expanded by the pre-filter from the catalogue in use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedleFamily {
    Channel,
    Spawn,
    Guard,
    Network,
}

impl NeedleFamily {
    pub const ALL: [NeedleFamily; 4] = [
        NeedleFamily::Channel,
        NeedleFamily::Spawn,
        NeedleFamily::Guard,
        NeedleFamily::Network,
    ];

    /// `$channel`, `$spawn`, `$guard`, `$network`.
    pub fn placeholder(self) -> &'static str {
        match self {
            NeedleFamily::Channel => "$channel",
            NeedleFamily::Spawn => "$spawn",
            NeedleFamily::Guard => "$guard",
            NeedleFamily::Network => "$network",
        }
    }
}

/// Whether a resolved path names the catalogue's `entry`. A path of the unit's own crate
/// (`crate::util::spawn_named`) also matches where the walk resolves it relative to the
/// current module (`crate::spawn_named` for a call in `util.rs`, `crate::self::...`).
pub fn path_matches(entry: &str, path: &str) -> bool {
    if entry == path {
        return true;
    }
    let (Some(entry_rest), Some(rest)) =
        (entry.strip_prefix("crate::"), path.strip_prefix("crate::"))
    else {
        return false;
    };
    let mut rest = rest;
    while let Some(r) = rest
        .strip_prefix("self::")
        .or_else(|| rest.strip_prefix("super::"))
    {
        rest = r;
    }
    entry_rest == rest || entry_rest.ends_with(&format!("::{rest}"))
}

/// Library types that own a resource, by full normalised path: a value of a type that holds
/// one of these (in a field, through [`TRANSPARENT_TYPES`]) holds the resource too.
pub const HELD_TYPES: &[(&str, super::types::Holds)] = {
    use super::types::Holds as H;
    &[
        ("std::sync::mpsc::Sender", H::SENDER),
        ("std::sync::mpsc::SyncSender", H::SENDER),
        ("std::sync::mpsc::Receiver", H::RECEIVER),
        ("tokio::sync::mpsc::Sender", H::SENDER),
        ("tokio::sync::mpsc::UnboundedSender", H::SENDER),
        ("tokio::sync::mpsc::Receiver", H::RECEIVER),
        ("tokio::sync::mpsc::UnboundedReceiver", H::RECEIVER),
        ("tokio::sync::oneshot::Sender", H::SENDER),
        ("tokio::sync::oneshot::Receiver", H::RECEIVER),
        ("tokio::sync::broadcast::Sender", H::SENDER),
        ("tokio::sync::broadcast::Receiver", H::RECEIVER),
        ("tokio::sync::watch::Sender", H::SENDER),
        ("tokio::sync::watch::Receiver", H::RECEIVER),
        ("crossbeam_channel::Sender", H::SENDER),
        ("crossbeam_channel::Receiver", H::RECEIVER),
        ("flume::Sender", H::SENDER),
        ("flume::Receiver", H::RECEIVER),
        ("async_channel::Sender", H::SENDER),
        ("async_channel::Receiver", H::RECEIVER),
        ("futures::channel::mpsc::Sender", H::SENDER),
        ("futures::channel::mpsc::UnboundedSender", H::SENDER),
        ("futures::channel::mpsc::Receiver", H::RECEIVER),
        ("futures::channel::mpsc::UnboundedReceiver", H::RECEIVER),
        ("futures::channel::oneshot::Sender", H::SENDER),
        ("futures::channel::oneshot::Receiver", H::RECEIVER),
        ("std::thread::JoinHandle", H::JOIN_HANDLE),
        ("tokio::task::JoinHandle", H::JOIN_HANDLE),
        ("postage::mpsc::Sender", H::SENDER),
        ("postage::mpsc::Receiver", H::RECEIVER),
        ("postage::dispatch::Sender", H::SENDER),
        ("postage::dispatch::Receiver", H::RECEIVER),
        ("async_std::task::JoinHandle", H::JOIN_HANDLE),
        ("tokio_util::sync::DropGuard", H::GUARD),
        ("tracing_appender::non_blocking::WorkerGuard", H::GUARD),
        ("notify::RecommendedWatcher", H::GUARD),
        ("notify::PollWatcher", H::GUARD),
        ("notify_debouncer_mini::Debouncer", H::GUARD),
        ("notify_debouncer_full::Debouncer", H::GUARD),
        ("tokio_util::sync::CancellationToken", H::TOKEN),
    ]
};

/// Names of [`HELD_TYPES`] that no other well-known crate uses for something else, for
/// types whose path cannot be resolved (brought in by a glob import).
pub const HELD_BY_NAME: &[(&str, super::types::Holds)] = {
    use super::types::Holds as H;
    &[
        ("Sender", H::SENDER),
        ("SyncSender", H::SENDER),
        ("UnboundedSender", H::SENDER),
        ("Receiver", H::RECEIVER),
        ("UnboundedReceiver", H::RECEIVER),
        ("JoinHandle", H::JOIN_HANDLE),
        ("WorkerGuard", H::GUARD),
        ("DropGuard", H::GUARD),
        ("RecommendedWatcher", H::GUARD),
        ("CancellationToken", H::TOKEN),
    ]
};

/// Library wrappers (by last segment) that own their one type argument for as long as they
/// live, with no method that lets it go through a shared reference: a sender inside one of
/// these, kept in a field, lives as long as the value holding the field (unlike an `Option`,
/// a lock or a collection, which another method may empty).
pub const FIXED_WRAPPERS: &[&str] = &["Box", "Arc", "Rc", "Pin", "ManuallyDrop"];

/// The std prelude's functions and enum variants, named without a path in every crate:
/// never a crate item to look for in other files.
pub const PRELUDE_FNS: &[&str] = &["drop"];
pub const PRELUDE_VARIANTS: &[&str] = &["Some", "None", "Ok", "Err"];

/// Library types that own what their type arguments hold, by last segment (`Mutex` is
/// std's, parking_lot's and tokio's alike); `true` for maps, which own their values only.
pub const TRANSPARENT_TYPES: &[(&str, bool)] = &[
    ("Option", false),
    ("Box", false),
    ("Arc", false),
    ("Rc", false),
    ("Mutex", false),
    ("RwLock", false),
    ("Cell", false),
    ("RefCell", false),
    ("OnceCell", false),
    ("OnceLock", false),
    ("ManuallyDrop", false),
    ("Pin", false),
    ("Vec", false),
    ("VecDeque", false),
    ("SmallVec", false),
    ("HashMap", true),
    ("BTreeMap", true),
    ("IndexMap", true),
    ("DashMap", true),
    ("Slab", false),
    ("Result", false),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The first entry of `paths` that `path` matches, by a scan of every entry (what the
    /// index replaces).
    fn scan<'a>(paths: impl IntoIterator<Item = &'a str>, path: &str) -> Option<usize> {
        paths.into_iter().position(|e| path_matches(e, path))
    }

    #[test]
    fn indexed_lookups_answer_as_a_scan_of_every_entry() {
        let mut c = Catalog::builtin().clone();
        // Declared entries under `crate::` (matched by suffix) and a duplicate exact path.
        for path in ["crate::util::spawn_named", "tokio::spawn"] {
            c.spawn_fns.push(Box::leak(Box::new(SpawnFn {
                path,
                on_drop: OnDrop::Detach,
                thread: false,
            })));
        }
        c.guard_fns.push(Box::leak(Box::new(GuardFn {
            path: "crate::guard::Guard",
            tuple_index: None,
        })));
        let paths = [
            "tokio::spawn",
            "std::thread::spawn",
            "crate::spawn_named",
            "crate::self::util::spawn_named",
            "crate::other",
            "crate::Guard::new",
            "crate::super::guard::Guard",
            "std::sync::mpsc::channel",
            "tokio::sync::mpsc::channel",
            "tokio::runtime::Runtime::new",
            "tokio::runtime::Handle::spawn",
            "reqwest::Client::new",
            "tracing_appender::non_blocking",
            "no::such::path",
            "",
        ];
        let mut some = 0;
        for path in paths {
            let spawn = scan(c.spawn_fns.iter().map(|s| s.path), path);
            assert_eq!(
                c.spawn_fn(path).map(|s| s as *const _),
                spawn.map(|i| c.spawn_fns[i] as *const _),
                "{path}"
            );
            let ctor = scan(c.channel_ctors.iter().map(|s| s.path), path);
            assert_eq!(
                c.channel_ctor(path).map(|s| s as *const _),
                ctor.map(|i| c.channel_ctors[i] as *const _),
                "{path}"
            );
            let ty = path.rsplit_once("::").map(|(ty, _)| ty);
            let spawner = c.spawners.iter().position(|s| {
                path_matches(s.ty, path) || ty.is_some_and(|ty| path_matches(s.ty, ty))
            });
            assert_eq!(c.spawner_of(path), spawner, "{path}");
            let guard = c.guard_fns.iter().find(|g| {
                path_matches(g.path, path)
                    || ty.is_some_and(|ty| g.tuple_index.is_none() && path_matches(g.path, ty))
            });
            assert_eq!(c.guard_call(path), guard.map(|g| g.tuple_index), "{path}");
            let network = c
                .network_calls
                .iter()
                .copied()
                .chain(c.timed_ctors.iter().map(|t| &t.call))
                .find(|n| path_matches(n.path, path));
            assert_eq!(
                c.network_call(path).map(|n| n as *const _),
                network.map(|n| n as *const _),
                "{path}"
            );
            let timed = scan(c.timed_ctors.iter().map(|t| t.call.path), path);
            assert_eq!(
                c.timed_ctor(path).map(|t| t as *const _),
                timed.map(|i| c.timed_ctors[i] as *const _),
                "{path}"
            );
            some += usize::from(
                spawn.is_some()
                    || ctor.is_some()
                    || spawner.is_some()
                    || guard.is_some()
                    || network.is_some(),
            );
        }
        // The paths do name entries of every kind: the comparison is not of `None`s only.
        assert!(some >= 10, "{some}");
    }
}

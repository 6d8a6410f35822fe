//! The `[apis]` table: a project's own spawn functions, channels, guards and network
//! clients, declared by full path so that the model treats them as the built-in ones.
//!
//! ```toml
//! [apis]
//! spawn = ["crate::util::spawn_named", { path = "my_runtime::Runtime::spawn_thread", runs = "thread" }]
//! spawn-joinable = ["my_pool::Pool::execute"]
//! channels = [{ new = "my_bus::channel", kind = "unbounded", sender = "my_bus::Sender", receiver = "my_bus::Receiver" }]
//! completes-on-drop = ["my_batch::BatchNotifier::new_with_receiver"]
//! guards = ["my_log::FlushGuard"]
//! network = [{ new = "my_net::Client::new", timeout-methods = ["with_timeout"] }]
//! ```
//!
//! Paths start with `crate::` (the linted crate itself) or a crate name. A path whose
//! next-to-last segment starts with an upper-case letter (`Runtime::spawn`) is a method of
//! that type; any other is a free function.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{a, ErrorContext};
use crate::config::ConfigError;
use crate::model::catalog::{
    normalize, Catalog, ChannelCtor, ChannelKind, GuardFn, Library, NetworkCall, OnDrop, SpawnFn,
    Spawner, TimedCtor,
};
use crate::model::types::Holds;

/// The keys of `[apis]`, as `--explain config` and the errors list them.
pub const KEYS: &[&str] = &[
    "spawn",
    "spawn-joinable",
    "channels",
    "completes-on-drop",
    "guards",
    "network",
];

/// The APIs one configuration file declares.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Apis {
    /// Detaching spawns with no handle: the first closure or async block is the work.
    pub spawn: Vec<DeclaredSpawn>,
    /// Spawns that return a handle; dropping it detaches the work.
    pub spawn_joinable: Vec<DeclaredSpawn>,
    /// Channel constructors returning `(sender, receiver)`, their kind and endpoint types.
    pub channels: Vec<DeclaredChannel>,
    /// Constructors returning `(handle, waiter)`: waiting on the waiter ends once every clone
    /// of the handle is dropped.
    pub completes_on_drop: Vec<String>,
    /// Guard types, or functions returning a guard.
    pub guards: Vec<String>,
    /// Client constructors and the methods that give them a timeout.
    pub network: Vec<(String, Vec<String>)>,
}

/// One declared channel: its constructor, its kind, and the types of its endpoints (a
/// field, parameter or `let` of such a type is a sender or a receiver of some channel).
#[derive(Clone, Debug, PartialEq)]
pub struct DeclaredChannel {
    pub new: String,
    pub kind: ChannelKind,
    pub sender: Option<String>,
    pub receiver: Option<String>,
}

/// One declared spawn: its full path, and whether its work runs on a thread (blocking code
/// is fine there) rather than as an async task.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeclaredSpawn {
    pub path: String,
    pub thread: bool,
}

impl Apis {
    pub fn is_empty(&self) -> bool {
        *self == Apis::default()
    }

    /// `base` with these APIs added. The entries live as long as the process (a
    /// configuration is read once per run).
    pub fn extend(&self, base: &Catalog) -> &'static Catalog {
        let mut c = base.clone();
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let all = self
            .spawn
            .iter()
            .chain(&self.spawn_joinable)
            .map(|s| &s.path)
            .chain(&self.guards)
            .chain(&self.completes_on_drop);
        let all = all
            .chain(self.channels.iter().map(|c| &c.new))
            .chain(self.network.iter().map(|n| &n.0));
        for path in all {
            let krate = path.split("::").next().unwrap_or(path);
            if krate != "crate" && !c.crates.contains(&krate) {
                c.crates.push(leak(krate));
            }
        }
        for (paths, on_drop) in [
            (&self.spawn, OnDrop::NoHandle),
            (&self.spawn_joinable, OnDrop::Detach),
        ] {
            for DeclaredSpawn { path, thread } in paths {
                let thread = *thread;
                match method_of(path) {
                    Some((ty, method)) => c.spawners.push(Box::leak(Box::new(Spawner {
                        ty: leak(ty),
                        methods: Box::leak(Box::new([(leak(method), on_drop, thread)])),
                        join: None,
                    }))),
                    None => c.spawn_fns.push(Box::leak(Box::new(SpawnFn {
                        path: leak(path),
                        on_drop,
                        thread,
                    }))),
                }
            }
        }
        let waiters = self
            .completes_on_drop
            .iter()
            .map(|p| (p, ChannelKind::CompletesOnDrop));
        for (path, kind) in self
            .channels
            .iter()
            .map(|c| (&c.new, c.kind))
            .chain(waiters)
        {
            c.channel_ctors.push(Box::leak(Box::new(ChannelCtor {
                path: leak(path),
                library: Library::Declared,
                kind,
                capacity_arg: matches!(kind, ChannelKind::Bounded(_) | ChannelKind::Broadcast),
                pair: true,
            })));
        }
        for ch in &self.channels {
            let ends = [(&ch.sender, Holds::SENDER), (&ch.receiver, Holds::RECEIVER)];
            for (ty, holds) in ends {
                if let Some(ty) = ty {
                    c.held_types.push((leak(&normalize(ty)), holds));
                }
            }
        }
        for path in &self.guards {
            c.guard_fns.push(Box::leak(Box::new(GuardFn {
                path: leak(path),
                tuple_index: None,
            })));
        }
        for (path, methods) in &self.network {
            let name = path.rsplit("::").nth(1).unwrap_or(path);
            let methods: Vec<&'static str> = methods.iter().map(|m| leak(m)).collect();
            let list = methods
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            c.timed_ctors.push(Box::leak(Box::new(TimedCtor {
                call: NetworkCall {
                    path: leak(path),
                    awaited: false,
                    detached_only: false,
                    message: leak(&format!(
                        "this `{name}` (declared in `[apis] network`) has no timeout: its calls can wait for ever"
                    )),
                    help: leak(&format!("call {list} on it")),
                },
                timeout_methods: Box::leak(methods.into_boxed_slice()),
            })));
        }
        Box::leak(Box::new(c))
    }
}

/// `my_runtime::Runtime::spawn` → (`my_runtime::Runtime`, `spawn`).
fn method_of(path: &str) -> Option<(&str, &str)> {
    let (ty, method) = path.rsplit_once("::")?;
    let ty_name = ty.rsplit("::").next()?;
    ty_name
        .starts_with(char::is_uppercase)
        .then_some((ty, method))
}

/// Parses the value of the `apis` key.
pub(super) fn parse(
    value: &Spanned<DeValue<'_>>,
    error: &ErrorContext<'_>,
) -> Result<Apis, ConfigError> {
    let DeValue::Table(table) = value.get_ref() else {
        return Err(error.at(
            value.span(),
            format!("`apis` must be a table, not {}", a(value.get_ref())),
            Some(
                "write `[apis]` and put its keys under it (see `cargo leaklint --explain config`)"
                    .into(),
            ),
        ));
    };
    let mut apis = Apis::default();
    for (key, value) in table.iter() {
        match key.get_ref().as_ref() {
            "spawn" => apis.spawn = spawns(value, "spawn", error)?,
            "spawn-joinable" => apis.spawn_joinable = spawns(value, "spawn-joinable", error)?,
            "guards" => apis.guards = paths(value, "guards", error)?,
            "completes-on-drop" => {
                apis.completes_on_drop = paths(value, "completes-on-drop", error)?
            }
            "channels" => {
                for entry in tables(value, "channels", error)? {
                    apis.channels.push(channel(entry, error)?);
                }
            }
            "network" => {
                for entry in tables(value, "network", error)? {
                    apis.network.push(network(entry, error)?);
                }
            }
            other => {
                return Err(error.at(
                    key.span(),
                    format!("unknown key `{other}` in `[apis]`"),
                    Some(match crate::config::closest(other, KEYS) {
                        Some(near) => {
                            format!("did you mean `{near}`? the keys are {}", quoted(KEYS))
                        }
                        None => format!("the keys are {}", quoted(KEYS)),
                    }),
                ))
            }
        }
    }
    Ok(apis)
}

fn quoted(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn array<'v, 'a>(
    value: &'v Spanned<DeValue<'a>>,
    key: &str,
    what: &str,
    error: &ErrorContext<'_>,
) -> Result<&'v [Spanned<DeValue<'a>>], ConfigError> {
    match value.get_ref() {
        DeValue::Array(items) => Ok(&items[..]),
        other => Err(error.at(
            value.span(),
            format!("`{key}` must be an array of {what}, not {}", a(other)),
            None,
        )),
    }
}

fn paths(
    value: &Spanned<DeValue<'_>>,
    key: &str,
    error: &ErrorContext<'_>,
) -> Result<Vec<String>, ConfigError> {
    array(value, key, "paths", error)?
        .iter()
        .map(|item| path(item, key, error))
        .collect()
}

/// `spawn` / `spawn-joinable` entries: a path, or `{ path = "..", runs = "thread" | "task" }`
/// (a bare path runs a task).
fn spawns(
    value: &Spanned<DeValue<'_>>,
    key: &str,
    error: &ErrorContext<'_>,
) -> Result<Vec<DeclaredSpawn>, ConfigError> {
    let mut out = Vec::new();
    for item in array(value, key, "paths", error)? {
        let DeValue::Table(table) = item.get_ref() else {
            out.push(DeclaredSpawn {
                path: path(item, key, error)?,
                thread: false,
            });
            continue;
        };
        let mut spawn = (None, false);
        for (k, v) in table.iter() {
            match (k.get_ref().as_ref(), v.get_ref()) {
                ("path", _) => spawn.0 = Some(path(v, key, error)?),
                ("runs", DeValue::String(s)) if s == "thread" || s == "task" => {
                    spawn.1 = s == "thread"
                }
                ("runs", _) => {
                    return Err(error.at(
                        v.span(),
                        "`runs` is `\"thread\"` or `\"task\"`".into(),
                        Some("a thread may block; a task runs on an async runtime".into()),
                    ))
                }
                (other, _) => {
                    return Err(error.at(
                        k.span(),
                        format!("unknown key `{other}` in a `{key}` entry"),
                        Some("the keys are `path` and `runs` (`\"thread\"` or `\"task\"`)".into()),
                    ))
                }
            }
        }
        let Some(path) = spawn.0 else {
            return Err(error.at(
                item.span(),
                format!("a `{key}` entry needs `path`"),
                Some(
                    "for example `{ path = \"crate::util::spawn_named\", runs = \"thread\" }`"
                        .into(),
                ),
            ));
        };
        out.push(DeclaredSpawn {
            path,
            thread: spawn.1,
        });
    }
    Ok(out)
}

fn tables<'v, 'a>(
    value: &'v Spanned<DeValue<'a>>,
    key: &str,
    error: &ErrorContext<'_>,
) -> Result<Vec<(&'v DeTable<'a>, std::ops::Range<usize>)>, ConfigError> {
    array(value, key, "tables", error)?
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::Table(t) => Ok((t, item.span())),
            other => Err(error.at(
                item.span(),
                format!("each entry of `{key}` must be a table, not {}", a(other)),
                None,
            )),
        })
        .collect()
}

/// A full path: `crate::a::b` or `some_crate::a::b`, identifiers joined by `::`.
fn path(
    item: &Spanned<DeValue<'_>>,
    key: &str,
    error: &ErrorContext<'_>,
) -> Result<String, ConfigError> {
    let DeValue::String(s) = item.get_ref() else {
        return Err(error.at(
            item.span(),
            format!("`{key}` takes paths (strings), not {}", a(item.get_ref())),
            None,
        ));
    };
    let segments: Vec<&str> = s.split("::").collect();
    let ident = |seg: &str| {
        let mut chars = seg.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_')
    };
    let bad = if segments.len() < 2 || !segments.iter().all(|seg| ident(seg)) {
        Some("a full path is identifiers joined by `::`, starting at a crate: `crate::util::spawn_named`, `my_crate::Pool::execute`")
    } else if matches!(segments[0], "self" | "super" | "Self") {
        Some("start the path at the crate (`crate::...`) or at a crate name, not at `self` or `super`")
    } else {
        None
    };
    match bad {
        Some(help) => Err(error.at(
            item.span(),
            format!("`{s}` is not a full path"),
            Some(help.into()),
        )),
        None => Ok(s.to_string()),
    }
}

fn channel(
    (table, span): (&DeTable<'_>, std::ops::Range<usize>),
    error: &ErrorContext<'_>,
) -> Result<DeclaredChannel, ConfigError> {
    let mut new = None;
    let mut kind = None;
    let (mut sender, mut receiver) = (None, None);
    for (key, value) in table.iter() {
        match key.get_ref().as_ref() {
            "new" => new = Some(path(value, "new", error)?),
            "sender" => sender = Some(path(value, "sender", error)?),
            "receiver" => receiver = Some(path(value, "receiver", error)?),
            "kind" => {
                kind = Some(match value.get_ref() {
                    DeValue::String(s) if s == "bounded" => ChannelKind::Bounded(None),
                    DeValue::String(s) if s == "unbounded" => ChannelKind::Unbounded,
                    DeValue::String(s) if s == "oneshot" => ChannelKind::Oneshot,
                    DeValue::String(s) if s == "broadcast" => ChannelKind::Broadcast,
                    DeValue::String(s) if s == "watch" => ChannelKind::Watch,
                    _ => {
                        return Err(error.at(
                            value.span(),
                            "unknown channel kind".into(),
                            Some("the kinds are `bounded` (the first argument is the capacity), `unbounded`, `oneshot`, `broadcast` and `watch`".into()),
                        ))
                    }
                })
            }
            other => {
                return Err(error.at(
                    key.span(),
                    format!("unknown key `{other}` in a `channels` entry"),
                    Some("the keys are `new` (the constructor, returning `(sender, receiver)`), `kind`, and the endpoint types `sender` and `receiver`".into()),
                ))
            }
        }
    }
    match (new, kind) {
        (Some(new), Some(kind)) => Ok(DeclaredChannel {
            new,
            kind,
            sender,
            receiver,
        }),
        _ => Err(error.at(
            span,
            "a `channels` entry needs `new` and `kind`".into(),
            Some("for example `{ new = \"my_bus::channel\", kind = \"unbounded\" }`".into()),
        )),
    }
}

fn network(
    (table, span): (&DeTable<'_>, std::ops::Range<usize>),
    error: &ErrorContext<'_>,
) -> Result<(String, Vec<String>), ConfigError> {
    let mut new = None;
    let mut methods = None;
    for (key, value) in table.iter() {
        match key.get_ref().as_ref() {
            "new" => new = Some(path(value, "new", error)?),
            "timeout-methods" => {
                let mut list = Vec::new();
                for item in array(value, "timeout-methods", "method names", error)? {
                    match item.get_ref() {
                        DeValue::String(s)
                            if !s.is_empty()
                                && s.chars().all(|c| c.is_alphanumeric() || c == '_') =>
                        {
                            list.push(s.to_string())
                        }
                        _ => {
                            return Err(error.at(
                                item.span(),
                                "`timeout-methods` takes method names such as `\"with_timeout\"`"
                                    .into(),
                                None,
                            ))
                        }
                    }
                }
                methods = Some(list);
            }
            other => {
                return Err(error.at(
                    key.span(),
                    format!("unknown key `{other}` in a `network` entry"),
                    Some(
                        "the keys are `new` (the client's constructor) and `timeout-methods`"
                            .into(),
                    ),
                ))
            }
        }
    }
    match (new, methods) {
        (Some(new), Some(methods)) if !methods.is_empty() => Ok((new, methods)),
        _ => Err(error.at(
            span,
            "a `network` entry needs `new` and a non-empty `timeout-methods`".into(),
            Some("for example `{ new = \"my_net::Client::new\", timeout-methods = [\"with_timeout\"] }`".into()),
        )),
    }
}

//! Recording what the lints ask about as the walk meets it: channels and their endpoints,
//! spawns and their handles, leaks, and calls of interest.

use syn::{Expr, Pat};

use super::syntax::*;
use super::{Position, SpawnCall, Walker};
use crate::model::catalog::{self, Leaker};
use crate::model::channels::{Channel, Role, Slot};
use crate::model::flow::*;
use crate::model::tasks::{CancelKind, CancellableFuture, HandleFate, SpawnSite};
use crate::source::Span;

impl<'f> Walker<'f> {
    pub(super) fn channel_ctor_call(
        &self,
        expr: &Expr,
    ) -> Option<(&'static catalog::ChannelCtor, Span)> {
        let Expr::Call(call) = strip_parens(expr) else {
            return None;
        };
        let Expr::Path(p) = &*call.func else {
            return None;
        };
        let path = self.resolver.resolve(&p.path)?;
        let ctor = self.catalog.channel_ctor(&path)?;
        Some((ctor, self.span_of(call)))
    }

    pub(super) fn bind_channel(
        &mut self,
        pat: &Pat,
        ctor: &'static catalog::ChannelCtor,
        call: Span,
        stmt: Span,
    ) {
        let channel = self.model.channels.len();
        let body = self.body_id;
        let kind = match ctor.kind {
            catalog::ChannelKind::Bounded(_) => {
                catalog::ChannelKind::Bounded(self.capacity_literal(call))
            }
            k => k,
        };
        let mut sender = Slot::Unbound;
        let mut receiver = Slot::Unbound;
        let pat = strip_pat(pat);
        if ctor.pair {
            if let Pat::Tuple(t) = pat {
                if t.elems.len() == 2 {
                    sender = self.bind_slot(&t.elems[0], channel, Role::Sender, stmt);
                    receiver = self.bind_slot(&t.elems[1], channel, Role::Receiver, stmt);
                }
            } else {
                self.bind_pat(pat, ValueOrigin::Other, stmt);
            }
        } else {
            receiver = self.bind_slot(pat, channel, Role::Receiver, stmt);
        }
        self.model.channels.push(Channel {
            id: channel,
            ctor,
            kind,
            call,
            body,
            sender,
            receiver,
        });
    }

    pub(super) fn record_leak(&mut self, leaker: Leaker, call: Span, arg: Option<&Expr>) {
        let Some(mut arg) = arg.map(strip_parens) else {
            return;
        };
        // `Box::leak(Box::new(x))`
        if let Expr::Call(inner) = arg {
            if is_wrapper_name(&inner.func) && inner.args.len() == 1 {
                arg = strip_parens(&inner.args[0]);
            }
        }
        let what = match self.origin_of(arg) {
            ValueOrigin::Endpoint { channel, role, .. } => Leaked::Endpoint { channel, role },
            ValueOrigin::TaskHandle => Leaked::TaskHandle,
            ValueOrigin::Guard => Leaked::Guard,
            _ => Leaked::Value {
                binding: self.binding_of(arg),
            },
        };
        let hint = match what {
            Leaked::Value { .. } => type_hint_of(arg),
            _ => None,
        };
        if let Some(body) = self.body_mut() {
            body.leaks.push(LeakSite {
                call,
                leaker,
                what,
                holder: None,
                hint,
            });
        }
    }

    /// Records a call that hands work (a closure, an async block, a function) to a callee:
    /// a known spawn, or (`candidate`) a call of a function that may be a project's spawn
    /// wrapper, settled crate-wide.
    pub(super) fn record_work(
        &mut self,
        how: SpawnCall,
        work_arg: Option<&Expr>,
        arg_index: usize,
        role: &Position,
        candidate: bool,
    ) {
        let SpawnCall {
            callee,
            callee_span,
            call,
            on_drop,
            thread,
        } = how;
        let ctx = self.ctx;
        let Some(body) = self.body.as_ref() else {
            return;
        };
        let (work, work_fn) = match work_arg.map(strip_parens) {
            // The closure or async block is the next context the walk will create.
            Some(Expr::Closure(_) | Expr::Async(_)) => (Some(body.contexts.len()), None),
            Some(Expr::Call(c)) => match strip_parens(&c.func) {
                Expr::Path(p) => (None, self.local_fn_name(&p.path)),
                _ => (None, None),
            },
            Some(Expr::Path(p)) => (None, self.local_fn_name(&p.path)),
            _ => (None, None),
        };
        // A plain name that is a local binding (`spawn(fut)`) names no function.
        let work_path = work_arg
            .and_then(work_fn_path)
            .filter(|p| p.contains("::") || self.lookup(p).is_none());
        let work_param = match work_arg.map(strip_parens) {
            Some(Expr::Path(p)) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        let handle = match role {
            Position::Statement => HandleFate::Discarded,
            Position::Init(_) => HandleFate::PendingLet,
            Position::Await => HandleFate::Joined,
            Position::Receiver { method, .. } => match method.as_str() {
                "join" | "await" | "abort" => HandleFate::Joined,
                "detach" => HandleFate::Detached,
                _ => HandleFate::Unknown,
            },
            Position::Pushed(Some(v)) => HandleFate::Collected(*v),
            Position::Returned => HandleFate::Returned,
            Position::CallArg(..)
            | Position::Pushed(_)
            | Position::Struct(_)
            | Position::SelfField(_) => HandleFate::Kept,
            _ => HandleFate::Unknown,
        };
        let stored_in = match role {
            Position::Struct(field) => Some((self.struct_ty.clone(), field.clone())),
            Position::SelfField(field) => Some((Some("Self".into()), field.clone())),
            _ => None,
        };
        let pushed_out = matches!(role, Position::Pushed(None));
        let site = SpawnSite {
            stored_in,
            pushed_out,
            call,
            callee,
            callee_span,
            on_drop,
            thread,
            ctx,
            work,
            work_fn,
            work_path,
            work_param,
            arg_index,
            handle,
            pool_join: None,
        };
        if let Some(body) = self.body_mut() {
            if candidate {
                body.work_calls.push(site);
            } else {
                body.spawns.push(site);
            }
        }
    }

    /// Records a future that can be dropped before it completes (`future` given to a
    /// timeout or a `select!` branch; `owner` is the timeout call or the macro).
    pub(super) fn record_cancellable(&mut self, kind: CancelKind, future: &Expr, owner: Span) {
        let span = self.span_of(future);
        // `fut.fuse()`, `fut.boxed()` are the same future.
        let mut inner = strip_parens(future);
        while let Expr::MethodCall(m) = inner {
            if !is_one_of(&m.method, &["fuse", "boxed"]) {
                break;
            }
            inner = strip_parens(&m.receiver);
        }
        let moved = match inner {
            Expr::Path(p) => p
                .path
                .get_ident()
                .filter(|i| self.lookup_ident(i).is_some())
                .map(|i| self.span(i.span())),
            _ => None,
        };
        let work_fn = match inner {
            Expr::Call(c) => match strip_parens(&c.func) {
                Expr::Path(p) => self.local_fn_name(&p.path),
                _ => None,
            },
            _ => None,
        };
        let ctx = self.ctx;
        if let Some(body) = self.body_mut() {
            body.cancellables.push(CancellableFuture {
                kind,
                span,
                owner,
                ctx,
                moved,
                work_fn,
            });
        }
    }

    /// The first argument that is a parameter of the function being walked, passed on by
    /// name in the function's own flow (`spawn_named("w", f)` inside a wrapper of `f`).
    pub(super) fn param_arg_index(
        &self,
        args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
    ) -> Option<usize> {
        if self.ctx != 0 {
            return None;
        }
        let body = self.body.as_ref()?;
        args.iter().position(|arg| match strip_parens(arg) {
            Expr::Path(p) if p.qself.is_none() => p
                .path
                .get_ident()
                .and_then(|i| self.lookup_ident(i))
                .is_some_and(|id| body.bindings[id].origin == ValueOrigin::Param),
            _ => false,
        })
    }

    /// The position of the first argument that names a function (`ticker::run`) or calls
    /// one for its future (`refresh::refresh_routes(t)`), when the callee may be a project's
    /// spawn wrapper: a call outside std whose work is not written inline
    /// (`spawn_named("ticker", ticker::run)`). A local binding names no function; tuple
    /// structs and variants (`Some(..)`, `Wrapper(..)`) are not functions.
    pub(super) fn fn_arg_index(
        &self,
        callee: Option<&str>,
        args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
    ) -> Option<usize> {
        if callee.is_some_and(|p| {
            ["std::", "core::", "alloc::"]
                .iter()
                .any(|std| p.starts_with(std))
                || self.catalog.is_known_path(p)
        }) {
            return None;
        }
        let names_fn = |path: &syn::Path| {
            let last = path.segments.last().map(|s| s.ident.to_string());
            last.is_some_and(|l| l.starts_with(|c: char| c.is_ascii_lowercase() || c == '_'))
                && (path.segments.len() > 1 || self.lookup(&path_text(path)).is_none())
        };
        args.iter().position(|arg| match strip_parens(arg) {
            Expr::Path(p) => p.qself.is_none() && names_fn(&p.path),
            Expr::Call(c) => match strip_parens(&c.func) {
                Expr::Path(p) => p.qself.is_none() && names_fn(&p.path),
                _ => false,
            },
            _ => false,
        })
    }

    /// `run` for a call or path naming a function of this file.
    pub(super) fn local_fn_name(&self, path: &syn::Path) -> Option<String> {
        let full = self.resolver.resolve(path)?;
        let name = full.strip_prefix("crate::")?;
        (!name.contains("::")).then(|| name.to_string())
    }

    /// What a spawning method (`.spawn(..)`, `.execute(..)`) on this receiver does with its
    /// handle, when leaklint knows the receiver: a thread builder, a runtime or a pool
    /// detaches, a `JoinSet`/`TaskTracker`/executor keeps track, a scope joins.
    pub(super) fn method_spawn_kind(
        &self,
        receiver: &Expr,
        method: &str,
    ) -> Option<(catalog::OnDrop, bool)> {
        use catalog::OnDrop;
        let receiver = strip_parens(receiver);
        let tokio_spawn = matches!(method, "spawn" | "spawn_blocking" | "spawn_local");
        if let Some(id) = self.binding_of(receiver) {
            return match self.body.as_ref()?.bindings[id].origin {
                ValueOrigin::Tracker if tokio_spawn => Some((OnDrop::Cancel, false)),
                ValueOrigin::Runtime if tokio_spawn => {
                    Some((OnDrop::Detach, method == "spawn_blocking"))
                }
                ValueOrigin::Spawner(s) => self.catalog.spawners[s].method(method),
                ValueOrigin::Param if tokio_spawn => Some((OnDrop::Scoped, true)),
                _ => None,
            };
        }
        if let Some(s) = self.spawner_field(receiver) {
            return self.catalog.spawners[s].method(method);
        }
        // A builder chain: `thread::Builder::new().name(..).spawn(..)`,
        // `Handle::current().spawn(..)`, `ThreadPool::new(4).execute(..)`.
        let root = chain_root(receiver);
        let Expr::Call(c) = root else { return None };
        let Expr::Path(p) = &*c.func else { return None };
        let path = self.resolver.resolve(&p.path)?;
        let spawner = self.catalog.spawner_of(&path)?;
        self.catalog.spawners[spawner].method(method)
    }

    /// The element of the tuple a call returns that is a guard
    /// (`tracing_appender::non_blocking(w)` returns `(writer, guard)`).
    pub(super) fn guard_in_tuple(&self, expr: &Expr) -> Option<usize> {
        let mut expr = strip_parens(expr);
        while let Expr::MethodCall(m) = expr {
            if !is_one_of(&m.method, &["unwrap", "expect"]) {
                return None;
            }
            expr = strip_parens(&m.receiver);
        }
        let Expr::Call(c) = expr else { return None };
        let Expr::Path(p) = &*c.func else { return None };
        let path = self.resolver.resolve(&p.path)?;
        self.catalog.guard_call(&path)?
    }

    /// `HttpConnector::new()..set_connect_timeout(..)`: the constructor at the root of the
    /// chain is given a timeout, so its call is not one that can hang.
    pub(super) fn note_timed_chain(&mut self, method: &str, receiver: &Expr) {
        let Expr::Call(c) = chain_root(receiver) else {
            return;
        };
        let Expr::Path(p) = &*c.func else { return };
        let Some(ctor) = self
            .resolver
            .resolve(&p.path)
            .and_then(|path| self.catalog.timed_ctor(&path))
        else {
            return;
        };
        if ctor.timeout_methods.contains(&method)
            || chain_methods(receiver)
                .iter()
                .any(|m| ctor.timeout_methods.contains(&m.as_str()))
        {
            let span = self.span_of(c);
            self.timed_roots.push(span);
        }
    }

    /// Records a stop signal checked inside the enclosing loops of this context: a
    /// cancellation check, a stop flag, a closed channel that panics on receive.
    pub(super) fn note_stop_check(&mut self, method: &str, receiver: &Expr, call: Span) {
        let is_stop = catalog::is_stop_check(method)
            || (matches!(method, "unwrap" | "expect")
                && matches!(strip_parens(receiver), Expr::MethodCall(inner) if fails_when_closed(&inner.method.to_string())))
            || (matches!(method, "unwrap" | "expect")
                && matches!(strip_parens(receiver), Expr::Await(a) if matches!(strip_parens(&a.base), Expr::MethodCall(inner) if fails_when_closed(&inner.method.to_string()))));
        if is_stop {
            self.add_stop_check(call);
        }
    }

    pub(super) fn add_stop_check(&mut self, at: Span) {
        let ctx = self.ctx;
        let Some(body) = self.body.as_mut() else {
            return;
        };
        for &l in &self.loop_stack {
            if body.loops[l].ctx == ctx {
                body.loops[l].stop_checks.push(at);
            }
        }
    }

    /// How many stop checks each enclosing loop has so far (see
    /// [`Self::forget_stop_checks`]).
    pub(super) fn stop_check_marks(&self) -> Vec<(LoopId, usize)> {
        let Some(body) = self.body.as_ref() else {
            return Vec::new();
        };
        self.loop_stack
            .iter()
            .map(|&l| (l, body.loops[l].stop_checks.len()))
            .collect()
    }

    /// Drops the stop checks recorded since `marks`: a stop signal checked by an `if` whose
    /// branch does not leave the loop (`if stop.load(..) { sleep(..); continue; }`) stops
    /// nothing.
    pub(super) fn forget_stop_checks(&mut self, marks: Vec<(LoopId, usize)>) {
        let Some(body) = self.body.as_mut() else {
            return;
        };
        for (l, n) in marks {
            let l = &mut body.loops[l];
            let forgotten: Vec<Span> = l.stop_checks.drain(n..).collect();
            l.continuing_stops.extend(forgotten);
        }
    }

    /// `reqwest::Client::builder()...build()` without `.timeout(..)`: a client whose
    /// requests can wait for ever.
    pub(super) fn note_http_client_build(&mut self, receiver: &Expr, call: Span) {
        let root = chain_root(receiver);
        let Expr::Call(c) = root else { return };
        let Expr::Path(p) = &*c.func else { return };
        let Some(path) = self.resolver.resolve(&p.path) else {
            return;
        };
        if path != "reqwest::Client::builder" && path != "reqwest::ClientBuilder::new" {
            return;
        }
        if chain_methods(receiver)
            .iter()
            .any(|m| m == "timeout" || m == "read_timeout")
        {
            return;
        }
        let ctx = self.ctx;
        let in_timeout = self.in_timeout > 0;
        if let Some(body) = self.body_mut() {
            body.calls.push(CallSite {
                path: "reqwest::ClientBuilder::build".into(),
                span: call,
                ctx,
                awaited: false,
                in_timeout,
            });
        }
    }

    pub(super) fn record_channel(
        &mut self,
        ctor: &'static catalog::ChannelCtor,
        call: Span,
        sender: Slot,
        receiver: Slot,
    ) {
        let kind = match ctor.kind {
            catalog::ChannelKind::Bounded(_) => {
                catalog::ChannelKind::Bounded(self.capacity_literal(call))
            }
            k => k,
        };
        self.model.channels.push(Channel {
            id: self.model.channels.len(),
            ctor,
            kind,
            call,
            body: self.body_id,
            sender,
            receiver,
        });
    }

    pub(super) fn bind_slot(&mut self, pat: &Pat, channel: usize, role: Role, stmt: Span) -> Slot {
        match strip_pat(pat) {
            Pat::Wild(w) => Slot::Wild(self.span_of(w)),
            Pat::Ident(i) if i.subpat.is_none() => {
                let origin = ValueOrigin::Endpoint {
                    channel,
                    role,
                    clone: false,
                };
                match self.new_binding(&i.ident, origin, stmt) {
                    Some(id) => Slot::Binding(id),
                    None => Slot::Unbound,
                }
            }
            other => {
                self.bind_pat(other, ValueOrigin::Other, stmt);
                Slot::Unbound
            }
        }
    }

    /// The literal capacity argument of a constructor call, if any.
    pub(super) fn capacity_literal(&self, call: Span) -> Option<u64> {
        let text = self.file.snippet(call);
        let args = text.split_once('(')?.1.trim_end().strip_suffix(')')?;
        let arg = args.split(',').next()?.trim().replace('_', "");
        let digits: String = arg.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty()
            || digits.len()
                != arg
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_digit())
                    .len()
        {
            return None;
        }
        digits.parse().ok()
    }
}

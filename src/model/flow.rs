//! Bindings and what happens to them inside one function body (closures and async blocks
//! included): where each is declared, how long its scope lasts, and every use with its
//! meaning (a method call, a move, a drop, a borrow, a store into a field...).
//!
//! These facts are built by one walk over the file ([`super::walk`]). There is no
//! control-flow graph: the lints ask order questions ("is there a move before this loop?")
//! with spans, and treat anything they cannot follow (an unknown call taking the value, a
//! macro they cannot read) as "unsure", which keeps them silent.

use super::catalog::{EndpointOp, Leaker};
use super::channels::{RecvLoop, Role};
use super::tasks::{CancellableFuture, SpawnSite};
use crate::source::Span;

pub type BindingId = usize;
pub type BodyId = usize;
pub type CtxId = usize;
pub type LoopId = usize;

/// One function body: a `fn`, a method, or a closure/async block nested in one.
#[derive(Debug, Default)]
pub struct Body {
    /// `name` or `Type::name`.
    pub name: String,
    pub span: Span,
    pub is_async: bool,
    /// Test code: a test function or a function in a `#[cfg(test)]` module. Spawned work
    /// there ends with the test's runtime or process.
    pub in_test: bool,
    /// Closures capture whole variables, as before edition 2021: `let _ = tx;` inside a
    /// `move` closure then moves `tx` in. `false` (the default) for edition 2021 and later,
    /// where a closure captures only what its body uses, and `let _ = tx;` uses nothing.
    pub whole_captures: bool,
    pub bindings: Vec<Binding>,
    /// Context 0 is the function itself; closures and async blocks add more.
    pub contexts: Vec<Context>,
    pub loops: Vec<LoopInfo>,
    pub recv_loops: Vec<RecvLoop>,
    pub leaks: Vec<LeakSite>,
    pub spawns: Vec<SpawnSite>,
    /// Futures that can be dropped before they complete (a timeout's, a `select!` branch).
    pub cancellables: Vec<CancellableFuture>,
    /// Calls of functions that are not known spawns but are handed a closure or async block
    /// (`spawn_named("ticker", || loop {..})`): spawns if the callee turns out to be one of
    /// the crate's spawn wrappers ([`super::index::CrateIndex::wrapper`]).
    pub work_calls: Vec<SpawnSite>,
    /// Calls of interest to the task lints: network and HTTP APIs, timeouts, and functions
    /// of this file (`crate::name`).
    pub calls: Vec<CallSite>,
}

/// A resolved call the task lints care about.
#[derive(Debug, Clone)]
pub struct CallSite {
    pub path: String,
    pub span: Span,
    pub ctx: CtxId,
    /// `call(..).await` directly.
    pub awaited: bool,
    /// Inside the arguments of `tokio::time::timeout(..)` or a `.timeout(..)` adapter.
    pub in_timeout: bool,
}

/// A closure or async block (or the function itself, context 0).
#[derive(Debug, Clone)]
pub struct Context {
    pub parent: Option<CtxId>,
    pub span: Span,
    /// `move` closure or `async move` block: captured bindings are moved in at creation.
    pub is_move: bool,
    /// An async block or the body of an `async fn`.
    pub is_async: bool,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub name: String,
    /// The identifier in the pattern.
    pub span: Span,
    /// The whole declaring statement (`let ...;`), for labels and suggestions.
    pub stmt: Span,
    /// Where the binding's scope (its block) ends: it is dropped there if still owned.
    pub scope_end: u32,
    pub ctx: CtxId,
    pub origin: ValueOrigin,
    pub uses: Vec<Use>,
    /// The binding this one's value was made from (`let b = a.clone()`, `a.child_token()`,
    /// `let b = a;`).
    pub from: Option<BindingId>,
    /// What the declaration says of the value's type (an annotation, the constructor or
    /// crate function that made it, `self.field`), for the crate index to resolve.
    pub hint: Option<super::types::TypeHint>,
}

impl Binding {
    /// Whether byte offset `at` lies between the binding's name and the end of its block.
    pub fn in_scope_at(&self, at: u32) -> bool {
        self.span.start <= at && at <= self.scope_end
    }

    /// Whether a reference to the binding is taken anywhere (`&tx`, `&mut tx`): such a
    /// reference may outlive a `drop` inserted before a later statement.
    pub fn is_borrowed(&self) -> bool {
        self.uses
            .iter()
            .any(|u| matches!(u.kind, UseKind::Borrow | UseKind::BorrowMut))
    }

    /// The first use that takes the value away from the binding.
    pub fn first_move(&self) -> Option<&Use> {
        self.uses.iter().find(|u| u.kind.moves())
    }

    /// Whether the value's first move stores it into a struct (`Self { tx, .. }`,
    /// `self.tx = tx`): the value then lives as long as that struct.
    pub fn stored_on_first_move(&self) -> bool {
        self.first_move().is_some_and(|u| {
            matches!(
                u.kind,
                UseKind::StoredStruct { .. } | UseKind::StoredSelfField(_)
            )
        })
    }
}

/// Where a binding's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOrigin {
    /// An endpoint of a channel created in this file. `clone` is set for `tx.clone()`.
    Endpoint {
        channel: usize,
        role: Role,
        clone: bool,
    },
    /// The handle of spawned work whose drop detaches it (`JoinHandle`...).
    TaskHandle,
    /// A guard whose drop does the shutdown (`CancellationToken::drop_guard()`).
    Guard,
    /// A set that tracks or aborts what it spawns (`JoinSet`, `TaskTracker`,
    /// `FuturesUnordered`).
    Tracker,
    /// A `CancellationToken` (or a clone or child of one).
    Token,
    /// A tokio runtime or runtime handle: `rt.spawn(..)` detaches.
    Runtime,
    /// A value of a type whose methods spawn (`catalog::Catalog::spawners[id]`): a thread
    /// pool, a thread builder, a declared runtime.
    Spawner(usize),
    /// A TCP stream; `tokio` for tokio's.
    Socket {
        tokio: bool,
    },
    /// A reqwest async client; `timeout` when built with one.
    HttpClient {
        timeout: bool,
    },
    /// A function or closure parameter.
    Param,
    Other,
}

/// What a `mem::forget` / `Box::leak` / `ManuallyDrop::new` call leaks, when leaklint knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaked {
    Endpoint {
        channel: usize,
        role: Role,
    },
    TaskHandle,
    Guard,
    /// A value of a type leaklint must ask the crate index about (a project struct that
    /// may have a `Drop` impl or hold a handle): the binding leaked, or what the leaked
    /// expression says of its type.
    Value {
        binding: Option<BindingId>,
    },
}

/// A call that keeps a value alive for ever.
#[derive(Debug, Clone)]
pub struct LeakSite {
    pub call: Span,
    pub leaker: Leaker,
    pub what: Leaked,
    /// For `let md = ManuallyDrop::new(x)`: `md`, whose later `ManuallyDrop::drop` undoes
    /// the leak.
    pub holder: Option<BindingId>,
    /// For [`Leaked::Value`]: what the leaked expression says of its type.
    pub hint: Option<super::types::TypeHint>,
}

#[derive(Debug, Clone)]
pub struct Use {
    /// The identifier.
    pub span: Span,
    pub ctx: CtxId,
    pub kind: UseKind,
}

/// What a use of a binding does with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseKind {
    /// `x.method(..)`; the whole call span and what the method means for an endpoint.
    Method {
        name: String,
        call: Span,
        op: EndpointOp,
        /// The call's result is inspected for an error (`.is_err()`, `assert!`, `match`...):
        /// the author expects the call may fail.
        inspected: bool,
        /// `x.method(..).await` directly.
        awaited: bool,
        /// Inside a timeout (`tokio::time::timeout(..)`, `.timeout(..)`).
        in_timeout: bool,
        /// For `x.clone()` handed straight to a path call (`f(a, x.clone())`): the callee's
        /// path as written and the argument's position, which the clone becomes.
        handed: Option<(String, usize)>,
    },
    /// `x.await`
    Await,
    /// `for _ in x` / `for _ in &x`
    ForLoop,
    /// `&x`, or an argument of a formatting macro.
    Borrow,
    /// `&mut x` handed on: the value may be replaced (`mem::swap`, `mem::take`).
    BorrowMut,
    /// `drop(x)`
    Drop { call: Span },
    /// `mem::forget(x)`, `Box::leak(Box::new(x))`, `ManuallyDrop::new(x)`.
    Leak { leaker: Leaker, call: Span },
    /// `let y = x;`: the value now lives in `y`.
    MovedTo(BindingId),
    /// `f(x)`: handed to a function by value; `callee` is its resolved path when known,
    /// `written` the path as the call writes it (for the crate index), `arg` the argument's
    /// position (0-based; `self` of a method call not counted).
    CallArg {
        callee: Option<String>,
        written: Option<String>,
        arg: usize,
    },
    /// `return x`, or the tail expression of a function or closure.
    Returned,
    /// `self.field = x` (possibly wrapped in `Some`/`Arc::new`...).
    StoredSelfField(String),
    /// `Struct { field: x }` (`ty`: the struct's name, `Self` resolved), or
    /// `value.field = x` (`ty`: `None`).
    StoredStruct { ty: Option<String>, field: String },
    /// `v.push(x)`, `map.insert(k, x)`; `into` is the collection's binding when it is local.
    Pushed { into: Option<BindingId> },
    /// Named inside a macro leaklint cannot read.
    Macro,
    /// `let _ = x;`: a place expression matched against `_` is neither moved nor dropped;
    /// the binding keeps its value.
    LetUnderscore,
    /// Any other by-value position.
    Other,
}

impl UseKind {
    /// Whether the use takes the value away from the binding (so it no longer keeps the
    /// value alive by itself).
    pub fn moves(&self) -> bool {
        match self {
            // `into_*` methods take `self` by value.
            UseKind::Method { name, .. } => name.starts_with("into_"),
            UseKind::Borrow | UseKind::Await | UseKind::ForLoop | UseKind::LetUnderscore => false,
            _ => true,
        }
    }

    /// Whether the use may take out or release what a value holds while it stays bound: a
    /// method other than `clone` (`w.finish()`, `g.close()`) or a borrow (`g.tx.take()`
    /// borrows `g`).
    pub fn may_empty(&self) -> bool {
        match self {
            UseKind::Method { name, .. } => name != "clone",
            UseKind::Borrow | UseKind::BorrowMut => true,
            _ => false,
        }
    }
}

/// A `loop`, `while` or `for` loop and the ways out of it.
#[derive(Debug, Clone)]
pub struct LoopInfo {
    pub kind: LoopKind,
    pub span: Span,
    pub body: Span,
    pub ctx: CtxId,
    pub label: Option<String>,
    pub exits: Vec<Exit>,
    /// `while true`
    pub cond_true: bool,
    /// A `for` over a range with an end or an array literal (through `iter()`, `enumerate()`
    /// and other adapters): it runs a number of times fixed before it starts, not driven
    /// by input that keeps coming.
    pub bounded: bool,
    /// How many times a `for` runs when its source writes the count as literals (`0..3`,
    /// `[a, b]`); `None` otherwise.
    pub count: Option<u64>,
    /// Stop signals checked inside the loop: a cancellation token, a stop flag, a shutdown
    /// channel, a receive that panics when its channel closes.
    pub stop_checks: Vec<Span>,
    /// Stop signals checked by an `if` whose branch goes round the loop again
    /// (`if stop.load(..) { sleep(..); continue; }`): they stop nothing, so they are not in
    /// `stop_checks`.
    pub continuing_stops: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    Loop,
    While,
    For,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Break(Span),
    Return(Span),
    Try(Span),
}

/// Whether a binding still holds its value at some point of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Liveness {
    /// Certainly alive there, and why.
    Alive(AliveBecause),
    /// Certainly gone (dropped, moved into other work, out of scope).
    Gone,
    /// The value went somewhere leaklint cannot follow.
    Unsure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliveBecause {
    /// Still owned by the binding, whose scope has not ended.
    InScope,
    /// Used later than that point (inside the loop, or after it).
    UsedAt(Span),
    /// `mem::forget`, `Box::leak`, `ManuallyDrop::new`: alive for ever.
    Leaked(Span),
    /// Stored in a field of `self`, which outlives the function.
    StoredInSelf(Span),
    /// Pushed into a local collection that is itself alive.
    InCollection(Span),
}

impl Body {
    /// The uses of binding `b` that start before byte offset `at`.
    pub fn uses_before(&self, b: BindingId, at: u32) -> impl Iterator<Item = &Use> {
        self.bindings[b]
            .uses
            .iter()
            .filter(move |u| u.span.start < at)
    }

    /// The local binding that takes `binding`'s value by its first move: `let w =
    /// Watcher::new(root, tx);` (handed to a function whose result `w` is) or `let w =
    /// Arc::new(Self { tx, .. });` (stored into a struct literal `w` is made from), in the
    /// same context. Whether `w` really keeps the value is the crate index's question (its
    /// type holds a sender, the function stores the argument).
    pub fn holder_of(&self, binding: BindingId) -> Option<BindingId> {
        let b = &self.bindings[binding];
        let first = b.first_move()?;
        if !matches!(
            first.kind,
            UseKind::CallArg { .. } | UseKind::StoredStruct { ty: Some(_), .. }
        ) {
            return None;
        }
        self.bindings
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                h.ctx == first.ctx
                    && h.stmt.start <= first.span.start
                    && first.span.end <= h.stmt.end
                    && h.span.start < first.span.start
            })
            .max_by_key(|(_, h)| h.stmt.start)
            .map(|(id, _)| id)
    }

    /// The binding that holds `binding`'s value at byte offset `at`: `binding` itself, or the
    /// name its value was moved to before `at` (`let a1 = tx;`), followed along up to eight
    /// moves (as [`Body::liveness`] follows them). A finding names this binding, and a
    /// `drop(..)` fix must name it: the moved-from name no longer holds anything.
    pub fn holder_at(&self, binding: BindingId, at: u32) -> BindingId {
        let mut cur = binding;
        for _ in 0..8 {
            let next = self.bindings[cur].uses.iter().find_map(|u| match u.kind {
                UseKind::MovedTo(to) if u.span.start < at => Some(to),
                _ => None,
            });
            match next {
                Some(to) => cur = to,
                None => break,
            }
        }
        cur
    }

    /// The bindings whose value is `binding`'s or a clone of it (`let w2 = w.clone()`,
    /// `let w3 = w2;`), `binding` included.
    pub fn copies_of(&self, binding: BindingId) -> Vec<BindingId> {
        let mut out = vec![binding];
        let mut i = 0;
        while i < out.len() && out.len() < 64 {
            let cur = out[i];
            for (id, b) in self.bindings.iter().enumerate() {
                let moved_here = self.bindings[cur]
                    .uses
                    .iter()
                    .any(|u| u.kind == UseKind::MovedTo(id));
                if (b.from == Some(cur) || moved_here) && !out.contains(&id) {
                    out.push(id);
                }
            }
            i += 1;
        }
        out
    }

    /// Whether a span lies inside a loop of this body that runs in context `ctx` or around it.
    pub fn in_loop(&self, span: Span, ctx: CtxId) -> bool {
        self.loops.iter().any(|l| {
            l.body.start <= span.start && span.end <= l.body.end && self.ctx_within(ctx, l.ctx)
        })
    }

    /// Whether a span lies inside a `loop`/`while`/`for` of this body.
    pub fn loops_around(&self, span: Span) -> impl Iterator<Item = &LoopInfo> {
        self.loops
            .iter()
            .filter(move |l| l.body.start <= span.start && span.end <= l.body.end)
    }

    /// Whether the context `inner` is `outer` or nested inside it.
    pub fn ctx_within(&self, inner: CtxId, outer: CtxId) -> bool {
        let mut cur = Some(inner);
        while let Some(c) = cur {
            if c == outer {
                return true;
            }
            cur = self.contexts[c].parent;
        }
        false
    }

    /// The context directly inside `outer` on the way to `inner` (the closure or async
    /// block of `outer` that contains `inner`).
    fn child_towards(&self, inner: CtxId, outer: CtxId) -> Option<CtxId> {
        let mut cur = inner;
        while let Some(parent) = self.contexts[cur].parent {
            if parent == outer {
                return Some(cur);
            }
            cur = parent;
        }
        None
    }

    /// Whether use `u` of a binding of context `owner` sits in a `move` closure or `async move`
    /// block nested in `owner` (at any depth), which takes the value with it when it is
    /// created, whatever the use itself does (`move || for v in rx { .. }`). `let _ = x;`
    /// captures nothing (edition 2021). `false` for a use in `owner` itself.
    pub fn captured_by_move(&self, u: &Use, owner: CtxId) -> bool {
        if u.kind == UseKind::LetUnderscore && !self.whole_captures {
            return false;
        }
        let mut cur = u.ctx;
        while cur != owner {
            let ctx = &self.contexts[cur];
            if ctx.is_move {
                return self.ctx_within(cur, owner);
            }
            let Some(parent) = ctx.parent else {
                return false;
            };
            cur = parent;
        }
        false
    }

    /// Liveness of `binding` at byte offset `at`, for code running in context `ctx` (which
    /// must be the binding's own context or nested in it).
    ///
    /// Uses before `at` decide: a drop or a move into other work ends it, a leak or a store
    /// into `self` keeps it alive, anything leaklint cannot follow makes it unsure.
    pub fn liveness(&self, binding: BindingId, at: u32, ctx: CtxId) -> Liveness {
        self.liveness_depth(binding, at, ctx, 0)
    }

    fn liveness_depth(&self, binding: BindingId, at: u32, ctx: CtxId, depth: usize) -> Liveness {
        let b = &self.bindings[binding];
        if depth > 8 || !self.ctx_within(ctx, b.ctx) {
            return Liveness::Unsure;
        }
        if !b.in_scope_at(at) {
            return Liveness::Gone;
        }
        // When the point is inside a closure, the binding must have been captured into it
        // (moved in); otherwise its owner runs elsewhere and its lifetime is unknown.
        if ctx != b.ctx {
            // The binding must be moved into the very closure that runs the point (`move ||
            // { for v in rx { tx.send(..) } }`), and used nowhere else inside the outer
            // closures: code in an enclosing closure runs concurrently and can drop it.
            let closure = self.child_towards(ctx, b.ctx).expect("ctx is nested");
            let inside: Vec<&Use> = b
                .uses
                .iter()
                .filter(|u| self.ctx_within(u.ctx, closure))
                .collect();
            let all_in_ctx =
                !inside.is_empty() && inside.iter().all(|u| self.ctx_within(u.ctx, ctx));
            let moves_in = self.contexts[ctx].is_move || inside.iter().any(|u| u.kind.moves());
            if !(all_in_ctx && moves_in) {
                return Liveness::Unsure;
            }
            // And it must still hold its own value when the closure is created.
            let created = self.contexts[closure].span.start;
            let before = self.uses_decide(
                b,
                created,
                |u| !self.ctx_within(u.ctx, closure),
                b.ctx,
                depth,
            );
            if !matches!(before, Liveness::Alive(_)) {
                return Liveness::Unsure;
            }
            return self.uses_decide(b, at, |u| self.ctx_within(u.ctx, ctx), ctx, depth);
        }
        self.uses_decide(b, at, |_| true, ctx, depth)
    }

    /// The liveness of the binding a value went on to (`let a = tx;`, `v.push(tx)`), one
    /// step deeper.
    fn liveness_of_next(&self, next: BindingId, at: u32, ctx: CtxId, depth: usize) -> Liveness {
        self.liveness_depth(next, at, ctx, depth + 1)
    }

    fn uses_decide(
        &self,
        b: &Binding,
        at: u32,
        relevant: impl Fn(&Use) -> bool,
        ctx: CtxId,
        depth: usize,
    ) -> Liveness {
        let mut later_use = None;
        for u in b.uses.iter().filter(|u| relevant(u)) {
            if u.span.start >= at {
                later_use = later_use.or(Some(u.span));
                continue;
            }
            // A use inside a closure created before `at` moves the value into the closure
            // when the closure is `move` or the use takes the value. (Every relevant use runs
            // in `ctx` or in a closure nested in it: the callers ask in the binding's own
            // context, or in a closure with only the uses inside that closure.)
            if u.ctx != ctx {
                let Some(closure) = self.child_towards(u.ctx, ctx) else {
                    return Liveness::Unsure;
                };
                // `let _ = tx;` in a closure captures nothing (edition 2021 and later).
                if u.kind == UseKind::LetUnderscore && !self.whole_captures {
                    continue;
                }
                // A `move` closure anywhere between the use and here takes the value with it.
                let mut moved = u.kind.moves();
                let mut c = u.ctx;
                while !moved {
                    moved = self.contexts[c].is_move;
                    if c == closure {
                        break;
                    }
                    c = self.contexts[c].parent.unwrap_or(closure);
                }
                if moved {
                    return Liveness::Gone;
                }
                continue;
            }
            match &u.kind {
                UseKind::Drop { .. } => return Liveness::Gone,
                UseKind::Leak { call, .. } => return Liveness::Alive(AliveBecause::Leaked(*call)),
                UseKind::StoredSelfField(_) => {
                    return Liveness::Alive(AliveBecause::StoredInSelf(u.span))
                }
                UseKind::MovedTo(to) => return self.liveness_of_next(*to, at, ctx, depth),
                UseKind::Pushed { into: Some(coll) } => {
                    return match self.liveness_of_next(*coll, at, ctx, depth) {
                        Liveness::Alive(_) => Liveness::Alive(AliveBecause::InCollection(u.span)),
                        other => other,
                    }
                }
                // `into_iter()`, `into_stream()` and other `into_*` methods take the value.
                k if k.moves() => return Liveness::Unsure,
                _ => {}
            }
        }
        match later_use {
            Some(span) => Liveness::Alive(AliveBecause::UsedAt(span)),
            None => Liveness::Alive(AliveBecause::InScope),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FileModel;
    use crate::source::SourceFile;

    /// The liveness of `tx` at the receive loop of `f`, with whole or disjoint captures.
    fn tx_at_loop(whole: bool) -> Liveness {
        let text = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                    std::thread::spawn(move || { let _ = tx; }); for v in rx { let _ = v; } }";
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
        let ast = syn::parse_file(text).unwrap();
        let mut model = FileModel::build(&file, &ast);
        if whole {
            model.assume_whole_captures();
        }
        let body = &model.bodies[0];
        let rl = &body.recv_loops[0];
        let tx = body.bindings.iter().position(|b| b.name == "tx").unwrap();
        body.liveness(tx, rl.span.start, rl.ctx)
    }

    /// Whether each use of `rx` in `f` is captured by a `move` closure, in source order.
    fn rx_captured(text: &str) -> Vec<bool> {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
        let ast = syn::parse_file(text).unwrap();
        let model = FileModel::build(&file, &ast);
        let body = &model.bodies[0];
        let rx = body.bindings.iter().find(|b| b.name == "rx").unwrap();
        rx.uses
            .iter()
            .map(|u| body.captured_by_move(u, rx.ctx))
            .collect()
    }

    #[test]
    fn a_use_in_a_move_closure_at_any_depth_is_captured_by_it() {
        let moved = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                     std::thread::spawn(move || { let g = || { for v in rx { let _ = v; } }; g() }); }";
        assert_eq!(rx_captured(moved), [true]);
        let borrowed = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                        let g = || rx.try_recv(); g(); rx.recv(); }";
        assert_eq!(rx_captured(borrowed), [false, false]);
        let nothing = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                       std::thread::spawn(move || { let _ = rx; }); }";
        assert_eq!(rx_captured(nothing), [false]);
    }

    /// The liveness of `tx` at the first receive loop of `text`'s function.
    fn liveness_at_loop(text: &str) -> Liveness {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
        let ast = syn::parse_file(text).unwrap();
        let model = FileModel::build(&file, &ast);
        let body = &model.bodies[0];
        let rl = &body.recv_loops[0];
        let tx = body.bindings.iter().position(|b| b.name == "tx").unwrap();
        body.liveness(tx, rl.span.start, rl.ctx)
    }

    #[test]
    fn a_dropped_sender_is_gone_and_a_sender_handed_to_a_function_is_unsure() {
        let dropped = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                       drop(tx); for v in rx { let _ = v; } }";
        assert_eq!(liveness_at_loop(dropped), Liveness::Gone);
        let handed = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                      keep(tx); for v in rx { let _ = v; } }";
        assert_eq!(liveness_at_loop(handed), Liveness::Unsure);
        let moved_then_dropped = "fn f() { let (tx, rx) = std::sync::mpsc::channel::<u8>(); \
                                  let t = tx; drop(t); for v in rx { let _ = v; } }";
        assert_eq!(liveness_at_loop(moved_then_dropped), Liveness::Gone);
    }

    #[test]
    fn let_underscore_in_a_move_closure_captures_only_before_2021() {
        assert!(matches!(tx_at_loop(false), Liveness::Alive(_)));
        assert_eq!(tx_at_loop(true), Liveness::Gone);
    }
}

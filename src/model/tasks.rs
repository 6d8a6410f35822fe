//! Task facts: where work is spawned, what becomes of its handle, and whether the spawned
//! body can ever stop.

use super::catalog::{EndpointOp, OnDrop};
use super::channels::Slot;
use super::flow::{BindingId, Body, CtxId, LoopInfo, LoopKind, Use, UseKind};
use super::BodyId;
use crate::source::Span;

/// One call that starts concurrent work.
#[derive(Debug, Clone)]
pub struct SpawnSite {
    /// The whole spawn call.
    pub call: Span,
    /// What is called, as written (`thread::spawn`, `tokio::spawn`, `builder.spawn`).
    pub callee: String,
    /// The path or method name of the spawn call (where labels point).
    pub callee_span: Span,
    pub on_drop: OnDrop,
    /// A thread (or the blocking pool) rather than an async task.
    pub thread: bool,
    /// The context the spawn call runs in.
    pub ctx: CtxId,
    /// The closure or async block passed to the spawn, when it is written inline.
    pub work: Option<CtxId>,
    /// A local function whose result is spawned (`tokio::spawn(run(x))`), by name.
    pub work_fn: Option<String>,
    /// The function the work runs, as written: `refresh::refresh_routes` in
    /// `tokio::spawn(refresh::refresh_routes(t))`, `worker::run` in `thread::spawn(worker::run)`
    /// or in `thread::spawn(move || worker::run(rx))` (a closure that only calls it).
    /// Resolved across the crate by [`super::index::CrateIndex`].
    pub work_path: Option<String>,
    /// The work is a plain name (`spawn(f)`): a parameter of the spawning function makes it a
    /// spawn wrapper.
    pub work_param: Option<String>,
    /// The position of the work among the call's arguments.
    pub arg_index: usize,
    pub handle: HandleFate,
    /// Stored at once into a field (`Ty { worker: Some(spawn(..)) }`, `self.worker = spawn(..)`):
    /// the struct's name as written (`Self` for `self`), when known, and the field.
    pub stored_in: Option<(Option<String>, String)>,
    /// Pushed into a collection that is not a local binding of its own
    /// (`self.workers.lock().unwrap().push(spawn(..))`, `shared.lock().push(..)`).
    pub pushed_out: bool,
    /// Spawned on a pool bound to a name whose method waits for all of its work
    /// (`pool.execute(..)` then `pool.join()`): the binding and the method.
    pub pool_join: Option<(BindingId, &'static str)>,
}

impl SpawnSite {
    /// Whether the work goes on when its handle is dropped: a detaching spawn, or a
    /// cancel-on-drop task (smol) that is explicitly `.detach()`ed.
    pub fn detaches(&self) -> bool {
        matches!(self.on_drop, OnDrop::Detach | OnDrop::NoHandle)
            || self.handle == HandleFate::Detached
    }
}

/// What happens to the handle a spawn returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleFate {
    /// `spawn(..);` as a statement: dropped at once.
    Discarded,
    /// `let _ = spawn(..);`: dropped at once.
    LetUnderscore,
    /// Bound to a name; its uses tell the rest.
    Bound(BindingId),
    /// `spawn(..).join()`, `spawn(..).await`.
    Joined,
    /// Returned to the caller, stored, pushed, passed on: someone else owns it.
    Kept,
    /// Returned to the caller (`fn f() -> JoinHandle<()> { spawn(..) }`, also through
    /// `.expect(..)`/`.unwrap()`/`?`): the caller decides.
    Returned,
    /// `smol::spawn(..).detach()`: detached on purpose.
    Detached,
    /// `handles.push(spawn(..))` into a local collection.
    Collected(BindingId),
    /// Used in a way leaklint does not follow.
    Unknown,
    /// The initialiser of a `let` still being bound (resolved once the pattern is known).
    PendingLet,
}

/// Whether the handle of a spawn is dropped without being joined, awaited or aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleUse {
    /// Dropped; the span says where (the spawn itself or the end of the binding's block).
    Dropped(Span),
    /// Joined, awaited or aborted somewhere.
    Joined,
    /// Kept by someone else (returned, stored, collected) or unknown.
    Kept,
}

impl Body {
    /// What becomes of a spawn's handle.
    pub fn handle_use(&self, site: &SpawnSite) -> HandleUse {
        match site.handle {
            HandleFate::Discarded | HandleFate::LetUnderscore | HandleFate::Detached => {
                HandleUse::Dropped(site.call)
            }
            HandleFate::Joined => HandleUse::Joined,
            HandleFate::Kept
            | HandleFate::Returned
            | HandleFate::Unknown
            | HandleFate::PendingLet
            | HandleFate::Collected(_) => HandleUse::Kept,
            HandleFate::Bound(h) => self.binding_handle_use(h, 0),
        }
    }

    /// Whether the spawn's handle goes into a collection that is not a local binding of its
    /// own (`self.workers.lock().unwrap().push(..)`), at once ([`SpawnSite::pushed_out`]) or
    /// through the local it is bound to first (`let h = spawn(..); ..; shared.push(h);`,
    /// also after a move into another local), as the binding's first move.
    pub fn handle_pushed_out(&self, site: &SpawnSite) -> bool {
        if site.pushed_out {
            return true;
        }
        let HandleFate::Bound(mut h) = site.handle else {
            return false;
        };
        for _ in 0..8 {
            let b = &self.bindings[h];
            // Nothing else is done with the handle (a join, an abort) but the move.
            let first = b.first_move();
            let only =
                |u: &Use| u.kind == UseKind::Borrow || first.is_some_and(|m| std::ptr::eq(u, m));
            if !b.uses.iter().all(only) {
                return false;
            }
            match b.first_move().map(|u| &u.kind) {
                Some(UseKind::Pushed { into: None }) => return true,
                Some(UseKind::MovedTo(to)) => h = *to,
                _ => return false,
            }
        }
        false
    }

    fn binding_handle_use(&self, h: BindingId, depth: usize) -> HandleUse {
        let b = &self.bindings[h];
        if depth > 8 {
            return HandleUse::Kept;
        }
        let mut dropped = None;
        for u in &b.uses {
            match &u.kind {
                UseKind::Method { name, .. } => match name.as_str() {
                    "join" | "abort" | "await" | "cancel" | "is_finished" | "abort_handle" => {
                        return HandleUse::Joined
                    }
                    "detach" => dropped = Some(u.span),
                    _ => return HandleUse::Kept,
                },
                UseKind::Await => return HandleUse::Joined,
                UseKind::Drop { call } => dropped = Some(*call),
                UseKind::MovedTo(to) => return self.binding_handle_use(*to, depth + 1),
                UseKind::Borrow | UseKind::LetUnderscore => {}
                _ => return HandleUse::Kept,
            }
        }
        HandleUse::Dropped(dropped.unwrap_or(crate::source::Span::new(
            b.scope_end.saturating_sub(1) as usize,
            b.scope_end as usize,
        )))
    }

    /// `let t = smol::spawn(..); t.detach();`: a handle detached by name is detached as
    /// `smol::spawn(..).detach()` is. Called once the body is walked.
    pub(crate) fn settle_detached_handles(&mut self) {
        for i in 0..self.spawns.len() {
            if let HandleFate::Bound(h) = self.spawns[i].handle {
                if self.detached_by_name(h, 0) {
                    self.spawns[i].handle = HandleFate::Detached;
                }
            }
        }
    }

    fn detached_by_name(&self, h: BindingId, depth: usize) -> bool {
        depth <= 8
            && self.bindings[h].uses.iter().any(|u| match &u.kind {
                UseKind::Method { name, .. } => name == "detach",
                UseKind::MovedTo(to) => self.detached_by_name(*to, depth + 1),
                _ => false,
            })
    }

    /// Loops that run directly in a context (not in closures nested in it).
    pub fn loops_in(&self, ctx: CtxId) -> impl Iterator<Item = &LoopInfo> {
        self.loops.iter().filter(move |l| l.ctx == ctx)
    }

    /// The outermost loop of `ctx` that can never end: a `loop` or `while true` with no
    /// `break`, `return` or `?` out of it, no stop signal checked inside it, and no
    /// `.unwrap()`/`.expect()` on a receive (which panics when the channel closes).
    pub fn endless_loop(&self, ctx: CtxId) -> Option<&LoopInfo> {
        self.loops_in(ctx)
            .filter(|l| matches!(l.kind, LoopKind::Loop) || l.cond_true)
            .filter(|l| l.exits.is_empty() && l.stop_checks.is_empty())
            .min_by_key(|l| l.span.start)
    }
}

impl super::FileModel {
    /// A function of this file by name (free functions only: `Type::method` bodies are
    /// not reached by a plain name).
    pub fn body_named(&self, name: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.name == name)
    }

    /// Where a spawn's work runs: the inline closure or async block, or the body of a
    /// function of this file that the spawn calls (`tokio::spawn(run(x))`).
    pub fn spawned_work<'m>(
        &'m self,
        body: &'m Body,
        site: &SpawnSite,
    ) -> Option<(&'m Body, CtxId)> {
        match (site.work, &site.work_fn) {
            (Some(ctx), _) if ctx < body.contexts.len() => Some((body, ctx)),
            (_, Some(name)) => self.body_named(name).map(|b| (b, 0)),
            _ => None,
        }
    }

    /// Whether each iteration of loop `l` waits for the work spawned at `site` to reply
    /// before it goes on: a channel made inside the loop whose sender the inline work uses
    /// and whose receiver the spawning code awaits or receives from after the spawn, still in
    /// the loop (`let (tx, rx) = oneshot::channel(); pool.spawn(move || tx.send(r)); rx.await`).
    /// At most one such work is then outstanding at a time, however long the loop runs.
    pub fn awaits_reply_in_loop(&self, b: BodyId, site: &SpawnSite, l: &LoopInfo) -> bool {
        let body = &self.bodies[b];
        let Some(work) = site.work.filter(|&w| w < body.contexts.len()) else {
            return false;
        };
        let in_loop = |sp: Span| l.body.start <= sp.start && sp.end <= l.body.end;
        self.channels_in(b).any(|c| {
            let (Slot::Binding(tx), Slot::Binding(rx)) = (c.sender, c.receiver) else {
                return false;
            };
            let sent_by_work = body.bindings[tx]
                .uses
                .iter()
                .any(|u| body.ctx_within(u.ctx, work));
            let awaited_after = body.bindings[rx].uses.iter().any(|u| {
                let waits = match &u.kind {
                    UseKind::Await => true,
                    UseKind::Method { op, .. } => *op == EndpointOp::Recv,
                    _ => false,
                };
                waits && u.ctx == site.ctx && u.span.start >= site.call.end && in_loop(u.span)
            });
            in_loop(c.call) && sent_by_work && awaited_after
        })
    }
}

/// The code of a loop before its body: `loop`, `while true` (for labels).
pub fn loop_header(l: &LoopInfo) -> Span {
    Span::new(
        l.span.start as usize,
        (l.body.start as usize).max(l.span.start as usize + 1),
    )
}

impl Body {
    /// Where the spawning code waits for the work to finish: the first `handle.join()` or
    /// `handle.await` in the spawn's own context (or `spawn(..).join()` itself).
    pub fn join_point(&self, site: &SpawnSite) -> Option<Span> {
        match site.handle {
            HandleFate::Joined => Some(site.call),
            HandleFate::Bound(h) => self.bindings[h].uses.iter().find_map(|u| {
                if u.ctx != site.ctx {
                    return None;
                }
                match &u.kind {
                    UseKind::Method { name, call, .. } if name == "join" => Some(*call),
                    UseKind::Await => Some(u.span),
                    _ => None,
                }
            }),
            // `handles.push(spawn(..))` then `for h in handles { h.join() }`: the join of
            // each collected handle, in the spawn's own context.
            HandleFate::Collected(v) => self.bindings[v].uses.iter().find_map(|u| {
                (u.ctx == site.ctx && u.kind == UseKind::ForLoop)
                    .then(|| self.for_loop_joins_its_item(u.span))
                    .flatten()
            }),
            _ => self.pool_join_point(site),
        }
    }

    /// The `join()` (or `.await`) of the item of the `for` loop over `iterated`, if the
    /// loop's pattern binds one (`for h in handles { h.join().unwrap(); }`).
    fn for_loop_joins_its_item(&self, iterated: Span) -> Option<Span> {
        self.for_loop_item_uses(iterated)
            .find_map(|u| match &u.kind {
                UseKind::Method { name, call, .. } if name == "join" => Some(*call),
                UseKind::Await => Some(u.span),
                _ => None,
            })
    }

    /// `pool.join()` after `pool.execute(..)`, in the spawn's own context.
    fn pool_join_point(&self, site: &SpawnSite) -> Option<Span> {
        let (pool, method) = site.pool_join?;
        self.bindings[pool].uses.iter().find_map(|u| match &u.kind {
            UseKind::Method { name, call, .. }
                if u.ctx == site.ctx && name == method && call.start > site.call.end =>
            {
                Some(*call)
            }
            _ => None,
        })
    }

    /// The spawn whose work (inline closure or async block) contains context `ctx`.
    pub fn spawn_running(&self, ctx: CtxId) -> Option<&SpawnSite> {
        self.spawns
            .iter()
            .filter(|s| s.work.is_some_and(|w| self.ctx_within(ctx, w)))
            .max_by_key(|s| s.work)
    }
}

/// A future that can be dropped before it completes: the future given to a timeout
/// (`tokio::time::timeout(d, fut)`, `fut.timeout(d)`) or a branch of a `select!`. When it is
/// dropped, everything it owns is dropped with it.
#[derive(Debug, Clone)]
pub struct CancellableFuture {
    pub kind: CancelKind,
    /// The future expression.
    pub span: Span,
    /// The timeout call or the `select!` macro (where labels point).
    pub owner: Span,
    /// The context the timeout or `select!` is written in.
    pub ctx: CtxId,
    /// When the future is a binding given by value (`timeout(d, h)`, `r = h => ..`): the
    /// identifier's span.
    pub moved: Option<Span>,
    /// When the future is a call of a function of this file (`timeout(d, serve(conn))`):
    /// its name.
    pub work_fn: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelKind {
    /// Dropped when the deadline passes.
    Timeout,
    /// Dropped when another branch of the `select!` completes first.
    SelectBranch,
}

/// A spawned task's handle consumed inside a future that can be dropped first.
#[derive(Debug, Clone, Copy)]
pub struct AwaitInCancellable<'m> {
    /// Where the handle is consumed: the `.await`, the identifier given to the timeout or
    /// the `select!`, or the `join_all(..)` call over the collected handles.
    pub at: Span,
    pub how: Consumed,
    pub future: &'m CancellableFuture,
}

/// How a handle is consumed inside a cancellable future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumed {
    /// `h.await`, `spawn(..).await`.
    Awaited,
    /// The handle is the future itself: `timeout(d, h)`, `r = h => ..`.
    AsFuture,
    /// `join_all(handles)` over a collection the spawn was pushed into.
    JoinedAll,
}

/// Functions that wait for every future of a collection.
const JOIN_ALL: &[&str] = &["join_all", "try_join_all"];

impl Body {
    /// The innermost cancellable future whose own work runs the code at `span` (in context
    /// `ctx`): the code is inside the future's expression and not in a task spawned there.
    pub fn cancellable_around(&self, span: Span, ctx: CtxId) -> Option<&CancellableFuture> {
        self.cancellables
            .iter()
            .filter(|c| {
                self.future_code(c)
                    .any(|code| code.start <= span.start && span.end <= code.end)
            })
            .filter(|c| self.ctx_within(ctx, c.ctx))
            .filter(|c| {
                // A task spawned inside the future runs on its own when the future drops.
                !self.spawns.iter().any(|s| {
                    s.work
                        .is_some_and(|w| self.ctx_within(ctx, w) && !self.ctx_within(c.ctx, w))
                })
            })
            .max_by_key(|c| c.span.start)
    }

    /// The code a cancellable future runs: its expression, and when it is a binding given
    /// by value (`let all = async { .. }; timeout(d, all)`), the statement that made it.
    fn future_code<'a>(&'a self, c: &'a CancellableFuture) -> impl Iterator<Item = Span> + 'a {
        let made = c.moved.and_then(|m| {
            self.bindings
                .iter()
                .find(|b| b.uses.iter().any(|u| u.span == m))
                // A parameter's "statement" is its whole function: only a `let` counts.
                .filter(|b| {
                    b.origin != super::flow::ValueOrigin::Param && b.stmt.end <= c.span.start
                })
                .map(|b| b.stmt)
        });
        std::iter::once(c.span).chain(made)
    }

    /// Where the handle of an async task spawned at `site` is awaited (or given as the whole
    /// future) inside a cancellable future, when dropping that future detaches the task:
    /// a detaching async spawn whose handle is never aborted. `spawn_blocking` and threads
    /// are left out: aborting cannot stop them once they run.
    pub fn handle_awaited_in_cancellable(
        &self,
        site: &SpawnSite,
    ) -> Option<AwaitInCancellable<'_>> {
        if site.thread || site.on_drop != OnDrop::Detach {
            return None;
        }
        let found = |at: Span, how, future| Some(AwaitInCancellable { at, how, future });
        match site.handle {
            HandleFate::Joined => found(
                site.call,
                Consumed::Awaited,
                self.cancellable_around(site.call, site.ctx)?,
            ),
            // `timeout(d, tokio::spawn(..))`
            HandleFate::Kept => found(
                site.call,
                Consumed::AsFuture,
                self.cancellables.iter().find(|c| c.span == site.call)?,
            ),
            HandleFate::Bound(h) => self.bound_handle_in_cancellable(h, 0),
            HandleFate::Collected(v) => {
                if self.aborts_anything() {
                    return None;
                }
                self.bindings[v].uses.iter().find_map(|u| match &u.kind {
                    UseKind::CallArg {
                        callee: Some(p), ..
                    } if JOIN_ALL.iter().any(|j| p.ends_with(j)) => found(
                        u.span,
                        Consumed::JoinedAll,
                        self.cancellable_around(u.span, u.ctx)?,
                    ),
                    // `for h in handles { h.await; }`
                    UseKind::ForLoop if self.for_loop_awaits_its_item(u.span) => found(
                        u.span,
                        Consumed::JoinedAll,
                        self.cancellable_around(u.span, u.ctx)?,
                    ),
                    _ => None,
                })
            }
            _ => None,
        }
    }

    fn bound_handle_in_cancellable(
        &self,
        h: BindingId,
        depth: usize,
    ) -> Option<AwaitInCancellable<'_>> {
        let b = &self.bindings[h];
        if b.uses.iter().any(is_abort) || depth > 8 {
            return None;
        }
        b.uses.iter().find_map(|u| {
            let (how, future) = match &u.kind {
                UseKind::Await => (Consumed::Awaited, self.cancellable_around(u.span, u.ctx)),
                UseKind::MovedTo(to) => {
                    return self.bound_handle_in_cancellable(*to, depth + 1);
                }
                _ => (
                    Consumed::AsFuture,
                    self.cancellables.iter().find(|c| c.moved == Some(u.span)),
                ),
            };
            Some(AwaitInCancellable {
                at: u.span,
                how,
                future: future?,
            })
        })
    }

    /// Whether the `for` loop iterating at `iterated` (the collection in its header) awaits
    /// the item it binds: `for h in handles { h.await }`.
    fn for_loop_awaits_its_item(&self, iterated: Span) -> bool {
        self.for_loop_item_uses(iterated)
            .any(|u| u.kind == UseKind::Await)
    }

    /// The uses of the bindings the pattern of the `for` loop over `iterated` makes (`h` in
    /// `for h in handles { .. }`); none when `iterated` is not a `for` loop's iterable.
    fn for_loop_item_uses(&self, iterated: Span) -> impl Iterator<Item = &Use> {
        let l = self.loops.iter().find(|l| {
            l.kind == LoopKind::For
                && l.span.start <= iterated.start
                && iterated.end <= l.body.start
        });
        self.bindings
            .iter()
            .filter(move |b| {
                l.is_some_and(|l| l.span.start <= b.span.start && b.span.end <= iterated.start)
            })
            .flat_map(|b| &b.uses)
    }

    /// Whether any handle of this body is aborted (`h.abort()`, in a loop or a guard).
    fn aborts_anything(&self) -> bool {
        self.bindings.iter().flat_map(|b| &b.uses).any(is_abort)
    }

    /// The spawns of an async function's own flow whose handles it awaits: what dropping a
    /// call of the function (`timeout(d, serve(conn))`) detaches. Awaits under a cancellable
    /// future of the function itself are reported there, and left out here.
    pub fn awaited_handles(&self) -> impl Iterator<Item = (&SpawnSite, Span)> {
        self.spawns.iter().filter_map(move |site| {
            if site.thread || site.on_drop != OnDrop::Detach || !self.is_async {
                return None;
            }
            let at = match site.handle {
                HandleFate::Joined => site.call,
                HandleFate::Bound(h) => {
                    let b = &self.bindings[h];
                    if b.uses.iter().any(is_abort) {
                        return None;
                    }
                    b.uses.iter().find(|u| u.kind == UseKind::Await)?.span
                }
                _ => return None,
            };
            // Only awaits in the function's own flow (not in closures or spawned work).
            (self.innermost_ctx(at) == 0 && self.cancellable_around(at, 0).is_none())
                .then_some((site, at))
        })
    }

    /// The innermost context whose span contains `span`.
    fn innermost_ctx(&self, span: Span) -> CtxId {
        (0..self.contexts.len())
            .filter(|&c| {
                self.contexts[c].span.start <= span.start && span.end <= self.contexts[c].span.end
            })
            .max_by_key(|&c| self.contexts[c].span.start)
            .unwrap_or(0)
    }
}

/// `h.abort()` or `h.abort_handle()` (kept for a guard that aborts).
fn is_abort(u: &super::flow::Use) -> bool {
    matches!(&u.kind, UseKind::Method { name, .. } if name == "abort" || name == "abort_handle")
}

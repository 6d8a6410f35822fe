//! Task facts: where work is spawned, what becomes of its handle, and whether the spawned
//! body can ever stop.

use super::catalog::OnDrop;
use super::flow::{BindingId, Body, CtxId, LoopInfo, LoopKind, UseKind};
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
                UseKind::Borrow => {}
                _ => return HandleUse::Kept,
            }
        }
        HandleUse::Dropped(dropped.unwrap_or(crate::source::Span::new(
            b.scope_end.saturating_sub(1) as usize,
            b.scope_end as usize,
        )))
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
            _ => None,
        }
    }

    /// The spawn whose work (inline closure or async block) contains context `ctx`.
    pub fn spawn_running(&self, ctx: CtxId) -> Option<&SpawnSite> {
        self.spawns
            .iter()
            .filter(|s| s.work.is_some_and(|w| self.ctx_within(ctx, w)))
            .max_by_key(|s| s.work)
    }
}

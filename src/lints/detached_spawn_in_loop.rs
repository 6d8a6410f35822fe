//! `detached_spawn_in_loop`: a spawn inside a loop whose handles are dropped and not
//! tracked, so the number of live threads or tasks grows with the input.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::tasks::loop_header;
use crate::model::{Body, FileModel, HandleUse, LoopInfo, SpawnSite, UseKind};
use crate::source::SourceFile;

declare_lint! {
    pub static DETACHED_SPAWN_IN_LOOP = detached_spawn_in_loop {
        group: Pedantic,
        // A spawn, loop or not: a file that defines a spawn wrapper (without a loop) must be
        // read for the loop of another file that calls the wrapper.
        needles: &["$spawn"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for (b, body) in cx.model.bodies_outside_tests() {
        for site in &body.spawns {
            if body.handle_pushed_out(site) {
                if let Some(f) = pushed_in_loop(cx.file, cx.model, body, site) {
                    out.push(f);
                }
                continue;
            }
            if !site.detaches() || !matches!(body.handle_use(site), HandleUse::Dropped(_)) {
                continue;
            }
            // Each iteration waits for the work's reply: one runs at a time.
            let replied = |l: &LoopInfo| cx.model.awaits_reply_in_loop(b, site, l);
            if input_loop(cx.file, body, site).is_some_and(replied) {
                continue;
            }
            if let Some(f) = in_loop(cx.file, body, site, site.thread) {
                out.push(f);
            }
        }
    }
}

/// The crate-wide reach: work handed to one of the crate's spawn wrappers that detaches
/// it (`spawn_named("conn", move || serve(s))`), on every iteration of a loop.
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (b, body) in cx.model.bodies_outside_tests() {
        for site in &body.work_calls {
            let Some(w) = cx.krate.spawned_by_wrapper(cx.file_id, b, body, site) else {
                continue;
            };
            if let Some(f) = in_loop(cx.file, body, site, w.wrapper.thread) {
                out.push(f.note(w.note(&site.callee)));
            }
        }
    }
}

/// Calls that take finished handles out of a collection before shutdown.
const REAPING: &[&str] = &[
    "retain(",
    "retain_mut(",
    "is_finished",
    "join_next",
    // `for h in self.workers.drain(..) { h.join() }`: a batch joined empties the collection.
    ".drain(",
    ".remove(",
    "swap_remove",
    ".pop(",
    "pop_front",
];

/// Methods that run once, at shutdown (`Drop::drop`, `fn shutdown`): handles they take out
/// of a collection have piled up until then.
const SHUTDOWN_FNS: &[&str] = &[
    "drop",
    "shutdown",
    "stop",
    "close",
    "join",
    "join_all",
    "terminate",
    "finish",
];

/// `self.workers.lock().unwrap().push(spawn(..))` on every iteration of a loop driven by
/// input, where nothing takes finished handles out (`retain`, `is_finished`, `join_next`,
/// `drain`, `remove`, `pop`) before shutdown: the collection grows with every connection
/// or message.
fn pushed_in_loop(
    file: &SourceFile,
    model: &FileModel,
    body: &Body,
    site: &SpawnSite,
) -> Option<Finding> {
    let l = input_loop(file, body, site)?;
    if reaped_before_shutdown(file, model, l) {
        return None;
    }
    let what = if site.thread { "thread" } else { "task" };
    Some(
        Finding::new(
            &DETACHED_SPAWN_IN_LOOP,
            format!("a {what}'s handle is pushed into a collection on every iteration and nothing removes finished ones: the collection grows with the input"),
            Label::new(site.callee_span, format!("{what} spawned here; its handle is kept for ever")),
        )
        .label(loop_header(l), "for each iteration of this loop")
        .note("the handles (and, for threads, their stacks' bookkeeping) stay until shutdown, one per connection or message")
        .help("reap finished handles (`handles.retain(|h| !h.is_finished())`), spawn on a `JoinSet` and reap with `join_next`/`try_join_next`, or bound the loop"),
    )
}

/// Whether finished handles are taken out while loop `l` runs: in the loop itself, or in
/// another function of the file that is not a shutdown path (a reaper method called from
/// the loop or on a timer). The code around the loop (after it ends) and `Drop::drop` or
/// `fn shutdown` run once, at the end, and reap nothing meanwhile.
fn reaped_before_shutdown(file: &SourceFile, model: &FileModel, l: &LoopInfo) -> bool {
    let reaps = |span| {
        let text = file.snippet(span);
        REAPING.iter().any(|r| text.contains(r))
    };
    let shutdown = |name: &str| {
        let method = name.rsplit("::").next().unwrap_or(name);
        SHUTDOWN_FNS.contains(&method)
    };
    let around = |b: &Body| b.span.start <= l.span.start && l.span.end <= b.span.end;
    reaps(l.body)
        || model
            .bodies
            .iter()
            .any(|b| !around(b) && !shutdown(&b.name) && reaps(b.span))
}

/// The innermost loop around the spawn, in the spawn's own flow of control, that is driven
/// by input (a `for` over a range or an array literal starts a fixed pool of workers, not a
/// number that grows) and that no semaphore permit bounds.
fn input_loop<'b>(file: &SourceFile, body: &'b Body, site: &SpawnSite) -> Option<&'b LoopInfo> {
    let l = body
        .loops_around(site.call)
        .filter(|l| body.ctx_within(site.ctx, l.ctx) && !l.bounded)
        .max_by_key(|l| l.span.start)?;
    // A semaphore permit taken in the loop bounds how many run at once. The permit often
    // comes from a chain on a temporary (`sem.clone().acquire_owned()`), which has no
    // binding of its own, so look for the call in the loop's code.
    let bounded = body.bindings.iter().flat_map(|b| &b.uses).any(|u| {
        matches!(&u.kind, UseKind::Method { name, .. } if name.starts_with("acquire"))
            && l.body.start <= u.span.start
            && u.span.end <= l.body.end
    }) || file.snippet(l.body).contains(".acquire");
    (!bounded).then_some(l)
}

/// The finding for a detached spawn, if it runs on every iteration of a loop that no
/// semaphore permit bounds.
fn in_loop(file: &SourceFile, body: &Body, site: &SpawnSite, thread: bool) -> Option<Finding> {
    let l = input_loop(file, body, site)?;
    let what = if thread { "thread" } else { "task" };
    Some(
        Finding::new(
            &DETACHED_SPAWN_IN_LOOP,
            format!("a detached {what} is spawned on every iteration and never tracked: their number grows with the input"),
            Label::new(site.callee_span, format!("{what} spawned here; its handle is dropped")),
        )
        .label(loop_header(l), "for each iteration of this loop")
        .help("track the work: spawn on a `JoinSet` or a `TaskTracker`, collect the handles and join them, or bound it with a semaphore permit"),
    )
}

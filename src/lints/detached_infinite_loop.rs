//! `detached_infinite_loop`: spawned work whose handle is dropped and whose body loops for
//! ever with no way to stop it.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::flow::{BindingId, Body, BodyId};
use crate::model::tasks::loop_header;
use crate::model::tasks::HandleFate;
use crate::model::UseKind;
use crate::model::{HandleUse, SpawnSite};
use crate::source::{SourceFile, Span};

declare_lint! {
    pub static DETACHED_INFINITE_LOOP = detached_infinite_loop {
        group: Suspicious,
        // A detaching spawn (SPAWN_NEEDLES) and a loop that may never end in the file
        // (`loop`, `while true`), or a spawn whose work may name a function (the loop may be
        // in another file, or the function spawns its parameter: a wrapper). A spawn of
        // inline work with no such loop in the file holds no finding. Callers of the crate's
        // spawn wrappers are found once the crate is indexed.
        needles: &["$spawn&loop", "$spawn&while&true", "$spawn(..)"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    // In tests, the test's runtime or process ends the work.
    for (_, body) in cx.model.bodies_outside_tests() {
        for site in &body.spawns {
            if !site.detaches() {
                continue;
            }
            let (dropped, overwrite) = match body.handle_use(site) {
                HandleUse::Dropped(dropped) => (dropped, None),
                // A thread cannot be stopped through its handle: storing it over the
                // previous one loses nothing but the earlier thread. (A task's handle can
                // abort it: a stored one is kept.)
                HandleUse::Kept if site.thread => match overwritten_field(cx.file, body, site) {
                    Some((at, field)) => (at, Some(field)),
                    None => continue,
                },
                HandleUse::Kept | HandleUse::Joined => continue,
            };
            let Some((work_body, ctx)) = cx.model.spawned_work(body, site) else {
                continue;
            };
            let Some(endless) = work_body.endless_loop(ctx) else {
                continue;
            };
            if let Some(field) = overwrite {
                let header = trimmed(cx.file, loop_header(endless));
                out.push(overwritten(site, dropped, &field, header));
                continue;
            }
            let header = trimmed(cx.file, loop_header(endless));
            // A function of this file: the spawn is where the finding (and its suppression) is.
            let at = if std::ptr::eq(work_body, body) {
                LoopAt::Here(header)
            } else {
                LoopAt::Named(header)
            };
            let f = finding(site, site.thread, dropped, at);
            out.push(continuing_stops(f, &endless.continuing_stops));
        }
    }
}

/// The crate-wide reach: a detached spawn of a function of another file (or of this file,
/// named by a path the file model does not follow) that loops for ever, and work handed
/// to one of the crate's spawn wrappers that detaches it.
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (b, body) in cx.model.bodies_outside_tests() {
        for site in &body.spawns {
            // What the file model follows is the per-file check's.
            let local = cx.model.spawned_work(body, site);
            if !site.detaches() || local.is_some_and(|(b, ctx)| b.endless_loop(ctx).is_some()) {
                continue;
            }
            if local.is_some() && site.work.is_none() {
                continue;
            }
            let HandleUse::Dropped(dropped) = body.handle_use(site) else {
                continue;
            };
            let Some(path) = &site.work_path else {
                continue;
            };
            let Some(at) = endless_fn(cx, b, path) else {
                continue;
            };
            out.push(finding(site, site.thread, dropped, at));
        }
        for site in &body.work_calls {
            if let Some(f) = through_wrapper(cx, b, body, site) {
                out.push(f);
            }
        }
    }
}

/// Work handed to one of the crate's spawn wrappers that detaches it: an inline closure or
/// async block that loops for ever, or a function of the crate that does
/// (`spawn_named("t", ticker::run)`, `spawn_named("t", || ticker::run())`,
/// `spawn_bg(refresh::refresh_routes(t))`).
fn through_wrapper(
    cx: &CrateLintContext<'_>,
    b: BodyId,
    body: &Body,
    site: &SpawnSite,
) -> Option<Finding> {
    let w = cx.krate.spawned_by_wrapper(cx.file_id, b, body, site)?;
    let inline = site.work.filter(|&c| c < body.contexts.len());
    let f = match inline.and_then(|ctx| body.endless_loop(ctx)) {
        Some(endless) => {
            let header = trimmed(cx.file, loop_header(endless));
            let f = finding(site, w.wrapper.thread, w.dropped, LoopAt::Here(header));
            continuing_stops(f, &endless.continuing_stops)
        }
        None => {
            let at = endless_fn(cx, b, site.work_path.as_deref()?)?;
            finding(site, w.wrapper.thread, w.dropped, at)
        }
    };
    Some(f.note(w.note(&site.callee)))
}

/// Where the loop of the crate function `path` (written in body `b`) that never returns is.
fn endless_fn(cx: &CrateLintContext<'_>, b: BodyId, path: &str) -> Option<LoopAt> {
    let f = cx.krate.resolve_fn(cx.file_id, Some(b), path)?;
    let header = cx.krate.endless(f)?;
    Some(if f.file == cx.file_id {
        LoopAt::Named(trimmed(cx.file, header))
    } else {
        let source = cx.krate.source(f.file);
        let p = source.position(header.start as usize);
        LoopAt::Elsewhere(format!(
            "`{}` loops for ever at {}:{}:{}",
            path, source.display, p.line, p.column
        ))
    })
}

/// `self.reader = Some(h)` (or `self.reader = thread::spawn(..)`) in a `&mut self` method
/// that looks at `self.reader` nowhere before: each call drops the handle an earlier call
/// stored there. The assignment's span (from `self`) and the field.
fn overwritten_field(file: &SourceFile, body: &Body, site: &SpawnSite) -> Option<(Span, String)> {
    let (field, at) = match (&site.stored_in, site.handle) {
        (Some((_, field)), _) => (field.clone(), site.call),
        (None, HandleFate::Bound(h)) => stored_self_field(body, h)?,
        _ => return None,
    };
    let before = file.snippet(Span::new(body.span.start as usize, at.start as usize));
    let lhs = before.trim_end();
    let lhs = lhs.strip_suffix("Some(").unwrap_or(lhs).trim_end();
    let target = format!("self.{field}");
    let lhs = lhs
        .strip_suffix('=')?
        .trim_end()
        .strip_suffix(target.as_str())?;
    // A plain assignment in a method that borrows `self` mutably (not a builder taking
    // `self` by value), with no look at the old value first (`take()`, `is_none()`).
    let mut_self = lhs.contains("&mut self") || lhs.contains("& mut self");
    let start = body.span.start as usize + lhs.len();
    (mut_self && !lhs.contains(target.as_str()))
        .then(|| (Span::new(start, start + target.len()), field))
}

/// Where handle binding `h` (or a binding it moves to) is stored into `self.field`.
fn stored_self_field(body: &Body, mut h: BindingId) -> Option<(String, Span)> {
    for _ in 0..8 {
        let b = &body.bindings[h];
        let stored = b.uses.iter().find_map(|u| match &u.kind {
            UseKind::StoredSelfField(f) => Some((f.clone(), u.span)),
            _ => None,
        });
        if stored.is_some() {
            return stored;
        }
        h = b.uses.iter().find_map(|u| match u.kind {
            UseKind::MovedTo(to) => Some(to),
            _ => None,
        })?;
    }
    None
}

/// The finding for an endless spawned loop whose handle is stored over an earlier one.
fn overwritten(site: &SpawnSite, assign: Span, field: &str, header: Span) -> Finding {
    let what = if site.thread { "thread" } else { "task" };
    Finding::new(
        &DETACHED_INFINITE_LOOP,
        format!("this {what} loops for ever and its handle is stored over the previous one: each call detaches the {what} spawned by the call before, which nothing can stop"),
        Label::new(site.callee_span, format!("{what} spawned here")),
    )
    .label(header, "this loop has no `break`, `return` or cancellation check")
    .label(assign, format!("`self.{field}` is overwritten here: the handle it held is dropped, its {what} runs on"))
    .note("a detached thread or task that never returns lives until the process exits, with everything it holds")
    .help(format!("take the old handle first and stop it (`if let Some(old) = self.{field}.replace(h) {{ .. }}`), and give the loop a shutdown signal"))
}

/// Labels on the stop checks whose branch goes round the loop again instead of leaving it.
fn continuing_stops(mut f: Finding, stops: &[Span]) -> Finding {
    for &at in stops {
        f = f.label(
            at,
            "a stop signal is checked here, but its branch `continue`s instead of leaving the loop",
        );
    }
    f
}

/// Where the endless loop is: inline in the spawn (the finding is at the loop), in a
/// function of the linted file (the finding is at the spawn, labelled on the loop), or in
/// another file (described in a note).
enum LoopAt {
    Here(Span),
    Named(Span),
    Elsewhere(String),
}

/// The loop header without trailing blanks.
fn trimmed(file: &SourceFile, header: Span) -> Span {
    Span::new(
        header.start as usize,
        header.start as usize + file.snippet(header).trim_end().len(),
    )
}

fn finding(site: &SpawnSite, thread: bool, dropped: Span, at: LoopAt) -> Finding {
    let what = if thread { "thread" } else { "task" };
    let message = format!("this {what} loops for ever and nothing can stop it: its handle is dropped and no shutdown signal ends the loop");
    let spawned = format!("{what} spawned here");
    let no_exit = "this loop has no `break`, `return` or cancellation check";
    let mut f = match &at {
        LoopAt::Here(header) => Finding::new(
            &DETACHED_INFINITE_LOOP,
            message,
            Label::new(*header, no_exit),
        )
        .label(site.callee_span, spawned),
        LoopAt::Named(header) => Finding::new(
            &DETACHED_INFINITE_LOOP,
            message,
            Label::new(site.callee_span, spawned),
        )
        .label(*header, no_exit),
        LoopAt::Elsewhere(_) => Finding::new(
            &DETACHED_INFINITE_LOOP,
            message,
            Label::new(site.callee_span, spawned),
        ),
    };
    let last = match &at {
        LoopAt::Here(_) => f.secondary.last_mut(),
        LoopAt::Named(_) | LoopAt::Elsewhere(_) => None,
    };
    if dropped != site.call && dropped != site.callee_span {
        f = f.label(dropped, "the handle is dropped here");
    } else if let Some(label) = last {
        label.message.push_str("; its handle is dropped at once");
    } else {
        f.primary
            .message
            .push_str("; its handle is dropped at once");
    }
    if let LoopAt::Elsewhere(note) = at {
        f = f.note(format!(
            "{note}, with no `break`, `return` or cancellation check"
        ));
    }
    f.note("a detached thread or task that never returns lives until the process exits, with everything it holds")
        .help("keep the handle and give the loop a shutdown signal (a `CancellationToken`, a channel, an `AtomicBool`), or spawn it on a `JoinSet`; for a deliberate process-long daemon, suppress with `// leaklint:allow(detached_infinite_loop) -- reason`")
}

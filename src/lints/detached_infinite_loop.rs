//! `detached_infinite_loop`: spawned work whose handle is dropped and whose body loops for
//! ever with no way to stop it.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::tasks::loop_header;
use crate::model::{HandleUse, SpawnSite};
use crate::source::{SourceFile, Span};

declare_lint! {
    pub static DETACHED_INFINITE_LOOP = detached_infinite_loop {
        group: Suspicious,
        // A detaching spawn (SPAWN_NEEDLES): the loop may be in a function of another file.
        // Callers of the crate's spawn wrappers are found once the crate is indexed.
        needles: &["$spawn"],
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
            let HandleUse::Dropped(dropped) = body.handle_use(site) else {
                continue;
            };
            let Some((work_body, ctx)) = cx.model.spawned_work(body, site) else {
                continue;
            };
            let Some(endless) = work_body.endless_loop(ctx) else {
                continue;
            };
            let header = trimmed(cx.file, loop_header(endless));
            let f = finding(site, site.thread, dropped, LoopAt::Here(header));
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
            let Some(f) = cx.krate.resolve_fn(cx.file_id, Some(b), path) else {
                continue;
            };
            let Some(header) = cx.krate.endless(f) else {
                continue;
            };
            let at = if f.file == cx.file_id {
                LoopAt::Here(header)
            } else {
                let source = cx.krate.source(f.file);
                let p = source.position(header.start as usize);
                LoopAt::Elsewhere(format!(
                    "`{}` loops for ever at {}:{}:{}",
                    path, source.display, p.line, p.column
                ))
            };
            out.push(finding(site, site.thread, dropped, at));
        }
        for site in &body.work_calls {
            let Some(w) = cx.krate.spawned_by_wrapper(cx.file_id, b, body, site) else {
                continue;
            };
            let Some(ctx) = site.work.filter(|&c| c < body.contexts.len()) else {
                continue;
            };
            let Some(endless) = body.endless_loop(ctx) else {
                continue;
            };
            let header = trimmed(cx.file, loop_header(endless));
            let f = finding(site, w.wrapper.thread, w.dropped, LoopAt::Here(header));
            let f = continuing_stops(f, &endless.continuing_stops);
            out.push(f.note(w.note(&site.callee)));
        }
    }
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

/// Where the endless loop is: in the linted file, or described in a note.
enum LoopAt {
    Here(Span),
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
    let message = format!("this {what} loops for ever and nothing can stop it: its handle is dropped and the loop checks no shutdown signal");
    let spawned = format!("{what} spawned here");
    let mut f = match &at {
        LoopAt::Here(header) => Finding::new(
            &DETACHED_INFINITE_LOOP,
            message,
            Label::new(
                *header,
                "this loop has no `break`, `return` or cancellation check",
            ),
        )
        .label(site.callee_span, spawned),
        LoopAt::Elsewhere(_) => Finding::new(
            &DETACHED_INFINITE_LOOP,
            message,
            Label::new(site.callee_span, spawned),
        ),
    };
    let last = match &at {
        LoopAt::Here(_) => f.secondary.last_mut(),
        LoopAt::Elsewhere(_) => None,
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

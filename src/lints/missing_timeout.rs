//! `missing_timeout`: network I/O inside spawned work that can wait for ever.

use std::collections::HashSet;

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog;
use crate::model::tasks::HandleUse;
use crate::model::{Body, CtxId, FileModel, UseKind, ValueOrigin};
use crate::source::Span;

declare_lint! {
    pub static MISSING_TIMEOUT = missing_timeout {
        group: Suspicious,
        // A network client or socket, and a detaching spawn (SPAWN_NEEDLES): the check looks
        // only inside the work this file spawns (and this file's functions it calls).
        needles: &["$spawn&$network"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    let mut seen = HashSet::new();
    for (_, body) in cx.model.bodies_outside_tests() {
        for site in &body.spawns {
            // Work spawned on a `JoinSet` (or a smol `Task` kept) ends when its owner drops
            // it, so a timeout around the owner bounds it: a connect raced in a `JoinSet`
            // under a caller's timeout is not a hang of its own.
            if !site.detaches() {
                continue;
            }
            let Some((work_body, ctx)) = cx.model.spawned_work(body, site) else {
                continue;
            };
            let what = if site.thread { "thread" } else { "task" };
            // A loop of the work that checks a stop signal between reads may be bounded by a
            // timeout leaklint cannot see (a terminal's `VTIME`): unsure. The read of a
            // detached-only source itself (`stdin().read_line(..).unwrap()`) is no such check:
            // at the end of input it returns `Ok(0)`, it does not fail.
            let stoppable = work_body.loops.iter().any(|l| {
                l.stop_checks
                    .iter()
                    .any(|&check| !reads_detached_source(cx.model, work_body, check))
                    && in_region(work_body, l.ctx, Some(ctx).filter(|_| site.work.is_some()))
            });
            let dropped = matches!(body.handle_use(site), HandleUse::Dropped(_)) && !stoppable;
            // The spawned code, and the functions of this file it calls (one level).
            let mut regions = vec![(work_body, Some(ctx).filter(|_| site.work.is_some()))];
            for call in &work_body.calls {
                // A function of this file called under a timeout (`timeout(d, connect_peer(a))`)
                // is bounded by its caller, whatever it awaits inside. Each spawn judges its
                // own calls, so a function is reported only when some spawned caller in this
                // file leaves it unbounded (callers in other files: future work).
                if in_region(work_body, call.ctx, regions[0].1) && !call.in_timeout {
                    if let Some(callee) = call
                        .path
                        .strip_prefix("crate::")
                        .and_then(|n| cx.model.body_named(n))
                    {
                        regions.push((callee, None));
                    }
                }
            }
            for (region, ctx) in regions {
                for (span, message, help) in hangs(cx.model, region, ctx, dropped) {
                    if seen.insert(span) {
                        out.push(
                            Finding::new(
                                &MISSING_TIMEOUT,
                                message,
                                Label::new(span, "can wait for ever"),
                            )
                            .label(site.callee_span, format!("inside this spawned {what}"))
                            .help(help),
                        );
                    }
                }
            }
        }
    }
}

fn in_region(body: &Body, ctx: CtxId, region: Option<CtxId>) -> bool {
    region.is_none_or(|r| body.ctx_within(ctx, r))
}

/// Whether the value a timed constructor call makes is bound and given a timeout by one of
/// its methods.
fn given_timeout(model: &FileModel, body: &Body, call: Span, path: &str) -> bool {
    let Some(ctor) = model.catalog.timed_ctor(path) else {
        return false;
    };
    body.bindings
        .iter()
        .filter(|b| b.stmt.start <= call.start && call.end <= b.stmt.end)
        .flat_map(|b| &b.uses)
        .any(|u| matches!(&u.kind, UseKind::Method { name, .. } if ctor.timeout_methods.contains(&name.as_str())))
}

/// Whether the stop check at `check` (an `unwrap`/`expect` of a read) unwraps a read of a
/// source the catalogue reports only in detached work (standard input).
fn reads_detached_source(model: &FileModel, body: &Body, check: Span) -> bool {
    body.calls.iter().any(|c| {
        check.start <= c.span.start
            && c.span.end <= check.end
            && model
                .catalog
                .network_call(&c.path)
                .is_some_and(|n| n.detached_only)
    })
}

/// Calls in `body` (within `ctx` when given) that can wait for ever; `dropped` says the
/// work's handle is dropped (nothing joins it).
fn hangs(
    model: &FileModel,
    body: &Body,
    ctx: Option<CtxId>,
    dropped: bool,
) -> Vec<(Span, String, &'static str)> {
    let mut found = Vec::new();
    for call in body
        .calls
        .iter()
        .filter(|c| in_region(body, c.ctx, ctx) && !c.in_timeout)
    {
        // The catalogue's network calls; a constructor that wants a timeout method is
        // fine when its binding gets one (`let mut c = HttpConnector::new();
        // c.set_connect_timeout(..)`).
        let hit = model
            .catalog
            .network_call(&call.path)
            .filter(|n| !n.awaited || call.awaited)
            .filter(|n| dropped || !n.detached_only)
            .filter(|_| !given_timeout(model, body, call.span, &call.path))
            .map(|n| (n.message.to_string(), n.help));
        if let Some((message, help)) = hit {
            found.push((call.span, message, help));
        }
    }
    // Reads on a socket: std needs `set_read_timeout` first; tokio needs a timeout around
    // the awaited read.
    for b in &body.bindings {
        let ValueOrigin::Socket { tokio } = b.origin else {
            continue;
        };
        // A reader over a stream (`BufReader::new(stream)`) has the stream's timeout.
        let stream = b.from.map(|s| &body.bindings[s]);
        let timeout_set_at = b
            .uses
            .iter()
            .chain(stream.into_iter().flat_map(|s| &s.uses))
            .filter_map(|u| match &u.kind {
                UseKind::Method { name, .. } if name == "set_read_timeout" => Some(u.span.start),
                _ => None,
            })
            .min();
        for u in b.uses.iter().filter(|u| in_region(body, u.ctx, ctx)) {
            let UseKind::Method {
                name,
                call,
                awaited,
                in_timeout,
                ..
            } = &u.kind
            else {
                continue;
            };
            if !catalog::is_blocking_read(name) {
                continue;
            }
            let hangs = if tokio {
                *awaited && !in_timeout
            } else {
                timeout_set_at.is_none_or(|at| at > u.span.start)
            };
            if hangs {
                let (message, help) = if tokio {
                    (format!("`{}.{name}(..)` is awaited with no timeout: it waits for ever on a silent peer", b.name), "wrap it in `tokio::time::timeout(duration, ..)`, or race it against a deadline in `select!`")
                } else {
                    (format!("`{}.{name}(..)` blocks with no read timeout: it waits for ever on a silent peer", b.name), "call `set_read_timeout(Some(duration))` on the stream before reading")
                };
                found.push((*call, message, help));
            }
        }
    }
    found
}

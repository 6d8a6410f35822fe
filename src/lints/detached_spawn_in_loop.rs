//! `detached_spawn_in_loop`: a spawn inside a loop whose handles are dropped and not
//! tracked, so the number of live threads or tasks grows with the input.

use crate::diagnostic::{Finding, Label};
use crate::lints::{Group, Lint, LintContext};
use crate::model::tasks::loop_header;
use crate::model::{HandleUse, UseKind};

pub static DETACHED_SPAWN_IN_LOOP: Lint = Lint {
    name: "detached_spawn_in_loop",
    group: Group::Pedantic,
    doc: include_str!("../../lints/detached_spawn_in_loop.md"),
    // A detaching spawn (SPAWN_NEEDLES) inside a loop.
    needles: &["$spawn&loop|while|for"],
    check: Some(check),
};

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for body in cx.model.bodies.iter().filter(|b| !b.in_test) {
        for site in &body.spawns {
            if !site.detaches() || !matches!(body.handle_use(site), HandleUse::Dropped(_)) {
                continue;
            }
            // The innermost loop around the spawn, in the spawn's own flow of control.
            let Some(l) = body
                .loops_around(site.call)
                .filter(|l| body.ctx_within(site.ctx, l.ctx))
                .max_by_key(|l| l.span.start)
            else {
                continue;
            };
            // A semaphore permit taken in the loop bounds how many run at once. The permit
            // often comes from a chain on a temporary (`sem.clone().acquire_owned()`), which
            // has no binding of its own, so look for the call in the loop's code.
            let bounded = body.bindings.iter().flat_map(|b| &b.uses).any(|u| {
                matches!(&u.kind, UseKind::Method { name, .. } if name.starts_with("acquire"))
                    && l.body.start <= u.span.start
                    && u.span.end <= l.body.end
            }) || cx.file.snippet(l.body).contains(".acquire");
            if bounded {
                continue;
            }
            let what = if site.thread { "thread" } else { "task" };
            out.push(
                Finding::new(
                    &DETACHED_SPAWN_IN_LOOP,
                    format!("a detached {what} is spawned on every iteration and never tracked: their number grows with the input"),
                    Label::new(site.callee_span, format!("{what} spawned here; its handle is dropped")),
                )
                .label(loop_header(l), "for each iteration of this loop")
                .help("track the work: spawn on a `JoinSet` or a `TaskTracker`, collect the handles and join them, or bound it with a semaphore permit"),
            );
        }
    }
}

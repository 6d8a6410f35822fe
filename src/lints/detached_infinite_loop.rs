//! `detached_infinite_loop`: spawned work whose handle is dropped and whose body loops for
//! ever with no way to stop it.

use crate::diagnostic::{Finding, Label};
use crate::lints::{Group, Lint, LintContext};
use crate::model::tasks::loop_header;
use crate::model::HandleUse;

pub static DETACHED_INFINITE_LOOP: Lint = Lint {
    name: "detached_infinite_loop",
    group: Group::Suspicious,
    doc: include_str!("../../lints/detached_infinite_loop.md"),
    // A detaching spawn (SPAWN_NEEDLES) and a loop that can run for ever (`loop`,
    // `while true`).
    needles: &["$spawn&loop|while"],
    check: Some(check),
};

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    // In tests, the test's runtime or process ends the work.
    for body in cx.model.bodies.iter().filter(|b| !b.in_test) {
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
            let what = if site.thread { "thread" } else { "task" };
            let header = loop_header(endless);
            let header = crate::source::Span::new(
                header.start as usize,
                header.start as usize + cx.file.snippet(header).trim_end().len(),
            );
            let mut f = Finding::new(
                &DETACHED_INFINITE_LOOP,
                format!("this {what} loops for ever and nothing can stop it: its handle is dropped and the loop checks no shutdown signal"),
                Label::new(header, "this loop has no `break`, `return` or cancellation check"),
            )
            .label(site.callee_span, format!("{what} spawned here"));
            if dropped != site.call && dropped != site.callee_span {
                f = f.label(dropped, "the handle is dropped here");
            } else {
                f.secondary
                    .last_mut()
                    .expect("label pushed above")
                    .message
                    .push_str("; its handle is dropped at once");
            }
            f = f
                .note("a detached thread or task that never returns lives until the process exits, with everything it holds")
                .help("keep the handle and give the loop a shutdown signal (a `CancellationToken`, a channel, an `AtomicBool`), or spawn it on a `JoinSet`; for a deliberate process-long daemon, suppress with `// leaklint:allow(detached_infinite_loop) -- reason`");
            out.push(f);
        }
    }
}

//! `join_handle_in_cancellable_future`: a spawned task's `JoinHandle` awaited inside a
//! future that can be dropped before it completes (a timeout's future, a `select!` branch).
//! Dropping the future drops the handle, which detaches the task: it runs on, unsupervised.

use crate::diagnostic::{Finding, Label};
use crate::lints::{Group, Lint, LintContext};
use crate::model::{CancelKind, CancellableFuture, Consumed};

pub static JOIN_HANDLE_IN_CANCELLABLE_FUTURE: Lint = Lint {
    name: "join_handle_in_cancellable_future",
    group: Group::Pedantic,
    doc: include_str!("../../lints/join_handle_in_cancellable_future.md"),
    // A detaching spawn (SPAWN_NEEDLES), and a timeout or a `select!` that can drop the
    // future awaiting its handle.
    needles: &["spawn(|spawn_blocking(|spawn_local(|spawn_fifo(&timeout(|timeout_at(|select"],
    check: Some(check),
};

const HELP: &str = "abort the task when the future is dropped: wrap the handle in \
    `tokio_util::task::AbortOnDropHandle::new(..)`, spawn it on a `JoinSet` (dropping the set \
    aborts its tasks), or abort it in a drop guard";

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for (_, body) in cx.model.bodies_outside_tests() {
        // The handle is awaited in this body, under a timeout or a `select!` of its own.
        for site in &body.spawns {
            let Some(found) = body.handle_awaited_in_cancellable(site) else {
                continue;
            };
            let (at, spawned) = match found.how {
                Consumed::Awaited => ("the handle is awaited here", "the task is spawned here"),
                Consumed::AsFuture => (
                    "the handle is the future itself",
                    "the task is spawned here",
                ),
                Consumed::JoinedAll => (
                    "the handles are awaited here",
                    "a task is spawned here; its handle is collected",
                ),
            };
            // `timeout(d, tokio::spawn(..))`: the handle is not awaited inside the future, it
            // is the future.
            const ONE: &str = "the handle is dropped with it and the task runs on, detached";
            let (subject, fate) = match found.how {
                Consumed::Awaited => ("a task's handle is awaited inside a future that", ONE),
                Consumed::AsFuture => ("a task's handle is itself the future that", ONE),
                Consumed::JoinedAll => (
                    "tasks' handles are awaited inside a future that",
                    "the handles are dropped with it and the tasks run on, detached",
                ),
            };
            let mut f = Finding::new(
                &JOIN_HANDLE_IN_CANCELLABLE_FUTURE,
                format!("{subject} {}: {fate}", dropped_when(found.future)),
                Label::new(
                    found.at,
                    match (found.at == site.call, found.how) {
                        (true, Consumed::Awaited) => "the task is spawned and awaited here",
                        (true, _) => "the task is spawned here; its handle is the future itself",
                        _ => at,
                    },
                ),
            );
            // `spawn(..).await` and `timeout(d, spawn(..))`: one span says both.
            if found.at != site.call {
                f = f.label(site.callee_span, spawned);
            }
            out.push(
                f.label(found.future.owner, owner_label(found.future))
                    .help(HELP),
            );
        }
        // `timeout(d, serve(conn))` where `serve`, a function of this file, awaits a handle.
        for future in body.cancellables.iter() {
            let Some(callee) = future
                .work_fn
                .as_deref()
                .and_then(|f| cx.model.body_named(f))
            else {
                continue;
            };
            for (site, at) in callee.awaited_handles() {
                out.push(
                    Finding::new(
                        &JOIN_HANDLE_IN_CANCELLABLE_FUTURE,
                        format!(
                            "`{}` awaits a task's handle inside this call's future, which {}: the handle is dropped with it and the task runs on, detached",
                            callee.name,
                            dropped_when(future)
                        ),
                        Label::new(future.span, "this future may be dropped before it completes"),
                    )
                    .label(future.owner, owner_label(future))
                    .label(site.callee_span, format!("`{}` spawns the task here", callee.name))
                    .label(at, "and awaits its handle here")
                    .help(HELP),
                );
            }
        }
    }
}

fn dropped_when(future: &CancellableFuture) -> &'static str {
    match future.kind {
        CancelKind::Timeout => "a timeout drops when its deadline passes",
        CancelKind::SelectBranch => "`select!` drops when another branch completes first",
    }
}

fn owner_label(future: &CancellableFuture) -> &'static str {
    match future.kind {
        CancelKind::Timeout => "dropped here when the deadline passes",
        CancelKind::SelectBranch => "dropped here when another branch wins",
    }
}

//! `forgotten_handle`: `mem::forget`, `Box::leak` or a never-dropped `ManuallyDrop` of a
//! channel endpoint, a task handle or a shutdown guard.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::Leaker;
use crate::model::flow::Leaked;
use crate::model::{Role, UseKind};

declare_lint! {
    pub static FORGOTTEN_HANDLE = forgotten_handle {
        group: Suspicious,
        // A leak call, and something it can leak: a channel endpoint (a constructor call), a
        // task handle (a spawn) or a shutdown guard.
        needles: &["forget(|leak(|ManuallyDrop&channel(|bounded(|never(|spawn|drop_guard"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for body in &cx.model.bodies {
        for leak in &body.leaks {
            // `let md = ManuallyDrop::new(x)` undone later by `ManuallyDrop::drop(&mut md)`
            // or `ManuallyDrop::into_inner(md)`, or moved somewhere leaklint cannot see.
            if leak.leaker == Leaker::ManuallyDrop {
                let Some(holder) = leak.holder else { continue };
                let handled = body.bindings[holder]
                    .uses
                    .iter()
                    .any(|u| !matches!(u.kind, UseKind::Method { .. } | UseKind::Borrow));
                if handled {
                    continue;
                }
            }
            let (what, consequence) = match leak.what {
                Leaked::Endpoint { role: Role::Sender, .. } => (
                    "a channel sender",
                    "the channel can never close: receive loops on it never end",
                ),
                Leaked::Endpoint { role: Role::Receiver, .. } => (
                    "a channel receiver",
                    "the channel never reports that its receiver is gone: senders never learn to stop",
                ),
                Leaked::TaskHandle => (
                    "a task handle",
                    "the task can never be joined, awaited or aborted",
                ),
                Leaked::Guard => (
                    "a shutdown guard",
                    "its drop, which would signal the shutdown, never runs",
                ),
            };
            let how = match leak.leaker {
                Leaker::Forget => "`mem::forget`",
                Leaker::BoxLeak => "`Box::leak`",
                Leaker::ManuallyDrop => "`ManuallyDrop` that is never dropped",
            };
            out.push(
                Finding::new(
                    &FORGOTTEN_HANDLE,
                    format!("{what} is leaked with {how}: {consequence}"),
                    Label::new(leak.call, "leaked here"),
                )
                .help("drop it instead, or keep it in a place with a clear owner that drops it on shutdown"),
            );
        }
    }
}

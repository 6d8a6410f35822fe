//! `forgotten_handle`: `mem::forget`, `Box::leak` or a never-dropped `ManuallyDrop` of a
//! channel endpoint, a task handle or a shutdown guard.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext, WordReach};
use crate::model::catalog::Leaker;
use crate::model::flow::Leaked;
use crate::model::index::ValueType;
use crate::model::types::{held_type_names, Holds};
use crate::model::{Role, UseKind};

declare_lint! {
    pub static FORGOTTEN_HANDLE = forgotten_handle {
        group: Suspicious,
        // A leak call and something the file itself can leak. A value of a project type,
        // made in another file, that holds a handle (`mem::forget(crate::log::install())`)
        // is reached by words instead ([`WORD_REACH`]).
        needles: &["forget(|leak(|ManuallyDrop&$channel|spawn|$spawn|$guard"],
        check: Some(check),
    }
}

/// What a leaked value of a project type must hold to be reported ([`check_crate`]).
const RESOURCES: Holds = Holds::SENDER
    .union_const(Holds::JOIN_HANDLE)
    .union_const(Holds::GUARD);

/// The files [`check_crate`] needs beyond the pre-filter's: a file that calls `forget` or
/// `leak` (`ManuallyDrop` is left to [`check`]), in a crate where some file names a library
/// type that owns one of [`RESOURCES`] (no value of the crate can hold one otherwise).
pub(super) const WORD_REACH: WordReach = WordReach {
    callers: &["forget", "leak"],
    needs: |catalog| held_type_names(&catalog.held_types, RESOURCES),
};

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
            // A leaked sender whose consumers stop on a shutdown message does not keep
            // them alive: the loop ends without the channel closing.
            if let Leaked::Endpoint {
                role: Role::Sender,
                channel,
            } = leak.what
            {
                if cx.model.consumers_stop_on_message(channel) {
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
                    "a thread or task handle",
                    "the work can never be joined, awaited or aborted, and what the handle holds (a finished thread's resources, a task's output) is never freed",
                ),
                Leaked::Guard => (
                    "a shutdown guard",
                    "its drop, which would signal the shutdown, never runs",
                ),
                // A project type: settled by `check_crate` with the crate's types.
                Leaked::Value { .. } => continue,
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
                .help(match leak.what {
                    // Dropping a handle detaches the work and releases the handle's share
                    // of it; forgetting it does neither.
                    Leaked::TaskHandle => "drop it to detach the work (dropping releases what the handle holds; forgetting does not), or keep it where an owner joins or aborts it on shutdown",
                    _ => "drop it instead, or keep it in a place with a clear owner that drops it on shutdown",
                }),
            );
        }
    }
}

/// The crate-wide reach: `mem::forget` / `Box::leak` of a value of a project type that holds
/// a thread or task handle, a channel sender or a shutdown guard (a flush guard, a worker
/// guard; with or without a `Drop` impl), however the value was made: a constructor, a
/// crate function's return value, an element of a returned tuple. A `Drop` impl alone is
/// not enough: forgetting a scope guard to disarm it is an idiom (hashbrown's
/// `ScopeGuard`, spin's `Finish`).
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (id, body) in cx.model.bodies.iter().enumerate() {
        for leak in &body.leaks {
            let Leaked::Value { binding } = leak.what else {
                continue;
            };
            let hint = &leak.hint;
            if leak.leaker == Leaker::ManuallyDrop {
                continue;
            }
            // `guard.tx.take()`, `guard.close()` before the forget: what it holds may be gone.
            if binding.is_some_and(|b| {
                body.uses_before(b, leak.call.start)
                    .any(|u| u.kind.may_empty())
            }) {
                continue;
            }
            let ty = match (binding, hint) {
                (Some(b), _) => cx.krate.binding_type(cx.file_id, id, body, b),
                (None, Some(h)) => cx.krate.hint_type(cx.file_id, id, h),
                (None, None) => None,
            };
            if let Some(f) = ty.and_then(|ty| value_finding(cx, &ty, leak)) {
                out.push(f);
            }
        }
    }
}

fn value_finding(
    cx: &CrateLintContext<'_>,
    ty: &ValueType,
    leak: &crate::model::flow::LeakSite,
) -> Option<Finding> {
    let held: Vec<&str> = ty
        .holds
        .intersect(RESOURCES)
        .names()
        .into_iter()
        .map(|n| match n {
            "Sender" => "channel sender",
            "JoinHandle" => "thread or task handle",
            _ => "shutdown guard",
        })
        .collect();
    if held.is_empty() {
        return None;
    }
    let drop_impl = ty.project.as_ref().is_some_and(|p| cx.krate.has_drop(p));
    let name = ty.project.as_ref().map_or_else(
        || "this value".to_string(),
        |p| format!("a value of `{}`", p.name()),
    );
    let why = match drop_impl {
        false => format!("holds a {}", held.join(" and a ")),
        true => format!("holds a {} and has a `Drop` impl", held.join(" and a ")),
    };
    let how = match leak.leaker {
        Leaker::Forget => "`mem::forget`",
        _ => "`Box::leak`",
    };
    let consequence = "what it holds is never dropped: a handle is never joined, a channel never closes, a guard never flushes";
    Some(
        Finding::new(
            &FORGOTTEN_HANDLE,
            format!("{name}, which {why}, is leaked with {how}: {consequence}"),
            Label::new(leak.call, "leaked here"),
        )
        .help(
            "drop it instead, or keep it in a place with a clear owner that drops it on shutdown",
        ),
    )
}

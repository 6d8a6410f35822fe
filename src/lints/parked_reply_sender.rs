//! `parked_reply_sender`: a reply sender parked in a map kept in a field, waited on without
//! a timeout, while the loop that takes the senders out and completes them can end without
//! clearing the map: the senders left in it are never dropped, and their waits never end.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::index::FnRef;
use crate::model::paths::{
    parked_reply, ExitKind, FieldOp, LoopExit, LoopPaths, MapOp, ParkedReply,
};
use crate::source::Span;

declare_lint! {
    pub static PARKED_REPLY_SENDER = parked_reply_sender {
        group: Suspicious,
        needles: super::CHANNEL_NEEDLES,
        check: Some(check),
    }
}

/// Everything this lint needs is crate-wide (the loop is in another method, maybe another
/// file): see [`check_crate`].
fn check(_cx: &LintContext<'_>, _out: &mut Vec<Finding>) {}

/// Collection types whose elements stay until removed.
const MAPS: &[&str] = &[
    "HashMap",
    "BTreeMap",
    "IndexMap",
    "DashMap",
    "FxHashMap",
    "AHashMap",
    "Slab",
    "Vec",
    "VecDeque",
];

/// The loop meant to complete the parked senders, and the exit that leaves them behind.
struct Leaving<'a> {
    by: FnRef,
    header: Span,
    exit: &'a LoopExit,
}

pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for r in cx.krate.fns_of_file(cx.file_id) {
        let item = cx.krate.item(r);
        let (Some(ty), Some(b)) = (&item.self_ty, item.body) else {
            continue;
        };
        let body = cx.model.body(b);
        if body.in_test {
            continue;
        }
        for channel in cx.model.channels.iter().filter(|c| c.body == b) {
            let Some(parked) = parked_reply(body, channel, &item.paths.field_ops) else {
                continue;
            };
            let field = &parked.insert.field;
            if !holds_a_map(cx, ty, field) || cleared_after(&item.paths.field_ops, parked.insert) {
                continue;
            }
            if let Some(leaving) = leaving_loop(cx, ty, field) {
                out.push(finding(cx, &parked, &leaving, field));
            }
        }
    }
}

/// Whether the declared type of `ty.field` is a collection that keeps what is inserted
/// (through type aliases of any file of the crate).
fn holds_a_map(cx: &CrateLintContext<'_>, ty: &str, field: &str) -> bool {
    cx.krate
        .field_type(ty, field)
        .is_some_and(|names| names.iter().any(|t| MAPS.contains(&t.as_str())))
}

/// A `remove` or clear of the field after the insert in the same method (the sender taken
/// back on the error path of the request).
fn cleared_after(ops: &[FieldOp], insert: &FieldOp) -> bool {
    ops.iter()
        .any(|o| o.field == insert.field && o.op != MapOp::Insert && o.span.start > insert.span.end)
}

/// The driven loop of a method of `ty` that removes from `field` (and completes what it
/// removes), with an exit that leaves the remaining senders in the map. `None` when no
/// such loop is known, when another method of `ty` clears the field (it may run when the
/// loop ends), or when every exit clears the map or drops its owner.
fn leaving_loop<'k>(cx: &'k CrateLintContext<'_>, ty: &str, field: &str) -> Option<Leaving<'k>> {
    let mut found = None;
    for by in cx.krate.methods_of(ty) {
        let paths = &cx.krate.item(by).paths;
        let loops: Vec<usize> = paths
            .ops_on(field, MapOp::Remove)
            .filter_map(|o| paths.loop_around(o.span))
            .filter(|l| driven(cx, ty, &paths.loops[*l]))
            .collect();
        if loops.is_empty() {
            if paths.ops_on(field, MapOp::Clear).next().is_some() {
                return None;
            }
            continue;
        }
        // A message-guarded exit that nothing sends is not counted (precision first).
        let leaving = loops.iter().find_map(|l| {
            paths
                .exit_leaving(field, *l, |_| false)
                .map(|exit| (paths.loops[*l].header, exit))
        });
        if let (None, Some((header, exit))) = (&found, leaving) {
            found = Some(Leaving { by, header, exit });
        }
    }
    found
}

/// Whether a loop is driven by input that keeps coming: by its own syntax, or a `for` over
/// a local bound to a method of `ty` whose declared return type is such input
/// (`let frames = self.frames(); for f in frames`, with `fn frames(&self) -> Receiver<Frame>`).
fn driven(cx: &CrateLintContext<'_>, ty: &str, l: &LoopPaths) -> bool {
    l.driven
        || l.input_from.as_deref().is_some_and(|m| {
            cx.krate.methods_of(ty).any(|r| {
                let item = cx.krate.item(r);
                item.name.name() == m && item.paths.returns_input
            })
        })
}

fn finding(
    cx: &CrateLintContext<'_>,
    parked: &ParkedReply<'_>,
    leaving: &Leaving<'_>,
    field: &str,
) -> Finding {
    let how = match leaving.exit.kind {
        ExitKind::End => "the loop ends here (its input closed) without clearing the map",
        ExitKind::Break => "the loop breaks here without clearing the map",
        ExitKind::Return => "the loop returns here without clearing the map",
        ExitKind::Try => "the loop returns here on an error without clearing the map",
        ExitKind::Panic => "the loop panics here, leaving the map as it is",
    };
    let mut f = Finding::new(
        &PARKED_REPLY_SENDER,
        format!("this waits for a reply whose sender is parked in `{field}`, but the loop that completes the senders can end and leave it there: the wait never ends"),
        Label::new(parked.wait, "waits for the reply, without a timeout"),
    )
    .label(parked.insert.span, format!("the reply sender is parked in `{field}` here"));
    if leaving.by.file == cx.file_id {
        f = f
            .label(
                leaving.header,
                "this loop takes senders out and completes them",
            )
            .label(leaving.exit.span, how);
    } else {
        let source = cx.krate.source(leaving.by.file);
        let p = source.position(leaving.exit.span.start as usize);
        f = f.note(format!(
            "the loop that completes the senders is in `{}`: {how} ({}:{}:{})",
            cx.krate.item(leaving.by).name,
            source.display,
            p.line,
            p.column
        ));
    }
    f.note("a sender left in the map is never dropped, so its receiver neither gets a value nor sees the channel close")
        .help(format!("when the loop ends, clear the map (`{field}.clear()` or `drain()`, which drops the senders and wakes every wait with an error), or wait with a timeout"))
}

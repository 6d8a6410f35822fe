//! `token_never_cancelled`: Go's `lostcancel` for Rust — a `CancellationToken` handed to
//! spawned work that the function never cancels.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::{BindingId, Body, UseKind, ValueOrigin};
use crate::source::Span;

declare_lint! {
    pub static TOKEN_NEVER_CANCELLED = token_never_cancelled {
        group: Suspicious,
        needles: &["CancellationToken"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for (_, body) in cx.model.bodies_outside_tests() {
        for (root, b) in body.bindings.iter().enumerate() {
            // A token created here (`CancellationToken::new()`), not a parameter or a clone.
            if b.origin != ValueOrigin::Token || b.from.is_some() {
                continue;
            }
            let family = family(body, root);
            let inside_spawn = |span: Span| {
                body.spawns
                    .iter()
                    .find(|s| s.call.start <= span.start && span.end <= s.call.end)
            };
            let mut spawn = None;
            let mut handled = false;
            for &id in &family {
                // A clone declared inside the spawned work belongs to it: the use it is made
                // from is inside that work too.
                for u in &body.bindings[id].uses {
                    if let Some(site) = inside_spawn(u.span) {
                        spawn = spawn.or(Some(site.callee_span));
                        continue;
                    }
                    match &u.kind {
                        UseKind::Method { name, .. }
                            if name == "cancel" || name.starts_with("drop_guard") =>
                        {
                            handled = true
                        }
                        // `Tracer::new(sim, token.clone())`: a clone handed to a call or
                        // stored in a struct or tuple can cancel the whole token; without a
                        // summary of the callee, stay silent.
                        UseKind::Method { name, call, .. }
                            if name == "clone" && handed_on(cx, *call) =>
                        {
                            handled = true
                        }
                        // Returned, stored, handed on: someone else may cancel it.
                        UseKind::Method { .. } | UseKind::Borrow | UseKind::MovedTo(_) => {}
                        _ => handled = true,
                    }
                }
            }
            // `let _guard = token.clone().drop_guard();`
            handled |= body.bindings.iter().any(|g| {
                g.origin == ValueOrigin::Guard && g.from.is_some_and(|f| family.contains(&f))
            });
            let (Some(spawn), false) = (spawn, handled) else {
                continue;
            };
            let end = Span::new(
                body.span.end.saturating_sub(1) as usize,
                body.span.end as usize,
            );
            out.push(
                Finding::new(
                    &TOKEN_NEVER_CANCELLED,
                    format!("`{}` is handed to spawned work but never cancelled: the work is never told to stop", b.name),
                    Label::new(b.span, "token created here"),
                )
                .label(spawn, "a clone of it goes into this spawned work")
                .label(end, "the function ends here without calling `cancel()`")
                .note("the spawned work waits on `cancelled()` for a signal this function never sends")
                .help(format!("call `{}.cancel()` when the work should stop, or keep `{}.drop_guard()` alive so that dropping it cancels", b.name, b.name)),
            );
        }
    }
}

/// Whether the value of the expression at `call` goes straight into an enclosing call,
/// struct literal, tuple or array: the next token after it closes or separates one.
fn handed_on(cx: &LintContext<'_>, call: Span) -> bool {
    let rest = &cx.file.text[call.end as usize..];
    matches!(
        rest.trim_start().chars().next(),
        Some(',' | ')' | '}' | ']')
    )
}

/// The token and every binding made from it (`clone()`, `child_token()`, moves).
fn family(body: &Body, root: BindingId) -> Vec<BindingId> {
    let mut family = vec![root];
    let mut changed = true;
    while changed {
        changed = false;
        for (id, b) in body.bindings.iter().enumerate() {
            if let Some(from) = b.from {
                if family.contains(&from) && !family.contains(&id) && b.origin == ValueOrigin::Token
                {
                    family.push(id);
                    changed = true;
                }
            }
        }
    }
    family
}

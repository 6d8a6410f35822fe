//! `token_never_cancelled`: Go's `lostcancel` for Rust — a `CancellationToken` handed to
//! spawned work that the function never cancels.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::summary::Effects;
use crate::model::{BindingId, Body, UseKind, ValueOrigin};
use crate::source::{SourceFile, Span};

declare_lint! {
    pub static TOKEN_NEVER_CANCELLED = token_never_cancelled {
        group: Suspicious,
        needles: &["CancellationToken"],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for (_, body) in cx.model.bodies_outside_tests() {
        for (root, _) in body.bindings.iter().enumerate() {
            // Handed to a crate function: the crate check asks its summary.
            if let Some(u) = unhandled(cx.file, body, root).filter(|u| u.calls.is_empty()) {
                out.push(finding(body, root, &u));
            }
        }
    }
}

/// The crate-wide reach: a token (or a clone of it) handed to functions of the crate is
/// reported when every one of them, through the functions it passes the token on to,
/// only reads or drops it (its [`Effects`] summary has no cancel, store, spawn, return or
/// unknown effect).
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (id, body) in cx.model.bodies_outside_tests() {
        for (root, _) in body.bindings.iter().enumerate() {
            let Some(u) = unhandled(cx.file, body, root).filter(|u| !u.calls.is_empty()) else {
                continue;
            };
            let harmless = u.calls.iter().all(|(callee, arg)| {
                cx.krate
                    .call_effects(cx.file_id, id, callee, *arg)
                    .is_some_and(|e| !e.intersects(MAY_CANCEL))
            });
            if harmless {
                let mut f = finding(body, root, &u);
                for (callee, _) in &u.calls {
                    f = f.note(format!(
                        "`{callee}` takes the token but only reads or drops it: it never cancels, stores, spawns or returns it"
                    ));
                }
                out.push(f);
            }
        }
    }
}

/// What a crate function may do with a token that lets someone else cancel it.
const MAY_CANCEL: Effects = Effects::CANCELS.union(Effects::KEEPS);

/// A token created at binding `root` whose family goes into spawned work and is never
/// cancelled here: the spawn, and the crate functions (path as written, argument) the
/// token or a clone of it is handed to, which the crate check asks about.
struct Unhandled {
    spawn: Span,
    calls: Vec<(String, usize)>,
}

fn unhandled(file: &SourceFile, body: &Body, root: BindingId) -> Option<Unhandled> {
    let b = &body.bindings[root];
    // A token created here (`CancellationToken::new()`), not a parameter or a clone.
    if b.origin != ValueOrigin::Token || b.from.is_some() {
        return None;
    }
    let family = family(body, root);
    let inside_spawn = |span: Span| {
        body.spawns
            .iter()
            .find(|s| s.call.start <= span.start && span.end <= s.call.end)
    };
    let mut spawn = None;
    let mut calls = Vec::new();
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
                // `Tracer::new(sim, token.clone())`: a clone handed to a path call is the
                // crate check's question (the callee's summary).
                UseKind::Method {
                    name,
                    handed: Some(call),
                    ..
                } if name == "clone" => calls.push(call.clone()),
                // A clone stored in a struct or tuple or handed to a method can cancel the
                // whole token: stay silent.
                UseKind::Method { name, call, .. } if name == "clone" && handed_on(file, *call) => {
                    handled = true
                }
                UseKind::CallArg {
                    written: Some(callee),
                    arg,
                    ..
                } => calls.push((callee.clone(), *arg)),
                // Returned, stored, handed on: someone else may cancel it.
                UseKind::Method { .. } | UseKind::Borrow | UseKind::MovedTo(_) => {}
                _ => handled = true,
            }
        }
    }
    // `let _guard = token.clone().drop_guard();`
    handled |= body
        .bindings
        .iter()
        .any(|g| g.origin == ValueOrigin::Guard && g.from.is_some_and(|f| family.contains(&f)));
    match (spawn, handled) {
        (Some(spawn), false) => Some(Unhandled { spawn, calls }),
        _ => None,
    }
}

fn finding(body: &Body, root: BindingId, u: &Unhandled) -> Finding {
    let b = &body.bindings[root];
    let end = Span::new(
        body.span.end.saturating_sub(1) as usize,
        body.span.end as usize,
    );
    Finding::new(
        &TOKEN_NEVER_CANCELLED,
        format!("`{}` is handed to spawned work but never cancelled: the work is never told to stop", b.name),
        Label::new(b.span, "token created here"),
    )
    .label(u.spawn, "a clone of it goes into this spawned work")
    .label(end, "the function ends here without calling `cancel()`")
    .note("the spawned work waits on `cancelled()` for a signal this function never sends")
    .help(format!("call `{}.cancel()` when the work should stop, or keep `{}.drop_guard()` alive so that dropping it cancels", b.name, b.name))
}

/// Whether the value of the expression at `call` goes straight into an enclosing call,
/// struct literal, tuple or array: the next token after it closes or separates one.
fn handed_on(file: &SourceFile, call: Span) -> bool {
    let rest = &file.text[call.end as usize..];
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

//! `receiver_dropped`: the receiver of an mpsc/mpmc/oneshot channel is dropped before the
//! sends, so every send fails.

use crate::diagnostic::{Finding, Label};
use crate::lints::{CrateLintContext, LintContext};
use crate::model::catalog::EndpointOp;
use crate::model::summary::Effects;
use crate::model::{Body, Role, Slot, UseKind};
use crate::source::Span;

declare_lint! {
    pub static RECEIVER_DROPPED = receiver_dropped {
        group: Suspicious,
        needles: super::CHANNEL_NEEDLES,
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        if !channel.kind.needs_receiver() {
            continue;
        }
        let kind = channel.kind.describe();
        let body = cx.model.body(channel.body);
        let unchecked_send =
            |after: u32, ctx: Option<usize>| unchecked_send(body, channel.id, after, ctx);
        match channel.receiver {
            Slot::Wild(_) if unchecked_send(0, None).is_none() => {}
            Slot::Wild(underscore) => out.push(
                Finding::new(
                    &RECEIVER_DROPPED,
                    format!("the receiver of this {kind} channel is dropped at once, so every send on it fails"),
                    crate::diagnostic::Label::new(underscore, "the receiver is dropped here"),
                )
                .label(channel.call, "channel created here")
                .note("`_` is not a binding: the value it matches is dropped immediately")
                .help("bind the receiver (`rx`) and receive from it, or remove the channel if the values are not needed"),
            ),
            Slot::Binding(rx) => {
                let binding = &body.bindings[rx];
                // Where the receiver goes away: an explicit `drop(rx)` in its own context, or
                // the end of its block when it was never moved anywhere (a use in a `move`
                // closure or block moves it there).
                let mut moved = false;
                let mut dropped_at = None;
                for u in &binding.uses {
                    match &u.kind {
                        UseKind::Drop { call } if u.ctx == binding.ctx && dropped_at.is_none() => {
                            dropped_at = Some(*call)
                        }
                        // Moved away, also by a `move` closure that captures it.
                        k if k.moves() || body.captured_by_move(u, binding.ctx) => moved = true,
                        _ => {}
                    }
                }
                let (end, how) = match dropped_at {
                    Some(call) => (call.end, "dropped here"),
                    None if !moved => (binding.scope_end, "dropped here, at the end of its block"),
                    None => continue,
                };
                // A send that runs after that point, in the same context as the receiver.
                let late_send = unchecked_send(end, Some(binding.ctx));
                let Some(send) = late_send else { continue };
                let drop_span = match dropped_at {
                    Some(call) => call,
                    None => crate::source::Span::new(end.saturating_sub(1) as usize, end as usize),
                };
                out.push(
                    Finding::new(
                        &RECEIVER_DROPPED,
                        format!("the receiver of this {kind} channel is dropped before the values are sent, so the sends fail"),
                        crate::diagnostic::Label::new(drop_span, format!("the receiver is {how}")),
                    )
                    .label(binding.span, "receiver bound here")
                    .label(send, "this send fails: no receiver is left")
                    .help("keep the receiver alive until every value has been received"),
                );
            }
            Slot::Unbound => {}
        }
    }
}

/// A send on a sender of `channel` at or after byte `after` (in context `ctx`, when given)
/// whose result is not inspected for an error: the author expects it to work. (Tests that
/// check `tx.send(..).is_err()` after dropping the receiver are deliberate.)
fn unchecked_send(body: &Body, channel: usize, after: u32, ctx: Option<usize>) -> Option<Span> {
    body.endpoints(channel, Role::Sender).find_map(|tx| {
        body.bindings[tx].uses.iter().find_map(|u| match &u.kind {
            UseKind::Method {
                op: EndpointOp::Send,
                call,
                inspected: false,
                ..
            } if u.span.start >= after && ctx.is_none_or(|c| u.ctx == c) => Some(*call),
            _ => None,
        })
    })
}

/// The crate-wide reach: the channel's only receiver is handed by value to a function of
/// the crate whose effect summary (through the functions it passes the receiver on to)
/// never keeps it (no store, spawn, return, or anything leaklint cannot follow): the
/// receiver is gone when that call returns, and a later send fails.
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        let Slot::Binding(rx) = channel.receiver else {
            continue;
        };
        let body = cx.model.body(channel.body);
        let binding = &body.bindings[rx];
        if !channel.kind.needs_receiver()
            || body.endpoints(channel.id, Role::Receiver).count() != 1
            || binding
                .uses
                .iter()
                .any(|u| body.captured_by_move(u, binding.ctx))
        {
            continue;
        }
        let Some(first) = binding.first_move().filter(|u| u.ctx == binding.ctx) else {
            continue;
        };
        let UseKind::CallArg {
            written: Some(callee),
            arg,
            ..
        } = &first.kind
        else {
            continue;
        };
        let Some(effects) = cx
            .krate
            .call_effects(cx.file_id, channel.body, callee, *arg)
        else {
            continue;
        };
        if effects.intersects(Effects::KEEPS) {
            continue;
        }
        let Some(send) = unchecked_send(body, channel.id, first.span.end, Some(binding.ctx)) else {
            continue;
        };
        let kind = channel.kind.describe();
        out.push(
            Finding::new(
                &RECEIVER_DROPPED,
                format!("the receiver of this {kind} channel is dropped inside `{callee}`, before the values are sent, so the sends fail"),
                Label::new(first.span, format!("the receiver is handed to `{callee}` here, which drops it")),
            )
            .label(binding.span, "receiver bound here")
            .label(send, "this send fails: no receiver is left")
            .note(format!("`{callee}` does not keep the receiver (its summary: {effects}): it is dropped when the call returns"))
            .help("keep the receiver alive until every value has been received (pass it by reference, or have the function keep or return it)"),
        );
    }
}

//! `receiver_dropped`: the receiver of an mpsc/mpmc/oneshot channel is dropped before the
//! sends, so every send fails.

use crate::diagnostic::Finding;
use crate::lints::LintContext;
use crate::model::catalog::EndpointOp;
use crate::model::{Role, Slot, UseKind};

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
        // A send whose result is not inspected for an error: the author expects it to work.
        // (Tests that check `tx.send(..).is_err()` after dropping the receiver are deliberate.)
        let unchecked_send = |after: u32, ctx: Option<usize>| {
            body.endpoints(channel.id, Role::Sender).find_map(|tx| {
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
        };
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

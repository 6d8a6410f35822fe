//! `recv_without_sender`: a receive that waits for a value no sender will ever send.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{self, ChannelKind, EndpointOp, Library};
use crate::model::{Body, Role, Slot, UseKind};
use crate::source::Span;

declare_lint! {
    pub static RECV_WITHOUT_SENDER = recv_without_sender {
        group: Correctness,
        needles: super::CHANNEL_NEEDLES,
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        let Slot::Binding(rx) = channel.receiver else {
            continue;
        };
        let body = cx.model.body(channel.body);
        let receiver = &body.bindings[rx];
        if channel.kind == ChannelKind::Never {
            // Rust's nil channel: only useful as a `select!` arm (a macro use, not a call).
            if let Some(at) = first_blocking_receive(body, channel.ctor.library, rx, None) {
                out.push(
                    Finding::new(
                        &RECV_WITHOUT_SENDER,
                        "this receive on `crossbeam_channel::never()` blocks for ever",
                        Label::new(at, "never returns"),
                    )
                    .label(channel.call, "a channel that never delivers a message")
                    .note("`never()` is meant for an arm of `select!` that should never fire")
                    .help("use `recv_timeout`, or receive from it only inside `select!`"),
                );
            }
            continue;
        }
        if matches!(channel.kind, ChannelKind::Broadcast | ChannelKind::Watch) {
            continue;
        }
        // Every sender is bound, never used at all, and alive at the receive.
        let Slot::Binding(tx) = channel.sender else {
            continue;
        };
        let sender = &body.bindings[tx];
        if !sender.uses.is_empty() || body.endpoints(channel.id, Role::Sender).count() != 1 {
            continue;
        }
        // The receive must run in the sender's own context: elsewhere, the sender may be
        // dropped (ending the wait with an error) while the receive waits. The sender is
        // alive there: the receive is a use of the receiver, bound by the same `let`.
        let Some(at) = first_blocking_receive(body, channel.ctor.library, rx, Some(sender.ctx))
        else {
            continue;
        };
        // A receiver closed explicitly makes every receive return.
        if body.ops(receiver).any(|(op, _)| op == EndpointOp::Close) {
            continue;
        }
        let kind = channel.kind.describe();
        if channel.kind == ChannelKind::CompletesOnDrop {
            out.push(
                Finding::new(
                    &RECV_WITHOUT_SENDER,
                    format!("this wait never ends: it waits for every clone of `{}` to be dropped, but `{}` is never used and stays alive", sender.name, sender.name),
                    Label::new(at, "waits until every handle is dropped"),
                )
                .label(sender.span, format!("`{}` lives until the end of its block", sender.name))
                .label(channel.call, "handle and waiter created here (declared in `[apis] completes-on-drop`)")
                .help(format!("hand `{}` to the work, or drop it before waiting", sender.name)),
            );
            continue;
        }
        out.push(
            Finding::new(
                &RECV_WITHOUT_SENDER,
                format!("this receive waits for ever: the only sender `{}` is never used, but stays alive", sender.name),
                Label::new(at, "blocks until a value arrives or every sender is dropped"),
            )
            .label(sender.span, format!("`{}` is never used and lives until the end of its block", sender.name))
            .label(channel.call, format!("{kind} channel created here"))
            .note(format!("`{}` is a binding, not `_`: the sender is kept alive, so the receive cannot even fail", sender.name))
            .help("send on the sender, hand it to the work that will send, or drop it before receiving")
            .label(receiver.span, "receiver bound here"),
        );
    }
}

/// The first receive on `rx` that blocks until a value or a close (`recv`, `recv().await`,
/// `rx.await`, a receive loop), optionally only in context `ctx`.
fn first_blocking_receive(
    body: &Body,
    library: Library,
    rx: usize,
    ctx: Option<usize>,
) -> Option<Span> {
    body.bindings[rx]
        .uses
        .iter()
        .filter(|u| ctx.is_none_or(|c| u.ctx == c))
        .find_map(|u| match &u.kind {
            // tokio's `blocking_recv` panics inside async code instead of blocking.
            UseKind::Method { name, .. }
                if catalog::panics_in_async(library, name) && body.contexts[u.ctx].is_async =>
            {
                None
            }
            UseKind::Method {
                op: EndpointOp::Recv | EndpointOp::IntoIter,
                call,
                name,
                ..
            } if name != "into_stream" && name != "stream" => Some(*call),
            UseKind::Await | UseKind::ForLoop => Some(u.span),
            _ => None,
        })
}

//! `receiver_never_read`: values are sent into a channel whose receiver is kept alive but
//! never read.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{endpoint_op, send_may_block, ChannelKind, EndpointOp};
use crate::model::{Body, CrateCondition, Role, Slot, Use, UseKind};
use crate::source::Span;

declare_lint! {
    pub static RECEIVER_NEVER_READ = receiver_never_read {
        group: Suspicious,
        needles: super::CHANNEL_NEEDLES,
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        // Only channels whose sends can block or pile up.
        let consequence = match channel.kind {
            ChannelKind::Bounded(_) => "once the buffer is full, every sender blocks for ever",
            ChannelKind::Unbounded => {
                "the buffer grows without limit: every value sent is kept in memory"
            }
            _ => continue,
        };
        let Slot::Binding(rx) = channel.receiver else {
            continue;
        };
        let body = cx.model.body(channel.body);
        let receiver = &body.bindings[rx];
        // Sends on any sender of the channel, in any context. On a bounded channel only a
        // send that can wait counts (`try_send` and `send_timeout` give up).
        let bounded = matches!(channel.kind, ChannelKind::Bounded(_));
        let sends: Vec<(Span, usize)> = body
            .endpoints(channel.id, Role::Sender)
            .flat_map(|tx| body.bindings[tx].uses.iter())
            .filter_map(|u| match &u.kind {
                UseKind::Method {
                    op: EndpointOp::Send,
                    call,
                    name,
                    ..
                } if !bounded || send_may_block(name) => Some((*call, u.ctx)),
                _ => None,
            })
            .collect();
        // More values than the channel can hold: a send in a loop, or more send sites than
        // a literal capacity.
        let too_many = sends.iter().any(|(call, ctx)| body.in_loop(*call, *ctx))
            || matches!(channel.kind, ChannelKind::Bounded(Some(cap)) if sends.len() as u64 > cap);
        let send = sends.first().map(|(call, _)| *call).filter(|_| too_many);
        let sender_used = body
            .endpoints(channel.id, Role::Sender)
            .any(|tx| !body.bindings[tx].uses.is_empty());
        let kind = channel.kind.describe();
        match receiver.uses.as_slice() {
            // `_rx`: kept to the end of the block, never read.
            [] => {
                let Some(send) = send else { continue };
                out.push(
                    Finding::new(
                        &RECEIVER_NEVER_READ,
                        format!("values are sent into this {kind} channel, but its receiver `{}` is never read: {consequence}", receiver.name),
                        Label::new(receiver.span, "kept alive, never read"),
                    )
                    .label(send, "a value is sent here")
                    .label(channel.call, "channel created here")
                    .help("receive from the channel, or drop the channel and stop sending if the values are not needed"),
                );
            }
            // Stored into a struct field (directly or through `Some(..)`): a finding only if
            // no code of the crate reads that field.
            [u] => {
                // The field's identity is its struct and name: `Metrics::rx` is not
                // `Worker::rx`. In `impl T`, `self.rx = ..` stores into `T::rx`. A receiver
                // pushed into a local collection counts as stored where the collection is.
                let Some((ty, field, u)) = stored_field(body, u) else {
                    continue;
                };
                // Sends through the sender's field, in a loop of a method of the type.
                let field_send = ty
                    .as_deref()
                    .and_then(|ty| field_send_in_loop(cx, body, channel.id, ty, bounded));
                let send = send.or(field_send);
                // `_field`: kept on purpose, unless values are sent into it in a loop.
                let sent_in_loop = sends.iter().any(|(call, ctx)| body.in_loop(*call, *ctx))
                    || field_send.is_some();
                if !sender_used || (field.starts_with('_') && !sent_in_loop) {
                    continue;
                }
                let shown = match &ty {
                    Some(ty) => format!("{ty}::{field}"),
                    None => field.clone(),
                };
                let mut f = Finding::new(
                    &RECEIVER_NEVER_READ,
                    format!("this {kind} channel's receiver is stored in field `{shown}`, which nothing in the crate reads: {consequence}"),
                    Label::new(u.span, format!("stored in `{shown}` here")),
                )
                .label(channel.call, "channel created here")
                .help(format!("receive from `{field}` somewhere, or remove the channel"));
                if let Some(send) = send {
                    f = f.label(send, "a value is sent here");
                }
                f.condition = Some(match ty {
                    Some(ty) => CrateCondition::FieldOfTypeNeverRead { ty, field },
                    None => CrateCondition::FieldNeverRead(field),
                });
                out.push(f);
            }
            _ => {}
        }
    }
}

/// The `(struct, field, store)` a receiver's one use keeps it in: `self.rx = rx`,
/// `T { rx }`, or a push into a local collection that is itself stored so
/// (`keep.push(rx); .. T { keep }`).
fn stored_field<'b>(body: &'b Body, u: &'b Use) -> Option<(Option<String>, String, &'b Use)> {
    match &u.kind {
        UseKind::StoredSelfField(f) => Some((
            body.name.rsplit_once("::").map(|(t, _)| t.to_string()),
            f.clone(),
            u,
        )),
        UseKind::StoredStruct { ty, field } => Some((ty.clone(), field.clone(), u)),
        UseKind::Pushed { into: Some(coll) } => match body.bindings[*coll].uses.as_slice() {
            [.., last]
                if matches!(
                    last.kind,
                    UseKind::StoredSelfField(_) | UseKind::StoredStruct { .. }
                ) =>
            {
                let others = &body.bindings[*coll].uses[..body.bindings[*coll].uses.len() - 1];
                // Only pushes and borrows before the store: nothing reads the collection.
                others
                    .iter()
                    .all(|o| matches!(&o.kind, UseKind::Method { name, .. } if name == "push"))
                    .then_some(())?;
                stored_field(body, last)
            }
            _ => None,
        },
        _ => None,
    }
}

/// A send on the field of `ty` that a sender of channel `channel` is stored in, inside a
/// loop of a method of `ty` in this file (`for i in 0..n { self.events.send(i).await }`).
/// On a bounded channel only a send that can wait counts.
fn field_send_in_loop(
    cx: &LintContext<'_>,
    body: &Body,
    channel: usize,
    ty: &str,
    bounded: bool,
) -> Option<Span> {
    let fields: Vec<String> = body
        .endpoints(channel, Role::Sender)
        .flat_map(|tx| body.bindings[tx].uses.iter())
        .filter_map(|u| match &u.kind {
            UseKind::StoredSelfField(f) => Some(f.clone()),
            UseKind::StoredStruct { field, .. } => Some(field.clone()),
            _ => None,
        })
        .collect();
    let prefix = format!("{ty}::");
    let methods = cx
        .model
        .bodies
        .iter()
        .filter(|b| b.name.starts_with(&prefix));
    for l in methods.flat_map(|b| &b.loops) {
        let text = cx.file.snippet(l.body);
        for field in &fields {
            let needle = format!("self.{field}.");
            for (at, _) in text.match_indices(&needle) {
                let rest = &text[at + needle.len()..];
                let method: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let blocks = !bounded || send_may_block(&method);
                if endpoint_op(&method) == EndpointOp::Send && blocks {
                    let start = l.body.start as usize + at;
                    return Some(Span::new(start, start + needle.len() + method.len()));
                }
            }
        }
    }
    None
}

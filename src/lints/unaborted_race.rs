//! `unaborted_race`: "first answer wins" — several spawned tasks race to one channel or to a
//! `select_all`/`select_ok`, only the first result is taken, and the losers are never stopped.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{ChannelKind, EndpointOp, OnDrop};
use crate::model::{Body, HandleFate, HandleUse, Role, Slot, SpawnSite, UseKind};
use crate::source::Span;

declare_lint! {
    pub static UNABORTED_RACE = unaborted_race {
        group: Suspicious,
        // Detaching spawns (SPAWN_NEEDLES) racing to a channel made here (CHANNEL_NEEDLES) or
        // to a `select_all`/`select_ok`.
        needles: &["$spawn&$channel|select_all(|select_ok("],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        let Slot::Binding(rx) = channel.receiver else {
            continue;
        };
        let body = cx.model.body(channel.body);
        if body.in_test {
            continue;
        }
        // Racers: detached spawns that capture a sender of this channel.
        let senders: Vec<usize> = body.endpoints(channel.id, Role::Sender).collect();
        let racers: Vec<&SpawnSite> = body
            .spawns
            .iter()
            .filter(|s| detached(body, s))
            .filter(|s| {
                senders.iter().any(|&tx| {
                    body.bindings[tx]
                        .uses
                        .iter()
                        .any(|u| within(u.span, s.call))
                        || within(body.bindings[tx].span, s.call)
                })
            })
            .collect();
        let in_loop = racers.iter().any(|s| body.in_loop(s.call, s.ctx));
        let count = racers.len() as u64 + in_loop as u64;
        if count < 2 {
            continue;
        }
        // The losers block in `send` when the channel cannot hold every racer's value: a
        // capacity `cap` and one receive take `cap + 1` sends. Racers spawned in a loop are
        // taken to be many, more than a capacity of one and the receive can take.
        let blocks = match channel.kind {
            ChannelKind::Bounded(Some(cap)) if in_loop => cap <= 1,
            ChannelKind::Bounded(Some(cap)) => cap + 1 < count,
            _ => false,
        };
        if !blocks {
            continue;
        }
        // Exactly one value is taken.
        let receiver = &body.bindings[rx];
        // (An iterator or stream over the receiver takes every value: no race.)
        if body.ops(receiver).any(|(op, _)| op == EndpointOp::IntoIter) {
            continue;
        }
        let receives: Vec<Span> = body
            .ops(receiver)
            .filter(|(op, _)| *op == EndpointOp::Recv)
            .map(|(_, span)| span)
            .collect();
        let [first] = receives.as_slice() else {
            continue;
        };
        if body.in_loop(*first, receiver.ctx) || body.recv_loops.iter().any(|l| l.receiver == rx) {
            continue;
        }
        let mut f = Finding::new(
            &UNABORTED_RACE,
            format!(
                "only the first of {}{} racing tasks is received; the others block in `send` on this full {} channel and are never stopped",
                if in_loop { "several" } else { "" },
                if in_loop { String::new() } else { count.to_string() },
                channel.kind.describe()
            ),
            Label::new(*first, "the single receive: the first answer wins"),
        )
        .label(channel.call, "channel created here");
        for s in &racers {
            f = f.label(
                s.callee_span,
                "a racer is spawned here; its handle is dropped",
            );
        }
        out.push(f.help("spawn the racers on a `JoinSet` (dropping it aborts the losers), abort their handles after the first answer, or size the channel to the number of racers"));
    }
    // `select_all(handles)` / `select_ok(handles)` over collected task handles: the losers'
    // handles are dropped, which detaches them.
    for (_, body) in cx.model.bodies_outside_tests() {
        for (v, b) in body.bindings.iter().enumerate() {
            let Some(select) = b.uses.iter().find_map(|u| match &u.kind {
                UseKind::CallArg { callee: Some(p) }
                    if p.ends_with("select_all") || p.ends_with("select_ok") =>
                {
                    Some(u.span)
                }
                _ => None,
            }) else {
                continue;
            };
            let racers: Vec<&SpawnSite> = body
                .spawns
                .iter()
                .filter(|s| s.handle == HandleFate::Collected(v) && s.on_drop == OnDrop::Detach)
                .collect();
            let aborts = body
                .bindings
                .iter()
                .flat_map(|b| &b.uses)
                .any(|u| matches!(&u.kind, UseKind::Method { name, .. } if name == "abort"));
            if racers.is_empty() || aborts {
                continue;
            }
            let mut f = Finding::new(
                &UNABORTED_RACE,
                format!("only the first of the tasks in `{}` is awaited; dropping the other handles detaches them and they keep running", b.name),
                Label::new(select, "the first finished task wins here"),
            );
            for s in &racers {
                f = f.label(s.callee_span, "a racer is spawned here");
            }
            out.push(f.help("abort the remaining handles after the first result, or use a `JoinSet` (dropping it aborts the rest)"));
        }
    }
}

fn detached(body: &Body, site: &SpawnSite) -> bool {
    site.detaches() && matches!(body.handle_use(site), HandleUse::Dropped(_))
}

fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

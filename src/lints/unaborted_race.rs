//! `unaborted_race`: "first answer wins" — several spawned tasks race to one channel or to a
//! `select_all`/`select_ok`, only the first result is taken, and the losers are never stopped.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{send_never_blocks, ChannelKind, EndpointOp, OnDrop};
use crate::model::flow::{Liveness, LoopKind};
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
    channel_races(cx, out);
    select_races(cx, out);
}

/// Racers sending to one channel made here, with a single receive: the values the buffer
/// and the receive cannot take leave their senders blocked in `send` for ever.
fn channel_races(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        let Slot::Binding(rx) = channel.receiver else {
            continue;
        };
        let body = cx.model.body(channel.body);
        if body.in_test {
            continue;
        }
        let racers = racers(body, channel.id);
        let count = racer_count(body, &racers);
        let blocked = match (channel.kind, count) {
            // A capacity `cap` and one receive take `cap + 1` sends (so fewer than two
            // racers never block).
            (ChannelKind::Bounded(Some(cap)), Some(n)) => n.saturating_sub(cap + 1),
            // Racers spawned in a loop of unwritten count are taken to be many, more than a
            // capacity of one and the receive can take.
            (ChannelKind::Bounded(Some(cap)), None) if cap <= 1 => u64::MAX,
            _ => continue,
        };
        if blocked == 0 {
            continue;
        }
        let Some(first) = single_receive(body, rx) else {
            continue;
        };
        // A dropped receiver wakes the blocked senders with an error: the losers block for
        // ever only while the receiver outlives the race.
        let Some(held) = receiver_outlives(body, rx, first) else {
            continue;
        };
        let message = race_message(channel.kind, count, blocked);
        let mut f = Finding::new(
            &UNABORTED_RACE,
            message,
            Label::new(first, "the single receive: the first answer wins"),
        )
        .label(channel.call, "channel created here")
        .label(held.0, held.1);
        for s in &racers {
            f = f.label(
                s.callee_span,
                "a racer is spawned here; its handle is dropped",
            );
        }
        out.push(f.help("spawn the racers on a `JoinSet` (dropping it aborts the losers), abort their handles after the first answer, or size the channel to the number of racers"));
    }
}

/// The message, worded by the real count: `count` values race for one receive and the
/// buffer of `kind`, and `blocked` of their senders wait in `send` for ever.
fn race_message(kind: ChannelKind, count: Option<u64>, blocked: u64) -> String {
    let ChannelKind::Bounded(Some(cap)) = kind else {
        return format!("only the first of the racing tasks is received; the others block in `send` on this full {} channel and are never stopped", kind.describe());
    };
    let Some(n) = count else {
        let who = match cap {
            0 => "the others block in `send` (a rendezvous channel holds none)".to_string(),
            c => format!("all but {c} of the others block in `send` on this full bounded (capacity {c}) channel"),
        };
        return format!(
            "only the first of several racing tasks is received; {who} and are never stopped"
        );
    };
    let held = match cap {
        0 => "a rendezvous channel holds none".to_string(),
        c => format!("the channel holds {c} more"),
    };
    let who = if blocked + 1 == n {
        match blocked {
            1 => "the other one".to_string(),
            b => format!("the other {b}"),
        }
    } else {
        format!("{blocked} of the others")
    };
    let verb = if blocked == 1 {
        "blocks in `send` and is"
    } else {
        "block in `send` and are"
    };
    format!("only the first of {n} racing tasks is received; {held}, so {who} {verb} never stopped")
}

/// Detached spawns that capture a sender of `channel`.
fn racers(body: &Body, channel: usize) -> Vec<&SpawnSite> {
    let senders: Vec<usize> = body.endpoints(channel, Role::Sender).collect();
    body.spawns
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
        .filter(|s| may_block(body, &senders, s))
        .collect()
}

/// Whether racer `s` may wait in `send`: not when every use of a sender inside it is a send
/// that never blocks for ever (`tx.try_send(v)`, `tx.send_timeout(v, d)`).
fn may_block(body: &Body, senders: &[usize], s: &SpawnSite) -> bool {
    let mut uses = senders
        .iter()
        .flat_map(|&tx| &body.bindings[tx].uses)
        .filter(|u| within(u.span, s.call))
        .peekable();
    uses.peek().is_none()
        || !uses.all(|u| {
            matches!(&u.kind, UseKind::Method { name, op: EndpointOp::Send, .. }
                if send_never_blocks(name))
        })
}

/// Where the receiver `rx` is still held long after the receive `first`, and a label saying
/// so: stored, returned or leaked (it outlives the call), or alive, unused, through a
/// `loop`/`while` that runs after the receive in the same function. `None` when the
/// receiver is dropped once the function's remaining straight-line code ends (explicitly,
/// or at the end of its scope): the blocked senders then wake with an error.
fn receiver_outlives(body: &Body, rx: usize, first: Span) -> Option<(Span, &'static str)> {
    let receiver = &body.bindings[rx];
    let escape = receiver.uses.iter().find(|u| {
        u.ctx == receiver.ctx
            && matches!(
                u.kind,
                UseKind::Returned
                    | UseKind::StoredSelfField(_)
                    | UseKind::StoredStruct { .. }
                    | UseKind::Leak { .. }
                    | UseKind::Pushed { into: None }
            )
    });
    if let Some(u) = escape {
        return Some((
            u.span,
            "the receiver outlives the call here, so the losers' sends never fail",
        ));
    }
    body.loops
        .iter()
        .filter(|l| l.ctx == receiver.ctx && l.span.start >= first.end)
        .filter(|l| matches!(l.kind, LoopKind::Loop | LoopKind::While))
        .filter(|l| !receiver.uses.iter().any(|u| within(u.span, l.span)))
        .find(|l| {
            matches!(
                body.liveness(rx, l.span.start, receiver.ctx),
                Liveness::Alive(_)
            )
        })
        .map(|l| {
            (
                l.span,
                "this loop runs while the receiver is still held, so the losers stay blocked",
            )
        })
}

/// How many values the racers send: each racer once per run of every loop around it.
/// `None` when a loop around a racer does not write its count as literals (`0..n`).
fn racer_count(body: &Body, racers: &[&SpawnSite]) -> Option<u64> {
    racers.iter().try_fold(0u64, |sum, s| {
        let runs = body
            .loops
            .iter()
            .filter(|l| within(s.call, l.body) && body.ctx_within(s.ctx, l.ctx))
            .try_fold(1u64, |n, l| l.count.map(|c| n.saturating_mul(c)))?;
        Some(sum.saturating_add(runs))
    })
}

/// The one receive on `rx`, when exactly one value is taken: not in a loop, not a receive
/// loop, and no iterator or stream over the receiver (those take every value).
fn single_receive(body: &Body, rx: usize) -> Option<Span> {
    let receiver = &body.bindings[rx];
    if body.ops(receiver).any(|(op, _)| op == EndpointOp::IntoIter) {
        return None;
    }
    let receives: Vec<Span> = body
        .ops(receiver)
        .filter(|(op, _)| *op == EndpointOp::Recv)
        .map(|(_, span)| span)
        .collect();
    let [first] = receives.as_slice() else {
        return None;
    };
    if body.in_loop(*first, receiver.ctx) || body.recv_loops.iter().any(|l| l.receiver == rx) {
        return None;
    }
    Some(*first)
}

/// `select_all(handles)` / `select_ok(handles)` over collected task handles: the losers'
/// handles are dropped, which detaches them.
fn select_races(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for (_, body) in cx.model.bodies_outside_tests() {
        for (v, b) in body.bindings.iter().enumerate() {
            let Some(select) = b.uses.iter().find_map(|u| match &u.kind {
                UseKind::CallArg {
                    callee: Some(p), ..
                } if p.ends_with("select_all") || p.ends_with("select_ok") => Some(u.span),
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

//! `sender_alive_in_recv_loop`: a loop that receives until every sender is gone, while a
//! sender of the same channel is still alive at the loop — it can never end.

use crate::diagnostic::{Applicability, Finding, Label, Suggestion};
use crate::lints::{insert_statement_before, statement_start, CrateLintContext, LintContext};
use crate::model::catalog::{ChannelKind, EndpointOp};
use crate::model::flow::{AliveBecause, Liveness};
use crate::model::index::FnRef;
use crate::model::items::{FnItem, WorkerFields};
use crate::model::types::{Holds, TypeHint};
use crate::model::{Binding, Body, CrateCondition, FileModel, RecvLoop, Role, UseKind};
use crate::source::{SourceFile, Span};

declare_lint! {
    pub static SENDER_ALIVE_IN_RECV_LOOP = sender_alive_in_recv_loop {
        group: Correctness,
        needles: super::CHANNEL_NEEDLES,
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for body in &cx.model.bodies {
        for rl in &body.recv_loops {
            // A loop that can leave by `break`, `return` or `?` does not depend on the
            // channel closing (a stop variant's arms are the crate check's question).
            if rl.variant_exits || !rl.pattern_types.is_empty() {
                continue;
            }
            if let Some(l) = rl.loop_id {
                if !body.loops[l].exits.is_empty() {
                    continue;
                }
            }
            out.extend(check_loop(cx.file, cx.model, body, rl));
        }
    }
}

/// The finding of a receive loop (its exits aside) while a sender of its channel is alive.
fn check_loop(file: &SourceFile, model: &FileModel, body: &Body, rl: &RecvLoop) -> Option<Finding> {
    let Some((channel, Role::Receiver)) = body.endpoint_of(rl.receiver) else {
        return None;
    };
    let ch = model.channel(channel);
    if ch.kind == ChannelKind::Oneshot || closes_explicitly(body, channel) {
        return None;
    }
    // The first sender that is certainly alive at the loop.
    let alive = body.endpoints(channel, Role::Sender).find_map(|tx| {
        match body.liveness(tx, rl.span.start, rl.ctx) {
            Liveness::Alive(why) => Some((tx, why)),
            _ => None,
        }
    });
    let Some((tx, why)) = alive else {
        // The loop runs in spawned work that this function joins while a sender is
        // still alive here: the join waits for a loop that waits for the join.
        return joined_while_alive(file, model, body, rl, channel);
    };
    // A lone sender that is never used at all is `recv_without_sender`'s case.
    if body.bindings[tx].uses.is_empty() && body.endpoints(channel, Role::Sender).count() == 1 {
        return None;
    }
    // Name the binding that holds the value at the loop (`a1` after `let a1 = tx;`).
    let tx = body.holder_at(tx, rl.span.start);
    Some(finding(file, model, body, rl, (channel, ch.call), tx, why))
}

/// A `while let Ok(Job { id }) = rx.recv()` loop (a struct, tuple-struct or one-variant
/// enum pattern inside the `Ok`/`Some`): it leaves only on the close when the crate's types
/// confirm the pattern matches every value; then it is checked as a plain receive loop.
fn check_pattern_loops(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (id, body) in cx.model.bodies.iter().enumerate() {
        for rl in &body.recv_loops {
            if rl.pattern_types.is_empty()
                || rl.variant_exits
                || !closing_pattern(cx, id, rl)
                || rl.loop_id.is_some_and(|l| !body.loops[l].exits.is_empty())
            {
                continue;
            }
            out.extend(check_loop(cx.file, cx.model, body, rl));
        }
    }
}

/// Whether the loop's receive pattern matches every value (no paths to check, or each
/// names a struct or a one-variant enum's variant: [`RecvLoop::pattern_types`]).
fn closing_pattern(cx: &CrateLintContext<'_>, body: usize, rl: &RecvLoop) -> bool {
    rl.pattern_types.is_empty()
        || cx
            .krate
            .patterns_irrefutable(cx.file_id, body, &rl.pattern_types)
}

/// A receive loop whose only ways out (besides the channel closing) are taken for one
/// message variant (`Cmd::Shutdown => return`): if nothing in the crate constructs that
/// variant, those exits are never taken, and the loop is reported as if it had none (the
/// finding stands on [`CrateCondition::VariantNeverConstructed`]).
fn check_variant_exits(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for r in cx.krate.fns_of_file(cx.file_id) {
        let item = cx.krate.item(r);
        let Some(b) = item.body else { continue };
        let body = cx.model.body(b);
        for rl in &body.recv_loops {
            let Some((variant, exit)) = item.paths.recv_loop_stop_variant(body, rl) else {
                continue;
            };
            if let Some(f) = check_loop(cx.file, cx.model, body, rl) {
                let besides = if rl.variant_exits {
                    " besides the channel closing"
                } else {
                    ""
                };
                out.push(never_sent(f, variant, Some(exit.span), besides));
            }
        }
    }
}

/// A finding on a loop whose only other way out is a `variant` message: it stands only if
/// nothing in the crate constructs that variant.
fn never_sent(f: Finding, variant: &str, exit: Option<Span>, besides: &str) -> Finding {
    let what = format!(
        "the only way out{besides}: a `{variant}` message, which nothing in the crate sends"
    );
    let mut f = match exit {
        Some(exit) => f.label(exit, what),
        None => f.note(format!("the loop's only other way out is a `{variant}` message, which nothing in the crate sends")),
    }
    .note(format!("no code of the crate constructs `{variant}`, so this exit is never taken"));
    f.condition = Some(CrateCondition::VariantNeverConstructed(variant.to_string()));
    f
}

fn finding(
    file: &SourceFile,
    model: &FileModel,
    body: &Body,
    rl: &RecvLoop,
    (channel, created): (usize, Span),
    tx: usize,
    why: AliveBecause,
) -> Finding {
    let loop_span = rl.span;
    let sender = &body.bindings[tx];
    let name = &sender.name;
    let (keep_span, keep_label) = match why {
        AliveBecause::InScope => (
            sender.span,
            format!("`{name}` stays alive until the end of its block"),
        ),
        AliveBecause::UsedAt(at) if at.start >= loop_span.start && at.end <= loop_span.end => (
            at,
            format!("`{name}` is used inside the loop, so it is alive for the whole loop"),
        ),
        AliveBecause::UsedAt(at) => (at, format!("`{name}` is still used after the loop")),
        AliveBecause::Leaked(at) => (at, format!("`{name}` is leaked here and never dropped")),
        AliveBecause::StoredInSelf(at) => (
            at,
            format!("`{name}` is stored in `self` here, which outlives the loop"),
        ),
        AliveBecause::InCollection(at) => (
            at,
            format!("`{name}` is kept in a collection that is still alive"),
        ),
    };
    let waiter = model.channel(channel).kind == ChannelKind::CompletesOnDrop;
    let what = if waiter { "wait" } else { "loop" };
    // `let _ = tx;` in a closure: it looks like a move into the closure, but captures nothing.
    let not_captured = sender
        .uses
        .iter()
        .find(|u| u.kind == UseKind::LetUnderscore && u.ctx != sender.ctx && !body.whole_captures);
    let mut f = if waiter {
        Finding::new(
            &SENDER_ALIVE_IN_RECV_LOOP,
            format!("this wait ends when every clone of the handle is dropped, but `{name}` is still alive, so it never ends"),
            Label::new(rl.header, "waits until every handle is dropped"),
        )
        .label(created, "handle and waiter created here (declared in `[apis] completes-on-drop`)")
        .label(keep_span, keep_label)
    } else {
        Finding::new(
            &SENDER_ALIVE_IN_RECV_LOOP,
            format!("this loop waits for every sender to be dropped, but `{name}` is still alive, so it never ends"),
            Label::new(rl.header, "receives until all senders are gone"),
        )
        .label(created, "channel created here")
        .label(keep_span, keep_label)
        .note("a receive loop on a channel only ends when the last sender is dropped")
    };
    if let Some(u) = not_captured {
        f = f.label(u.span, format!("`let _ = {name};` does not move `{name}` into the closure: `_` binds nothing, so nothing is captured"));
    }
    match why {
        AliveBecause::InScope => {
            // A safe edit only when the loop is a statement on its own line, in the
            // sender's own flow of control.
            let edit = (sender.ctx == rl.ctx)
                .then(|| statement_start(file, loop_span.start, name))
                .flatten()
                .and_then(|at| insert_statement_before(file, at, &format!("drop({name});"), format!("drop `{name}` before the {what}")));
            f = match unless_borrowed(edit, sender) {
                Some(edit) => f.suggestion(edit),
                None => f.help(format!("drop `{name}` before the {what}: `drop({name});`")),
            };
        }
        AliveBecause::UsedAt(_) => {
            f = f.help(format!(
                "move `{name}` (or the clone) into the work that sends, and drop the remaining senders before the loop"
            ))
        }
        _ => f = f.help(format!("do not keep `{name}` alive for ever: drop it before the loop, or end the loop with an explicit close or a shutdown message")),
    }
    f
}

/// An explicit `close()` on any endpoint ends the loop without dropping the senders.
fn closes_explicitly(body: &Body, channel: usize) -> bool {
    [Role::Sender, Role::Receiver].into_iter().any(|role| {
        body.endpoints(channel, role).any(|b| {
            body.ops(&body.bindings[b])
                .any(|(op, _)| op == EndpointOp::Close)
        })
    })
}

fn joined_while_alive(
    file: &SourceFile,
    model: &FileModel,
    body: &Body,
    rl: &RecvLoop,
    channel: usize,
) -> Option<Finding> {
    let site = body.spawn_running(rl.ctx)?;
    let join = body.join_point(site)?;
    let (tx, why) = body.endpoints(channel, Role::Sender).find_map(|tx| {
        if body.bindings[tx].ctx != site.ctx {
            return None;
        }
        match body.liveness(tx, join.start, site.ctx) {
            Liveness::Alive(why) => Some((body.holder_at(tx, join.start), why)),
            _ => None,
        }
    })?;
    let sender = &body.bindings[tx];
    let name = &sender.name;
    let keep = match why {
        AliveBecause::UsedAt(at) => (at, format!("`{name}` is still used after the join")),
        AliveBecause::Leaked(at) => (at, format!("`{name}` is leaked here")),
        AliveBecause::StoredInSelf(at) => (at, format!("`{name}` is stored in `self` here")),
        AliveBecause::InCollection(at) => (at, format!("`{name}` is kept in a collection here")),
        AliveBecause::InScope => (
            sender.span,
            format!("`{name}` is alive until the end of its block, after the join"),
        ),
    };
    let mut f = Finding::new(
        &SENDER_ALIVE_IN_RECV_LOOP,
        format!("this waits for work whose receive loop cannot end: `{name}` is still alive here, so the loop never sees the channel close"),
        Label::new(join, "waits for the spawned work to finish"),
    )
    .label(rl.header, "receives until all senders are gone")
    .label(keep.0, keep.1)
    .label(model.channel(channel).call, "channel created here")
    .note("the receive loop ends only when every sender is dropped, and this sender outlives the join: a deadlock");
    // A join repeated by a loop (`for w in workers { w.join() }`) gets the `drop` before
    // that loop: inside it, the second iteration would use a moved sender.
    let anchor = body
        .loops
        .iter()
        .filter(|l| l.span.start <= join.start && join.end <= l.span.end)
        .filter(|l| !(l.span.start <= site.call.start && site.call.end <= l.span.end))
        .map(|l| l.span.start)
        .min()
        .unwrap_or(join.start);
    let edit = (why == AliveBecause::InScope)
        .then(|| statement_start(file, anchor, name))
        .flatten()
        .and_then(|at| {
            insert_statement_before(
                file,
                at,
                &format!("drop({name});"),
                format!("drop `{name}` before waiting"),
            )
        });
    f = match unless_borrowed(edit, sender) {
        Some(edit) => f.suggestion(edit),
        None => f.help(format!("drop `{name}` before waiting for the spawned work")),
    };
    Some(f)
}

/// The crate-wide reach: a method joins (or awaits) the handle kept in a field, while a
/// sender of the spawned work's receive loop is kept in another field of the same value and
/// not released first. The loop waits for the sender, the join waits for the loop, and the
/// sender drops only after the join (at the end of `drop`, or never).
pub(super) fn check_crate(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    check_variant_exits(cx, out);
    check_pattern_loops(cx, out);
    for r in cx.krate.fns_of_file(cx.file_id) {
        let item = cx.krate.item(r);
        let (Some(ty), Some(body)) = (&item.self_ty, item.body) else {
            continue;
        };
        if cx.model.body(body).in_test {
            continue;
        }
        let facts = &item.self_fields;
        for (handle, join) in &facts.joins {
            let flow = cx.krate.workers_in_field(ty, handle).find(|(by, w)| {
                *by != r
                    && !facts.touched_before(&w.sender, join.start)
                    && !facts.closed_before(&w.endpoint_fields, join.start)
                    && cx.krate.item(*by).body.is_some_and(|b| {
                        cx.krate.patterns_irrefutable(by.file, b, &w.pattern_types)
                            && w.via_call.as_ref().is_none_or(|callee| {
                                cx.krate.stores_sender_param(by.file, b, callee)
                            })
                    })
            });
            if let Some((by, w)) = flow {
                out.push(field_finding(cx, *join, by, w));
            }
        }
        self_loops(cx, (ty, body), item, out);
    }
}

/// A loop over `self.rx` that ends only when the channel closes, in a type that also holds
/// a sender of that channel in a field that keeps it as long as `self` lives (a sender, or a
/// project type holding one, resolved through `use`; not an `Option` or a lock another
/// method could empty: [`crate::model::index::CrateIndex::field_keeps_sender`]): the sender lives as long as `self`, so the loop never ends.
fn self_loops(
    cx: &CrateLintContext<'_>,
    (ty, body): (&str, usize),
    item: &FnItem,
    out: &mut Vec<Finding>,
) {
    let facts = &item.self_fields;
    // A loop whose other ways out are all taken for one message variant: reported only if
    // nothing in the crate constructs it.
    let guarded = facts
        .guarded_recv_loops
        .iter()
        .filter_map(|(receiver, header, whole)| {
            let id = item.paths.loop_at(*whole)?;
            let (variant, exit) = item.paths.only_variant_exit(id)?;
            Some((receiver, header, Some((variant, exit.span))))
        });
    let plain = facts.recv_loops.iter().map(|(r, h)| (r, h, None));
    for (receiver, header, stop) in plain.chain(guarded) {
        // A pattern that may fail on a value (another variant of the crate's enum) leaves
        // the loop without the close.
        let refutable = facts.recv_loop_patterns.iter().any(|(at, paths)| {
            at == header && !cx.krate.patterns_irrefutable(cx.file_id, body, paths)
        });
        if refutable {
            continue;
        }
        let pair = cx.krate.channel_in_fields(ty, receiver).find(|(_, c)| {
            !facts.touched_before(&c.sender, header.start)
                && !closed_by_a_method(cx, ty, &c.endpoint_fields)
                && cx.krate.field_keeps_sender(ty, &c.sender)
        });
        let Some((by, c)) = pair else {
            continue;
        };
        let sender = &c.sender;
        let mut f = Finding::new(
            &SENDER_ALIVE_IN_RECV_LOOP,
            format!("this loop receives from `self.{receiver}` until every sender is gone, but `self.{sender}` holds a sender of the same channel for as long as `self` lives: it never ends"),
            Label::new(*header, "receives until all senders are gone"),
        );
        f = if by.file == cx.file_id {
            f.label(
                c.sender_stored,
                format!("a sender of the channel is kept in field `{sender}`"),
            )
        } else {
            let source = cx.krate.source(by.file);
            let s = source.position(c.sender_stored.start as usize);
            f.note(format!(
                "a sender of the channel is kept in field `{sender}` ({}:{}:{})",
                source.display, s.line, s.column
            ))
        };
        f = f.note("the loop ends only when every sender is dropped, and `self` keeps one")
                .help(format!("give the loop a way out (a shutdown message it `break`s on), or keep `self.{sender}` as an `Option` taken and dropped before the loop"));
        out.push(match stop {
            Some((variant, exit)) => never_sent(f, variant, Some(exit), ""),
            None => f,
        });
    }
}

/// Whether a method of `ty` anywhere in the crate closes one of `fields` (`self.rx.close()`,
/// [`crate::model::fields::SelfFieldFacts::closes`]): this one before the loop or inside it,
/// or another one while the loop runs (async-channel's `close(&self)`). The loop then ends
/// once the buffer is drained.
fn closed_by_a_method(cx: &CrateLintContext<'_>, ty: &str, fields: &[String]) -> bool {
    cx.krate.fns().any(|r| {
        let item = cx.krate.item(r);
        item.self_ty.as_deref() == Some(ty) && item.self_fields.closed_before(fields, u32::MAX)
    })
}

fn field_finding(cx: &CrateLintContext<'_>, join: Span, by: FnRef, w: &WorkerFields) -> Finding {
    let (sender, handle) = (&w.sender, &w.handle);
    let mut f = Finding::new(
        &SENDER_ALIVE_IN_RECV_LOOP,
        format!("this waits for work whose receive loop cannot end: the sender in `self.{sender}` is still alive here"),
        Label::new(join, format!("waits for the work in `self.{handle}` to finish")),
    );
    if by.file == cx.file_id {
        f = f
            .label(
                w.sender_stored,
                format!("a sender of the loop's channel is kept in field `{sender}`"),
            )
            .label(w.recv_loop, "receives until all senders are gone");
    } else {
        let source = cx.krate.source(by.file);
        let (s, l) = (
            source.position(w.sender_stored.start as usize),
            source.position(w.recv_loop.start as usize),
        );
        f = f.note(format!(
            "a sender of the loop's channel is kept in field `{sender}` ({}:{}:{}); the loop receives until all senders are gone ({}:{}:{})",
            source.display, s.line, s.column, source.display, l.line, l.column
        ));
    }
    let help = if w.nested {
        format!("release the sender first: keep it as `Option<Sender<_>>` inside the value in `self.{sender}` and take and drop it before the join, or send a shutdown message the loop breaks on")
    } else {
        format!("release the sender first: keep it as `Option<Sender<_>>` and `drop(self.{sender}.take());` before the join, or send a shutdown message the loop breaks on")
    };
    f = f.note(format!("`self.{sender}` is dropped only after this join returns, and the loop ends only when it is dropped: a deadlock"))
        .help(help);
    match &w.stop_variant {
        Some((variant, exit)) => {
            let exit = (by.file == cx.file_id).then_some(*exit);
            never_sent(f, variant, exit, "")
        }
        None => f,
    }
}

/// A `drop(tx)` edit is machine-applicable only when no reference to `tx` is taken: a
/// reference used after the inserted `drop` would not compile.
fn unless_borrowed(edit: Option<Suggestion>, sender: &Binding) -> Option<Suggestion> {
    edit.map(|mut s| {
        if sender.is_borrowed() {
            s.applicability = Applicability::MaybeIncorrect;
        }
        s
    })
}

/// The crate-wide reach of a worker that owns the sender its own loop waits on: a sender of
/// the loop's channel was moved into a value of a project type that keeps it (handed to a
/// crate constructor that stores it, or put into a struct literal, also behind `Arc::new`),
/// and that value, or a clone of it (an `Arc<Self>`), is alive in the loop's own thread or
/// task. The loop waits for the sender, which lives as long as the loop.
pub(super) fn check_owner_in_loop(cx: &CrateLintContext<'_>, out: &mut Vec<Finding>) {
    for (id, body) in cx.model.bodies.iter().enumerate() {
        for rl in &body.recv_loops {
            if !closing_pattern(cx, id, rl) {
                continue;
            }
            let mut stop = None;
            if rl.variant_exits || rl.loop_id.is_some_and(|l| !body.loops[l].exits.is_empty()) {
                stop = stop_variant_of(cx, id, rl);
                if stop.is_none() {
                    continue;
                }
            }
            let Some((channel, Role::Receiver)) = body.endpoint_of(rl.receiver) else {
                continue;
            };
            if cx.model.channel(channel).kind == ChannelKind::Oneshot
                || closes_explicitly(body, channel)
            {
                continue;
            }
            // The plain case is the per-file check's.
            let senders: Vec<usize> = body.endpoints(channel, Role::Sender).collect();
            if senders
                .iter()
                .any(|&tx| matches!(body.liveness(tx, rl.span.start, rl.ctx), Liveness::Alive(_)))
            {
                continue;
            }
            let found = senders.iter().find_map(|&tx| {
                let holder = kept_by_holder(cx, id, body, tx)?;
                body.copies_of(holder).into_iter().find_map(|h| {
                    match body.liveness(h, rl.span.start, rl.ctx) {
                        Liveness::Alive(_) => Some((tx, holder, h)),
                        _ => None,
                    }
                })
            });
            if let Some((tx, holder, alive)) = found {
                if touched_before_loop(body, alive, rl) {
                    continue;
                }
                let f = owner_finding(cx, body, rl, channel, tx, holder, alive);
                out.push(match stop {
                    Some((variant, exit)) => never_sent(f, &variant, Some(exit), ""),
                    None => f,
                });
            }
        }
    }
}

/// The one enum variant all of a receive loop's other ways out are taken for, and its first
/// exit (see [`crate::model::paths::FnPaths::recv_loop_stop_variant`]), from the path facts
/// of the function whose body `body` is.
fn stop_variant_of(
    cx: &CrateLintContext<'_>,
    body: usize,
    rl: &RecvLoop,
) -> Option<(String, Span)> {
    let item = cx
        .krate
        .fns_of_file(cx.file_id)
        .map(|r| cx.krate.item(r))
        .find(|item| item.body == Some(body))?;
    let (variant, exit) = item.paths.recv_loop_stop_variant(cx.model.body(body), rl)?;
    Some((variant.to_string(), exit.span))
}

/// Whether the loop's own thread or task does something with the owner before the loop
/// (`w.finish()`, `w.out.take()`, `w.close()`, `shutdown(&mut w)`): it may release the sender,
/// so leaklint is unsure. Moving the owner (`let _keep = w;`) and cloning it are not.
fn touched_before_loop(body: &Body, owner: usize, rl: &RecvLoop) -> bool {
    body.uses_before(owner, rl.span.start).any(|u| {
        u.ctx == rl.ctx
            && (u.kind.may_empty()
                || matches!(
                    u.kind,
                    UseKind::CallArg { .. } | UseKind::Macro | UseKind::Other
                ))
    })
}

/// The binding of a project value that keeps sender `tx` (see [`Body::holder_of`]), when the
/// crate's types confirm it: the value's type holds a sender, and a constructor it was
/// handed to stores a sender parameter.
fn kept_by_holder(cx: &CrateLintContext<'_>, id: usize, body: &Body, tx: usize) -> Option<usize> {
    let holder = body.holder_of(tx)?;
    let ty = cx.krate.binding_type(cx.file_id, id, body, holder)?;
    if !ty.holds.contains(Holds::SENDER) || ty.project.is_none() {
        return None;
    }
    let first = body.bindings[tx].first_move()?;
    if let UseKind::CallArg { .. } = first.kind {
        let Some(TypeHint::Call(callee)) = &body.bindings[holder].hint else {
            return None;
        };
        if !cx.krate.stores_sender_param(cx.file_id, id, callee) {
            return None;
        }
    }
    Some(holder)
}

fn owner_finding(
    cx: &CrateLintContext<'_>,
    body: &Body,
    rl: &RecvLoop,
    channel: usize,
    tx: usize,
    holder: usize,
    alive: usize,
) -> Finding {
    let tx_b = &body.bindings[tx];
    let (name, holder_b, alive_b) = (&tx_b.name, &body.bindings[holder], &body.bindings[alive]);
    let moved = tx_b.first_move().map_or(tx_b.span, |u| u.span);
    let keeper = if holder == alive {
        format!("`{}`", holder_b.name)
    } else {
        format!("`{}` (a clone of `{}`)", alive_b.name, holder_b.name)
    };
    Finding::new(
        &SENDER_ALIVE_IN_RECV_LOOP,
        format!("this loop waits for every sender to be dropped, but `{name}` lives on inside {keeper}, which this loop's own thread or task keeps alive, so it never ends"),
        Label::new(rl.header, "receives until all senders are gone"),
    )
    .label(cx.model.channel(channel).call, "channel created here")
    .label(moved, format!("`{name}` is stored in `{}` here", holder_b.name))
    .label(alive_b.span, format!("{keeper} goes into the loop's own thread or task and lives as long as the loop"))
    .note("a value that owns the loop's sender, kept by the loop itself, is a cycle: the channel cannot close while the loop runs")
    .help("do not keep the sender's owner in the loop's thread or task (keep a `Weak` reference, or drop it before the loop), or end the loop with a shutdown message")
}

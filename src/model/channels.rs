//! Channel facts: where each channel is created, its endpoints, and the loops that receive
//! from it until every sender is gone.

use super::catalog::{ChannelCtor, ChannelKind, EndpointOp};
use super::flow::{Binding, BindingId, Body, CtxId, UseKind, ValueOrigin};
use crate::source::Span;

pub type ChannelId = usize;

/// Which end of a channel a binding holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Sender,
    Receiver,
}

/// What the pattern of `let (tx, rx) = ctor()` did with one endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Bound to a name (`tx`, `_tx`, `mut rx`).
    Binding(BindingId),
    /// `_`: dropped at once.
    Wild(Span),
    /// Not destructured (the pair is returned, passed on, or bound as a whole).
    Unbound,
}

/// One call of a channel constructor.
#[derive(Clone, Debug)]
pub struct Channel {
    pub id: ChannelId,
    pub ctor: &'static ChannelCtor,
    pub kind: ChannelKind,
    /// The whole constructor call.
    pub call: Span,
    pub body: usize,
    pub sender: Slot,
    pub receiver: Slot,
}

/// A loop (or a consuming iterator call) that receives until every sender is gone.
#[derive(Clone, Debug)]
pub struct RecvLoop {
    pub receiver: BindingId,
    /// The whole loop or consuming call.
    pub span: Span,
    /// What to point at: `for v in rx`, `while let Ok(v) = rx.recv()`, `rx.iter().sum()`.
    pub header: Span,
    /// The loop body, if it has one.
    pub body: Option<Span>,
    pub ctx: CtxId,
    /// The `for`/`while` loop in [`Body::loops`], for its exits.
    pub loop_id: Option<usize>,
    /// A `loop` whose receive ends it on the close, and also in match arms of one received
    /// variant (`Ok(Cmd::Shutdown) => break`): it depends on the close alone only when
    /// nothing in the crate constructs that variant (a crate-wide question).
    pub variant_exits: bool,
    /// Paths written in a `while let Ok(Job { id }) = rx.recv()` pattern (`Job`,
    /// `Event::Line`): the loop leaves only on the close when each names a struct or the only
    /// variant of an enum, a crate-wide question
    /// ([`crate::model::index::CrateIndex::patterns_irrefutable`]). Empty: no condition.
    pub pattern_types: Vec<String>,
}

impl Body {
    /// Bindings holding an endpoint of `channel` in the given role (the first binding,
    /// clones and moves).
    pub fn endpoints(&self, channel: usize, role: Role) -> impl Iterator<Item = BindingId> + '_ {
        self.bindings
            .iter()
            .enumerate()
            .filter_map(move |(id, b)| match b.origin {
                ValueOrigin::Endpoint {
                    channel: c,
                    role: r,
                    ..
                } if c == channel && r == role => Some(id),
                _ => None,
            })
    }

    /// The channel and role of a binding, if it holds an endpoint.
    pub fn endpoint_of(&self, binding: BindingId) -> Option<(usize, Role)> {
        match self.bindings[binding].origin {
            ValueOrigin::Endpoint { channel, role, .. } => Some((channel, role)),
            _ => None,
        }
    }

    /// The endpoint operations performed on a binding.
    pub fn ops<'b>(
        &'b self,
        binding: &'b Binding,
    ) -> impl Iterator<Item = (EndpointOp, Span)> + 'b {
        binding.uses.iter().filter_map(|u| match &u.kind {
            UseKind::Method { op, call, .. } => Some((*op, *call)),
            UseKind::Await => Some((EndpointOp::Recv, u.span)),
            UseKind::ForLoop => Some((EndpointOp::IntoIter, u.span)),
            _ => None,
        })
    }
}

/// For each completes-on-drop pair (`[apis] completes-on-drop`), every wait on its waiter
/// (`waiter.await`, `waiter.recv()`...) is a receive until every handle is gone, as a
/// receive loop is: recorded in its body's `recv_loops` with no loop.
pub(crate) fn add_completion_waits(model: &mut super::FileModel) {
    let pairs: Vec<(ChannelId, usize)> = model
        .channels
        .iter()
        .filter(|ch| ch.kind == ChannelKind::CompletesOnDrop)
        .map(|ch| (ch.id, ch.body))
        .collect();
    for (channel, body) in pairs {
        let body = &mut model.bodies[body];
        let waits: Vec<RecvLoop> = body
            .endpoints(channel, Role::Receiver)
            .flat_map(|rx| {
                body.bindings[rx].uses.iter().filter_map(move |u| {
                    let at = match &u.kind {
                        UseKind::Await => u.span,
                        UseKind::Method {
                            op: EndpointOp::Recv,
                            call,
                            ..
                        } => *call,
                        _ => return None,
                    };
                    Some(RecvLoop {
                        receiver: rx,
                        span: at,
                        header: at,
                        body: None,
                        ctx: u.ctx,
                        loop_id: None,
                        variant_exits: false,
                        pattern_types: Vec::new(),
                    })
                })
            })
            .collect();
        body.recv_loops.extend(waits);
    }
}

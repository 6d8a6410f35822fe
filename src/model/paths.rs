//! Control-flow path questions inside one function: the ways out of each loop (and which of
//! them can be taken), and what happens to the collections kept in fields on the path
//! through each way out (an element inserted, removed, or the whole collection cleared).
//!
//! There is no full control-flow graph: the facts are built from the function's syntax in
//! one visit, and the path questions are answered in source order, which is exact for the
//! shapes lints ask about (a clear after the loop is on the path of the loop's end and of
//! its `break`s, not on the path of a `return` inside it). Where a way out is guarded by a
//! message (`Cmd::Shutdown => return`), the guard is kept so that a crate-wide fact ("is
//! `Shutdown` constructed anywhere?") decides whether it can be taken.
//!
//! Plain data, built per function by [`super::items`]; offsets are byte offsets in the
//! function's file.

use syn::visit::{self, Visit};
use syn::{Expr, Pat};

use super::catalog::{ChannelKind, EndpointOp};
use super::items::FileItems;
use super::{Body, Channel, FileModel, RecvLoop, Slot, UseKind};
use crate::source::{NodeSpan, SourceFile, Span};

/// Index of a loop in [`FnPaths::loops`] (source order of the loops' starts).
pub type PathLoopId = usize;

/// What leaves a loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    Break,
    Return,
    /// `expr?`: returns on an error.
    Try,
    /// `panic!`, `unreachable!`, `todo!`, `unimplemented!`.
    Panic,
    /// The loop's own end: a `for` whose iterator is exhausted (a channel closed, a stream
    /// ended), a `while let` whose pattern stops matching, a `while` whose condition fails.
    End,
}

/// When an exit can be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Whenever the code reaches it (as far as syntax shows).
    Always,
    /// Only in a match arm (or `if let`) for the enum variant of this name: if no code of
    /// the unit constructs the variant, the exit is never taken.
    Variant(String),
}

/// One way out of a loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoopExit {
    pub kind: ExitKind,
    /// The `break`/`return` expression, the `?`, the panic macro, or the loop header for
    /// [`ExitKind::End`].
    pub span: Span,
    pub guard: Guard,
}

/// A `loop`, `while` or `for` of the function (closures and async blocks included).
#[derive(Clone, Debug)]
pub struct LoopPaths {
    /// The whole loop.
    pub span: Span,
    /// The loop up to its body: `while let Some(f) = frames.next().await`.
    pub header: Span,
    pub exits: Vec<LoopExit>,
    /// Driven by input that keeps coming: a `loop`, a `while let` that receives or awaits
    /// (`while let Some(f) = frames.next().await`), or a `for` over a parameter declared as
    /// a receiver, an iterator or a stream (`for f in frames`), over `incoming()` or
    /// `lines()`. A `for` over a collection or a `while` on a condition is not.
    pub driven: bool,
    /// The end of the closure or async block the loop runs in (`None`: the function's own
    /// body). A `return` or `?` there leaves that block only: the code after it still runs.
    pub frame_end: Option<u32>,
    /// A `for` over a local bound to the value of a method of the same type
    /// (`let frames = self.frames(); for f in frames`): the method's name. The loop is driven
    /// when that method returns input that keeps coming ([`FnPaths::returns_input`]), which
    /// is a crate-wide question.
    pub input_from: Option<String>,
}

/// What a call does to a collection kept in a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOp {
    /// `insert`, `push`: one element added.
    Insert,
    /// `remove`, `take` of one element (`swap_remove`, `pop` ...).
    Remove,
    /// Every element dropped: `clear`, `drain`, `retain`, an assignment of the field,
    /// `mem::take`/`mem::replace` of it.
    Clear,
}

/// One operation on the collection in field `field` (`self.pending.lock().await.insert(..)`,
/// also through another value of the type: `this.pending`, `inner.pending`).
#[derive(Clone, Debug)]
pub struct FieldOp {
    pub field: String,
    pub op: MapOp,
    /// The call (or assignment).
    pub span: Span,
    /// For [`MapOp::Insert`]: the inserted value when it is a plain name (`tx`).
    pub value: Option<String>,
}

/// The path facts of one function.
#[derive(Clone, Debug, Default)]
pub struct FnPaths {
    pub loops: Vec<LoopPaths>,
    pub field_ops: Vec<FieldOp>,
    /// The method takes `self` by value: the value (and every field) is dropped when it
    /// returns, on every path.
    pub owns_self: bool,
    /// The function's declared return type is input that keeps coming (one of
    /// [`INPUT_TYPES`]: `-> Receiver<Frame>`, `-> impl Iterator<Item = Frame>`).
    pub returns_input: bool,
}

impl FnPaths {
    /// Collects the path facts of a function from its signature and body.
    pub fn build(file: &SourceFile, sig: &syn::Signature, block: &syn::Block) -> FnPaths {
        let owns_self = sig.inputs.iter().any(|a| match a {
            syn::FnArg::Receiver(r) => r.reference.is_none() && r.colon_token.is_none(),
            _ => false,
        });
        let returns_input = match &sig.output {
            syn::ReturnType::Type(_, ty) => input_type(ty),
            syn::ReturnType::Default => false,
        };
        let mut c = Collector {
            file,
            out: FnPaths {
                owns_self,
                returns_input,
                ..FnPaths::default()
            },
            frames: vec![Vec::new()],
            frame_ends: Vec::new(),
            guards: Vec::new(),
            input_params: input_params(sig),
            call_locals: Vec::new(),
        };
        c.visit_block(block);
        c.out.loops.sort_by_key(|l| l.span.start);
        c.out
    }

    /// The ways out of a loop.
    pub fn loop_exits(&self, id: PathLoopId) -> &[LoopExit] {
        &self.loops[id].exits
    }

    /// The exits of a loop that can be taken, given the crate-wide fact `constructed` ("is
    /// an enum variant of this name constructed anywhere in the unit?").
    pub fn takeable_exits<'p>(
        &'p self,
        id: PathLoopId,
        constructed: impl Fn(&str) -> bool + 'p,
    ) -> impl Iterator<Item = &'p LoopExit> + 'p {
        self.loops[id].exits.iter().filter(move |e| match &e.guard {
            Guard::Always => true,
            Guard::Variant(v) => constructed(v),
        })
    }

    /// The loop whose whole span is `span` (the same loop as the file model's).
    pub fn loop_at(&self, span: Span) -> Option<PathLoopId> {
        self.loops.iter().position(|l| l.span == span)
    }

    /// When every way out of loop `id` other than its own end is taken only for one enum
    /// variant (`Cmd::Shutdown => return`), that variant's name and the first such exit:
    /// if nothing constructs the variant, the loop can leave only by its end.
    pub fn only_variant_exit(&self, id: PathLoopId) -> Option<(&str, &LoopExit)> {
        let mut exits = self.loops[id]
            .exits
            .iter()
            .filter(|e| e.kind != ExitKind::End);
        let first = exits.next()?;
        let Guard::Variant(v) = &first.guard else {
            return None;
        };
        exits
            .all(|e| e.guard == first.guard)
            .then_some((v.as_str(), first))
    }

    /// For a loop that its receive leaves on the channel's close (the unguarded exits, as
    /// the walk checked: [`super::RecvLoop::variant_exits`]) and otherwise only in arms of
    /// one received enum variant (`Ok(Cmd::Shutdown) => break`): that variant's name and its
    /// first exit.
    pub fn variant_exit_besides_close(&self, id: PathLoopId) -> Option<(&str, &LoopExit)> {
        let mut guarded = self.loops[id]
            .exits
            .iter()
            .filter(|e| matches!(e.guard, Guard::Variant(_)));
        let first = guarded.next()?;
        let Guard::Variant(v) = &first.guard else {
            return None;
        };
        guarded
            .all(|e| e.guard == first.guard)
            .then_some((v.as_str(), first))
    }

    /// For a receive loop of the function's body whose ways out (besides the channel
    /// closing) are all taken for one enum variant (`Cmd::Shutdown => return`): that
    /// variant's name and its first exit. If nothing constructs the variant, the loop ends
    /// only when the channel closes ([`super::CrateCondition::VariantNeverConstructed`]).
    /// `None` when the loop has any other way out (one the path facts do not see: a macro,
    /// a `process::exit`), or no guarded one.
    pub fn recv_loop_stop_variant(&self, body: &Body, rl: &RecvLoop) -> Option<(&str, &LoopExit)> {
        let l = body.loops.iter().find(|l| l.span == rl.span)?;
        let id = self.loop_at(l.span)?;
        // A `for`/`while let` loop: every exit is in an arm of the variant. A `loop` whose
        // receive ends it on the close: every other exit is.
        let only = if rl.variant_exits {
            self.variant_exit_besides_close(id)
        } else if rl.loop_id.is_some() {
            self.only_variant_exit(id)
        } else {
            None
        }?;
        // Every exit the file model knows must be one of those.
        let guarded = self
            .loop_exits(id)
            .iter()
            .filter(|e| e.kind != ExitKind::End)
            .count();
        (!l.exits.is_empty() && l.exits.len() <= guarded).then_some(only)
    }

    /// The innermost loop containing `span`.
    pub fn loop_around(&self, span: Span) -> Option<PathLoopId> {
        self.loops
            .iter()
            .enumerate()
            .filter(|(_, l)| l.span.start <= span.start && span.end <= l.span.end)
            .max_by_key(|(_, l)| l.span.start)
            .map(|(i, _)| i)
    }

    /// The operations `op` on field `field`.
    pub fn ops_on<'p>(&'p self, field: &'p str, op: MapOp) -> impl Iterator<Item = &'p FieldOp> {
        self.field_ops
            .iter()
            .filter(move |o| o.field == field && o.op == op)
    }

    /// Whether the collection in `field` is cleared (or the value owning it dropped) on the
    /// path that leaves loop `id` by `exit`. The loop's end and its `break`s continue after
    /// the loop: a clear later in the function is on their path. A `return`, `?` or panic
    /// inside the loop leaves the function: only a clear before it inside the loop (in
    /// source order) is on its path. A method that owns `self` drops the field on every
    /// path.
    pub fn path_clears(&self, field: &str, id: PathLoopId, exit: &LoopExit) -> bool {
        if self.owns_self {
            return true;
        }
        let l = &self.loops[id];
        let mut clears = self.ops_on(field, MapOp::Clear);
        match exit.kind {
            ExitKind::End | ExitKind::Break => clears.any(|c| c.span.start >= l.span.end),
            ExitKind::Return | ExitKind::Try => clears.any(|c| {
                (c.span.start >= l.span.start && c.span.end <= exit.span.start)
                    || l.frame_end.is_some_and(|end| c.span.start >= end)
            }),
            ExitKind::Panic => {
                clears.any(|c| c.span.start >= l.span.start && c.span.end <= exit.span.start)
            }
        }
    }

    /// The first exit of loop `id` that can be taken and leaves the collection in `field`
    /// as it is (not cleared on its path).
    pub fn exit_leaving(
        &self,
        field: &str,
        id: PathLoopId,
        constructed: impl Fn(&str) -> bool,
    ) -> Option<&LoopExit> {
        self.loops[id].exits.iter().find(|e| {
            let takeable = match &e.guard {
                Guard::Always => true,
                Guard::Variant(v) => constructed(v),
            };
            takeable && !self.path_clears(field, id, e)
        })
    }
}

/// A reply sender parked in a field collection and waited on: where it is parked and
/// where its receiver waits.
#[derive(Clone, Copy, Debug)]
pub struct ParkedReply<'a> {
    pub insert: &'a FieldOp,
    pub wait: Span,
}

/// A reply channel (oneshot, or bounded with capacity 0 or 1) whose sender is inserted
/// into a field collection and whose receiver is then waited on without a timeout.
pub fn parked_reply<'a>(body: &Body, ch: &Channel, ops: &'a [FieldOp]) -> Option<ParkedReply<'a>> {
    if !matches!(
        ch.kind,
        ChannelKind::Oneshot | ChannelKind::Bounded(Some(0 | 1))
    ) {
        return None;
    }
    let (Slot::Binding(tx), Slot::Binding(rx)) = (ch.sender, ch.receiver) else {
        return None;
    };
    let sender = &body.bindings[tx];
    let pushed = sender.uses.iter().find_map(|u| match u.kind {
        UseKind::Pushed { into: None } => Some(u.span),
        _ => None,
    })?;
    let insert = ops.iter().find(|o| {
        o.op == MapOp::Insert
            && o.value.as_deref() == Some(sender.name.as_str())
            && o.span.start <= pushed.start
            && pushed.end <= o.span.end
    })?;
    let receiver = &body.bindings[rx];
    let wait = receiver.uses.iter().find_map(|u| match &u.kind {
        UseKind::Await if u.ctx == sender.ctx => Some(u.span),
        UseKind::Method {
            op: EndpointOp::Recv,
            name,
            call,
            in_timeout: false,
            ..
        } if u.ctx == sender.ctx && name == "recv" => Some(*call),
        _ => None,
    })?;
    // Every other use of the receiver (a `timeout(..)` around it, a `select!`) may bound
    // the wait; and the wait must come after the sender is parked.
    let other_uses = receiver
        .uses
        .iter()
        .any(|u| u.span != wait && !within(u.span, wait));
    let cancellable = body.cancellables.iter().any(|c| within(wait, c.span));
    (!other_uses && !cancellable && wait.start > insert.span.end)
        .then_some(ParkedReply { insert, wait })
}

/// The fields of `self` that a function parks reply senders into (for the engine's reach:
/// the files naming them hold the loop that completes them).
pub fn parked_fields<'a>(
    model: &'a FileModel,
    items: &'a FileItems,
) -> impl Iterator<Item = &'a str> + 'a {
    items.fns.iter().flat_map(move |f| {
        let body = f.body.filter(|_| f.self_ty.is_some());
        body.into_iter()
            .flat_map(|b| model.channels_in(b))
            .filter_map(move |c| parked_reply(model.body(c.body), c, &f.paths.field_ops))
            .map(|p| p.insert.field.as_str())
    })
}

/// Whether `inner` lies inside `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Methods that add one element to a collection.
const INSERTS: &[&str] = &["insert", "push", "push_back", "push_front"];
/// Methods that take one element out.
const REMOVES: &[&str] = &[
    "remove",
    "swap_remove",
    "shift_remove",
    "remove_entry",
    "pop",
];
/// Methods that drop every element (or hand them all out).
const CLEARS: &[&str] = &[
    "clear",
    "drain",
    "retain",
    "retain_mut",
    "take",
    "split_off",
];
/// Macros that panic.
const PANICS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

struct Collector<'a> {
    file: &'a SourceFile,
    out: FnPaths,
    /// Per closure or async block (the function itself first): the open loops, innermost
    /// last, with their labels. A `return` or `?` leaves only the loops of its own frame.
    frames: Vec<Vec<(usize, Option<String>)>>,
    /// The ends of the closures and async blocks around the current point, innermost last.
    frame_ends: Vec<u32>,
    /// The variant guards of the match arms and `if let`s around the current point.
    guards: Vec<String>,
    /// The function's parameters through which input keeps coming (see [`input_params`]),
    /// and its locals bound to such input (`let frames: Receiver<Frame> = ..`,
    /// `let lines = reader.lines();`).
    input_params: Vec<String>,
    /// Locals bound to the value of a method of `self` (`let frames = self.frames();`), with
    /// the method's name.
    call_locals: Vec<(String, String)>,
}

/// Parameter types that deliver input until the other side closes: a channel receiver, or
/// an iterator or stream given as `impl Trait` (last segment of the path, or the trait).
const INPUT_TYPES: &[&str] = &[
    "Receiver",
    "UnboundedReceiver",
    "Iterator",
    "IntoIterator",
    "Stream",
    "BoxStream",
    "Incoming",
    "Lines",
];

/// The names of the function's parameters declared as one of [`INPUT_TYPES`]
/// (`frames: Receiver<Frame>`, `frames: impl Iterator<Item = Frame>`).
fn input_params(sig: &syn::Signature) -> Vec<String> {
    sig.inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(i) if input_type(&t.ty) => Some(i.ident.to_string()),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}

/// Whether a declared type is one of [`INPUT_TYPES`] (last segment of the path, or the
/// trait of an `impl Trait`).
fn input_type(ty: &syn::Type) -> bool {
    let name = match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::ImplTrait(t) => t.bounds.iter().find_map(|b| match b {
            syn::TypeParamBound::Trait(t) => t.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        }),
        _ => None,
    };
    name.is_some_and(|n| INPUT_TYPES.contains(&n.as_str()))
}

/// The local a `for` loop iterates (`frames`, `&frames`, `frames.iter()`).
fn iterated_local(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Paren(p) => iterated_local(&p.expr),
        Expr::Reference(r) => iterated_local(&r.expr),
        Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
        Expr::MethodCall(m)
            if matches!(
                m.method.to_string().as_str(),
                "iter" | "into_iter" | "by_ref"
            ) =>
        {
            iterated_local(&m.receiver)
        }
        _ => None,
    }
}

/// The method of `self` whose value an expression is (`self.frames()`, also awaited or
/// behind `?`).
fn self_method(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Await(a) => self_method(&a.base),
        Expr::Try(t) => self_method(&t.expr),
        Expr::Paren(p) => self_method(&p.expr),
        Expr::MethodCall(m) if matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self")) => {
            Some(m.method.to_string())
        }
        _ => None,
    }
}

/// Whether a `for` loop's iterable is input that keeps coming: a parameter of
/// [`input_params`] (also `&frames`, `frames.iter()`, `frames.into_iter()`,
/// `frames.by_ref()`), or `listener.incoming()` / `reader.lines()`.
fn iterates_input(expr: &Expr, params: &[String]) -> bool {
    match expr {
        Expr::Paren(p) => iterates_input(&p.expr, params),
        Expr::Reference(r) => iterates_input(&r.expr, params),
        Expr::Path(p) => p
            .path
            .get_ident()
            .is_some_and(|i| params.iter().any(|n| i == n)),
        Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "incoming" | "lines" => true,
            "iter" | "into_iter" | "by_ref" => iterates_input(&m.receiver, params),
            _ => false,
        },
        _ => false,
    }
}

/// The field a collection expression is rooted at, through lock guards, `await`, `?` and
/// method calls: `self.pending.lock().await`, `this.pending.lock().unwrap()`, `*self.map`.
fn field_root(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Field(f) => match (&f.member, &*f.base) {
            (syn::Member::Named(n), Expr::Path(_)) => Some(n.to_string()),
            _ => None,
        },
        Expr::MethodCall(m) => field_root(&m.receiver),
        Expr::Await(a) => field_root(&a.base),
        Expr::Try(t) => field_root(&t.expr),
        Expr::Paren(p) => field_root(&p.expr),
        Expr::Reference(r) => field_root(&r.expr),
        Expr::Unary(u) => field_root(&u.expr),
        _ => None,
    }
}

/// Methods that wait for the next input of a stream, channel or connection.
const RECEIVES: &[&str] = &[
    "recv",
    "recv_async",
    "next",
    "try_next",
    "read",
    "read_frame",
    "message",
    "accept",
    "next_message",
    "read_message",
];

/// Whether an expression waits for input: an `.await`, or a receiving method call.
fn receives(expr: &Expr) -> bool {
    match expr {
        Expr::Await(_) => true,
        Expr::MethodCall(m) => {
            RECEIVES.contains(&m.method.to_string().as_str()) || receives(&m.receiver)
        }
        Expr::Try(t) => receives(&t.expr),
        Expr::Paren(p) => receives(&p.expr),
        _ => false,
    }
}

/// The variant a pattern matches, when it names one: `Cmd::Shutdown`, `Cmd::Run(_)`,
/// `Msg::Stop { .. }`, `Some(Cmd::Shutdown)`, `Ok(Cmd::Shutdown)`.
fn pat_variant(pat: &Pat) -> Option<String> {
    let path = match pat {
        Pat::Path(p) => &p.path,
        Pat::TupleStruct(t) => {
            let last = t.path.segments.last()?.ident.to_string();
            if matches!(last.as_str(), "Some" | "Ok" | "Err") && t.elems.len() == 1 {
                return pat_variant(&t.elems[0]);
            }
            &t.path
        }
        Pat::Struct(s) => &s.path,
        _ => return None,
    };
    if path.segments.len() < 2 {
        return None;
    }
    Some(path.segments.last()?.ident.to_string())
}

impl Collector<'_> {
    fn span(&self, node: &impl NodeSpan) -> Span {
        self.file.span_of(node.node_span())
    }

    fn guard(&self) -> Guard {
        self.guards
            .last()
            .map_or(Guard::Always, |v| Guard::Variant(v.clone()))
    }

    /// Records an exit of the loops it leaves: the innermost (or the labelled one) for a
    /// `break`, every loop of the current frame otherwise.
    fn exit(&mut self, kind: ExitKind, span: Span, label: Option<String>) {
        let guard = self.guard();
        let frame = self.frames.last().expect("a frame");
        let targets: Vec<usize> = match (kind, &label) {
            (ExitKind::Break, None) => frame.last().map(|(i, _)| *i).into_iter().collect(),
            // A labelled break leaves every loop up to its target.
            (ExitKind::Break, Some(l)) => {
                match frame
                    .iter()
                    .rposition(|(_, n)| n.as_deref() == Some(l.as_str()))
                {
                    Some(at) => frame[at..].iter().map(|(i, _)| *i).collect(),
                    None => Vec::new(),
                }
            }
            _ => frame.iter().map(|(i, _)| *i).collect(),
        };
        for t in targets {
            self.out.loops[t].exits.push(LoopExit {
                kind,
                span,
                guard: guard.clone(),
            });
        }
    }

    /// Visits a loop: `ends` when it has an end of its own (`for`, `while`).
    fn in_loop(
        &mut self,
        whole: Span,
        body: &syn::Block,
        label: Option<&syn::Label>,
        (ends, driven): (bool, bool),
    ) {
        let body_start = self.span(body).start;
        let header = Span::new(
            whole.start as usize,
            body_start.max(whole.start + 1) as usize,
        );
        let id = self.out.loops.len();
        let mut exits = Vec::new();
        if ends {
            exits.push(LoopExit {
                kind: ExitKind::End,
                span: header,
                guard: Guard::Always,
            });
        }
        self.out.loops.push(LoopPaths {
            span: whole,
            header,
            exits,
            driven,
            frame_end: self.frame_ends.last().copied(),
            input_from: None,
        });
        let label = label.map(|l| l.name.ident.to_string());
        self.frames.last_mut().expect("a frame").push((id, label));
        // Guards outside the loop do not guard its own exits.
        let guards = std::mem::take(&mut self.guards);
        self.visit_block(body);
        self.guards = guards;
        self.frames.last_mut().expect("a frame").pop();
    }

    fn in_frame(&mut self, end: u32, f: impl FnOnce(&mut Self)) {
        self.frames.push(Vec::new());
        self.frame_ends.push(end);
        let guards = std::mem::take(&mut self.guards);
        f(self);
        self.guards = guards;
        self.frames.pop();
        self.frame_ends.pop();
    }

    fn field_op(&mut self, m: &syn::ExprMethodCall) {
        let name = m.method.to_string();
        let op = if INSERTS.contains(&name.as_str()) {
            MapOp::Insert
        } else if REMOVES.contains(&name.as_str()) {
            MapOp::Remove
        } else if CLEARS.contains(&name.as_str()) {
            MapOp::Clear
        } else {
            return;
        };
        let Some(field) = field_root(&m.receiver) else {
            return;
        };
        let value = match (op, m.args.last()) {
            (MapOp::Insert, Some(Expr::Path(p))) => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        let span = self.span(m);
        self.out.field_ops.push(FieldOp {
            field,
            op,
            span,
            value,
        });
    }

    /// `mem::take(&mut *self.f.lock())`, `mem::replace(&mut self.f, ..)`, `drop(self.f.take())`.
    fn call_clears(&mut self, c: &syn::ExprCall) {
        let Expr::Path(p) = &*c.func else { return };
        let Some(last) = p.path.segments.last().map(|s| s.ident.to_string()) else {
            return;
        };
        if !matches!(last.as_str(), "take" | "replace" | "swap" | "drop") {
            return;
        }
        if let Some(field) = c.args.first().and_then(field_root) {
            let span = self.span(c);
            self.out.field_ops.push(FieldOp {
                field,
                op: MapOp::Clear,
                span,
                value: None,
            });
        }
    }
}

impl Collector<'_> {
    /// `break` and `return` written inside a macro's tokens: exits taken whenever the
    /// macro's code runs (its guards are not read).
    fn macro_exits(&mut self, tokens: proc_macro2::TokenStream, span: Span) {
        for tt in tokens {
            match tt {
                proc_macro2::TokenTree::Ident(i) if i == "break" => {
                    self.exit(ExitKind::Break, span, None)
                }
                proc_macro2::TokenTree::Ident(i) if i == "return" => {
                    self.exit(ExitKind::Return, span, None)
                }
                proc_macro2::TokenTree::Group(g) => self.macro_exits(g.stream(), span),
                _ => {}
            }
        }
    }
}

impl Collector<'_> {
    /// A local bound to input (`let frames: Receiver<Frame> = ..`, `let lines =
    /// reader.lines();`, `let it = frames.into_iter();` of an input parameter) is input too;
    /// one bound to a method of `self` is remembered with the method's name. A later `let`
    /// of the same name shadows it.
    fn note_local(&mut self, l: &syn::Local) {
        let (name, ty) = match &l.pat {
            Pat::Ident(i) => (i.ident.to_string(), None),
            Pat::Type(t) => match &*t.pat {
                Pat::Ident(i) => (i.ident.to_string(), Some(&*t.ty)),
                _ => return,
            },
            _ => return,
        };
        self.input_params.retain(|n| *n != name);
        self.call_locals.retain(|(n, _)| *n != name);
        let init = l.init.as_ref().map(|i| &*i.expr);
        if ty.is_some_and(input_type) || init.is_some_and(|e| iterates_input(e, &self.input_params))
        {
            self.input_params.push(name);
        } else if let Some(method) = init.and_then(self_method) {
            self.call_locals.push((name, method));
        }
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_local(&mut self, l: &'ast syn::Local) {
        visit::visit_local(self, l);
        self.note_local(l);
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Loop(l) => self.in_loop(self.span(l), &l.body, l.label.as_ref(), (false, true)),
            Expr::While(w) => {
                self.visit_expr(&w.cond);
                let endless = matches!(&*w.cond, Expr::Lit(lit) if matches!(&lit.lit, syn::Lit::Bool(b) if b.value));
                let driven = endless || matches!(&*w.cond, Expr::Let(l) if receives(&l.expr));
                self.in_loop(self.span(w), &w.body, w.label.as_ref(), (!endless, driven));
            }
            Expr::ForLoop(f) => {
                self.visit_expr(&f.expr);
                let driven = iterates_input(&f.expr, &self.input_params);
                let from = iterated_local(&f.expr).and_then(|name| {
                    let mut calls = self.call_locals.iter().rev();
                    calls.find(|(l, _)| *l == name).map(|(_, m)| m.clone())
                });
                let id = self.out.loops.len();
                self.in_loop(self.span(f), &f.body, f.label.as_ref(), (true, driven));
                self.out.loops[id].input_from = from.filter(|_| !driven);
            }
            Expr::Closure(c) => self.in_frame(self.span(c).end, |s| s.visit_expr(&c.body)),
            Expr::Async(a) => self.in_frame(self.span(a).end, |s| s.visit_block(&a.block)),
            Expr::Break(b) => {
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                self.exit(ExitKind::Break, self.span(b), label);
                visit::visit_expr(self, e);
            }
            Expr::Return(r) => {
                self.exit(ExitKind::Return, self.span(r), None);
                visit::visit_expr(self, e);
            }
            Expr::Try(t) => {
                self.visit_expr(&t.expr);
                let q = self.file.span_of(t.question_token.span);
                self.exit(ExitKind::Try, q, None);
            }
            Expr::Match(m) => {
                self.visit_expr(&m.expr);
                for arm in &m.arms {
                    let variant = pat_variant(&arm.pat);
                    if let Some((_, g)) = &arm.guard {
                        self.visit_expr(g);
                    }
                    self.guards.extend(variant.clone());
                    self.visit_expr(&arm.body);
                    if variant.is_some() {
                        self.guards.pop();
                    }
                }
            }
            Expr::If(i) => {
                self.visit_expr(&i.cond);
                let variant = match &*i.cond {
                    Expr::Let(l) => pat_variant(&l.pat),
                    _ => None,
                };
                self.guards.extend(variant.clone());
                self.visit_block(&i.then_branch);
                if variant.is_some() {
                    self.guards.pop();
                }
                if let Some((_, other)) = &i.else_branch {
                    self.visit_expr(other);
                }
            }
            Expr::MethodCall(m) => {
                self.field_op(m);
                visit::visit_expr(self, e);
            }
            Expr::Call(c) => {
                self.call_clears(c);
                visit::visit_expr(self, e);
            }
            Expr::Assign(a) => {
                if let Some(field) = field_root(&a.left) {
                    let span = self.span(a);
                    self.out.field_ops.push(FieldOp {
                        field,
                        op: MapOp::Clear,
                        span,
                        value: None,
                    });
                }
                visit::visit_expr(self, e);
            }
            _ => visit::visit_expr(self, e),
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac.path.segments.last().map(|s| s.ident.to_string());
        let span = self.span(mac);
        if name.is_some_and(|n| PANICS.contains(&n.as_str())) {
            self.exit(ExitKind::Panic, span, None);
        }
        // A macro leaklint cannot read (`select!`) may leave the loop from any arm.
        self.macro_exits(mac.tokens.clone(), span);
    }

    // Nested functions are paths of their own.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

//! What a method does with the fields of `self`, in source order: which fields it waits on
//! (`self.worker.take()` → `.join()`, `self.task.await`), which fields it names at all
//! (any mention may take, drop, replace or send on the value), and where `self` escapes as a
//! whole or another method of `self` is called (anything may happen to the fields there).
//!
//! Built from the method's syntax once per file ([`super::items`]); plain data for the
//! crate index.

use super::HashMap;

use syn::visit::Visit;
use syn::{Expr, Pat};

use super::catalog::{endpoint_op, ChannelKind, EndpointOp};
use super::flow::{Binding, Body, UseKind};
use super::items::{ChannelFields, WorkerFields};
use super::paths::FnPaths;
use super::tasks::HandleFate;
use super::types::TypeHint;
use super::walk::closing;
use super::BodyId;
use super::{FileModel, Role};
use crate::source::{NodeSpan, SourceFile, Span};

/// The self-field facts of one method. Offsets are byte offsets in the method's file.
#[derive(Debug, Clone, Default)]
pub struct SelfFieldFacts {
    /// `(field, join call)`: the value of `self.field` (or what was taken out of it) is
    /// joined or awaited at the span.
    pub joins: Vec<(String, Span)>,
    /// `(field, offset)`: every mention of `self.field`.
    pub mentions: Vec<(String, u32)>,
    /// Offsets where `self` is used other than through a field (`self.stop()`, `drop(self)`,
    /// `let Self { .. } = self`, `helper(self)`).
    pub opaque: Vec<u32>,
    /// `(field, loop header)`: a loop over `self.field` that ends only when the channel
    /// closes (`for m in &self.rx` with no `break`/`return`/`?`, `while let Some(m) =
    /// self.rx.recv().await`, a `loop` whose only exit is the receive's `Err`/`None`).
    pub recv_loops: Vec<(String, Span)>,
    /// `(field, loop header, whole loop)`: a `for` over `self.field` (or a `while let
    /// Some(m) = self.rx.recv()`) that has other ways out: the crate check asks the path
    /// facts whether they are all taken for one never-sent message variant.
    pub guarded_recv_loops: Vec<(String, Span, Span)>,
    /// `(loop header, paths)`: a `while let Some(Event::Line(l)) = self.rx.recv().await` of
    /// [`Self::recv_loops`] ends only on the close if each path names a struct or a
    /// one-variant enum's variant (the crate index's question).
    pub recv_loop_patterns: Vec<(Span, Vec<String>)>,
    /// `(field, offset)`: an explicit close of what `self.field` keeps (`self.rx.close()`,
    /// `if let Some(c) = &self.closer { c.close(); }`: a method the catalog calls
    /// [`EndpointOp::Close`]). It means something only for a field known to keep a channel
    /// endpoint ([`WorkerFields::endpoint_fields`], [`ChannelFields::endpoint_fields`]).
    pub closes: Vec<(String, u32)>,
}

impl SelfFieldFacts {
    /// Collects the facts of a method body.
    pub fn build(file: &SourceFile, block: &syn::Block) -> SelfFieldFacts {
        let mut c = Collector {
            file,
            aliases: HashMap::default(),
            out: SelfFieldFacts::default(),
        };
        c.visit_block(block);
        c.out
    }

    /// Whether `field` is named, or `self` escapes, before `offset`.
    pub fn touched_before(&self, field: &str, offset: u32) -> bool {
        self.mentions
            .iter()
            .any(|(f, at)| f == field && *at < offset)
            || self.opaque.iter().any(|at| *at < offset)
    }

    /// Whether one of `fields` is closed ([`Self::closes`]) before `offset`.
    pub fn closed_before(&self, fields: &[String], offset: u32) -> bool {
        self.closes
            .iter()
            .any(|(f, at)| *at < offset && fields.contains(f))
    }
}

struct Collector<'a> {
    file: &'a SourceFile,
    /// Local names bound from a self field (`Some(w)` in `if let Some(w) = self.worker.take()`).
    aliases: HashMap<String, String>,
    out: SelfFieldFacts,
}

/// The field an expression is rooted at: `self.f`, `self.f.take()`, `self.f.take().unwrap()`,
/// `&mut self.f`, `(self.f)`.
fn self_field(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Field(f) if is_self(&f.base) => match &f.member {
            syn::Member::Named(n) => Some(n.to_string()),
            syn::Member::Unnamed(i) => Some(i.index.to_string()),
        },
        Expr::MethodCall(m) => self_field(&m.receiver),
        Expr::Reference(r) => self_field(&r.expr),
        Expr::Paren(p) => self_field(&p.expr),
        Expr::Try(t) => self_field(&t.expr),
        _ => None,
    }
}

fn strip(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => strip(&p.expr),
        e => e,
    }
}

/// The field a `for` loop iterates: `&self.rx`, `&mut self.rx`, `self.rx`, `self.rx.iter()`.
fn iterated_field(expr: &Expr) -> Option<String> {
    match strip(expr) {
        Expr::Reference(r) => iterated_field(&r.expr),
        e @ Expr::Field(_) => self_field(e),
        Expr::MethodCall(m) if m.method == "iter" && m.args.is_empty() => {
            match strip(&m.receiver) {
                e @ Expr::Field(_) => self_field(e),
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_self(expr: &Expr) -> bool {
    matches!(expr, Expr::Path(p) if p.path.is_ident("self"))
}

fn pat_names(pat: &Pat, out: &mut Vec<String>) {
    struct Names<'o>(&'o mut Vec<String>);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_pat_ident(&mut self, i: &'ast syn::PatIdent) {
            self.0.push(i.ident.to_string());
            syn::visit::visit_pat_ident(self, i);
        }
    }
    Names(out).visit_pat(pat);
}

impl Collector<'_> {
    /// The field a joined expression stands for: rooted at `self.f`, or a local alias of it.
    fn field_of(&self, expr: &Expr) -> Option<String> {
        if let Some(f) = self_field(expr) {
            return Some(f);
        }
        match expr {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.aliases.get(&i.to_string()).cloned()),
            Expr::MethodCall(m) => self.field_of(&m.receiver),
            Expr::Paren(p) => self.field_of(&p.expr),
            Expr::Try(t) => self.field_of(&t.expr),
            _ => None,
        }
    }

    fn alias(&mut self, pat: &Pat, init: &Expr) {
        if let Some(field) = self.field_of(init) {
            let mut names = Vec::new();
            pat_names(pat, &mut names);
            for n in names {
                self.aliases.insert(n, field.clone());
            }
        }
    }

    fn start(&self, node: &impl NodeSpan) -> (u32, Span) {
        let span = self.file.span_of(node.node_span());
        (span.start, span)
    }
}

impl Collector<'_> {
    /// A `select!` is read as code: its branches' futures and handlers are visited (a
    /// `recv(self.rx)` reads the field, a handler may empty one). `false` for any other
    /// macro.
    fn read_select(&mut self, mac: &syn::Macro) -> bool {
        let Some(branches) = closing::select_branches(mac) else {
            return false;
        };
        for b in &branches {
            if let Some((_, future)) = &b.arm {
                Visit::visit_expr(self, future);
            }
            Visit::visit_expr(self, &b.handler);
        }
        true
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let Some(init) = &l.init {
            self.alias(&l.pat, &init.expr);
        }
        syn::visit::visit_local(self, l);
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        self.alias(&l.pat, &l.expr);
        syn::visit::visit_expr_let(self, l);
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.alias(&f.pat, &f.expr);
        if let Some(field) = iterated_field(&f.expr) {
            let span = self.file.span_of(f.node_span());
            let end = self.file.span_of(f.expr.node_span()).end;
            let header = Span::new(span.start as usize, end as usize);
            if closing::exits_in(&f.body) == 0 {
                self.out.recv_loops.push((field, header));
            } else {
                self.out.guarded_recv_loops.push((field, header, span));
            }
        }
        syn::visit::visit_expr_for_loop(self, f);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if m.method == "join" {
            if let Some(field) = self.field_of(&m.receiver) {
                let (_, span) = self.start(m);
                self.out.joins.push((field, span));
            }
        }
        if endpoint_op(&m.method.to_string()) == EndpointOp::Close {
            if let Some(field) = self.field_of(&m.receiver) {
                let (at, _) = self.start(m);
                self.out.closes.push((field, at));
            }
        }
        // `self.worker.take().map(|h| h.join())`: the closure's parameters alias the field.
        if let Some(field) = self.field_of(&m.receiver) {
            for arg in &m.args {
                if let Expr::Closure(c) = arg {
                    for p in &c.inputs {
                        let mut names = Vec::new();
                        pat_names(p, &mut names);
                        for n in names {
                            self.aliases.insert(n, field.clone());
                        }
                    }
                }
            }
        }
        if is_self(&m.receiver) {
            let (at, _) = self.start(m);
            self.out.opaque.push(at);
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        if let Expr::Let(l) = strip(&w.cond) {
            let guarded = closing::is_ok_or_some(&l.pat) && closing::exits_in(&w.body) > 0;
            let received = closing::receive(&l.expr).filter(|_| guarded);
            if let Some(field) = received.and_then(|(root, _)| self_field(root)) {
                let (_, header) = self.start(&*l.expr);
                let whole = self.file.span_of(w.node_span());
                self.out.guarded_recv_loops.push((field, header, whole));
            }
        }
        let field = match strip(&w.cond) {
            Expr::Let(l) if closing::is_ok_or_some(&l.pat) && closing::exits_in(&w.body) == 0 => {
                closing::receive(&l.expr).and_then(|(root, call)| {
                    Some((self_field(root)?, closing::ExprRef::Borrowed(call)))
                })
            }
            Expr::Let(_) => None,
            c if !closing::is_flag_load(c) => None,
            _ => closing::closing_receive(&w.body)
                .filter(|c| !c.variant_exits)
                .and_then(|c| Some((self_field(&c.root)?, c.call))),
        };
        // A pattern that may fail on a value (`Some(Msg::Data(v))`) also ends the loop.
        let paths = match strip(&w.cond) {
            Expr::Let(l) => super::walk::closing_pattern_paths(&l.pat),
            _ => Some(Vec::new()),
        };
        if let (Some((field, call)), Some(paths)) = (field, paths) {
            let (_, span) = self.start(&*call);
            self.out.recv_loops.push((field, span));
            if !paths.is_empty() {
                self.out.recv_loop_patterns.push((span, paths));
            }
        }
        syn::visit::visit_expr_while(self, w);
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        let closing = closing::closing_receive(&l.body).filter(|c| !c.variant_exits);
        if let Some(c) = closing {
            if let Some(field) = self_field(&c.root) {
                let (_, span) = self.start(&*c.call);
                self.out.recv_loops.push((field, span));
            }
        }
        syn::visit::visit_expr_loop(self, l);
    }

    fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
        if let Some(field) = self.field_of(&a.base) {
            let (_, span) = self.start(a);
            self.out.joins.push((field, span));
        }
        syn::visit::visit_expr_await(self, a);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        if self.read_select(&m.mac) {
            return;
        }
        if m.mac.tokens.to_string().contains("self") {
            let at = self.file.span_of(m.mac.path.node_span()).start;
            self.out.opaque.push(at);
        }
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Field(f) if is_self(&f.base) => {
                if let Some(field) = self_field(e) {
                    let (at, _) = self.start(e);
                    self.out.mentions.push((field, at));
                }
                return;
            }
            Expr::MethodCall(m) if is_self(&m.receiver) => {
                self.visit_expr_method_call(m);
                return;
            }
            // `self` as a whole value: anything may happen to its fields.
            Expr::Path(_) if is_self(e) => {
                let (at, _) = self.start(e);
                self.out.opaque.push(at);
                return;
            }
            // A macro leaklint cannot read may name any field.
            Expr::Macro(m) if self.read_select(&m.mac) => return,
            Expr::Macro(m) => {
                let (at, _) = self.start(e);
                if m.mac.tokens.to_string().contains("self") {
                    self.out.opaque.push(at);
                }
            }
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }
}

/// The [`WorkerFields`] of one function body (with its path facts): a receive loop (with no
/// `break`/`return` exit, or only ones taken for one enum variant, and no explicit close) run by work spawned in the function itself, whose handle is
/// stored into a field, while a sender of the loop's channel is stored into another field
/// of the same type. `self_ty` names `self` (`self.f = x` stores into it).
pub fn worker_fields(
    model: &FileModel,
    (body, paths): (&Body, &FnPaths),
    self_ty: Option<&str>,
) -> Vec<WorkerFields> {
    let mut out = Vec::new();
    for rl in &body.recv_loops {
        let stop_variant =
            if rl.variant_exits || rl.loop_id.is_some_and(|l| !body.loops[l].exits.is_empty()) {
                let Some((variant, exit)) = paths.recv_loop_stop_variant(body, rl) else {
                    continue;
                };
                Some((variant.to_string(), exit.span))
            } else {
                None
            };
        let Some((channel, Role::Receiver)) = body.endpoint_of(rl.receiver) else {
            continue;
        };
        if model.channel(channel).kind == ChannelKind::Oneshot || closes(body, channel) {
            continue;
        }
        let Some(site) = body.spawn_running(rl.ctx) else {
            continue;
        };
        if site.ctx != 0 {
            continue;
        }
        let stored = match (&site.handle, &site.stored_in) {
            // A handle bound, or collected (`workers.push(spawn(..))`), and stored in a field.
            (HandleFate::Bound(h) | HandleFate::Collected(h), _) => {
                stored_field(&body.bindings[*h], self_ty)
            }
            (HandleFate::Kept, Some((Some(ty), field))) => {
                type_name(ty, self_ty).map(|ty| (ty, field.clone(), site.call))
            }
            _ => None,
        };
        let Some((ty, handle, _)) = stored else {
            continue;
        };
        let sender = body
            .endpoints(channel, Role::Sender)
            .filter(|&tx| body.bindings[tx].ctx == 0)
            .find_map(|tx| {
                let literal = sender_stored_in(body, tx, &ty, self_ty).map(|s| (s, None));
                literal
                    .or_else(|| sender_constructed_in(body, tx, &ty, self_ty))
                    .filter(|((_, f, _), _)| *f != handle)
                    .map(|(s, via)| (tx, s, via))
            });
        if let Some((tx, (_, sender, at), via_call)) = sender {
            let nested =
                stored_field(&body.bindings[tx], self_ty).is_none_or(|(_, f, _)| f != sender);
            out.push(WorkerFields {
                endpoint_fields: endpoint_fields(body, channel, &ty, self_ty),
                ty,
                handle,
                sender,
                recv_loop: rl.header,
                sender_stored: at,
                stop_variant,
                pattern_types: rl.pattern_types.clone(),
                nested,
                via_call,
            });
        }
    }
    out
}

/// The [`ChannelFields`] of one function body: channels made here whose sender and receiver
/// are both stored into fields of one type.
pub fn channel_fields(model: &FileModel, id: BodyId, self_ty: Option<&str>) -> Vec<ChannelFields> {
    let body = model.body(id);
    let stored = |channel: usize, role: Role| {
        body.endpoints(channel, role)
            .filter(|&b| body.bindings[b].ctx == 0)
            .find_map(|b| stored_field(&body.bindings[b], self_ty))
    };
    model
        .channels_in(id)
        .filter(|ch| ch.kind != ChannelKind::Oneshot)
        .filter_map(|ch| {
            let (rty, receiver, _) = stored(ch.id, Role::Receiver)?;
            let (ty, sender, at) = body
                .endpoints(ch.id, Role::Sender)
                .filter(|&b| body.bindings[b].ctx == 0)
                .find_map(|b| sender_stored_in(body, b, &rty, self_ty))?;
            (ty == rty && sender != receiver).then(|| ChannelFields {
                endpoint_fields: endpoint_fields(body, ch.id, &ty, self_ty),
                ty,
                sender,
                receiver,
                sender_stored: at,
            })
        })
        .collect()
}

/// The `(type, field, where)` sender `tx` is kept in, for a value of type `ty`: stored into
/// one of its fields itself, or into a struct literal of a project type (`let n = Notifier
/// { tx };`) whose value is then stored into one of `ty`'s fields (`Hub { n, rx }`).
fn sender_stored_in(
    body: &Body,
    tx: usize,
    ty: &str,
    self_ty: Option<&str>,
) -> Option<(String, String, Span)> {
    let direct = stored_field(&body.bindings[tx], self_ty);
    if direct.as_ref().is_some_and(|(t, _, _)| t == ty) {
        return direct;
    }
    let literal = body.bindings[tx]
        .first_move()
        .is_some_and(|u| matches!(u.kind, UseKind::StoredStruct { ty: Some(_), .. }));
    let holder = body.holder_of(tx).filter(|_| literal)?;
    stored_field(&body.bindings[holder], self_ty).filter(|(t, _, _)| t == ty)
}

/// The `(type, field, where)` sender `tx` is kept in, for a value of type `ty`, when it was
/// handed to a call (`let shared = Arc::new(Shared::new(tx));`) whose result is stored into
/// one of `ty`'s fields (`Client { shared, .. }`), with the callee: whether the callee keeps
/// the sender in the value it returns is the crate index's question.
#[allow(clippy::type_complexity)]
fn sender_constructed_in(
    body: &Body,
    tx: usize,
    ty: &str,
    self_ty: Option<&str>,
) -> Option<((String, String, Span), Option<String>)> {
    let first = body.bindings[tx].first_move()?;
    if !matches!(first.kind, UseKind::CallArg { .. }) {
        return None;
    }
    let holder = &body.bindings[body.holder_of(tx)?];
    let Some(TypeHint::Call(callee)) = &holder.hint else {
        return None;
    };
    let stored = stored_field(holder, self_ty).filter(|(t, _, _)| t == ty)?;
    Some((stored, Some(callee.clone())))
}

/// The fields of type `ty` that this body stores an endpoint of `channel` into, of either
/// role (`Pool { tx, closer, .. }` after `let closer = rx.clone();`).
fn endpoint_fields(body: &Body, channel: usize, ty: &str, self_ty: Option<&str>) -> Vec<String> {
    [Role::Sender, Role::Receiver]
        .into_iter()
        .flat_map(|role| body.endpoints(channel, role))
        .filter(|&b| body.bindings[b].ctx == 0)
        .filter_map(|b| stored_field(&body.bindings[b], self_ty))
        .filter(|(t, _, _)| t == ty)
        .map(|(_, field, _)| field)
        .collect()
}

/// The `(type, field, where)` a binding is stored into: `Ty { field: x }`, `Self { field: x }`
/// or `self.field = x`.
fn stored_field(b: &Binding, self_ty: Option<&str>) -> Option<(String, String, Span)> {
    b.uses.iter().find_map(|u| match &u.kind {
        UseKind::StoredStruct {
            ty: Some(ty),
            field,
        } => Some((type_name(ty, self_ty)?, field.clone(), u.span)),
        UseKind::StoredSelfField(field) => Some((self_ty?.to_string(), field.clone(), u.span)),
        _ => None,
    })
}

/// The last segment of a struct's name as written, `Self` resolved to `self_ty`.
fn type_name(ty: &str, self_ty: Option<&str>) -> Option<String> {
    match ty {
        "Self" => self_ty.map(str::to_string),
        t => Some(t.rsplit("::").next().unwrap_or(t).to_string()),
    }
}

/// An explicit `close()` on any endpoint ends the loop without dropping the senders.
fn closes(body: &Body, channel: usize) -> bool {
    [Role::Sender, Role::Receiver].into_iter().any(|role| {
        body.endpoints(channel, role).any(|b| {
            body.ops(&body.bindings[b])
                .any(|(op, _)| op == EndpointOp::Close)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(method: &str) -> (std::sync::Arc<SourceFile>, SelfFieldFacts) {
        let text = format!("impl T {{ {method} }}");
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.clone());
        let ast = syn::parse_file(&text).unwrap();
        let syn::Item::Impl(i) = &ast.items[0] else {
            panic!()
        };
        let syn::ImplItem::Fn(f) = &i.items[0] else {
            panic!()
        };
        let facts = SelfFieldFacts::build(&file, &f.block);
        (file, facts)
    }

    #[test]
    fn joins_follow_aliases_closures_and_awaits() {
        let (file, f) = facts(
            "fn drop(&mut self) { if let Some(w) = self.worker.take() { w.join().unwrap(); } \
             self.b.take().map(|h| h.join()); for h in self.all.drain(..) { h.join(); } }",
        );
        let joined: Vec<(&str, &str)> = f
            .joins
            .iter()
            .map(|(field, at)| (field.as_str(), file.snippet(*at)))
            .collect();
        assert_eq!(
            joined,
            [
                ("worker", "w.join()"),
                ("b", "h.join()"),
                ("all", "h.join()")
            ]
        );
        let (file, f) = facts("async fn stop(self) { let _ = self.task.await; }");
        assert_eq!(f.joins.len(), 1);
        assert_eq!(file.snippet(f.joins[0].1), "self.task.await");
    }

    #[test]
    fn closes_of_fields_are_recorded_through_aliases() {
        let (file, f) = facts(
            "fn drop(&mut self) { self.rx.close(); if let Some(c) = &self.closer { c.close(); } \
             self.file.flush(); if let Some(w) = self.worker.take() { w.join(); } }",
        );
        let closed: Vec<&str> = f.closes.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(closed, ["rx", "closer"]);
        let join = f.joins[0].1.start;
        let fields = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert!(f.closed_before(&fields(&["closer"]), join));
        assert!(!f.closed_before(&fields(&["file", "worker"]), join));
        assert!(!f.closed_before(&fields(&["rx"]), f.closes[0].1));
        assert_eq!(file.snippet(f.joins[0].1), "w.join()");
    }

    #[test]
    fn mentions_and_escapes_come_before_the_join() {
        let (_, f) = facts(
            "fn drop(&mut self) { drop(self.jobs.take()); if let Some(w) = self.worker.take() { w.join(); } }",
        );
        let join = f.joins[0].1.start;
        assert!(f.touched_before("jobs", join));
        assert!(!f.touched_before("other", join));
        let (_, f) = facts(
            "fn drop(&mut self) { self.close(); if let Some(w) = self.worker.take() { w.join(); } }",
        );
        assert!(f.touched_before("jobs", f.joins[0].1.start));
        let (_, f) =
            facts("fn drop(&mut self) { self.worker.take().unwrap().join(); self.jobs.take(); }");
        assert!(!f.touched_before("jobs", f.joins[0].1.start));
    }
}

//! Items and expressions: each use of a binding is classified by the position it is in.

use std::collections::HashSet;

use syn::visit::{self, Visit};
use syn::{Expr, Stmt};

use super::syntax::*;
use super::{Position, SpawnCall, Walker, CONSUMING, INSPECTING, PUSH_METHODS};
use crate::model::catalog::{self, EndpointOp};
use crate::model::channels::Slot;
use crate::model::flow::*;
use crate::model::tasks::CancelKind;
use crate::source::Span;

impl<'ast, 'f> Visit<'ast> for Walker<'f> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item {
            syn::Item::Fn(f) => self.visit_item_fn(f),
            syn::Item::Impl(i) => {
                let saved = self.self_type.take();
                self.self_type = type_name(&i.self_ty);
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it {
                        let span = self.span_of(f);
                        let name = match &self.self_type {
                            Some(t) => format!("{t}::{}", f.sig.ident),
                            None => f.sig.ident.to_string(),
                        };
                        self.test_fn = is_test_fn(&f.attrs);
                        self.walk_fn(
                            name,
                            span,
                            f.sig.asyncness.is_some(),
                            &f.sig.inputs,
                            &f.block,
                        );
                    } else {
                        visit::visit_impl_item(self, it);
                    }
                }
                self.self_type = saved;
            }
            syn::Item::Trait(t) => {
                for it in &t.items {
                    if let syn::TraitItem::Fn(f) = it {
                        if let Some(block) = &f.default {
                            let span = self.span_of(f);
                            self.test_fn = is_test_fn(&f.attrs);
                            self.walk_fn(
                                format!("{}::{}", t.ident, f.sig.ident),
                                span,
                                f.sig.asyncness.is_some(),
                                &f.sig.inputs,
                                block,
                            );
                        }
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    let test = is_cfg_test(&m.attrs);
                    self.test_modules += test as usize;
                    self.resolver.push(items);
                    for it in items {
                        self.visit_item(it);
                    }
                    self.resolver.pop();
                    self.test_modules -= test as usize;
                }
            }
            syn::Item::Macro(m) => self.walk_macro(&m.mac),
            // Constants and statics have no bodies to follow; fields they read still count.
            syn::Item::Const(_) | syn::Item::Static(_) => {
                let saved = self.body.take();
                visit::visit_item(self, item);
                self.body = saved;
            }
            _ => {}
        }
    }

    fn visit_stmt(&mut self, stmt: &'ast Stmt) {
        match stmt {
            Stmt::Local(local) => self.walk_local(local),
            Stmt::Item(item) => self.visit_item(item),
            Stmt::Expr(e, _) => self.visit_with(e, Position::Statement),
            Stmt::Macro(m) => self.walk_macro(&m.mac),
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.walk_block(block, Position::Other);
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        let role = self.take_role();
        match expr {
            Expr::Path(p) if p.qself.is_none() => {
                self.note_constructed(&p.path);
                if let Some(ident) = p.path.get_ident() {
                    if let Some(id) = self.lookup(&ident.to_string()) {
                        let span = self.span(ident.span());
                        let kind = self.use_kind(role);
                        self.record_use(id, span, kind);
                    }
                }
            }
            Expr::Paren(p) => self.visit_with(&p.expr, role),
            Expr::Group(g) => self.visit_with(&g.expr, role),
            Expr::Reference(r) if r.mutability.is_some() && !matches!(role, Position::ForLoop) => {
                self.visit_with(&r.expr, Position::BorrowMut)
            }
            Expr::Reference(r) => self.visit_with(&r.expr, Position::Borrow),
            Expr::Field(f) => {
                if let syn::Member::Named(name) = &f.member {
                    if !matches!(role, Position::AssignTarget) {
                        // `self.f` in `impl T` reads `T::f` only; other bases may be any type.
                        match (&self.self_type, is_self(&f.base)) {
                            (Some(ty), true) => {
                                self.model
                                    .typed_field_reads
                                    .insert((ty.clone(), name.to_string()));
                            }
                            _ => {
                                self.model.field_reads.insert(name.to_string());
                            }
                        }
                    }
                }
                self.visit_with(&f.base, Position::Borrow);
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                let call = self.span_of(m);
                let inspected = std::mem::take(&mut self.inspected);
                let awaited = std::mem::take(&mut self.awaited);
                // `tx.send(x).is_err()`: the inner call's result is inspected.
                if INSPECTING.contains(&method.as_str()) {
                    self.inspected = true;
                }
                // `rx.iter().sum()`: receives until every sender is gone.
                if CONSUMING.contains(&method.as_str()) {
                    if let Some(rx) = self.recv_loop_receiver(&m.receiver, false) {
                        if matches!(
                            catalog::endpoint_op(first_method(&m.receiver).unwrap_or("")),
                            EndpointOp::IntoIter
                        ) {
                            self.add_recv_loop(rx, call, call, None, None);
                        }
                    }
                }
                self.note_stop_check(&method, &m.receiver, call);
                if self.catalog.is_spawn_method(&method) {
                    if let Some((on_drop, thread)) = self.method_spawn_kind(&m.receiver, &method) {
                        let callee = format!("{}.{method}", receiver_name(&m.receiver));
                        let callee_span = self.span(m.method.span());
                        let how = SpawnCall {
                            callee,
                            callee_span,
                            call,
                            on_drop,
                            thread,
                        };
                        let at = work_arg_index(&m.args).unwrap_or(0);
                        self.record_work(how, m.args.iter().nth(at), at, &role, false);
                    }
                }
                if method == "build" {
                    self.note_http_client_build(&m.receiver, call);
                }
                self.note_timed_chain(&method, &m.receiver);
                if matches!(strip_parens(&m.receiver), Expr::MethodCall(_))
                    && !INSPECTING.contains(&method.as_str())
                {
                    self.inspected = false;
                }
                // `x.unwrap()`, `x.expect(..)` pass the value on: the receiver is used as the
                // whole call is.
                let receiver_role = if matches!(method.as_str(), "unwrap" | "expect")
                    && !matches!(strip_parens(&m.receiver), Expr::Path(_))
                {
                    role
                } else {
                    Position::Receiver {
                        method: method.clone(),
                        call,
                        inspected,
                        awaited,
                    }
                };
                let timeout = matches!(method.as_str(), "timeout" | "timeout_at");
                if timeout {
                    self.record_cancellable(CancelKind::Timeout, &m.receiver, call);
                }
                self.in_timeout += timeout as usize;
                self.visit_with(&m.receiver, receiver_role);
                self.in_timeout -= timeout as usize;
                self.inspected = false;
                let into = self.binding_of(&m.receiver);
                for arg in &m.args {
                    let role = if PUSH_METHODS.contains(&method.as_str()) {
                        Position::Pushed(into)
                    } else {
                        Position::CallArg(None)
                    };
                    self.visit_with(arg, role);
                }
            }
            Expr::Call(c) => {
                let awaited = std::mem::take(&mut self.awaited);
                let callee = match &*c.func {
                    Expr::Path(p) if p.qself.is_none() => self.resolver.resolve(&p.path),
                    _ => None,
                };
                let call = self.span_of(c);
                // A constructor outside `let (tx, rx) = ..`: a channel whose endpoints are not
                // followed (still seen by lints about the constructor itself).
                if self.let_ctor != Some(call) {
                    if let Some(ctor) = callee.as_deref().and_then(|p| self.catalog.channel_ctor(p))
                    {
                        self.record_channel(ctor, call, Slot::Unbound, Slot::Unbound);
                    }
                }
                self.let_ctor = None;
                if let Some(leaker) = callee.as_deref().and_then(catalog::leaker) {
                    self.record_leak(leaker, call, c.args.first());
                }
                if let Some(spawn) = callee.as_deref().and_then(|p| self.catalog.spawn_fn(p)) {
                    let written = expr_path_text(&c.func);
                    let callee_span = self.span_of(&c.func);
                    let how = SpawnCall {
                        callee: written,
                        callee_span,
                        call,
                        on_drop: spawn.on_drop,
                        thread: spawn.thread,
                    };
                    // The work: the first closure or async block (a declared helper such as
                    // `spawn_named(name, || ..)`), else the first argument.
                    let at = work_arg_index(&c.args).unwrap_or(0);
                    self.record_work(how, c.args.iter().nth(at), at, &role, false);
                } else if let Some(at) =
                    work_arg_index(&c.args).or_else(|| self.param_arg_index(&c.args))
                {
                    let how = SpawnCall {
                        callee: expr_path_text(&c.func),
                        callee_span: self.span_of(&c.func),
                        call,
                        on_drop: catalog::OnDrop::Detach,
                        thread: false,
                    };
                    self.record_work(how, c.args.iter().nth(at), at, &role, true);
                }
                if matches!(
                    callee.as_deref(),
                    Some("std::process::exit" | "std::process::abort")
                ) {
                    self.record_exit(Exit::Return(call), None);
                }
                let timeout = callee.as_deref().is_some_and(catalog::is_timeout_fn);
                if let Some(path) = callee
                    .as_deref()
                    .filter(|p| self.catalog.is_call_of_interest(p))
                    .filter(|_| !self.timed_roots.contains(&call))
                {
                    let ctx = self.ctx;
                    let in_timeout = self.in_timeout > 0;
                    if let Some(body) = self.body_mut() {
                        body.calls.push(CallSite {
                            path: path.to_string(),
                            span: call,
                            ctx,
                            awaited,
                            in_timeout,
                        });
                    }
                }
                self.visit_expr(&c.func);
                let arg_role = match callee.as_deref() {
                    Some(p) if catalog::is_drop_fn(p) => Position::Drop(call),
                    Some(p) => match catalog::leaker(p) {
                        Some(leaker) => Position::Leak(leaker, call),
                        // Wrapping a value (`Some(x)`, `Box::new(x)`, `Arc::new(x)`) keeps the
                        // role of the wrapper.
                        None if is_wrapper(p) => role.clone(),
                        None => Position::CallArg(callee.clone()),
                    },
                    None if is_wrapper_name(&c.func) => role.clone(),
                    None => Position::CallArg(None),
                };
                if let (Some(future), true) = (c.args.last(), timeout && c.args.len() == 2) {
                    self.record_cancellable(CancelKind::Timeout, future, call);
                }
                self.in_timeout += timeout as usize;
                for arg in &c.args {
                    self.visit_with(arg, arg_role.clone());
                }
                self.in_timeout -= timeout as usize;
            }
            Expr::Closure(c) => {
                let span = self.span_of(c);
                let ctx = self.new_ctx(span, c.capture.is_some(), c.asyncness.is_some());
                let saved = std::mem::replace(&mut self.ctx, ctx);
                let end = self.span_of(&c.body).end;
                self.scopes.push((Vec::new(), end));
                for input in &c.inputs {
                    self.bind_pat(input, ValueOrigin::Param, span);
                }
                self.visit_with(&c.body, Position::Returned);
                self.scopes.pop();
                self.ctx = saved;
            }
            Expr::Async(a) => {
                let span = self.span_of(a);
                let ctx = self.new_ctx(span, a.capture.is_some(), true);
                let saved = std::mem::replace(&mut self.ctx, ctx);
                self.walk_block(&a.block, Position::Returned);
                self.ctx = saved;
            }
            Expr::Block(b) => self.walk_block(&b.block, role),
            Expr::Unsafe(u) => self.walk_block(&u.block, role),
            Expr::ForLoop(f) => {
                let span = self.span_of(f);
                let body = self.span_of(&f.body);
                let header = Span::new(span.start as usize, self.span_of(&f.expr).end as usize);
                let receiver = self.recv_loop_receiver(&f.expr, true);
                let iter_role = if self.binding_of(&f.expr).is_some() {
                    Position::ForLoop
                } else {
                    Position::Other
                };
                self.visit_with(&f.expr, iter_role);
                let id = self.push_loop(LoopKind::For, span, body, f.label.as_ref());
                if let (Some(id), Some(bd)) = (id, self.body.as_mut()) {
                    bd.loops[id].bounded = fixed_count(&f.expr);
                }
                if let Some(rx) = receiver {
                    self.add_recv_loop(rx, span, header, Some(body), id);
                }
                self.scopes.push((Vec::new(), body.end));
                self.bind_pat(&f.pat, ValueOrigin::Other, span);
                self.walk_block(&f.body, Position::Other);
                self.scopes.pop();
                self.pop_loop(id);
            }
            Expr::While(w) => {
                let span = self.span_of(w);
                let body = self.span_of(&w.body);
                let id = self.push_loop(LoopKind::While, span, body, w.label.as_ref());
                if let (
                    Some(id),
                    Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Bool(b),
                        ..
                    }),
                ) = (id, strip_parens(&w.cond))
                {
                    if b.value {
                        if let Some(bd) = self.body.as_mut() {
                            bd.loops[id].cond_true = true;
                        }
                    }
                }
                self.scopes.push((Vec::new(), body.end));
                if let Expr::Let(l) = strip_parens(&w.cond) {
                    if let Some(rx) = self.recv_loop_receiver(&l.expr, false) {
                        if pat_is_ok_or_some(&l.pat) {
                            let header =
                                Span::new(span.start as usize, self.span_of(&l.expr).end as usize);
                            self.add_recv_loop(rx, span, header, Some(body), id);
                        }
                    }
                    self.visit_with(&l.expr, Position::Other);
                    self.bind_pat(&l.pat, ValueOrigin::Other, span);
                } else {
                    self.visit_with(&w.cond, Position::Other);
                }
                self.walk_block(&w.body, Position::Other);
                self.scopes.pop();
                self.pop_loop(id);
            }
            Expr::Loop(l) => {
                let span = self.span_of(l);
                let body = self.span_of(&l.body);
                let id = self.push_loop(LoopKind::Loop, span, body, l.label.as_ref());
                self.walk_block(&l.body, Position::Other);
                self.pop_loop(id);
            }
            Expr::Break(b) => {
                let span = self.span_of(b);
                self.record_exit(
                    Exit::Break(span),
                    b.label.as_ref().map(|l| l.ident.to_string()),
                );
                if let Some(e) = &b.expr {
                    self.visit_with(e, Position::Other);
                }
            }
            Expr::Return(r) => {
                let span = self.span_of(r);
                self.record_exit(Exit::Return(span), None);
                if let Some(e) = &r.expr {
                    self.visit_with(e, Position::Returned);
                }
            }
            Expr::Try(t) => {
                let span = self.span_of(t);
                // `call()?` passes the value on, like `unwrap`.
                let inner = if matches!(strip_parens(&t.expr), Expr::Path(_)) {
                    Position::Other
                } else {
                    role
                };
                self.visit_with(&t.expr, inner);
                self.record_exit(Exit::Try(span), None);
            }
            Expr::Await(a) => {
                let inner = if self.binding_of(&a.base).is_some() {
                    Position::Await
                } else {
                    // `spawn(..).await`: the handle is awaited.
                    self.awaited = true;
                    Position::Await
                };
                self.visit_with(&a.base, inner);
                self.awaited = false;
            }
            Expr::Assign(a) => {
                let rhs_role = match strip_parens(&a.left) {
                    Expr::Field(f) if is_self(&f.base) => match &f.member {
                        syn::Member::Named(n) => Position::SelfField(n.to_string()),
                        syn::Member::Unnamed(i) => Position::SelfField(i.index.to_string()),
                    },
                    Expr::Field(f) => match &f.member {
                        syn::Member::Named(n) => Position::Struct(n.to_string()),
                        syn::Member::Unnamed(i) => Position::Struct(i.index.to_string()),
                    },
                    _ => Position::Other,
                };
                let saved_ty = self.struct_ty.take();
                // `x = value;` into a local declared earlier (`let tx;`): the value moves there,
                // and a binding declared without a value takes the endpoint it is given.
                let target = self
                    .binding_of(&a.left)
                    .filter(|_| matches!(strip_parens(&a.left), Expr::Path(_)));
                let rhs_role = match target {
                    Some(t) => {
                        let origin = self.origin_of(&a.right);
                        if let Some(body) = self.body_mut() {
                            if body.bindings[t].origin == ValueOrigin::Other {
                                body.bindings[t].origin = origin;
                            }
                        }
                        Position::Init(Some(t))
                    }
                    None => {
                        self.visit_with(&a.left, Position::AssignTarget);
                        rhs_role
                    }
                };
                self.visit_with(&a.right, rhs_role);
                self.struct_ty = saved_ty;
            }
            Expr::Struct(s) => {
                self.note_constructed(&s.path);
                let ty = match s.path.segments.last().map(|s| s.ident.to_string()) {
                    Some(t) if t == "Self" => self.self_type.clone(),
                    other => other,
                };
                for field in &s.fields {
                    let name = match &field.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    let saved = std::mem::replace(&mut self.struct_ty, ty.clone());
                    self.visit_with(&field.expr, Position::Struct(name));
                    self.struct_ty = saved;
                }
                if let Some(rest) = &s.rest {
                    self.visit_with(rest, Position::Other);
                }
            }
            Expr::Tuple(t) => {
                let inner = match role {
                    Position::Returned
                    | Position::CallArg(_)
                    | Position::Struct(_)
                    | Position::SelfField(_)
                    | Position::Pushed(_) => role,
                    _ => Position::Other,
                };
                for e in &t.elems {
                    self.visit_with(e, inner.clone());
                }
            }
            Expr::If(i) => {
                self.scopes
                    .push((Vec::new(), self.span_of(&i.then_branch).end));
                if let Expr::Let(l) = strip_parens(&i.cond) {
                    self.inspected = true;
                    self.visit_with(&l.expr, Position::Other);
                    self.inspected = false;
                    self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
                } else {
                    self.visit_with(&i.cond, Position::Other);
                }
                self.walk_block(&i.then_branch, role.clone());
                self.scopes.pop();
                if let Some((_, e)) = &i.else_branch {
                    self.visit_with(e, role);
                }
            }
            Expr::Match(m) => {
                self.inspected = true;
                self.visit_with(&m.expr, Position::Other);
                self.inspected = false;
                for arm in &m.arms {
                    self.scopes.push((Vec::new(), self.span_of(&arm.body).end));
                    self.bind_pat(&arm.pat, ValueOrigin::Other, self.span_of(arm));
                    if let Some((_, g)) = &arm.guard {
                        self.visit_with(g, Position::Other);
                    }
                    self.visit_with(&arm.body, role.clone());
                    self.scopes.pop();
                }
            }
            Expr::Let(l) => {
                // A `let` chain outside `if`/`while` headers: bind in the current scope.
                self.visit_with(&l.expr, Position::Other);
                self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
            }
            Expr::Macro(m) => self.walk_macro(&m.mac),
            _ => visit::visit_expr(self, expr),
        }
    }

    // Nested items are separate bodies; the default walker would mix them in.
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let span = self.span_of(f);
        self.test_fn = is_test_fn(&f.attrs);
        self.walk_fn(
            f.sig.ident.to_string(),
            span,
            f.sig.asyncness.is_some(),
            &f.sig.inputs,
            &f.block,
        );
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.walk_macro(mac);
    }
}

/// Collects the identifiers a pattern binds and the fields a struct pattern reads.
#[derive(Default)]
pub(super) struct PatIdents {
    pub(super) idents: Vec<syn::Ident>,
    pub(super) fields: HashSet<String>,
}

impl<'ast> Visit<'ast> for PatIdents {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.idents.push(p.ident.clone());
        visit::visit_pat_ident(self, p);
    }

    fn visit_field_pat(&mut self, f: &'ast syn::FieldPat) {
        if let syn::Member::Named(n) = &f.member {
            self.fields.insert(n.to_string());
        }
        visit::visit_field_pat(self, f);
    }

    fn visit_pat_struct(&mut self, s: &'ast syn::PatStruct) {
        // `S { .. }` reads nothing by name, but a rest pattern may move fields we cannot see.
        visit::visit_pat_struct(self, s);
    }
}

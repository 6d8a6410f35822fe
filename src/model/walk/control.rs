//! Control flow: loops (receive loops among them), exits, `?`, `.await`, `if`, `match`, `let` chains.

use syn::Expr;

use super::syntax::*;
use super::{Position, Walker};
use crate::model::flow::*;
use crate::source::Span;

impl<'f> Walker<'f> {
    /// `for pat in expr {}`: a loop, a receive loop when `expr` iterates a receiver.
    pub(super) fn walk_for_loop(&mut self, f: &syn::ExprForLoop) {
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
            bd.loops[id].count = literal_count(&f.expr);
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

    /// `while cond {}` / `while let`: a loop, a receive loop when the `let` receives until closed.
    pub(super) fn walk_while(&mut self, w: &syn::ExprWhile) {
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
                if let Some(paths) = closing_pattern_paths(&l.pat) {
                    let header = Span::new(span.start as usize, self.span_of(&l.expr).end as usize);
                    self.add_recv_loop(rx, span, header, Some(body), id);
                    self.last_recv_loop_needs(paths);
                }
            }
            self.visit_with(&l.expr, Position::Other);
            self.bind_pat(&l.pat, ValueOrigin::Other, span);
        } else {
            self.while_count_recv_loop(&w.cond, span, body, id);
            self.while_ok_recv_loop(&w.cond, span, body, id);
            self.visit_with(&w.cond, Position::Other);
            if super::closing::is_flag_load(&w.cond) {
                self.note_closing_receive(&w.body, span, body);
            }
        }
        self.walk_block(&w.body, Position::Other);
        self.scopes.pop();
        self.pop_loop(id);
    }

    /// `while rx.recv().is_ok()` (also `.is_some()` on an awaited tokio receive): the loop
    /// ends only when the receive fails, that is when every sender is gone.
    fn while_ok_recv_loop(&mut self, cond: &Expr, span: Span, body: Span, id: Option<LoopId>) {
        let Expr::MethodCall(m) = strip_parens(cond) else {
            return;
        };
        if !(m.method == "is_ok" || m.method == "is_some") || !m.args.is_empty() {
            return;
        }
        if let Some(rx) = self.recv_loop_receiver(&m.receiver, false) {
            let header = Span::new(span.start as usize, self.span_of(cond).end as usize);
            self.add_recv_loop(rx, span, header, Some(body), id);
        }
    }

    /// The receive loop just recorded is one only if each of `paths` (written in its
    /// `while let` pattern) names a struct or a one-variant enum's variant.
    fn last_recv_loop_needs(&mut self, paths: Vec<String>) {
        if let Some(rl) = self.body.as_mut().and_then(|b| b.recv_loops.last_mut()) {
            rl.pattern_types = paths;
        }
    }

    /// `loop {}`.
    pub(super) fn walk_loop(&mut self, l: &syn::ExprLoop) {
        let span = self.span_of(l);
        let body = self.span_of(&l.body);
        let id = self.push_loop(LoopKind::Loop, span, body, l.label.as_ref());
        self.note_closing_receive(&l.body, span, body);
        self.walk_block(&l.body, Position::Other);
        self.pop_loop(id);
    }

    /// `break`: an exit of the (labelled) innermost loop.
    pub(super) fn walk_break(&mut self, b: &syn::ExprBreak) {
        let span = self.span_of(b);
        self.record_exit(
            Exit::Break(span),
            b.label.as_ref().map(|l| l.ident.to_string()),
        );
        if let Some(e) = &b.expr {
            self.visit_with(e, Position::Other);
        }
    }

    /// `return`: an exit of every enclosing loop; the value is returned.
    pub(super) fn walk_return(&mut self, r: &syn::ExprReturn) {
        let span = self.span_of(r);
        self.record_exit(Exit::Return(span), None);
        if let Some(e) = &r.expr {
            self.visit_with(e, Position::Returned);
        }
    }

    /// `expr?`: an exit on error; the value passes on as `unwrap` does.
    pub(super) fn walk_try(&mut self, t: &syn::ExprTry, role: Position) {
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

    /// `fut.await`: the awaited value (a spawned handle when not a binding).
    pub(super) fn walk_await(&mut self, a: &syn::ExprAwait) {
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

    /// `if` / `if let`: the `let` binds in the then-branch only.
    pub(super) fn walk_if(&mut self, i: &syn::ExprIf, role: Position) {
        self.scopes
            .push((Vec::new(), self.span_of(&i.then_branch).end));
        if let Expr::Let(l) = strip_parens(&i.cond) {
            self.inspected = true;
            self.visit_with(&l.expr, Position::Other);
            self.inspected = false;
            self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
        } else {
            let marks = self.stop_check_marks();
            self.visit_with(&i.cond, Position::Other);
            if super::closing::stop_branch_continues(i) {
                self.forget_stop_checks(marks);
            }
        }
        self.walk_block(&i.then_branch, role.clone());
        self.scopes.pop();
        if let Some((_, e)) = &i.else_branch {
            self.visit_with(e, role);
        }
    }

    /// `match`: each arm binds in its own scope.
    pub(super) fn walk_match(&mut self, m: &syn::ExprMatch, role: Position) {
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

    /// A `let` chain outside `if`/`while` headers: binds in the current scope.
    pub(super) fn walk_let_expr(&mut self, l: &syn::ExprLet) {
        // A `let` chain outside `if`/`while` headers: bind in the current scope.
        self.visit_with(&l.expr, Position::Other);
        self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
    }
}

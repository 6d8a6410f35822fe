//! Value expressions: paths, fields, closures, async blocks, assignments, struct and tuple literals.

use syn::Expr;

use super::syntax::*;
use super::{Position, Walker};
use crate::model::flow::*;

impl<'f> Walker<'f> {
    /// A use of a local binding, classified by `role`.
    pub(super) fn walk_path_expr(&mut self, p: &syn::ExprPath, role: Position) {
        self.note_constructed(&p.path);
        if let Some(ident) = p.path.get_ident() {
            if let Some(id) = self.lookup_ident(ident) {
                let span = self.span(ident.span());
                let kind = self.use_kind(role);
                self.record_use(id, span, kind);
            }
        }
    }

    /// `base.f`: records which fields are read (typed as `T::f` for `self` in `impl T`).
    pub(super) fn walk_field_expr(&mut self, f: &syn::ExprField, role: Position) {
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

    /// A closure: a new context whose parameters are bound in its own scope.
    pub(super) fn walk_closure(&mut self, c: &syn::ExprClosure) {
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

    /// An `async` block: a new (async) context.
    pub(super) fn walk_async_block(&mut self, a: &syn::ExprAsync) {
        let span = self.span_of(a);
        let ctx = self.new_ctx(span, a.capture.is_some(), true);
        let saved = std::mem::replace(&mut self.ctx, ctx);
        self.walk_block(&a.block, Position::Returned);
        self.ctx = saved;
    }

    /// `place = value`: moves the value into a local, a `self` field or another field.
    pub(super) fn walk_assign(&mut self, a: &syn::ExprAssign) {
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

    /// `T { f: value, .. }`: each value moves into field `f` of `T`.
    pub(super) fn walk_struct_expr(&mut self, s: &syn::ExprStruct) {
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

    /// `(a, b)`: elements keep the role of the tuple where it passes values on.
    pub(super) fn walk_tuple(&mut self, t: &syn::ExprTuple, role: Position) {
        let inner = match role {
            Position::Returned
            | Position::CallArg(..)
            | Position::Struct(_)
            | Position::SelfField(_)
            | Position::Pushed(_) => role,
            _ => Position::Other,
        };
        for e in &t.elems {
            self.visit_with(e, inner.clone());
        }
    }
}

//! Items and expressions: each use of a binding is classified by the position it is in.

use crate::model::HashSet;

use syn::visit::{self, Visit};
use syn::{Expr, Stmt};

use super::syntax::*;
use super::{Position, Walker};

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
            Expr::Path(p) if p.qself.is_none() => self.walk_path_expr(p, role),
            Expr::Paren(p) => self.visit_with(&p.expr, role),
            Expr::Group(g) => self.visit_with(&g.expr, role),
            Expr::Reference(r) if r.mutability.is_some() && !matches!(role, Position::ForLoop) => {
                self.visit_with(&r.expr, Position::BorrowMut)
            }
            Expr::Reference(r) => self.visit_with(&r.expr, Position::Borrow),
            Expr::Field(f) => self.walk_field_expr(f, role),
            Expr::MethodCall(m) => self.walk_method_call(m, role),
            Expr::Call(c) => self.walk_call(c, role),
            Expr::Closure(c) => self.walk_closure(c),
            Expr::Async(a) => self.walk_async_block(a),
            Expr::Block(b) => self.walk_block(&b.block, role),
            Expr::Unsafe(u) => self.walk_block(&u.block, role),
            Expr::ForLoop(f) => self.walk_for_loop(f),
            Expr::While(w) => self.walk_while(w),
            Expr::Loop(l) => self.walk_loop(l),
            Expr::Break(b) => self.walk_break(b),
            Expr::Return(r) => self.walk_return(r),
            Expr::Try(t) => self.walk_try(t, role),
            Expr::Await(a) => self.walk_await(a),
            Expr::Assign(a) => self.walk_assign(a),
            Expr::Struct(s) => self.walk_struct_expr(s),
            Expr::Tuple(t) => self.walk_tuple(t, role),
            Expr::If(i) => self.walk_if(i, role),
            Expr::Match(m) => self.walk_match(m, role),
            Expr::Let(l) => self.walk_let_expr(l),
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

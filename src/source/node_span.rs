//! The span of a syntax node in constant time (for the nodes that matter).
//!
//! syn's [`Spanned::span`] prints the whole node back into tokens to find its first and last
//! token: a cost in the size of the node, paid again at every level of a walk that asks each
//! node for its span, which makes such a walk quadratic in the nesting depth (a 10,000-deep
//! chain of method calls took seconds). [`NodeSpan`] finds the same two tokens by looking at
//! the node's own fields: the first token is an outer attribute, a keyword or delimiter, or
//! the first token of the leftmost child; the last is a delimiter, a keyword, or the last
//! token of the rightmost child. Small leaves (types, patterns, paths) still go through
//! `Spanned`. The result equals `Spanned::span` (tested over the corpus).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    AttrStyle, Attribute, Block, Expr, Label, Path, RangeLimits, Signature, UnOp, Visibility,
};

/// A node whose span can be found without printing it.
pub trait NodeSpan {
    fn node_span(&self) -> Span;
}

/// What syn's `join_spans` does with the first and last token.
fn join(first: Span, last: Span) -> Span {
    first.join(last).unwrap_or(first)
}

fn outer_attr(attrs: &[Attribute]) -> Option<Span> {
    attrs
        .iter()
        .find(|a| matches!(a.style, AttrStyle::Outer))
        .map(|a| a.pound_token.span)
}

fn block(b: &Block) -> Span {
    b.brace_token.span.join()
}

fn label(l: &Option<Label>) -> Option<Span> {
    l.as_ref().map(|l| l.name.apostrophe)
}

fn path_first(p: &Path) -> Span {
    match (&p.leading_colon, p.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(seg)) => seg.ident.span(),
        (None, None) => p.span(),
    }
}

fn limits(l: &RangeLimits) -> (Span, Span) {
    match l {
        RangeLimits::HalfOpen(t) => (t.spans[0], t.spans[1]),
        RangeLimits::Closed(t) => (t.spans[0], t.spans[2]),
    }
}

fn unop(op: &UnOp) -> Option<Span> {
    match op {
        UnOp::Deref(t) => Some(t.span),
        UnOp::Not(t) => Some(t.span),
        UnOp::Neg(t) => Some(t.span),
        _ => None,
    }
}

fn vis(v: &Visibility) -> Option<Span> {
    match v {
        Visibility::Public(p) => Some(p.span),
        Visibility::Restricted(r) => Some(r.pub_token.span),
        Visibility::Inherited => None,
    }
}

fn sig_first(s: &Signature) -> Span {
    s.constness
        .as_ref()
        .map(|t| t.span)
        .or(s.asyncness.as_ref().map(|t| t.span))
        .or(s.unsafety.as_ref().map(|t| t.span))
        .or(s.abi.as_ref().map(|a| a.extern_token.span))
        .unwrap_or(s.fn_token.span)
}

/// The first and last token of a node (any span that starts where the first token starts,
/// and ends where the last one ends: only those ends matter to a join).
pub trait Ends {
    fn first_token(&self) -> Span;
    fn last_token(&self) -> Span;
}

impl<T: Ends> NodeSpan for T {
    fn node_span(&self) -> Span {
        join(self.first_token(), self.last_token())
    }
}

impl<T: Ends> Ends for Box<T> {
    fn first_token(&self) -> Span {
        (**self).first_token()
    }
    fn last_token(&self) -> Span {
        (**self).last_token()
    }
}

/// An expression struct: its attributes, then either its own first token or its leftmost
/// child, and its last token.
macro_rules! expr_ends {
    ($ty:ident, |$x:ident| first: $first:expr, last: $last:expr $(,)?) => {
        impl Ends for syn::$ty {
            fn first_token(&self) -> Span {
                let $x = self;
                outer_attr(&$x.attrs).unwrap_or_else(|| $first)
            }
            fn last_token(&self) -> Span {
                let $x = self;
                $last
            }
        }
    };
}

expr_ends!(ExprArray, |x| first: x.bracket_token.span.join(), last: x.bracket_token.span.join());
expr_ends!(ExprAssign, |x| first: x.left.first_token(), last: x.right.last_token());
expr_ends!(ExprAsync, |x| first: x.async_token.span, last: block(&x.block));
expr_ends!(ExprAwait, |x| first: x.base.first_token(), last: x.await_token.span);
expr_ends!(ExprBinary, |x| first: x.left.first_token(), last: x.right.last_token());
expr_ends!(ExprBlock, |x| first: label(&x.label).unwrap_or_else(|| block(&x.block)), last: block(&x.block));
expr_ends!(ExprBreak, |x| first: x.break_token.span, last: match (&x.expr, &x.label) {
    (Some(e), _) => e.last_token(),
    (None, Some(l)) => l.ident.span(),
    (None, None) => x.break_token.span,
});
expr_ends!(ExprCall, |x| first: x.func.first_token(), last: x.paren_token.span.join());
expr_ends!(ExprCast, |x| first: x.expr.first_token(), last: x.ty.span());
expr_ends!(ExprClosure, |x| first: x
.lifetimes
.as_ref()
.map(|l| l.for_token.span)
.or(x.constness.as_ref().map(|t| t.span))
.or(x.movability.as_ref().map(|t| t.span))
.or(x.asyncness.as_ref().map(|t| t.span))
.or(x.capture.as_ref().map(|t| t.span))
.unwrap_or(x.or1_token.span),
// With a return type, syn prints a body that is not a plain block inside braces of its
// own (without a span): let `Spanned` decide that rare case.
last: if matches!(x.output, syn::ReturnType::Default)
    || matches!(&*x.body, Expr::Block(b) if b.attrs.is_empty() && b.label.is_none())
{
    x.body.last_token()
} else {
    x.span()
});
expr_ends!(ExprConst, |x| first: x.const_token.span, last: block(&x.block));
expr_ends!(ExprContinue, |x| first: x.continue_token.span, last: x
    .label
    .as_ref()
    .map_or(x.continue_token.span, |l| l.ident.span()));
expr_ends!(ExprField, |x| first: x.base.first_token(), last: match &x.member {
    syn::Member::Named(n) => n.span(),
    syn::Member::Unnamed(i) => i.span,
});
expr_ends!(ExprForLoop, |x| first: label(&x.label).unwrap_or(x.for_token.span), last: block(&x.body));
expr_ends!(ExprGroup, |x| first: x.group_token.span, last: x.group_token.span);
expr_ends!(ExprIf, |x| first: x.if_token.span, last: match &x.else_branch {
    Some((_, e)) => e.last_token(),
    None => block(&x.then_branch),
});
expr_ends!(ExprIndex, |x| first: x.expr.first_token(), last: x.bracket_token.span.join());
expr_ends!(ExprInfer, |x| first: x.underscore_token.span, last: x.underscore_token.span);
expr_ends!(ExprLet, |x| first: x.let_token.span, last: x.expr.last_token());
expr_ends!(ExprLit, |x| first: x.lit.span(), last: x.lit.span());
expr_ends!(ExprLoop, |x| first: label(&x.label).unwrap_or(x.loop_token.span), last: block(&x.body));
expr_ends!(ExprMacro, |x| first: path_first(&x.mac.path), last: x.mac.delimiter.span().join());
expr_ends!(ExprMatch, |x| first: x.match_token.span, last: x.brace_token.span.join());
expr_ends!(ExprMethodCall, |x| first: x.receiver.first_token(), last: x.paren_token.span.join());
expr_ends!(ExprParen, |x| first: x.paren_token.span.join(), last: x.paren_token.span.join());
expr_ends!(ExprPath, |x| first: match &x.qself {
    Some(q) => q.lt_token.span,
    None => path_first(&x.path),
}, last: x.path.span());
expr_ends!(ExprRange, |x| first: match &x.start {
    Some(start) => start.first_token(),
    None => limits(&x.limits).0,
}, last: match &x.end {
    Some(end) => end.last_token(),
    None => limits(&x.limits).1,
});
expr_ends!(ExprRawAddr, |x| first: x.and_token.span, last: x.expr.last_token());
expr_ends!(ExprReference, |x| first: x.and_token.span, last: x.expr.last_token());
expr_ends!(ExprRepeat, |x| first: x.bracket_token.span.join(), last: x.bracket_token.span.join());
expr_ends!(ExprReturn, |x| first: x.return_token.span, last: x
    .expr
    .as_ref()
    .map_or(x.return_token.span, |e| e.last_token()));
expr_ends!(ExprStruct, |x| first: match &x.qself {
    Some(q) => q.lt_token.span,
    None => path_first(&x.path),
}, last: x.brace_token.span.join());
expr_ends!(ExprTry, |x| first: x.expr.first_token(), last: x.question_token.span);
expr_ends!(ExprTryBlock, |x| first: x.try_token.span, last: block(&x.block));
expr_ends!(ExprTuple, |x| first: x.paren_token.span.join(), last: x.paren_token.span.join());
expr_ends!(ExprUnary, |x| first: unop(&x.op).unwrap_or_else(|| x.span()), last: x.expr.last_token());
expr_ends!(ExprUnsafe, |x| first: x.unsafe_token.span, last: block(&x.block));
expr_ends!(ExprWhile, |x| first: label(&x.label).unwrap_or(x.while_token.span), last: block(&x.body));
expr_ends!(ExprYield, |x| first: x.yield_token.span, last: x
    .expr
    .as_ref()
    .map_or(x.yield_token.span, |e| e.last_token()));

macro_rules! expr_dispatch {
    ($($variant:ident),* $(,)?) => {
        impl Ends for Expr {
            fn first_token(&self) -> Span {
                match self {
                    $(Expr::$variant(x) => x.first_token(),)*
                    // `Verbatim`, and variants of later syn versions.
                    other => other.span(),
                }
            }
            fn last_token(&self) -> Span {
                match self {
                    $(Expr::$variant(x) => x.last_token(),)*
                    other => other.span(),
                }
            }
        }
    };
}

expr_dispatch!(
    Array, Assign, Async, Await, Binary, Block, Break, Call, Cast, Closure, Const, Continue, Field,
    ForLoop, Group, If, Index, Infer, Let, Lit, Loop, Macro, Match, MethodCall, Paren, Path, Range,
    RawAddr, Reference, Repeat, Return, Struct, Try, TryBlock, Tuple, Unary, Unsafe, While, Yield,
);

impl Ends for Block {
    fn first_token(&self) -> Span {
        block(self)
    }
    fn last_token(&self) -> Span {
        block(self)
    }
}

impl Ends for syn::Local {
    fn first_token(&self) -> Span {
        outer_attr(&self.attrs).unwrap_or(self.let_token.span)
    }
    fn last_token(&self) -> Span {
        self.semi_token.span
    }
}

impl Ends for syn::Arm {
    fn first_token(&self) -> Span {
        // An arm prints all its attributes first (they are all outer).
        match self.attrs.first() {
            Some(a) => a.pound_token.span,
            None => self.pat.span(),
        }
    }
    fn last_token(&self) -> Span {
        match &self.comma {
            Some(c) => c.span,
            None => self.body.last_token(),
        }
    }
}

impl Ends for syn::ItemFn {
    fn first_token(&self) -> Span {
        outer_attr(&self.attrs)
            .or(vis(&self.vis))
            .unwrap_or_else(|| sig_first(&self.sig))
    }
    fn last_token(&self) -> Span {
        block(&self.block)
    }
}

impl Ends for syn::ImplItemFn {
    fn first_token(&self) -> Span {
        outer_attr(&self.attrs)
            .or(vis(&self.vis))
            .or(self.defaultness.as_ref().map(|d| d.span))
            .unwrap_or_else(|| sig_first(&self.sig))
    }
    fn last_token(&self) -> Span {
        block(&self.block)
    }
}

impl Ends for syn::TraitItemFn {
    fn first_token(&self) -> Span {
        outer_attr(&self.attrs).unwrap_or_else(|| sig_first(&self.sig))
    }
    fn last_token(&self) -> Span {
        match (&self.default, &self.semi_token) {
            (Some(b), _) => block(b),
            (None, Some(semi)) => semi.span,
            (None, None) => self.span(),
        }
    }
}

/// Small nodes leaklint does not walk into deeply: printing them is cheap enough.
macro_rules! via_spanned {
    ($($ty:ty),* $(,)?) => {
        $(impl Ends for $ty {
            fn first_token(&self) -> Span {
                self.span()
            }
            fn last_token(&self) -> Span {
                self.span()
            }
        })*
    };
}

via_spanned!(
    syn::Pat,
    syn::PatWild,
    syn::PatIdent,
    syn::Type,
    syn::Path,
    syn::Ident,
    syn::Lit,
    syn::Attribute,
    syn::Field,
    syn::FieldValue,
    syn::Macro,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_spanned_on_every_kind_of_expression() {
        let src = r#"
            #[attr] fn f<'a>(x: &'a u8) -> u8 {
                let a = [1, 2]; let b = (1,); let c = [0; 4];
                #[cfg(x)] let d = 1 + 2 * 3;
                x.y.0.z(1)?.await[2] as u8;
                'l: loop { break 'l 1; continue 'l; }
                'w: while a { break; } for i in 0..=3 { continue }
                if a { 1 } else if b { 2 } else { 3 };
                match x { A::B { c, .. } => 1, _ if d => { 2 } _ => 3 }
                let f = move || 1; let g = async move { 1 }; let h = |a: u8| -> u8 { a };
                unsafe { *p }; -x; !y; &mut z; &raw const w; ..; ..=5; 1..;
                S { a: 1, ..s }; <T as Tr>::f(); ::std::f(); m!(a, b); m![]; m! {};
                return; return 1; yield 2; a = b; a += 1; const { 1 }; try { 1 };
                #[a] || 1; _ = 1; { 1 } 'b: { 2 }
            }
            impl S { pub(crate) default async unsafe extern "C" fn m(&self) {} }
            trait T { fn t(); fn u() {} }
        "#;
        let file = syn::parse_file(src).unwrap();
        struct Check(usize);
        impl<'ast> syn::visit::Visit<'ast> for Check {
            fn visit_expr(&mut self, e: &'ast Expr) {
                assert_eq!(
                    format!("{:?}", e.node_span()),
                    format!("{:?}", e.span()),
                    "{}",
                    quote::quote!(#e)
                );
                self.0 += 1;
                syn::visit::visit_expr(self, e);
            }
            fn visit_block(&mut self, b: &'ast Block) {
                assert_eq!(format!("{:?}", b.node_span()), format!("{:?}", b.span()));
                syn::visit::visit_block(self, b);
            }
            fn visit_local(&mut self, l: &'ast syn::Local) {
                assert_eq!(format!("{:?}", l.node_span()), format!("{:?}", l.span()));
                syn::visit::visit_local(self, l);
            }
            fn visit_arm(&mut self, a: &'ast syn::Arm) {
                assert_eq!(format!("{:?}", a.node_span()), format!("{:?}", a.span()));
                syn::visit::visit_arm(self, a);
            }
            fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
                assert_eq!(format!("{:?}", f.node_span()), format!("{:?}", f.span()));
                syn::visit::visit_item_fn(self, f);
            }
            fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
                assert_eq!(format!("{:?}", f.node_span()), format!("{:?}", f.span()));
                syn::visit::visit_impl_item_fn(self, f);
            }
            fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
                assert_eq!(format!("{:?}", f.node_span()), format!("{:?}", f.span()));
                syn::visit::visit_trait_item_fn(self, f);
            }
        }
        let mut check = Check(0);
        syn::visit::Visit::visit_file(&mut check, &file);
        assert!(check.0 > 100, "{}", check.0);
    }
}

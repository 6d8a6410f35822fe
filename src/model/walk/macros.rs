//! Macros: formatting and assertion macros are read as expressions; anything else is scanned
//! as tokens, where every binding named counts as an unknown use.

use proc_macro2::{TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::Expr;

use super::syntax::with_text;
use super::{Position, Walker, FORMAT_MACROS};
use crate::model::catalog;
use crate::model::flow::*;
use crate::model::tasks::CancelKind;

impl<'f> Walker<'f> {
    // ----- macros ------------------------------------------------------------------

    pub(super) fn walk_macro(&mut self, mac: &syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if matches!(
            name.as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented"
        ) {
            let span = self.span_of(mac);
            self.record_exit(Exit::Return(span), None);
        }
        if FORMAT_MACROS.contains(&name.as_str()) {
            if let Ok(args) =
                mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
            {
                let asserts = name.contains("assert");
                for arg in &args {
                    // `assert!(tx.send(1).is_err())`, `assert_eq!(tx.send(1), Err(..))`.
                    self.inspected = asserts;
                    self.visit_with(arg, Position::Borrow);
                    self.inspected = false;
                }
                return;
            }
        }
        if matches!(name.as_str(), "join" | "try_join") {
            if let Ok(args) =
                mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
            {
                for arg in &args {
                    self.visit_with(arg, Position::Await);
                }
                return;
            }
        }
        if matches!(name.as_str(), "select" | "select_biased") {
            // Every branch's future is dropped when another branch wins; the tokens are
            // still scanned below, as for any macro leaklint does not walk.
            if let Ok(futures) = mac.parse_body_with(select_futures) {
                let owner = self.span_of(mac);
                for future in &futures {
                    self.record_cancellable(CancelKind::SelectBranch, future, owner);
                }
            }
        }
        self.scan_tokens(mac.tokens.clone());
    }

    /// A macro leaklint cannot read: every binding it names is "used in a macro" (unsure),
    /// and every `.field` counts as a read.
    pub(super) fn scan_tokens(&mut self, tokens: TokenStream) {
        let mut after_dot = false;
        for tt in tokens {
            match tt {
                TokenTree::Ident(ident) => {
                    with_text(&ident, |name| self.scan_ident(&ident, name, after_dot));
                    after_dot = false;
                }
                TokenTree::Group(g) => {
                    self.scan_tokens(g.stream());
                    after_dot = false;
                }
                TokenTree::Punct(p) => {
                    if p.as_char() == '?' {
                        let span = self.span(p.span());
                        self.record_exit(Exit::Try(span), None);
                    }
                    after_dot = p.as_char() == '.'
                }
                TokenTree::Literal(_) => after_dot = false,
            }
        }
    }

    /// An identifier among a macro's tokens (`name` is its text; `after_dot`: it follows a
    /// `.`).
    fn scan_ident(&mut self, ident: &proc_macro2::Ident, name: &str, after_dot: bool) {
        // Inside `select!` and friends: a way out of the enclosing loops, or a stop
        // signal checked.
        if !after_dot && (name == "break" || name == "return") {
            let span = self.span(ident.span());
            let exit = if name == "break" {
                Exit::Break(span)
            } else {
                Exit::Return(span)
            };
            self.record_exit(exit, None);
        } else if after_dot && catalog::is_stop_check(name) {
            let span = self.span(ident.span());
            self.add_stop_check(span);
        }
        if !after_dot && name.starts_with(|c: char| c.is_ascii_uppercase()) {
            // A variant named in a macro may be constructed there.
            self.model.constructed.insert(name.to_string());
        }
        if after_dot {
            self.model.field_reads.insert(name.to_string());
        } else if let Some(id) = self.lookup(name) {
            let span = self.span(ident.span());
            self.record_use(id, span, UseKind::Macro);
        }
    }
}

/// The branch futures of a `tokio::select!` or `futures::select!` body:
/// `[biased;] (PAT = FUTURE [, if COND] => HANDLER[,])* [else => HANDLER[,]]`
/// (`complete =>` and `default =>` branches of `futures::select!` have no future). Any
/// other shape (crossbeam's `recv(rx) -> msg =>`) is an error: no branch is recorded.
fn select_futures(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<Expr>> {
    let mut futures = Vec::new();
    if input.peek(syn::Ident) && input.peek2(syn::Token![;]) {
        input.parse::<syn::Ident>()?;
        input.parse::<syn::Token![;]>()?;
    }
    while !input.is_empty() {
        let arrow_next = input.peek2(syn::Token![=>]);
        if input.peek(syn::Token![else]) && arrow_next {
            input.parse::<syn::Token![else]>()?;
        } else if input.peek(syn::Ident) && arrow_next {
            input.parse::<syn::Ident>()?; // `complete` / `default`
        } else {
            syn::Pat::parse_multi_with_leading_vert(input)?;
            input.parse::<syn::Token![=]>()?;
            futures.push(input.parse::<Expr>()?);
            if input.peek(syn::Token![,]) && input.peek2(syn::Token![if]) {
                input.parse::<syn::Token![,]>()?;
                input.parse::<syn::Token![if]>()?;
                input.parse::<Expr>()?;
            }
        }
        input.parse::<syn::Token![=>]>()?;
        if input.peek(syn::token::Brace) {
            input.parse::<syn::Block>()?;
        } else {
            input.parse::<Expr>()?;
        }
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
    }
    Ok(futures)
}

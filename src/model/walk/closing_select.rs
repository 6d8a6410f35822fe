//! crossbeam's `select!` as the closing receive of a loop:
//!
//! ```ignore
//! loop {
//!     select! {
//!         recv(rx) -> msg => match msg { Ok(m) => handle(m), Err(_) => break },
//!         default(Duration::from_secs(1)) => tick(),
//!     }
//! }
//! ```
//!
//! Every way out of the loop is taken when the receive of one channel reports it closed, so
//! the loop ends as `for m in rx` does: when every sender is gone. Other branch kinds
//! (`send(..)`, `default`) may appear if they hold no way out.

use syn::parse::ParseStream;
use syn::{Expr, Stmt};

use super::closing::{exits_in_expr, is_ok_or_some};
use super::syntax::strip_parens;

/// One branch of a crossbeam `select!`: `recv(rx) -> msg => handler`,
/// `send(tx, v) -> res => handler`, `default => handler`, `default(d) => handler`.
struct Branch {
    /// `recv`, `send` or `default`.
    kind: String,
    /// The operation's arguments (`rx`; `tx, v`; the timeout).
    args: Vec<Expr>,
    /// The name bound to the operation's result (`msg`).
    bound: Option<String>,
    handler: Expr,
}

/// The loop body's only statement is a crossbeam `select!` whose one way out is a receive
/// branch's handler seeing its channel closed: the receiver's expression (`rx`, `self.rx`)
/// and the macro (for the loop's header).
pub(crate) fn closing_select(block: &syn::Block) -> Option<(Expr, &syn::Macro)> {
    let [stmt] = block.stmts.as_slice() else {
        return None;
    };
    let mac = match stmt {
        Stmt::Macro(m) => &m.mac,
        Stmt::Expr(Expr::Macro(m), _) => &m.mac,
        _ => return None,
    };
    let name = mac.path.segments.last()?.ident.to_string();
    if !matches!(name.as_str(), "select" | "select_biased") {
        return None;
    }
    let branches = mac.parse_body_with(branches).ok()?;
    let mut found = None;
    for b in branches {
        let exits = exits_in_expr(&b.handler);
        if exits == 0 {
            continue;
        }
        // A second branch with a way out, or a way out not on the close: unsure.
        let on_close = match (&b.kind[..], &b.bound, b.args.as_slice()) {
            ("recv", Some(bound), [_]) => exits_on_close(&b.handler, bound),
            _ => 0,
        };
        if found.is_some() || on_close != exits {
            return None;
        }
        found = b.args.into_iter().next();
    }
    Some((receiver_root(found?)?, mac))
}

/// `rx`, `&rx`, `self.rx`, `&self.rx`: the receiver a branch names.
fn receiver_root(expr: Expr) -> Option<Expr> {
    let expr = match expr {
        Expr::Reference(r) if r.mutability.is_none() => *r.expr,
        other => other,
    };
    let plain = matches!(strip_parens(&expr), Expr::Path(p) if p.path.get_ident().is_some());
    let self_field = matches!(strip_parens(&expr), Expr::Field(f) if matches!(&*f.base, Expr::Path(p) if p.path.is_ident("self")));
    (plain || self_field).then_some(expr)
}

/// The ways out of a handler taken only when the received result is an error:
/// `match msg { Ok(m) => .., Err(_) => break }`, also as the only statement of a block.
fn exits_on_close(handler: &Expr, bound: &str) -> usize {
    let handler = match strip_parens(handler) {
        Expr::Block(b) => match b.block.stmts.as_slice() {
            [Stmt::Expr(e, _)] => e,
            _ => return 0,
        },
        other => other,
    };
    let Expr::Match(m) = strip_parens(handler) else {
        return 0;
    };
    if !matches!(strip_parens(&m.expr), Expr::Path(p) if p.path.is_ident(bound)) {
        return 0;
    }
    let in_ok: usize = m
        .arms
        .iter()
        .filter(|a| is_ok_or_some(&a.pat))
        .map(|a| exits_in_expr(&a.body))
        .sum();
    if in_ok > 0 {
        return 0;
    }
    exits_in_expr(handler)
}

/// `(KIND [(ARGS)] [-> PAT] => HANDLER [,])*`.
fn branches(input: ParseStream<'_>) -> syn::Result<Vec<Branch>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let kind: syn::Ident = input.parse()?;
        let mut args = Vec::new();
        if input.peek(syn::token::Paren) {
            let inner;
            syn::parenthesized!(inner in input);
            let list =
                syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated(&inner)?;
            args = list.into_iter().collect();
        }
        let mut bound = None;
        if input.peek(syn::Token![->]) {
            input.parse::<syn::Token![->]>()?;
            let pat = syn::Pat::parse_single(input)?;
            if let syn::Pat::Ident(i) = pat {
                bound = Some(i.ident.to_string());
            }
        }
        input.parse::<syn::Token![=>]>()?;
        let handler = if input.peek(syn::token::Brace) {
            let block: syn::Block = input.parse()?;
            Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block,
            })
        } else {
            input.parse::<Expr>()?
        };
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
        out.push(Branch {
            kind: kind.to_string(),
            args,
            bound,
            handler,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(body: &str) -> Option<String> {
        let block: syn::Block = syn::parse_str(body).unwrap();
        closing_select(&block).map(|(root, _)| quote::quote!(#root).to_string())
    }

    #[test]
    fn a_select_that_leaves_only_on_close() {
        assert_eq!(
            finds("{ select! { recv(rx) -> msg => match msg { Ok(m) => f(m), Err(_) => break }, default(d) => tick(), } }").as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ crossbeam_channel::select! { recv(&self.rx) -> m => { match m { Ok(v) => f(v), Err(_) => return } } } }").as_deref(),
            Some("self . rx")
        );
    }

    #[test]
    fn a_select_with_another_way_out() {
        // A stop channel, a shutdown message, or a second loop statement.
        assert_eq!(
            finds("{ select! { recv(rx) -> m => match m { Ok(v) => f(v), Err(_) => break }, recv(stop) -> _ => break, } }"),
            None
        );
        assert_eq!(
            finds("{ select! { recv(rx) -> m => match m { Ok(Msg::Stop) => break, Ok(v) => f(v), Err(_) => break } } }"),
            None
        );
        assert_eq!(
            finds("{ select! { recv(rx) -> m => match m { Ok(v) => f(v), Err(_) => break } } if done() { break } }"),
            None
        );
        // tokio's `select!` has another grammar.
        assert_eq!(
            finds("{ tokio::select! { Some(v) = rx.recv() => f(v), else => break } }"),
            None
        );
    }
}

//! Loops whose only way out is the close of a channel they receive from on every iteration:
//! `loop { match rx.recv() { Ok(m) => .., Err(_) => break } }`,
//! `while !flag.load(..) { match rx.recv() { .., Err(_) => return } }` (the flag is read only
//! between receives, so it cannot end a receive that blocks), `loop { let m = rx.recv()?; .. }`,
//! `loop { let Ok(m) = rx.lock().unwrap().recv() else { break }; .. }`. They end as
//! `for m in rx` does: when every sender is gone.

use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::syntax::strip_parens;

/// The receive a loop body makes on every iteration (a statement of the body itself), when
/// every exit of the loop (`break`, `return`, `?`) is taken only when that receive reports
/// the channel closed. Returns the receiver's root expression (`rx`, `self.rx`) and the
/// receive call.
pub(crate) fn closing_receive(block: &syn::Block) -> Option<(&Expr, &Expr)> {
    // `let next = rx.recv();` then `match next { .. }`.
    let mut named: Option<(String, &Expr, &Expr)> = None;
    let mut found = None;
    for stmt in &block.stmts {
        found = match stmt {
            Stmt::Local(l) => local_receive(l, &mut named),
            Stmt::Expr(e, _) => expr_receive(e, named.as_ref()),
            _ => None,
        };
        if found.is_some() {
            break;
        }
    }
    let (root, call, on_close) = found?;
    let all = Exits::count(|v| v.visit_block(block));
    (on_close > 0 && on_close == all).then_some((root, call))
}

type Found<'a> = Option<(&'a Expr, &'a Expr, usize)>;

fn local_receive<'a>(
    l: &'a syn::Local,
    named: &mut Option<(String, &'a Expr, &'a Expr)>,
) -> Found<'a> {
    let init = l.init.as_ref()?;
    // `let m = rx.recv()?;`
    if let Expr::Try(t) = strip_parens(&init.expr) {
        let (root, call) = receive(&t.expr)?;
        return Some((root, call, 1));
    }
    let (root, call) = receive(&init.expr)?;
    match (&l.pat, &init.diverge) {
        // `let Ok(m) = rx.recv() else { break };`
        (pat, Some((_, els))) if is_ok_or_some(pat) => {
            Some((root, call, Exits::count(|v| v.visit_expr(els))))
        }
        (Pat::Ident(i), None) => {
            *named = Some((i.ident.to_string(), root, call));
            None
        }
        _ => None,
    }
}

fn expr_receive<'a>(e: &'a Expr, named: Option<&(String, &'a Expr, &'a Expr)>) -> Found<'a> {
    match strip_parens(e) {
        Expr::Match(m) => {
            let (root, call) = match (receive(&m.expr), named) {
                (Some(rc), _) => rc,
                (None, Some((name, root, call))) if is_name(&m.expr, name) => (*root, *call),
                _ => return None,
            };
            let on_close = m
                .arms
                .iter()
                .filter(|a| !is_ok_or_some(&a.pat))
                .map(|a| Exits::count(|v| v.visit_expr(&a.body)))
                .sum();
            Some((root, call, on_close))
        }
        // `if let Ok(m) = rx.recv() { .. } else { break }`
        Expr::If(i) => {
            let Expr::Let(l) = strip_parens(&i.cond) else {
                return None;
            };
            let (root, call) = receive(&l.expr)?;
            if !is_ok_or_some(&l.pat) {
                return None;
            }
            let (_, els) = i.else_branch.as_ref()?;
            Some((root, call, Exits::count(|v| v.visit_expr(els))))
        }
        _ => None,
    }
}

/// A `while` condition that reads a flag another thread sets (`!stop.load(Ordering::SeqCst)`):
/// read only between receives, it cannot end a receive that blocks. Any other condition (a
/// counter the body changes) may end the loop by itself.
pub(crate) fn is_flag_load(cond: &Expr) -> bool {
    match strip_parens(cond) {
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => is_flag_load(&u.expr),
        Expr::MethodCall(m) => m.method == "load",
        _ => false,
    }
}

/// A blocking receive `rx.recv()`, `rx.recv().await`, `rx.recv_async().await`, also through
/// a lock (`rx.lock().unwrap().recv()`), or `oper.recv(&rx)` after a crossbeam `Select`: its
/// receiver's root (`rx` or `self.rx`) and the call.
pub(crate) fn receive(expr: &Expr) -> Option<(&Expr, &Expr)> {
    let mut call = strip_parens(expr);
    if let Expr::Await(a) = call {
        call = strip_parens(&a.base);
    }
    let Expr::MethodCall(m) = call else {
        return None;
    };
    if !matches!(m.method.to_string().as_str(), "recv" | "recv_async") {
        return None;
    }
    // crossbeam's `oper.recv(&rx)` on the operation a `Select` chose receives from `rx`.
    let selected = match m.args.first().map(strip_parens) {
        Some(Expr::Reference(r)) if m.args.len() == 1 && r.mutability.is_none() => {
            Some(strip_parens(&r.expr))
        }
        None => None,
        Some(_) => return None,
    };
    let mut root = selected.unwrap_or_else(|| strip_parens(&m.receiver));
    loop {
        root = match root {
            Expr::MethodCall(m)
                if matches!(
                    m.method.to_string().as_str(),
                    "lock" | "unwrap" | "expect" | "borrow_mut" | "write"
                ) =>
            {
                strip_parens(&m.receiver)
            }
            Expr::Await(a) => strip_parens(&a.base),
            _ => break,
        };
    }
    let plain = matches!(root, Expr::Path(p) if p.path.get_ident().is_some());
    let self_field = matches!(root, Expr::Field(f) if matches!(&*f.base, Expr::Path(p) if p.path.is_ident("self")));
    (plain || self_field).then_some((root, call))
}

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(strip_parens(e), Expr::Path(p) if p.path.is_ident(name))
}

/// `Ok(..)` / `Some(..)`: the arm of a value received.
pub(crate) fn is_ok_or_some(pat: &Pat) -> bool {
    match pat {
        Pat::TupleStruct(t) => t
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Ok" || s.ident == "Some"),
        _ => false,
    }
}

/// Counts the ways out of a loop in a piece of its body: `return`, `?`, a labelled `break`,
/// and an unlabelled `break` not inside a nested loop. Closures, async blocks and items are
/// other functions.
/// How many ways out of a loop its body has (see [`Exits`]).
pub(crate) fn exits_in(block: &syn::Block) -> usize {
    Exits::count(|v| v.visit_block(block))
}

/// How many ways out of a loop an expression of its body has (see [`Exits`]).
pub(crate) fn exits_in_expr(expr: &Expr) -> usize {
    Exits::count(|v| v.visit_expr(expr))
}

#[derive(Default)]
struct Exits {
    depth: usize,
    count: usize,
}

impl Exits {
    fn count(f: impl FnOnce(&mut Exits)) -> usize {
        let mut e = Exits::default();
        f(&mut e);
        e.count
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }
}

impl<'ast> Visit<'ast> for Exits {
    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        if self.depth == 0 || b.label.is_some() {
            self.count += 1;
        }
        syn::visit::visit_expr_break(self, b);
    }
    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        self.count += 1;
        syn::visit::visit_expr_return(self, r);
    }
    fn visit_expr_try(&mut self, t: &'ast syn::ExprTry) {
        self.count += 1;
        syn::visit::visit_expr_try(self, t);
    }
    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.nested(|v| syn::visit::visit_expr_loop(v, l));
    }
    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.nested(|v| syn::visit::visit_expr_while(v, w));
    }
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.nested(|v| syn::visit::visit_expr_for_loop(v, f));
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    // A macro leaklint cannot read may hide an exit: count one so that the loop is not taken
    // to depend on the channel alone.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let text = m.tokens.to_string();
        if ["break", "return", "?"].iter().any(|w| text.contains(w)) {
            self.count += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(body: &str) -> Option<String> {
        let block: syn::Block = syn::parse_str(body).unwrap();
        closing_receive(&block).map(|(root, _)| quote::quote!(#root).to_string())
    }

    #[test]
    fn loops_that_end_only_on_close() {
        assert_eq!(
            finds("{ match rx.recv() { Ok(m) => f(m), Err(_) => return } }").as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ let next = rx.lock().unwrap().recv(); match next { Ok(j) => j(), Err(_) => break } }")
                .as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ let m = self.rx.recv()?; f(m); }").as_deref(),
            Some("self . rx")
        );
        assert_eq!(
            finds("{ let Some(m) = rx.recv().await else { break }; f(m); }").as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ let mut sel = Select::new(); sel.recv(&rx); let oper = sel.select(); match oper.recv(&rx) { Ok(m) => f(m), Err(_) => break } }")
                .as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ if let Ok(m) = rx.recv() { f(m) } else { break } for x in y { break } }")
                .as_deref(),
            Some("rx")
        );
    }

    #[test]
    fn loops_with_another_way_out() {
        // A shutdown message breaks out.
        assert_eq!(
            finds("{ match rx.recv() { Ok(Msg::Stop) => break, Ok(m) => f(m), Err(_) => break } }"),
            None
        );
        assert_eq!(finds("{ let m = rx.recv()?; if m == 0 { return; } }"), None);
        // A receive that cannot block for ever, or no exit at all.
        assert_eq!(
            finds("{ match rx.recv_timeout(d) { Ok(m) => f(m), Err(_) => break } }"),
            None
        );
        assert_eq!(
            finds("{ match rx.recv() { Ok(m) => f(m), Err(_) => {} } }"),
            None
        );
        // A socket's `recv(&mut buf)` is not a channel receive.
        assert_eq!(
            finds("{ match sock.recv(&mut buf) { Ok(n) => f(n), Err(_) => break } }"),
            None
        );
        assert_eq!(
            finds("{ match rx.recv() { Ok(m) => f(m), Err(_) => break } if done!() { x } }"),
            Some("rx".into())
        );
        assert_eq!(
            finds("{ match rx.recv() { Ok(m) => f(m), Err(_) => break } stop!(break); }"),
            None
        );
    }
}

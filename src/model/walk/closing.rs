//! Loops whose only way out is the close of a channel they receive from on every iteration:
//! `loop { match rx.recv() { Ok(m) => .., Err(_) => break } }`,
//! `while !flag.load(..) { match rx.recv() { .., Err(_) => return } }` (the flag is read only
//! between receives, so it cannot end a receive that blocks), `loop { let m = rx.recv()?; .. }`,
//! `loop { let Ok(m) = rx.lock().unwrap().recv() else { break }; .. }`. They end as
//! `for m in rx` does: when every sender is gone.

use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::syntax::strip_parens;

/// A loop's receive that only the channel's close (or a stop message) ends.
pub(crate) struct ClosingReceive<'a> {
    /// The receiver's root expression (`rx`, `self.rx`); parsed out of a `select!` body, it
    /// is owned.
    pub root: ExprRef<'a>,
    /// The receive call (`rx.recv()`, crossbeam's `recv(rx)` branch).
    pub call: ExprRef<'a>,
    /// Some exits are taken in match arms of a received enum variant
    /// (`Ok(Cmd::Shutdown) => break`) rather than on the close: the loop ends on the close
    /// alone only if nothing sends that variant.
    pub variant_exits: bool,
}

/// An expression of the loop body, or one parsed out of a macro in it (owned).
pub(crate) enum ExprRef<'a> {
    Borrowed(&'a Expr),
    Owned(Box<Expr>),
}

impl std::ops::Deref for ExprRef<'_> {
    type Target = Expr;

    fn deref(&self) -> &Expr {
        match self {
            ExprRef::Borrowed(e) => e,
            ExprRef::Owned(e) => e,
        }
    }
}

/// The receive a loop body makes on every iteration (a statement of the body itself), when
/// every exit of the loop (`break`, `return`, `?`) is taken only when that receive reports
/// the channel closed, or in a match arm of the receive for one enum variant
/// (`Ok(Cmd::Shutdown) => break`, `Some(Msg::Stop) => return`; see
/// [`ClosingReceive::variant_exits`]).
pub(crate) fn closing_receive<'a>(block: &'a syn::Block) -> Option<ClosingReceive<'a>> {
    // `let next = rx.recv();` then `match next { .. }`.
    let mut named: Option<(String, &Expr, &Expr)> = None;
    let mut found = None;
    for stmt in &block.stmts {
        let borrowed =
            |f: Found<'a>| f.map(move |(r, c, n)| (ExprRef::Borrowed(r), ExprRef::Borrowed(c), n));
        found = match stmt {
            Stmt::Macro(m) => select_receive(&m.mac),
            Stmt::Expr(Expr::Macro(m), _) => select_receive(&m.mac),
            Stmt::Local(l) => borrowed(local_receive(l, &mut named)),
            Stmt::Expr(e, _) => borrowed(expr_receive(e, named.as_ref())),
            _ => None,
        };
        if found.is_some() {
            break;
        }
    }
    let (root, call, (on_close, on_variant)) = found?;
    let all = Exits::count(|v| v.visit_block(block));
    (on_close > 0 && on_close + on_variant == all).then_some(ClosingReceive {
        root,
        call,
        variant_exits: on_variant > 0,
    })
}

/// The receiver's root, the receive, and the exits taken on the close and in arms of one
/// received variant.
type Found<'a> = Option<(&'a Expr, &'a Expr, (usize, usize))>;

/// [`Found`], with the receiver and the call owned (parsed out of a macro).
type FoundOwned<'a> = Option<(ExprRef<'a>, ExprRef<'a>, (usize, usize))>;

/// One branch of a `select!` body.
pub(crate) struct Branch {
    /// tokio / futures: `PAT = FUTURE`; crossbeam: `recv(rx) -> PAT` (the future is the
    /// `recv(rx)` call). `None` for `else`, `default`, `complete`.
    pub arm: Option<(Pat, Expr)>,
    /// tokio / futures: the branch has a precondition (`, if COND`), which can disable it
    /// without polling its future.
    pub guarded: bool,
    /// tokio: the `else` branch, run when every other branch is disabled.
    pub is_else: bool,
    pub handler: Expr,
}

/// The branches of a `tokio::select!` / `futures::select!` body
/// (`[biased;] PAT = FUTURE [, if COND] => HANDLER`, `else => HANDLER`) or of a
/// `crossbeam_channel::select!` body (`recv(rx) -> PAT => HANDLER`, `send(tx, v) -> PAT =>
/// HANDLER`, `default[(timeout)] => HANDLER`). `None` for any other macro or shape.
pub(crate) fn select_branches(mac: &syn::Macro) -> Option<Vec<Branch>> {
    let name = mac.path.segments.last()?.ident.to_string();
    if !matches!(name.as_str(), "select" | "select_biased") {
        return None;
    }
    mac.parse_body_with(parse_branches).ok()
}

fn parse_branches(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<Branch>> {
    let mut out = Vec::new();
    if input.peek(syn::Ident) && input.peek2(syn::Token![;]) {
        input.parse::<syn::Ident>()?;
        input.parse::<syn::Token![;]>()?;
    }
    while !input.is_empty() {
        let arrow_next = input.peek2(syn::Token![=>]);
        let is_else = input.peek(syn::Token![else]) && arrow_next;
        let mut guarded = false;
        let arm = if is_else {
            input.parse::<syn::Token![else]>()?;
            None
        } else if input.peek(syn::Ident) && (arrow_next || crossbeam_op(input)) {
            // crossbeam `recv(rx) -> msg`, `default(d)`; futures `complete` / `default`.
            let op: syn::Ident = input.parse()?;
            if arrow_next {
                None
            } else {
                let content;
                let paren_token = syn::parenthesized!(content in input);
                let call = Expr::Call(syn::ExprCall {
                    attrs: Vec::new(),
                    func: Box::new(Expr::Path(syn::ExprPath {
                        attrs: Vec::new(),
                        qself: None,
                        path: op.clone().into(),
                    })),
                    paren_token,
                    args: syn::punctuated::Punctuated::parse_terminated(&content)?,
                });
                let pat = if input.peek(syn::Token![->]) {
                    input.parse::<syn::Token![->]>()?;
                    Some(Pat::parse_multi_with_leading_vert(input)?)
                } else {
                    None
                };
                pat.filter(|_| op == "recv").map(|p| (p, call))
            }
        } else {
            let pat = Pat::parse_multi_with_leading_vert(input)?;
            input.parse::<syn::Token![=]>()?;
            let future: Expr = input.parse()?;
            if input.peek(syn::Token![,]) && input.peek2(syn::Token![if]) {
                input.parse::<syn::Token![,]>()?;
                input.parse::<syn::Token![if]>()?;
                input.parse::<Expr>()?;
                guarded = true;
            }
            Some((pat, future))
        };
        input.parse::<syn::Token![=>]>()?;
        let handler = if input.peek(syn::token::Brace) {
            Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block: input.parse()?,
            })
        } else {
            input.parse::<Expr>()?
        };
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
        out.push(Branch {
            arm,
            guarded,
            is_else,
            handler,
        });
    }
    Ok(out)
}

/// Whether the input starts with crossbeam's `op(args) ->` / `op(args) =>` (not tokio's
/// `Some(c) = ..` pattern).
fn crossbeam_op(input: syn::parse::ParseStream<'_>) -> bool {
    let fork = input.fork();
    let call = || -> syn::Result<()> {
        fork.parse::<syn::Ident>()?;
        let _content;
        syn::parenthesized!(_content in fork);
        Ok(())
    };
    call().is_ok() && (fork.peek(syn::Token![->]) || fork.peek(syn::Token![=>]))
}

/// A `select!` loop body's receive: the one branch that receives from a channel into a
/// name (`cmd = rx.recv() => ..`, crossbeam's `recv(rx) -> msg => ..`) whose handler matches
/// on it (`match cmd { Some(c) => .., None => break }`), with the exits taken on the close
/// and on one received variant; or tokio's disabled-branch form (see [`disabled_receive`]).
/// The other branches' exits are counted by [`Exits`].
fn select_receive(mac: &syn::Macro) -> FoundOwned<'static> {
    let branches = select_branches(mac)?;
    let mut found = branches.iter().filter_map(|b| {
        let (Pat::Ident(name), future) = b.arm.as_ref()? else {
            return None;
        };
        let (root, call) = match future {
            // crossbeam: `recv(rx)`.
            Expr::Call(c) if c.args.len() == 1 => {
                let root = strip_parens(&c.args[0]);
                let plain = matches!(root, Expr::Path(p) if p.path.get_ident().is_some());
                let self_field = matches!(root, Expr::Field(f) if matches!(&*f.base, Expr::Path(p) if p.path.is_ident("self")));
                (plain || self_field).then_some((root, future))?
            }
            f => receive(f)?,
        };
        let named = (name.ident.to_string(), root, call);
        let counts = handler_receive(&b.handler, &named)?;
        Some((owned(root)?, owned(call)?, counts))
    });
    match found.next() {
        Some(one) => found.next().is_none().then_some(one),
        None => disabled_receive(&branches),
    }
}

/// tokio's `Some(c) = rx.recv() => ..` (also `Ok(c) = rx.recv()` / `rx.recv_async()`),
/// with an `else => break` branch: the receive branch is disabled only when the receive
/// reports the channel closed, and `else` runs only when every branch of this `select!` is
/// disabled, so the `else` handler's exits are taken only on the close. The receive branch
/// must have no precondition (`, if COND` disables it without a close) and be the only one
/// of its kind; the exits of the `else` handlers count as close exits.
fn disabled_receive(branches: &[Branch]) -> FoundOwned<'static> {
    let mut receives = branches.iter().filter_map(|b| {
        let (pat, future) = b.arm.as_ref()?;
        if !is_ok_or_some(pat) {
            return None;
        }
        let (root, call) = receive(future)?;
        Some((b.guarded, root, call))
    });
    let (guarded, root, call) = receives.next()?;
    if guarded || receives.next().is_some() {
        return None;
    }
    let on_close: usize = branches
        .iter()
        .filter(|b| b.is_else)
        .map(|b| Exits::count(|v| v.visit_expr(&b.handler)))
        .sum();
    Some((owned(root)?, owned(call)?, (on_close, 0)))
}

/// A copy of an expression parsed out of a macro (syn's `Expr` is not `Clone` here): its
/// tokens, with their spans, parsed again.
fn owned(e: &Expr) -> Option<ExprRef<'static>> {
    let tokens = quote::ToTokens::to_token_stream(e);
    syn::parse2(tokens)
        .ok()
        .map(|e| ExprRef::Owned(Box::new(e)))
}

/// The close and variant exits of a `select!` handler that matches on the received value:
/// the handler itself, or a statement of its block.
fn handler_receive(handler: &Expr, named: &(String, &Expr, &Expr)) -> Option<(usize, usize)> {
    match strip_parens(handler) {
        Expr::Block(b) => b.block.stmts.iter().find_map(|s| match s {
            Stmt::Expr(e, _) => expr_receive(e, Some(named)).map(|(_, _, n)| n),
            _ => None,
        }),
        e => expr_receive(e, Some(named)).map(|(_, _, n)| n),
    }
}

fn local_receive<'a>(
    l: &'a syn::Local,
    named: &mut Option<(String, &'a Expr, &'a Expr)>,
) -> Found<'a> {
    let init = l.init.as_ref()?;
    // `let m = rx.recv()?;`
    if let Expr::Try(t) = strip_parens(&init.expr) {
        let (root, call) = receive(&t.expr)?;
        return Some((root, call, (1, 0)));
    }
    let (root, call) = receive(&init.expr)?;
    match (&l.pat, &init.diverge) {
        // `let Ok(m) = rx.recv() else { break };`
        (pat, Some((_, els))) if is_ok_or_some(pat) => {
            Some((root, call, (Exits::count(|v| v.visit_expr(els)), 0)))
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
            let exits = |a: &syn::Arm| Exits::count(|v| v.visit_expr(&a.body));
            let on_close = m
                .arms
                .iter()
                .filter(|a| !is_ok_or_some(&a.pat))
                .map(exits)
                .sum();
            let on_variant = m
                .arms
                .iter()
                .filter(|a| a.guard.is_none() && received_variant(&a.pat))
                .map(exits)
                .sum();
            Some((root, call, (on_close, on_variant)))
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
            Some((root, call, (Exits::count(|v| v.visit_expr(els)), 0)))
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

/// `if stop.load(..) { sleep(..); continue; }` (no `else` that leaves): a branch taken on the
/// condition that goes round the loop again instead of leaving it, so whatever the condition
/// checks does not stop the loop.
pub(crate) fn stop_branch_continues(i: &syn::ExprIf) -> bool {
    let ends_in_continue = matches!(
        i.then_branch.stmts.last(),
        Some(Stmt::Expr(Expr::Continue(c), _)) if c.label.is_none()
    );
    let else_leaves = i
        .else_branch
        .as_ref()
        .is_some_and(|(_, e)| Exits::count(|v| v.visit_expr(e)) > 0);
    ends_in_continue && exits_in(&i.then_branch) == 0 && !else_leaves
}

/// `Ok(Cmd::Shutdown)`, `Some(Msg::Stop { .. })`: the arm of one received enum variant
/// (a path of two segments or more inside `Ok`/`Some`).
fn received_variant(pat: &Pat) -> bool {
    let Pat::TupleStruct(t) = pat else {
        return false;
    };
    if !is_ok_or_some(pat) || t.elems.len() != 1 {
        return false;
    }
    let path = match &t.elems[0] {
        Pat::Path(p) => &p.path,
        Pat::TupleStruct(t) => &t.path,
        Pat::Struct(s) => &s.path,
        _ => return false,
    };
    path.segments.len() >= 2
}

/// Counts the ways out of a loop in a piece of its body: `return`, `?`, a labelled `break`,
/// and an unlabelled `break` not inside a nested loop. Closures, async blocks and items are
/// other functions.
/// How many ways out of a loop its body has (see [`Exits`]).
pub(crate) fn exits_in(block: &syn::Block) -> usize {
    Exits::count(|v| v.visit_block(block))
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
        // A `select!` is read: its handlers' exits leave the enclosing loop.
        if let Some(branches) = select_branches(m) {
            for b in &branches {
                Exits::visit_expr(self, &b.handler);
            }
            return;
        }
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
        closing_receive(&block)
            .filter(|c| !c.variant_exits)
            .map(|c| {
                let root = &*c.root;
                quote::quote!(#root).to_string()
            })
    }

    #[test]
    fn select_loops_that_end_only_on_close() {
        assert_eq!(
            finds("{ tokio::select! { cmd = rx.recv() => match cmd { Some(c) => f(c), None => break }, _ = tick.tick() => g(), } }").as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ select! { recv(self.rx) -> msg => match msg { Ok(c) => f(c), Err(_) => return }, recv(ticks) -> _ => g(), default(d) => h() } }").as_deref(),
            Some("self . rx")
        );
        // A disabled branch (`Some(c) = ..`) whose loop leaves only in `else`.
        assert_eq!(
            finds("{ tokio::select! { Some(c) = rx.recv() => f(c), _ = tick.tick() => g(), else => break } }").as_deref(),
            Some("rx")
        );
        assert_eq!(
            finds("{ tokio::select! { biased; Ok(c) = rx.recv_async() => f(c), else => { return } } }").as_deref(),
            Some("rx")
        );
        // A shutdown branch, a precondition, two receives, a `break` in a tick.
        assert_eq!(
            finds("{ tokio::select! { _ = token.cancelled() => break, cmd = rx.recv() => match cmd { Some(c) => f(c), None => break } } }"),
            None
        );
        assert_eq!(
            finds("{ tokio::select! { Some(c) = rx.recv() => f(c), _ = stop.recv() => break, else => break } }"),
            None
        );
        assert_eq!(
            finds("{ tokio::select! { Some(c) = rx.recv(), if open => f(c), else => break } }"),
            None
        );
        assert_eq!(
            finds("{ tokio::select! { Some(c) = rx.recv() => f(c), Some(d) = rx2.recv() => g(d), else => break } }"),
            None
        );
        assert_eq!(
            finds("{ select! { recv(rx) -> m => match m { Ok(c) => f(c), Err(_) => break }, recv(t) -> _ => { if done() { break } } } }"),
            None
        );
    }

    #[test]
    fn loops_that_end_on_close_or_one_variant() {
        let variant = |body: &str| {
            let block: syn::Block = syn::parse_str(body).unwrap();
            closing_receive(&block).map(|c| c.variant_exits)
        };
        assert_eq!(
            variant(
                "{ match rx.recv() { Ok(Cmd::Stop) => break, Ok(m) => f(m), Err(_) => break } }"
            ),
            Some(true)
        );
        assert_eq!(
            variant("{ match rx.recv().await { Some(Msg::Stop { .. }) => return, Some(m) => f(m), None => break } }"),
            Some(true)
        );
        // A guarded arm, or an exit in an arm of any message, is another way out.
        assert_eq!(
            variant("{ match rx.recv() { Ok(Cmd::Run(n)) if n > 3 => break, Ok(m) => f(m), Err(_) => break } }"),
            None
        );
        assert_eq!(
            variant("{ match rx.recv() { Ok(m) => { f(m); break } Err(_) => break } }"),
            None
        );
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

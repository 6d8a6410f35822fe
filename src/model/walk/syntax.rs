//! Small questions about syntax trees, shared by the walk.

use syn::{Expr, Pat};

use crate::model::catalog::{self, EndpointOp};
use crate::model::types::TypeHint;

/// Calls `f` with the text of `ident` (`r#type` for a raw one, as `to_string` gives it),
/// written into a buffer the thread reuses: a name that is only looked up or compared is not
/// allocated. A nested call (from `f`) gets a fresh `String`.
pub(super) fn with_text<R>(ident: &syn::Ident, f: impl FnOnce(&str) -> R) -> R {
    use std::cell::RefCell;
    use std::fmt::Write;
    thread_local! {
        static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    }
    TEXT.with(|text| match text.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            let _ = write!(buf, "{ident}");
            f(&buf)
        }
        Err(_) => f(&ident.to_string()),
    })
}

/// Whether an identifier's text is one of `names`.
pub(super) fn is_one_of(ident: &syn::Ident, names: &[&str]) -> bool {
    with_text(ident, |text| names.contains(&text))
}

pub(super) fn strip_parens(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Paren(p) => expr = &p.expr,
            Expr::Group(g) => expr = &g.expr,
            _ => return expr,
        }
    }
}

pub(super) fn strip_pat(mut pat: &Pat) -> &Pat {
    loop {
        match pat {
            Pat::Type(t) => pat = &t.pat,
            Pat::Paren(p) => pat = &p.pat,
            _ => return pat,
        }
    }
}

pub(super) fn first_method(expr: &Expr) -> Option<&str> {
    let mut cur = strip_parens(expr);
    let mut first = None;
    while let Expr::MethodCall(m) = cur {
        first = Some(m);
        cur = strip_parens(&m.receiver);
    }
    first.map(|m| {
        // The ident lives as long as the AST; return its string via a leak-free path.
        let s = m.method.to_string();
        match catalog::endpoint_op(&s) {
            EndpointOp::IntoIter => "iter",
            EndpointOp::Recv => "recv",
            _ => "",
        }
    })
}

/// The receive pattern of a `while let` that leaves only when the receive fails: `Ok(P)` /
/// `Some(P)` where `P` matches every value the channel delivers. `Some(paths)` when `P` is
/// irrefutable provided each of `paths` (as written: `Job`, `Event::Line`) names a struct or
/// the only variant of an enum — a crate-wide question (`Ok(x)` gives no paths); `None` when
/// `P` may fail on a value (a literal, a range, `Msg::Data(v)` of an enum with other variants
/// stays the index's to decide, a slice, an or-pattern).
pub(crate) fn closing_pattern_paths(pat: &Pat) -> Option<Vec<String>> {
    let Pat::TupleStruct(t) = strip_pat(pat) else {
        return None;
    };
    let ok = t
        .path
        .segments
        .last()
        .is_some_and(|s| s.ident == "Ok" || s.ident == "Some");
    let mut paths = Vec::new();
    (ok && t.elems.iter().all(|e| match_all_paths(e, &mut paths, 0))).then_some(paths)
}

/// Whether `pat` matches every value once each path it pushes onto `paths` is known to name
/// a struct or a one-variant enum's variant (see [`closing_pattern_paths`]).
fn match_all_paths(pat: &Pat, paths: &mut Vec<String>, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    let mut named = |path: &syn::Path| {
        paths.push(path_text(path));
    };
    match strip_pat(pat) {
        Pat::Struct(s) if s.qself.is_none() => {
            named(&s.path);
            s.fields
                .iter()
                .all(|f| match_all_paths(&f.pat, paths, depth + 1))
        }
        Pat::TupleStruct(t) if t.qself.is_none() => {
            named(&t.path);
            t.elems.iter().all(|e| match_all_paths(e, paths, depth + 1))
        }
        Pat::Tuple(t) => t.elems.iter().all(|e| match_all_paths(e, paths, depth + 1)),
        // A unit variant by its path (`Msg::Tick`): irrefutable if it is the enum's only one.
        Pat::Path(p) if p.qself.is_none() && p.path.segments.len() > 1 => {
            named(&p.path);
            true
        }
        Pat::Reference(r) => match_all_paths(&r.pat, paths, depth + 1),
        Pat::Ident(p) => {
            binds_any(p)
                && p.subpat
                    .as_ref()
                    .is_none_or(|(_, s)| match_all_paths(s, paths, depth + 1))
        }
        Pat::Wild(_) | Pat::Rest(_) => true,
        _ => false,
    }
}

/// An identifier pattern that binds whatever it matches: not a capitalised name, which is
/// most likely a constant, a unit struct or a unit variant (`None`, `MAX`).
fn binds_any(p: &syn::PatIdent) -> bool {
    p.by_ref.is_some()
        || p.mutability.is_some()
        || !p
            .ident
            .to_string()
            .trim_start_matches("r#")
            .starts_with(|c: char| c.is_ascii_uppercase())
}

pub(super) fn is_self(expr: &Expr) -> bool {
    matches!(strip_parens(expr), Expr::Path(p) if p.path.is_ident("self"))
}

/// Calls that wrap a value without taking it anywhere: the value's fate is the wrapper's.
pub(super) fn is_wrapper(path: &str) -> bool {
    matches!(
        path,
        "std::option::Option::Some"
            | "std::result::Result::Ok"
            | "std::boxed::Box::new"
            | "std::sync::Arc::new"
            | "std::rc::Rc::new"
            | "std::sync::Mutex::new"
            | "std::sync::RwLock::new"
            | "std::cell::RefCell::new"
            | "std::cell::Cell::new"
            | "tokio::sync::Mutex::new"
    )
}

/// A wrapper call by its written path: `Some`, `Ok`, or `W::new` for a wrapper `W` of
/// [`WRAPPER_TYPES`], as imported (`Arc::new`) or fully qualified from a standard or
/// well-known crate (`std::sync::Arc::new`, `tokio::sync::Mutex::new`).
pub(super) fn is_wrapper_name(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let segs = &p.path.segments;
    match segs.len() {
        0 => false,
        1 => is_one_of(&segs[0].ident, &["Some", "Ok"]),
        // `[prefix..]::Type::new`
        n => {
            segs[n - 1].ident == "new"
                && is_one_of(&segs[n - 2].ident, WRAPPER_TYPES)
                && (n == 2
                    || is_one_of(
                        &segs[0].ident,
                        &["std", "alloc", "core", "tokio", "parking_lot"],
                    ))
        }
    }
}

/// Types whose `new(x)` wraps `x` without taking it anywhere else.
const WRAPPER_TYPES: &[&str] = &["Box", "Arc", "Rc", "Mutex", "RwLock", "RefCell", "Cell"];

pub(super) fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The expression a method chain starts from (`a` in `a.b().c()`), through `?`/`.await`.
pub(super) fn chain_root(mut expr: &Expr) -> &Expr {
    loop {
        match strip_parens(expr) {
            Expr::MethodCall(m) => expr = &m.receiver,
            Expr::Try(t) => expr = &t.expr,
            Expr::Await(a) => expr = &a.base,
            other => return other,
        }
    }
}

/// The method names of a chain, outermost last.
pub(super) fn chain_methods(mut expr: &Expr) -> Vec<String> {
    let mut names = Vec::new();
    loop {
        match strip_parens(expr) {
            Expr::MethodCall(m) => {
                names.push(m.method.to_string());
                expr = &m.receiver;
            }
            Expr::Try(t) => expr = &t.expr,
            Expr::Await(a) => expr = &a.base,
            _ => break,
        }
    }
    names.reverse();
    names
}

/// `builder` for `builder.spawn(..)`, `thread::Builder::new()` for a chain.
pub(super) fn receiver_name(expr: &Expr) -> String {
    match chain_root(expr) {
        Expr::Path(p) => path_text(&p.path),
        Expr::Call(c) => format!("{}()", expr_path_text(&c.func)),
        _ => "..".into(),
    }
}

/// A path expression as written (`thread::spawn`).
pub(super) fn expr_path_text(expr: &Expr) -> String {
    match strip_parens(expr) {
        Expr::Path(p) => path_text(&p.path),
        _ => "..".into(),
    }
}

pub(super) fn path_text(path: &syn::Path) -> String {
    use std::fmt::Write;
    let mut text = String::new();
    for (i, s) in path.segments.iter().enumerate() {
        let sep = if i == 0 { "" } else { "::" };
        let _ = write!(text, "{sep}{}", s.ident);
    }
    text
}

/// Calls whose error means "the other side is gone": unwrapping them panics, which ends the
/// loop (a receive or send on a closed channel, I/O on a closed or timed-out socket).
pub(super) fn fails_when_closed(method: &str) -> bool {
    matches!(
        catalog::endpoint_op(method),
        EndpointOp::Recv | EndpointOp::Send
    ) || method.starts_with("read")
        || method.starts_with("write")
        || method.starts_with("recv")
        || method.starts_with("accept")
}

/// `#[test]`, `#[tokio::test]`, `#[async_std::test]`, `#[rstest]`...
pub(super) fn is_test_fn(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "test" || s.ident == "rstest" || s.ident == "bench")
    })
}

/// Whether a `for` loop over `expr` runs a number of times fixed before it starts: a range
/// with an end (`0..n`, `1..=4`), an array literal (`[a, b]`, `[x; 4]`, `&[..]`), or one of
/// these through iterator adapters that never add items (`(0..n).rev()`, `[..].iter()`).
pub(super) fn fixed_count(expr: &Expr) -> bool {
    const ADAPTERS: &[&str] = &[
        "iter",
        "into_iter",
        "enumerate",
        "rev",
        "map",
        "filter",
        "step_by",
        "take",
        "skip",
        "zip",
        "copied",
        "cloned",
    ];
    match strip_parens(expr) {
        Expr::Range(r) => r.end.is_some(),
        Expr::Array(_) | Expr::Repeat(_) => true,
        Expr::Reference(r) => fixed_count(&r.expr),
        Expr::MethodCall(m) => is_one_of(&m.method, ADAPTERS) && fixed_count(&m.receiver),
        _ => false,
    }
}

/// How many times a `for` loop over `expr` runs, when its source says so with literals:
/// `0..3` (3), `1..=4` (4), `[a, b]` (2), `[x; 4]` (4), `&[..]`, and these through adapters
/// that keep the count (`iter`, `into_iter`, `enumerate`, `rev`, `map`, `copied`, `cloned`).
/// `None` when the count is not written out (`0..n`, `filter`, `take`).
pub(super) fn literal_count(expr: &Expr) -> Option<u64> {
    const KEEPING: &[&str] = &[
        "iter",
        "into_iter",
        "enumerate",
        "rev",
        "map",
        "copied",
        "cloned",
    ];
    fn int(e: &Expr) -> Option<u64> {
        match strip_parens(e) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(i),
                ..
            }) => i.base10_parse().ok(),
            _ => None,
        }
    }
    match strip_parens(expr) {
        Expr::Range(r) => {
            let start = r.start.as_deref().map_or(Some(0), int)?;
            let end = int(r.end.as_deref()?)?;
            let end = match r.limits {
                syn::RangeLimits::Closed(_) => end.checked_add(1)?,
                syn::RangeLimits::HalfOpen(_) => end,
            };
            Some(end.saturating_sub(start))
        }
        Expr::Array(a) => Some(a.elems.len() as u64),
        Expr::Repeat(r) => int(&r.len),
        Expr::Reference(r) => literal_count(&r.expr),
        Expr::MethodCall(m) if is_one_of(&m.method, KEEPING) => literal_count(&m.receiver),
        _ => None,
    }
}

/// The closure of `xs.map(|x| ..)` in a chain that ends in `.collect()`
/// (`xs.iter().map(|x| spawn(..)).collect::<Vec<_>>()`): what it returns is collected.
pub(super) fn collected_map_closure(expr: &Expr) -> Option<&syn::ExprClosure> {
    let Expr::MethodCall(m) = strip_parens(expr) else {
        return None;
    };
    if m.method != "collect" {
        return None;
    }
    let mut cur = strip_parens(&m.receiver);
    while let Expr::MethodCall(m) = cur {
        if m.method == "map" {
            return match m.args.first().map(strip_parens) {
                Some(Expr::Closure(c)) => Some(c),
                _ => None,
            };
        }
        cur = strip_parens(&m.receiver);
    }
    None
}

/// The value of `Arc::new(x)`, `Rc::new(x)`, `Mutex::new(x)`, `RwLock::new(x)` (any path
/// ending so): `x`.
pub(super) fn shared_wrapper_arg(expr: &Expr) -> Option<&Expr> {
    let Expr::Call(c) = strip_parens(expr) else {
        return None;
    };
    let Expr::Path(p) = strip_parens(&c.func) else {
        return None;
    };
    let segs: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let [.., ty, f] = segs.as_slice() else {
        return None;
    };
    let wrapper = matches!(ty.as_str(), "Arc" | "Rc" | "Mutex" | "RwLock") && f == "new";
    match (wrapper, c.args.len()) {
        (true, 1) => c.args.first(),
        _ => None,
    }
}

/// `#[cfg(test)]`
pub(super) fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|l| {
                l.tokens.to_string().split_whitespace().collect::<String>() == "test"
            })
    })
}

/// The function a piece of spawned work runs, as written: `f` in `f(x)` or `f`, and in a
/// closure or async block that does nothing else (`move || f(rx)`, `async move { f().await }`).
pub(super) fn work_fn_path(work: &Expr) -> Option<String> {
    match strip_parens(work) {
        Expr::Call(c) => match strip_parens(&c.func) {
            Expr::Path(p) if p.qself.is_none() => Some(path_text(&p.path)),
            _ => None,
        },
        Expr::Path(p) if p.qself.is_none() => Some(path_text(&p.path)),
        Expr::Await(a) => match strip_parens(&a.base) {
            call @ Expr::Call(_) => work_fn_path(call),
            _ => None,
        },
        Expr::Closure(c) => match strip_parens(&c.body) {
            Expr::Block(b) => only_expr(&b.block).and_then(call_path),
            body => call_path(body),
        },
        Expr::Async(a) => only_expr(&a.block).and_then(call_path),
        _ => None,
    }
}

/// The callee of a call (through `.await`), not a bare path.
fn call_path(expr: &Expr) -> Option<String> {
    match strip_parens(expr) {
        Expr::Call(_) | Expr::Await(_) => work_fn_path(expr),
        _ => None,
    }
}

/// The one expression of a block (`{ f(x) }` or `{ f(x); }`).
fn only_expr(block: &syn::Block) -> Option<&Expr> {
    match block.stmts.as_slice() {
        [syn::Stmt::Expr(e, _)] => Some(e),
        _ => None,
    }
}

/// Whether an expression is or contains a closure or async block (which would be walked
/// as a context of its own before a later argument's).
pub(super) fn has_closure(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {
            self.0 = true;
        }
    }
    let mut f = Finder(false);
    syn::visit::Visit::visit_expr(&mut f, expr);
    f.0
}

/// The argument of a call that is work for a possible spawn wrapper: the first closure or
/// async block, when no argument before it holds one.
pub(super) fn work_arg_index(
    args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
) -> Option<usize> {
    for (i, arg) in args.iter().enumerate() {
        if matches!(strip_parens(arg), Expr::Closure(_) | Expr::Async(_)) {
            return Some(i);
        }
        if has_closure(arg) {
            return None;
        }
    }
    None
}

/// What an initialiser says of its value's type, seen through `?`, `.await`, `.unwrap()`,
/// `.expect(..)` and wrappers (`Arc::new(..)`, `Some(..)`): a call of a path (its return
/// type), a method called on a value with a hint (its return type), a struct literal, or
/// `self.field`. `None` for anything else.
pub(super) fn type_hint_of(expr: &Expr) -> Option<TypeHint> {
    match strip_parens(expr) {
        Expr::Try(t) => type_hint_of(&t.expr),
        Expr::Await(a) => type_hint_of(&a.base),
        Expr::MethodCall(m)
            if is_one_of(
                &m.method,
                &["unwrap", "expect", "clone", "unwrap_or_default"],
            ) =>
        {
            type_hint_of(&m.receiver)
        }
        Expr::Call(c) if is_wrapper_name(&c.func) && c.args.len() == 1 => type_hint_of(&c.args[0]),
        Expr::Call(c) => match strip_parens(&c.func) {
            Expr::Path(p) if p.qself.is_none() => Some(TypeHint::Call(path_text(&p.path))),
            _ => None,
        },
        Expr::Struct(s) if s.qself.is_none() => Some(TypeHint::Struct(path_text(&s.path))),
        // A builder chain (`PoolBuilder::new().name(n).build()`): the last method's type.
        Expr::MethodCall(m) => {
            let recv = type_hint_of(&m.receiver)?;
            Some(TypeHint::MethodOf(Box::new(recv), m.method.to_string()))
        }
        Expr::Field(f) if !is_self(&f.base) => match (&f.member, type_hint_of(&f.base)) {
            (syn::Member::Unnamed(i), Some(TypeHint::Call(path))) => {
                Some(TypeHint::TupleOf(path, i.index as usize))
            }
            _ => None,
        },
        Expr::Field(f) => match &f.member {
            syn::Member::Named(n) => Some(TypeHint::SelfField(n.to_string())),
            syn::Member::Unnamed(i) => Some(TypeHint::SelfField(i.index.to_string())),
        },
        _ => None,
    }
}

/// `Arc::clone` / `Rc::clone` (also `std::sync::Arc::clone`) as a called path.
pub(super) fn is_shared_clone(func: &Expr) -> bool {
    let Expr::Path(p) = strip_parens(func) else {
        return false;
    };
    // `[..]::Arc::clone`, `[..]::Rc::clone`
    let segs = &p.path.segments;
    let n = segs.len();
    n >= 2 && segs[n - 1].ident == "clone" && is_one_of(&segs[n - 2].ident, &["Arc", "Rc"])
}

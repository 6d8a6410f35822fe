//! The walk that builds the [`FileModel`]: one pass over a parsed file, in source order.
//!
//! - `mod.rs`: the walker's state, bodies, blocks, bindings and `let`, loops.
//! - `visit.rs`: expressions and items (how each use of a binding is classified).
//! - `record.rs`: channels, spawns, leaks and calls of interest, as they are met.
//! - `macros.rs`: macro arguments read as expressions, or scanned as tokens.
//! - `syntax.rs`: small questions about syntax trees (`strip_parens`, `chain_root`...).

mod calls;
pub(super) mod closing;
mod control;
mod exprs;
mod macros;
mod record;
mod spawner_fields;
mod syntax;
mod visit;

pub(crate) use syntax::closing_pattern_paths;

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use self::syntax::*;
use super::catalog::{self, Catalog, EndpointOp, Leaker};
use super::channels::RecvLoop;
use super::flow::*;
use super::resolve::Resolver;
use super::tasks::HandleFate;
use super::FileModel;
use crate::source::{NodeSpan, SourceFile, Span};
use visit::PatIdents;

/// A spawn call as the walker sees it.
struct SpawnCall {
    callee: String,
    callee_span: Span,
    call: Span,
    on_drop: catalog::OnDrop,
    thread: bool,
}

/// How the expression being visited is used by its parent.
#[derive(Debug, Clone, Default)]
enum Position {
    #[default]
    Other,
    Borrow,
    BorrowMut,
    Receiver {
        method: String,
        call: Span,
        inspected: bool,
        awaited: bool,
        /// `f(x.clone())`: the call (path, argument) the clone is handed to.
        handed: Option<(String, usize)>,
    },
    Await,
    ForLoop,
    Drop(Span),
    Leak(Leaker, Span),
    Init(Option<BindingId>),
    /// An argument of a call: the callee's resolved path when known, its path as written
    /// (a path call), and the argument's position (0-based).
    CallArg(Option<String>, Option<String>, usize),
    Returned,
    SelfField(String),
    Struct(String),
    Pushed(Option<BindingId>),
    AssignTarget,
    /// An expression statement: its value is dropped at once.
    Statement,
}

/// Methods that put their argument into a collection.
const PUSH_METHODS: &[&str] = &[
    "push",
    "push_back",
    "push_front",
    "insert",
    "extend",
    "append",
    "set",
    "replace",
    "get_or_insert",
    "entry",
];

/// Macros whose arguments are comma-separated expressions, only borrowed.
const FORMAT_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "log",
    "todo",
    "unimplemented",
    "unreachable",
    "format_args",
];

/// Methods that look at a result to see whether it is an error.
const INSPECTING: &[&str] = &[
    "is_err",
    "is_ok",
    "unwrap_err",
    "expect_err",
    "err",
    "ok",
    "is_err_and",
    "is_ok_and",
];

/// Consuming iterator adapters: `rx.iter().sum()` receives until the channel closes.
const CONSUMING: &[&str] = &[
    "sum",
    "product",
    "count",
    "collect",
    "for_each",
    "fold",
    "last",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "partition",
    "unzip",
    "try_for_each",
    "reduce",
];

/// Adapters after which an iterator no longer runs until the channel closes.
const BOUNDING: &[&str] = &[
    "take",
    "take_while",
    "next",
    "nth",
    "find",
    "any",
    "all",
    "position",
    "find_map",
    "try_iter",
    "timeout",
    "take_until",
];

pub(crate) fn build(file: &SourceFile, ast: &syn::File, catalog: &'static Catalog) -> FileModel {
    let mut walker = Walker {
        file,
        catalog,
        resolver: Resolver::new(catalog),
        model: FileModel {
            catalog,
            ..FileModel::default()
        },
        body: None,
        scopes: Vec::new(),
        ctx: 0,
        loop_stack: Vec::new(),
        role: Position::Other,
        self_type: None,
        body_id: 0,
        inspected: false,
        let_ctor: None,
        awaited: false,
        in_timeout: 0,
        test_fn: false,
        // `#![cfg(test)]` at the top of the file: all of it is test code.
        test_modules: usize::from(syntax::is_cfg_test(&ast.attrs)),
        struct_ty: None,
        timed_roots: Vec::new(),
        spawner_fields: Vec::new(),
    };
    walker.resolver.push(&ast.items);
    walker.collect_spawner_fields(&ast.items);
    for item in &ast.items {
        walker.visit_item(item);
    }
    super::channels::add_completion_waits(&mut walker.model);
    walker.model.index_channels();
    walker.model
}

struct Walker<'f> {
    file: &'f SourceFile,
    /// The library APIs known in this unit (built-in and declared).
    catalog: &'static Catalog,
    resolver: Resolver,
    model: FileModel,
    body: Option<Body>,
    /// Binding scopes of the current body: (name, id) pairs and where the block ends.
    scopes: Vec<(Vec<(String, BindingId)>, u32)>,
    ctx: CtxId,
    loop_stack: Vec<LoopId>,
    role: Position,
    self_type: Option<String>,
    body_id: BodyId,
    /// The method call being visited has its result inspected by its parent.
    inspected: bool,
    /// The constructor call of the `let` being visited, already recorded as a channel.
    let_ctor: Option<Span>,
    /// The call being visited is awaited directly by its parent.
    awaited: bool,
    /// Depth of timeout calls whose arguments are being visited.
    in_timeout: usize,
    /// The function about to be walked is a test (`#[test]`, `#[tokio::test]`...).
    test_fn: bool,
    /// Depth of `#[cfg(test)]` modules around the current item.
    test_modules: usize,
    /// The struct whose literal's fields are being visited (`None` for `x.f = ..`).
    struct_ty: Option<String>,
    /// Client constructor calls given a timeout by a method of their chain
    /// (`HttpConnector::new()..set_connect_timeout(..)` is not a call that can hang).
    timed_roots: Vec<Span>,
    /// The file's struct fields that hold a spawner (`pool: ThreadPool`).
    spawner_fields: spawner_fields::SpawnerFields,
}

impl<'f> Walker<'f> {
    fn span(&self, s: proc_macro2::Span) -> Span {
        self.file.span_of(s)
    }

    fn span_of(&self, node: &impl NodeSpan) -> Span {
        self.file.span_of(node.node_span())
    }

    fn take_role(&mut self) -> Position {
        std::mem::take(&mut self.role)
    }

    fn visit_with(&mut self, expr: &Expr, role: Position) {
        self.role = role;
        self.visit_expr(expr);
        self.role = Position::Other;
    }

    // ----- bodies --------------------------------------------------------------------

    fn walk_fn(
        &mut self,
        name: String,
        span: Span,
        is_async: bool,
        inputs: &Punctuated<syn::FnArg, syn::Token![,]>,
        block: &syn::Block,
    ) {
        let saved_body = self.body.take();
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_ctx = std::mem::replace(&mut self.ctx, 0);
        let saved_loops = std::mem::take(&mut self.loop_stack);
        let in_test = std::mem::take(&mut self.test_fn) || self.test_modules > 0;
        // Reserve the body's index now: nested functions are pushed before this one ends.
        let id = self.model.bodies.len();
        self.model.bodies.push(Body::default());
        let saved_id = std::mem::replace(&mut self.body_id, id);
        self.body = Some(Body {
            name,
            span,
            is_async,
            in_test,
            contexts: vec![Context {
                parent: None,
                span,
                is_move: false,
                is_async,
            }],
            ..Body::default()
        });
        let end = self.span_of(block).end;
        self.scopes.push((Vec::new(), end));
        for input in inputs {
            if let syn::FnArg::Typed(t) = input {
                // A `TcpStream` parameter is a socket whose reads the task lints follow; a
                // `&ThreadPool` one spawns.
                let ty = match &*t.ty {
                    syn::Type::Reference(r) => &*r.elem,
                    ty => ty,
                };
                let origin =
                    match ty {
                        syn::Type::Path(tp)
                            if tp.path.segments.last().is_some_and(|s| {
                                s.ident == "TcpStream" || s.ident == "UnixStream"
                            }) && matches!(&*t.ty, syn::Type::Path(_)) =>
                        {
                            let full = self.resolver.resolve(&tp.path).unwrap_or_default();
                            ValueOrigin::Socket {
                                tokio: full.starts_with("tokio::")
                                    || full.starts_with("async_std::"),
                            }
                        }
                        syn::Type::Path(tp) => self
                            .resolver
                            .resolve(&tp.path)
                            .and_then(|full| self.catalog.spawner_of(&full))
                            .filter(|&id| {
                                // A tokio `Runtime` owned by the function cancels its tasks
                                // when it drops: only handles and borrowed runtimes detach.
                                let ty = self.catalog.spawners[id].ty;
                                ty == self.resolver.resolve(&tp.path).unwrap_or_default()
                                    && (ty != "tokio::runtime::Runtime"
                                        || matches!(&*t.ty, syn::Type::Reference(_)))
                            })
                            .map_or(ValueOrigin::Param, ValueOrigin::Spawner),
                        _ => ValueOrigin::Param,
                    };
                self.bind_pat(&t.pat, origin, span);
            }
        }
        self.walk_block(block, Position::Returned);
        self.scopes.pop();
        let mut body = self.body.take().expect("body set above");
        body.settle_detached_handles();
        self.model.bodies[id] = body;
        self.body_id = saved_id;
        self.body = saved_body;
        self.scopes = saved_scopes;
        self.ctx = saved_ctx;
        self.loop_stack = saved_loops;
    }

    /// Visits a block whose tail expression is used as `tail_role`.
    fn walk_block(&mut self, block: &syn::Block, tail_role: Position) {
        let has_items = block.stmts.iter().any(|s| matches!(s, Stmt::Item(_)));
        if has_items {
            self.resolver
                .push(block.stmts.iter().filter_map(|s| match s {
                    Stmt::Item(i) => Some(i),
                    _ => None,
                }));
        }
        let end = self.span_of(block).end;
        self.scopes.push((Vec::new(), end));
        let last = block.stmts.len().saturating_sub(1);
        for (i, stmt) in block.stmts.iter().enumerate() {
            match stmt {
                Stmt::Expr(e, None) if i == last => self.visit_with(e, tail_role.clone()),
                _ => self.visit_stmt(stmt),
            }
        }
        self.scopes.pop();
        if has_items {
            self.resolver.pop();
        }
    }

    // ----- bindings ------------------------------------------------------------------

    /// A path in expression position whose last segment is capitalised (`Cmd::Shutdown`,
    /// `Shutdown`, `Msg::Stop { .. }`): an enum variant (or a type) constructed here.
    fn note_constructed(&mut self, path: &syn::Path) {
        if let Some(last) = path.segments.last() {
            let upper = |name: &str| name.starts_with(|c: char| c.is_ascii_uppercase());
            if with_text(&last.ident, upper) {
                self.model.constructed.insert(last.ident.to_string());
            }
        }
    }

    /// [`Walker::lookup`] of an identifier.
    fn lookup_ident(&self, ident: &syn::Ident) -> Option<BindingId> {
        with_text(ident, |name| self.lookup(name))
    }

    fn lookup(&self, name: &str) -> Option<BindingId> {
        for (names, _) in self.scopes.iter().rev() {
            if let Some((_, id)) = names.iter().rev().find(|(n, _)| n == name) {
                return Some(*id);
            }
        }
        None
    }

    fn new_binding(
        &mut self,
        ident: &syn::Ident,
        origin: ValueOrigin,
        stmt: Span,
    ) -> Option<BindingId> {
        let span = self.span(ident.span());
        let ctx = self.ctx;
        let (names, end) = self.scopes.last_mut()?;
        let scope_end = *end;
        let body = self.body.as_mut()?;
        let id = body.bindings.len();
        let name = ident.to_string();
        names.push((name.clone(), id));
        body.bindings.push(Binding {
            name,
            span,
            stmt,
            scope_end,
            ctx,
            origin,
            uses: Vec::new(),
            from: None,
            hint: None,
        });
        Some(id)
    }

    /// Binds every identifier of a pattern (with `origin` when the pattern is a plain name).
    fn bind_pat(&mut self, pat: &Pat, origin: ValueOrigin, stmt: Span) -> Option<BindingId> {
        match pat {
            Pat::Ident(p) => {
                let id = self.new_binding(&p.ident, origin, stmt);
                if let Some((_, sub)) = &p.subpat {
                    self.bind_pat(sub, ValueOrigin::Other, stmt);
                }
                id
            }
            Pat::Type(t) => self.bind_pat(&t.pat, origin, stmt),
            Pat::Reference(r) => self.bind_pat(&r.pat, ValueOrigin::Other, stmt),
            Pat::Paren(p) => self.bind_pat(&p.pat, origin, stmt),
            other => {
                // Struct patterns read the fields they name.
                let mut idents = PatIdents::default();
                idents.visit_pat(other);
                self.model.field_reads.extend(idents.fields);
                for ident in idents.idents {
                    self.new_binding(&ident, ValueOrigin::Other, stmt);
                }
                None
            }
        }
    }

    fn record_use(&mut self, id: BindingId, span: Span, kind: UseKind) {
        let ctx = self.ctx;
        if let Some(body) = self.body.as_mut() {
            body.bindings[id].uses.push(Use { span, ctx, kind });
        }
    }

    fn use_kind(&self, role: Position) -> UseKind {
        match role {
            Position::Other | Position::AssignTarget | Position::Statement => UseKind::Other,
            Position::Borrow => UseKind::Borrow,
            Position::BorrowMut => UseKind::BorrowMut,
            Position::Receiver {
                method,
                call,
                inspected,
                awaited,
                handed,
            } => {
                let op = catalog::endpoint_op(&method);
                UseKind::Method {
                    name: method,
                    call,
                    op,
                    inspected,
                    awaited,
                    in_timeout: self.in_timeout > 0,
                    handed,
                }
            }
            Position::Await => UseKind::Await,
            Position::ForLoop => UseKind::ForLoop,
            Position::Drop(call) => UseKind::Drop { call },
            Position::Leak(leaker, call) => UseKind::Leak { leaker, call },
            Position::Init(Some(to)) => UseKind::MovedTo(to),
            Position::Init(None) => UseKind::Other,
            Position::CallArg(callee, written, arg) => UseKind::CallArg {
                callee,
                written,
                arg,
            },
            Position::Returned => UseKind::Returned,
            Position::SelfField(f) => UseKind::StoredSelfField(f),
            Position::Struct(field) => UseKind::StoredStruct {
                ty: self.struct_ty.clone(),
                field,
            },
            Position::Pushed(into) => UseKind::Pushed { into },
        }
    }

    /// The binding an expression names directly (`x`, `(x)`), if any.
    fn binding_of(&self, expr: &Expr) -> Option<BindingId> {
        match expr {
            Expr::Path(p) if p.qself.is_none() => {
                p.path.get_ident().and_then(|i| self.lookup_ident(i))
            }
            Expr::Paren(p) => self.binding_of(&p.expr),
            Expr::Reference(r) => self.binding_of(&r.expr),
            _ => None,
        }
    }

    fn body_mut(&mut self) -> Option<&mut Body> {
        self.body.as_mut()
    }

    // ----- let ---------------------------------------------------------------------

    fn walk_local(&mut self, local: &syn::Local) {
        let stmt = self.span_of(local);
        let Some(init) = &local.init else {
            self.bind_pat(&local.pat, ValueOrigin::Other, stmt);
            return;
        };
        // `let (tx, rx) = ctor(..)`: a new channel.
        if let Some((ctor, call_span)) = self.channel_ctor_call(&init.expr) {
            self.let_ctor = Some(call_span);
            self.visit_expr(&init.expr);
            self.let_ctor = None;
            self.bind_channel(&local.pat, ctor, call_span, stmt);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
            return;
        }
        // `let (writer, guard) = tracing_appender::non_blocking(..)`: one element is a guard.
        if let (Some(index), Pat::Tuple(t)) =
            (self.guard_in_tuple(&init.expr), strip_pat(&local.pat))
        {
            self.visit_with(&init.expr, Position::Init(None));
            for (i, elem) in t.elems.iter().enumerate() {
                let origin = if i == index {
                    ValueOrigin::Guard
                } else {
                    ValueOrigin::Other
                };
                self.bind_pat(elem, origin, stmt);
            }
            return;
        }
        // `let tx2 = tx.clone()` / `let tx2 = tx;` keep the endpoint.
        let origin = self.origin_of(&init.expr);
        // The value moves into the new binding: visit the init first so that shadowing
        // (`let tx = tx.clone()`) resolves to the old binding.
        let placeholder = Position::Init(None);
        self.visit_with(&init.expr, placeholder);
        if let Some((_, diverge)) = &init.diverge {
            self.visit_expr(diverge);
        }
        let leaks_before = self.body.as_ref().map_or(0, |b| b.leaks.len());
        let new = self.bind_pat(&local.pat, origin, stmt);
        // The handle of a spawn in this initialiser now has a name (or `_`).
        let fate = match strip_pat(&local.pat) {
            Pat::Wild(_) => HandleFate::LetUnderscore,
            Pat::Ident(_) => new.map_or(HandleFate::Unknown, HandleFate::Bound),
            _ => HandleFate::Unknown,
        };
        if let Some(body) = self.body.as_mut() {
            for sites in [&mut body.spawns, &mut body.work_calls] {
                for site in sites.iter_mut().rev() {
                    if site.call.start < stmt.start {
                        break;
                    }
                    if site.handle == HandleFate::PendingLet {
                        site.handle = fate;
                    }
                }
            }
        }
        if let Some(new) = new {
            self.collect_mapped_spawns(&init.expr, new);
        }
        if let (Some(new), Some(body)) = (new, self.body.as_mut()) {
            if let Some(leak) = body.leaks.get_mut(leaks_before.saturating_sub(1)) {
                if leak.leaker == Leaker::ManuallyDrop
                    && leak.holder.is_none()
                    && leak.call.start >= stmt.start
                {
                    leak.holder = Some(new);
                }
            }
        }
        self.record_type_hints(&local.pat, &init.expr, new);
        // Remember what the new binding was made from.
        if let Some(new) = new {
            let source = match strip_parens(&init.expr) {
                Expr::MethodCall(m) if is_one_of(&m.method, &["clone", "child_token"]) => {
                    self.binding_of_before(&m.receiver, new)
                }
                // `Arc::clone(&x)`, `Rc::clone(&x)`: another handle to `x`'s value.
                Expr::Call(c) if is_shared_clone(&c.func) && c.args.len() == 1 => {
                    match strip_parens(&c.args[0]) {
                        Expr::Reference(r) => self.binding_of_before(&r.expr, new),
                        _ => None,
                    }
                }
                e => self
                    .read_through(e)
                    .or_else(|| self.binding_of_before(chain_root(e), new)),
            };
            if let Some(body) = self.body.as_mut() {
                body.bindings[new].from = source;
            }
        }
        // `let _ = tx;` neither moves nor drops `tx` (a place matched against `_`).
        if matches!(strip_pat(&local.pat), Pat::Wild(_)) {
            self.mark_let_underscore(&init.expr);
        }
        // Now that the target exists, point a plain move at it.
        if let (Some(new), Some(old)) =
            (new, new.and_then(|n| self.binding_of_before(&init.expr, n)))
        {
            if let Some(body) = self.body_mut() {
                if let Some(last) = body.bindings[old].uses.last_mut() {
                    if last.kind == UseKind::Other {
                        last.kind = UseKind::MovedTo(new);
                    }
                }
            }
        }
    }

    /// The type hints of the bindings a `let` declares: its annotation, else what the
    /// initialiser shows (`Foo::new(..)`, `Foo { .. }`, `self.tx`); for `let (a, b) =
    /// make()`, element `i` of `make`'s returned tuple.
    fn record_type_hints(&mut self, pat: &Pat, init: &Expr, new: Option<BindingId>) {
        use crate::model::types::{TypeExpr, TypeHint};
        let hints: Vec<(BindingId, TypeHint)> = match (strip_pat(pat), new) {
            (_, Some(new)) => {
                let annotated = match pat {
                    Pat::Type(t) => Some(TypeHint::Annotated(TypeExpr::of(&t.ty))),
                    _ => None,
                };
                annotated
                    .or_else(|| type_hint_of(init))
                    .map(|h| vec![(new, h)])
                    .unwrap_or_default()
            }
            (Pat::Tuple(t), None) => {
                let Some(TypeHint::Call(path)) = type_hint_of(init) else {
                    return;
                };
                t.elems
                    .iter()
                    .enumerate()
                    .filter_map(|(i, elem)| match strip_pat(elem) {
                        Pat::Ident(id) => Some((self.lookup_ident(&id.ident)?, i)),
                        _ => None,
                    })
                    .map(|(b, i)| (b, TypeHint::TupleOf(path.clone(), i)))
                    .collect()
            }
            _ => return,
        };
        if let Some(body) = self.body_mut() {
            for (b, hint) in hints {
                body.bindings[b].hint = Some(hint);
            }
        }
    }

    /// `let _ = x;` (also `let _ = (x);`): the last use of `x`, recorded as a by-value
    /// `Other`, becomes [`UseKind::LetUnderscore`]: the value stays in `x`.
    fn mark_let_underscore(&mut self, init: &Expr) {
        let Some(id) = self.binding_of(strip_parens(init)) else {
            return;
        };
        if matches!(strip_parens(init), Expr::Reference(_)) {
            return;
        }
        if let Some(last) = self.body_mut().and_then(|b| b.bindings[id].uses.last_mut()) {
            if last.kind == UseKind::Other {
                last.kind = UseKind::LetUnderscore;
            }
        }
    }

    /// Like `binding_of`, but ignores a binding created after `before` (the new `let`).
    fn binding_of_before(&self, expr: &Expr, before: BindingId) -> Option<BindingId> {
        let Expr::Path(p) = strip_parens(expr) else {
            return None;
        };
        let ident = p.path.get_ident()?.to_string();
        for (names, _) in self.scopes.iter().rev() {
            if let Some((_, id)) = names
                .iter()
                .rev()
                .find(|(n, id)| *n == ident && *id < before)
            {
                return Some(*id);
            }
        }
        None
    }

    /// The endpoint a value expression carries: `tx`, `tx.clone()`, `(tx)`.
    fn origin_of(&self, expr: &Expr) -> ValueOrigin {
        let expr = strip_parens(expr);
        if let Some(origin) = self.handle_origin(expr) {
            return origin;
        }
        if let Some(inner) = shared_wrapper_arg(expr) {
            return self.shared_receiver_origin(inner);
        }
        let (base, clone) = match expr {
            Expr::MethodCall(m)
                if m.args.is_empty() && is_one_of(&m.method, &["clone", "resubscribe"]) =>
            {
                (&*m.receiver, true)
            }
            // `Arc::clone(&rx)`, `Rc::clone(&rx)`: as `rx.clone()`.
            Expr::Call(c) if syntax::is_shared_clone(&c.func) && c.args.len() == 1 => {
                match strip_parens(&c.args[0]) {
                    Expr::Reference(r) => (&*r.expr, true),
                    _ => return ValueOrigin::Other,
                }
            }
            other => (other, false),
        };
        let Some(id) = self.binding_of(base) else {
            return ValueOrigin::Other;
        };
        if matches!(base, Expr::Reference(_)) && !clone {
            return ValueOrigin::Other;
        }
        match self.body.as_ref().map(|b| b.bindings[id].origin) {
            Some(ValueOrigin::Endpoint {
                channel,
                role,
                clone: was_clone,
            }) => ValueOrigin::Endpoint {
                channel,
                role,
                clone: clone || was_clone,
            },
            Some(o @ (ValueOrigin::TaskHandle | ValueOrigin::Guard)) if !clone => o,
            Some(
                o @ (ValueOrigin::Token
                | ValueOrigin::Runtime
                | ValueOrigin::Spawner(_)
                | ValueOrigin::HttpClient { .. }),
            ) => o,
            Some(o @ ValueOrigin::Socket { .. }) if !clone => o,
            _ => ValueOrigin::Other,
        }
    }

    /// The stream a buffered reader is made over: `stream` in `BufReader::new(stream)`,
    /// `BufReader::new(&stream)` or `BufReader::new(stream.try_clone()?)` (a clone shares
    /// the socket and its read timeout).
    fn read_through(&self, expr: &Expr) -> Option<BindingId> {
        let Expr::Call(c) = strip_parens(expr) else {
            return None;
        };
        let Expr::Path(p) = &*c.func else { return None };
        if !catalog::is_buffered_reader(&self.resolver.resolve(&p.path)?) {
            return None;
        }
        let mut arg = strip_parens(c.args.last()?);
        loop {
            arg = match arg {
                Expr::Reference(r) => strip_parens(&r.expr),
                Expr::Try(t) => strip_parens(&t.expr),
                Expr::MethodCall(m)
                    if matches!(
                        m.method.to_string().as_str(),
                        "unwrap" | "expect" | "try_clone"
                    ) =>
                {
                    strip_parens(&m.receiver)
                }
                _ => break,
            };
        }
        self.binding_of(arg)
    }

    /// `thread::spawn(..)`, `builder.spawn(..).unwrap()`, `token.drop_guard()`.
    fn handle_origin(&self, expr: &Expr) -> Option<ValueOrigin> {
        let mut expr = strip_parens(expr);
        loop {
            match expr {
                Expr::MethodCall(m) if is_one_of(&m.method, &["unwrap", "expect"]) => {
                    expr = strip_parens(&m.receiver)
                }
                Expr::Try(t) => expr = strip_parens(&t.expr),
                _ => break,
            }
        }
        if let Expr::Await(a) = expr {
            expr = strip_parens(&a.base);
        }
        match expr {
            Expr::Call(c) => {
                let Expr::Path(p) = &*c.func else { return None };
                let path = self.resolver.resolve(&p.path)?;
                if let Some(spawn) = self.catalog.spawn_fn(&path) {
                    return (spawn.on_drop == catalog::OnDrop::Detach)
                        .then_some(ValueOrigin::TaskHandle);
                }
                if let Some(stream) = self.read_through(expr) {
                    let origin = self.body.as_ref()?.bindings[stream].origin;
                    return matches!(origin, ValueOrigin::Socket { .. }).then_some(origin);
                }
                self.catalog.value_origin_of_call(&path)
            }
            Expr::MethodCall(m) => match m.method.to_string().as_str() {
                name if catalog::GUARD_METHODS.contains(&name) => Some(ValueOrigin::Guard),
                "child_token" => Some(ValueOrigin::Token),
                "build" => {
                    // `runtime::Builder::new_multi_thread()..build()`,
                    // `reqwest::Client::builder()..build()`.
                    let Expr::Call(c) = chain_root(&m.receiver) else {
                        return None;
                    };
                    let Expr::Path(p) = &*c.func else { return None };
                    let path = self.resolver.resolve(&p.path)?;
                    if path.contains("runtime::Builder::") {
                        Some(ValueOrigin::Runtime)
                    } else if path == "reqwest::Client::builder"
                        || path == "reqwest::ClientBuilder::new"
                    {
                        let methods = chain_methods(&m.receiver);
                        Some(ValueOrigin::HttpClient {
                            timeout: methods
                                .iter()
                                .any(|n| n == "timeout" || n == "read_timeout"),
                        })
                    } else {
                        // `threadpool::Builder::new()..build()`: the pool it builds.
                        self.catalog.spawner_of(&path).map(ValueOrigin::Spawner)
                    }
                }
                "handle" => {
                    let recv = self.binding_of(&m.receiver)?;
                    (self.body.as_ref()?.bindings[recv].origin == ValueOrigin::Runtime)
                        .then_some(ValueOrigin::Runtime)
                }
                name if matches!(name, "spawn" | "spawn_blocking" | "spawn_local")
                    || self
                        .method_spawn_kind(&m.receiver, name)
                        .is_some_and(|(on_drop, _)| on_drop == catalog::OnDrop::Detach) =>
                {
                    // `s.spawn(..)` on a scope is joined by the scope; a builder or a runtime
                    // handle spawns detached work.
                    let recv = self.binding_of(&m.receiver);
                    let is_scope_param = recv.is_some_and(|id| {
                        self.body
                            .as_ref()
                            .is_some_and(|b| b.bindings[id].origin == ValueOrigin::Param)
                    });
                    (!is_scope_param).then_some(ValueOrigin::TaskHandle)
                }
                _ => None,
            },
            _ => None,
        }
    }
}

impl<'f> Walker<'f> {
    // ----- loops -------------------------------------------------------------------

    fn push_loop(
        &mut self,
        kind: LoopKind,
        span: Span,
        body: Span,
        label: Option<&syn::Label>,
    ) -> Option<LoopId> {
        let ctx = self.ctx;
        let b = self.body.as_mut()?;
        let id = b.loops.len();
        b.loops.push(LoopInfo {
            kind,
            span,
            body,
            ctx,
            label: label.map(|l| l.name.ident.to_string()),
            exits: Vec::new(),
            cond_true: false,
            bounded: false,
            count: None,
            stop_checks: Vec::new(),
            continuing_stops: Vec::new(),
        });
        self.loop_stack.push(id);
        Some(id)
    }

    fn pop_loop(&mut self, id: Option<LoopId>) {
        if id.is_some() {
            self.loop_stack.pop();
        }
    }

    /// Records an exit on the loops of the current context it leaves.
    fn record_exit(&mut self, exit: Exit, label: Option<String>) {
        let ctx = self.ctx;
        let Some(body) = self.body.as_mut() else {
            return;
        };
        let in_ctx: Vec<LoopId> = self
            .loop_stack
            .iter()
            .copied()
            .filter(|&l| body.loops[l].ctx == ctx)
            .collect();
        match exit {
            Exit::Break(_) => {
                let target = match &label {
                    Some(name) => in_ctx
                        .iter()
                        .rev()
                        .find(|&&l| body.loops[l].label.as_deref() == Some(name.as_str()))
                        .copied(),
                    None => in_ctx.last().copied(),
                };
                // A labelled break leaves every loop up to its target.
                if let Some(target) = target {
                    for &l in in_ctx.iter().filter(|&&l| l >= target) {
                        body.loops[l].exits.push(exit);
                    }
                }
            }
            Exit::Return(_) | Exit::Try(_) => {
                for l in in_ctx {
                    body.loops[l].exits.push(exit);
                }
            }
        }
    }

    /// `Arc::new(Mutex::new(rx))`: a receiver shared by workers is still the receiver; any
    /// other wrapped value is not followed.
    fn shared_receiver_origin(&self, inner: &Expr) -> ValueOrigin {
        match self.origin_of(inner) {
            o @ ValueOrigin::Endpoint {
                role: super::channels::Role::Receiver,
                ..
            } => o,
            _ => ValueOrigin::Other,
        }
    }

    /// A loop whose only way out is the close of a channel it receives from on every
    /// iteration (`loop { match rx.recv() { Ok(m) => .., Err(_) => break } }`) is a receive
    /// loop, as `for m in rx` is.
    fn note_closing_receive(&mut self, block: &syn::Block, span: Span, body: Span) {
        let Some(closing) = closing::closing_receive(block) else {
            return;
        };
        let (root, call) = (&*closing.root, &*closing.call);
        let Some(rx) = self.binding_of(root) else {
            return;
        };
        let receiver = self.body.as_ref().is_some_and(|b| {
            matches!(
                b.bindings[rx].origin,
                ValueOrigin::Endpoint {
                    role: super::channels::Role::Receiver,
                    ..
                }
            )
        });
        if receiver {
            let header = self.span_of(call);
            self.add_recv_loop(rx, span, header, Some(body), None);
            if let Some(rl) = self.body.as_mut().and_then(|b| b.recv_loops.last_mut()) {
                rl.variant_exits = closing.variant_exits;
            }
        }
    }

    /// `let hs: Vec<_> = xs.map(|x| tokio::spawn(..)).collect();`: the handles the mapped
    /// closure returns are collected into `into`, as `hs.push(spawn(..))` would.
    fn collect_mapped_spawns(&mut self, init: &Expr, into: BindingId) {
        let Some(closure) = collected_map_closure(init) else {
            return;
        };
        let span = self.span_of(closure);
        let Some(body) = self.body.as_mut() else {
            return;
        };
        for i in 0..body.spawns.len() {
            let ctx = body.spawns[i].ctx;
            if body.spawns[i].handle == HandleFate::Returned && body.contexts[ctx].span == span {
                body.spawns[i].handle = HandleFate::Collected(into);
            }
        }
    }

    /// `for v in rx`, `for v in rx.iter()`, `while let Some(v) = rx.recv().await`...:
    /// the receiver binding when the loop runs until every sender is gone.
    fn recv_loop_receiver(&self, expr: &Expr, is_for: bool) -> Option<BindingId> {
        let mut expr = strip_parens(expr);
        if let Expr::Await(a) = expr {
            expr = strip_parens(&a.base);
        }
        if is_for {
            if let Some(id) = self
                .binding_of(expr)
                .or_else(|| self.receiver_in_field(expr))
            {
                return Some(id);
            }
        }
        let mut methods = Vec::new();
        let mut cur = expr;
        while let Expr::MethodCall(m) = cur {
            methods.push(m.method.to_string());
            cur = strip_parens(&m.receiver);
        }
        let root = self
            .binding_of(cur)
            .or_else(|| self.receiver_in_field(cur))?;
        methods.reverse();
        let first = methods.first()?;
        let unbounded = match catalog::endpoint_op(first) {
            EndpointOp::IntoIter => true,
            EndpointOp::Recv => !is_for && methods.len() == 1,
            _ => false,
        };
        (unbounded && !methods[1..].iter().any(|m| BOUNDING.contains(&m.as_str()))).then_some(root)
    }

    /// `me.rx` (also `&me.rx`) where `me` is, or is a clone of, the value of a struct literal
    /// that took a receiver binding into field `rx` by its first move (`let me =
    /// Arc::new(Self { tx, rx }); let me2 = me.clone();`): that receiver binding.
    fn receiver_in_field(&self, expr: &Expr) -> Option<BindingId> {
        let expr = match strip_parens(expr) {
            Expr::Reference(r) => strip_parens(&r.expr),
            e => e,
        };
        let Expr::Field(f) = expr else {
            return None;
        };
        let syn::Member::Named(field) = &f.member else {
            return None;
        };
        let base = self.binding_of(strip_parens(&f.base))?;
        let body = self.body.as_ref()?;
        let field = field.to_string();
        (0..body.bindings.len()).find(|&rx| {
            let b = &body.bindings[rx];
            let receiver = matches!(
                b.origin,
                ValueOrigin::Endpoint {
                    role: super::channels::Role::Receiver,
                    ..
                }
            );
            let stored = b.first_move().is_some_and(|u| {
                matches!(&u.kind, UseKind::StoredStruct { ty: Some(_), field: into } if *into == field)
            });
            receiver
                && stored
                && body
                    .holder_of(rx)
                    .is_some_and(|h| body.copies_of(h).contains(&base))
        })
    }

    /// `while rx.recv_many(&mut buf, n).await > 0` (or `!= 0`, `0 <`, `0 !=`): tokio's
    /// `recv_many` returns 0 only once the channel is closed and empty, so the loop receives
    /// until every sender is gone.
    pub(super) fn while_count_recv_loop(
        &mut self,
        cond: &Expr,
        span: Span,
        body: Span,
        loop_id: Option<LoopId>,
    ) {
        let Expr::Binary(b) = strip_parens(cond) else {
            return;
        };
        let is_zero = |e: &Expr| matches!(strip_parens(e), Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) if i.base10_digits() == "0");
        let count = match b.op {
            syn::BinOp::Gt(_) | syn::BinOp::Ne(_) if is_zero(&b.right) => &*b.left,
            syn::BinOp::Lt(_) | syn::BinOp::Ne(_) if is_zero(&b.left) => &*b.right,
            _ => return,
        };
        let Expr::Await(a) = strip_parens(count) else {
            return;
        };
        let Expr::MethodCall(m) = strip_parens(&a.base) else {
            return;
        };
        if m.method != "recv_many" {
            return;
        }
        if let Some(rx) = self.binding_of(strip_parens(&m.receiver)) {
            let header = Span::new(span.start as usize, self.span_of(b).end as usize);
            self.add_recv_loop(rx, span, header, Some(body), loop_id);
        }
    }

    /// Records a receive loop; `is_loop` when it is a `for`/`while` about to be pushed (so
    /// its exits can be found).
    fn add_recv_loop(
        &mut self,
        receiver: BindingId,
        span: Span,
        header: Span,
        body: Option<Span>,
        loop_id: Option<LoopId>,
    ) {
        let ctx = self.ctx;
        if let Some(b) = self.body.as_mut() {
            b.recv_loops.push(RecvLoop {
                receiver,
                span,
                header,
                body,
                ctx,
                loop_id,
                variant_exits: false,
                pattern_types: Vec::new(),
            });
        }
    }

    fn new_ctx(&mut self, span: Span, is_move: bool, is_async: bool) -> CtxId {
        let parent = self.ctx;
        let Some(body) = self.body.as_mut() else {
            return parent;
        };
        body.contexts.push(Context {
            parent: Some(parent),
            span,
            is_move,
            is_async,
        });
        body.contexts.len() - 1
    }
}

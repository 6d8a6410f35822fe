//! Bindings and what happens to them inside one function body (closures and async blocks
//! included): where each is declared, how long its scope lasts, and every use with its
//! meaning (a method call, a move, a drop, a borrow, a store into a field...).
//!
//! The walk is a single pass in source order. It does not build a control-flow graph: the
//! lints ask order questions ("is there a move before this loop?") with spans, and treat
//! anything they cannot follow (an unknown call taking the value, a macro they cannot read)
//! as "unsure", which keeps them silent.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Pat, Stmt};

use super::catalog::{self, EndpointOp, Leaker};
use super::channels::{Channel, RecvLoop, Role, Slot};
use super::resolve::Resolver;
use super::tasks::{HandleFate, SpawnSite};
use super::FileModel;
use crate::source::{SourceFile, Span};

pub type BindingId = usize;
pub type BodyId = usize;
pub type CtxId = usize;
pub type LoopId = usize;

/// One function body: a `fn`, a method, or a closure/async block nested in one.
#[derive(Debug, Default)]
pub struct Body {
    /// `name` or `Type::name`.
    pub name: String,
    pub span: Span,
    pub is_async: bool,
    /// Test code: a test function or a function in a `#[cfg(test)]` module. Spawned work
    /// there ends with the test's runtime or process.
    pub in_test: bool,
    pub bindings: Vec<Binding>,
    /// Context 0 is the function itself; closures and async blocks add more.
    pub contexts: Vec<Context>,
    pub loops: Vec<LoopInfo>,
    pub recv_loops: Vec<RecvLoop>,
    pub leaks: Vec<LeakSite>,
    pub spawns: Vec<SpawnSite>,
    /// Calls of interest to the task lints: network and HTTP APIs, timeouts, and functions
    /// of this file (`crate::name`).
    pub calls: Vec<CallSite>,
}

/// A resolved call the task lints care about.
#[derive(Debug, Clone)]
pub struct CallSite {
    pub path: String,
    pub span: Span,
    pub ctx: CtxId,
    /// `call(..).await` directly.
    pub awaited: bool,
    /// Inside the arguments of `tokio::time::timeout(..)` or a `.timeout(..)` adapter.
    pub in_timeout: bool,
}

/// A closure or async block (or the function itself, context 0).
#[derive(Debug, Clone)]
pub struct Context {
    pub parent: Option<CtxId>,
    pub span: Span,
    /// `move` closure or `async move` block: captured bindings are moved in at creation.
    pub is_move: bool,
    /// An async block or the body of an `async fn`.
    pub is_async: bool,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub name: String,
    /// The identifier in the pattern.
    pub span: Span,
    /// The whole declaring statement (`let ...;`), for labels and suggestions.
    pub stmt: Span,
    /// Where the binding's scope (its block) ends: it is dropped there if still owned.
    pub scope_end: u32,
    pub ctx: CtxId,
    pub origin: ValueOrigin,
    pub uses: Vec<Use>,
    /// The binding this one's value was made from (`let b = a.clone()`, `a.child_token()`,
    /// `let b = a;`).
    pub from: Option<BindingId>,
}

impl Binding {
    /// `_name` bindings: kept alive to their scope's end but meant to be unused.
    pub fn is_underscore(&self) -> bool {
        self.name.starts_with('_')
    }
}

/// Where a binding's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOrigin {
    /// An endpoint of a channel created in this file. `clone` is set for `tx.clone()`.
    Endpoint {
        channel: usize,
        role: Role,
        clone: bool,
    },
    /// The handle of spawned work whose drop detaches it (`JoinHandle`...).
    TaskHandle,
    /// A guard whose drop does the shutdown (`CancellationToken::drop_guard()`).
    Guard,
    /// A set that tracks or aborts what it spawns (`JoinSet`, `TaskTracker`,
    /// `FuturesUnordered`).
    Tracker,
    /// A `CancellationToken` (or a clone or child of one).
    Token,
    /// A tokio runtime or runtime handle: `rt.spawn(..)` detaches.
    Runtime,
    /// A TCP stream; `tokio` for tokio's.
    Socket {
        tokio: bool,
    },
    /// A reqwest async client; `timeout` when built with one.
    HttpClient {
        timeout: bool,
    },
    /// A function or closure parameter.
    Param,
    Other,
}

/// What a `mem::forget` / `Box::leak` / `ManuallyDrop::new` call leaks, when leaklint knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaked {
    Endpoint { channel: usize, role: Role },
    TaskHandle,
    Guard,
}

/// A call that keeps a value alive for ever.
#[derive(Debug, Clone)]
pub struct LeakSite {
    pub call: Span,
    pub leaker: Leaker,
    pub what: Leaked,
    /// For `let md = ManuallyDrop::new(x)`: `md`, whose later `ManuallyDrop::drop` undoes
    /// the leak.
    pub holder: Option<BindingId>,
}

#[derive(Debug, Clone)]
pub struct Use {
    /// The identifier.
    pub span: Span,
    pub ctx: CtxId,
    pub kind: UseKind,
}

/// What a use of a binding does with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseKind {
    /// `x.method(..)`; the whole call span and what the method means for an endpoint.
    Method {
        name: String,
        call: Span,
        op: EndpointOp,
        /// The call's result is inspected for an error (`.is_err()`, `assert!`, `match`...):
        /// the author expects the call may fail.
        inspected: bool,
        /// `x.method(..).await` directly.
        awaited: bool,
        /// Inside a timeout (`tokio::time::timeout(..)`, `.timeout(..)`).
        in_timeout: bool,
    },
    /// `x.await`
    Await,
    /// `for _ in x` / `for _ in &x`
    ForLoop,
    /// `&x`, or an argument of a formatting macro.
    Borrow,
    /// `&mut x` handed on: the value may be replaced (`mem::swap`, `mem::take`).
    BorrowMut,
    /// `drop(x)`
    Drop { call: Span },
    /// `mem::forget(x)`, `Box::leak(Box::new(x))`, `ManuallyDrop::new(x)`.
    Leak { leaker: Leaker, call: Span },
    /// `let y = x;`: the value now lives in `y`.
    MovedTo(BindingId),
    /// `f(x)`: handed to a function by value; `callee` is its resolved path when known.
    CallArg { callee: Option<String> },
    /// `return x`, or the tail expression of a function or closure.
    Returned,
    /// `self.field = x` (possibly wrapped in `Some`/`Arc::new`...).
    StoredSelfField(String),
    /// `Struct { field: x }`.
    StoredStruct(String),
    /// `v.push(x)`, `map.insert(k, x)`; `into` is the collection's binding when it is local.
    Pushed { into: Option<BindingId> },
    /// Named inside a macro leaklint cannot read.
    Macro,
    /// Any other by-value position.
    Other,
}

impl UseKind {
    /// Whether the use takes the value away from the binding (so it no longer keeps the
    /// value alive by itself).
    pub fn moves(&self) -> bool {
        match self {
            // `into_*` methods take `self` by value.
            UseKind::Method { name, .. } => name.starts_with("into_"),
            UseKind::Borrow | UseKind::Await | UseKind::ForLoop => false,
            _ => true,
        }
    }
}

/// A `loop`, `while` or `for` loop and the ways out of it.
#[derive(Debug, Clone)]
pub struct LoopInfo {
    pub kind: LoopKind,
    pub span: Span,
    pub body: Span,
    pub ctx: CtxId,
    pub label: Option<String>,
    pub exits: Vec<Exit>,
    /// `while true`
    pub cond_true: bool,
    /// Stop signals checked inside the loop: a cancellation token, a stop flag, a shutdown
    /// channel, a receive that panics when its channel closes.
    pub stop_checks: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    Loop,
    While,
    For,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Break(Span),
    Return(Span),
    Try(Span),
}

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
    },
    Await,
    ForLoop,
    Drop(Span),
    Leak(Leaker, Span),
    Init(Option<BindingId>),
    CallArg(Option<String>),
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

pub(super) fn build(file: &SourceFile, ast: &syn::File) -> FileModel {
    let mut walker = Walker {
        file,
        resolver: Resolver::default(),
        model: FileModel::default(),
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
        test_modules: 0,
    };
    walker.resolver.push(&ast.items);
    for item in &ast.items {
        walker.visit_item(item);
    }
    walker.model
}

struct Walker<'f> {
    file: &'f SourceFile,
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
}

impl<'f> Walker<'f> {
    fn span(&self, s: proc_macro2::Span) -> Span {
        self.file.span_of(s)
    }

    fn span_of(&self, node: &impl syn::spanned::Spanned) -> Span {
        self.file.span_of(node.span())
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
                // A `TcpStream` parameter is a socket whose reads the task lints follow.
                let origin = match &*t.ty {
                    syn::Type::Path(tp)
                        if tp
                            .path
                            .segments
                            .last()
                            .is_some_and(|s| s.ident == "TcpStream") =>
                    {
                        let full = self.resolver.resolve(&tp.path).unwrap_or_default();
                        ValueOrigin::Socket {
                            tokio: full.starts_with("tokio::") || full.starts_with("async_std::"),
                        }
                    }
                    _ => ValueOrigin::Param,
                };
                self.bind_pat(&t.pat, origin, span);
            }
        }
        self.walk_block(block, Position::Returned);
        self.scopes.pop();
        let body = self.body.take().expect("body set above");
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
        body.bindings.push(Binding {
            name: ident.to_string(),
            span,
            stmt,
            scope_end,
            ctx,
            origin,
            uses: Vec::new(),
            from: None,
        });
        names.push((ident.to_string(), id));
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
            } => {
                let op = catalog::endpoint_op(&method);
                UseKind::Method {
                    name: method,
                    call,
                    op,
                    inspected,
                    awaited,
                    in_timeout: self.in_timeout > 0,
                }
            }
            Position::Await => UseKind::Await,
            Position::ForLoop => UseKind::ForLoop,
            Position::Drop(call) => UseKind::Drop { call },
            Position::Leak(leaker, call) => UseKind::Leak { leaker, call },
            Position::Init(Some(to)) => UseKind::MovedTo(to),
            Position::Init(None) => UseKind::Other,
            Position::CallArg(callee) => UseKind::CallArg { callee },
            Position::Returned => UseKind::Returned,
            Position::SelfField(f) => UseKind::StoredSelfField(f),
            Position::Struct(f) => UseKind::StoredStruct(f),
            Position::Pushed(into) => UseKind::Pushed { into },
        }
    }

    /// The binding an expression names directly (`x`, `(x)`), if any.
    fn binding_of(&self, expr: &Expr) -> Option<BindingId> {
        match expr {
            Expr::Path(p) if p.qself.is_none() => {
                p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
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
            for site in body.spawns.iter_mut().rev() {
                if site.call.start < stmt.start {
                    break;
                }
                if site.handle == HandleFate::PendingLet {
                    site.handle = fate;
                }
            }
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
        // Remember what the new binding was made from.
        if let Some(new) = new {
            let source = match strip_parens(&init.expr) {
                Expr::MethodCall(m)
                    if matches!(m.method.to_string().as_str(), "clone" | "child_token") =>
                {
                    self.binding_of_before(&m.receiver, new)
                }
                e => self.binding_of_before(chain_root(e), new),
            };
            if let Some(body) = self.body.as_mut() {
                body.bindings[new].from = source;
            }
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
        let (base, clone) = match expr {
            Expr::MethodCall(m)
                if m.args.is_empty()
                    && matches!(m.method.to_string().as_str(), "clone" | "resubscribe") =>
            {
                (&*m.receiver, true)
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
                o @ (ValueOrigin::Token | ValueOrigin::Runtime | ValueOrigin::HttpClient { .. }),
            ) => o,
            Some(o @ ValueOrigin::Socket { .. }) if !clone => o,
            _ => ValueOrigin::Other,
        }
    }

    /// `thread::spawn(..)`, `builder.spawn(..).unwrap()`, `token.drop_guard()`.
    fn handle_origin(&self, expr: &Expr) -> Option<ValueOrigin> {
        let mut expr = strip_parens(expr);
        loop {
            match expr {
                Expr::MethodCall(m)
                    if matches!(m.method.to_string().as_str(), "unwrap" | "expect") =>
                {
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
                if let Some(spawn) = catalog::spawn_fn(&path) {
                    return (spawn.on_drop == catalog::OnDrop::Detach)
                        .then_some(ValueOrigin::TaskHandle);
                }
                catalog::value_origin_of_call(&path)
            }
            Expr::MethodCall(m) => match m.method.to_string().as_str() {
                "drop_guard" => Some(ValueOrigin::Guard),
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
                        None
                    }
                }
                "handle" => {
                    let recv = self.binding_of(&m.receiver)?;
                    (self.body.as_ref()?.bindings[recv].origin == ValueOrigin::Runtime)
                        .then_some(ValueOrigin::Runtime)
                }
                "spawn" | "spawn_blocking" | "spawn_local" => {
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

    fn channel_ctor_call(&self, expr: &Expr) -> Option<(&'static catalog::ChannelCtor, Span)> {
        let Expr::Call(call) = strip_parens(expr) else {
            return None;
        };
        let Expr::Path(p) = &*call.func else {
            return None;
        };
        let path = self.resolver.resolve(&p.path)?;
        let ctor = catalog::channel_ctor(&path)?;
        Some((ctor, self.span_of(call)))
    }

    fn bind_channel(
        &mut self,
        pat: &Pat,
        ctor: &'static catalog::ChannelCtor,
        call: Span,
        stmt: Span,
    ) {
        let channel = self.model.channels.len();
        let body = self.body_id;
        let kind = match ctor.kind {
            catalog::ChannelKind::Bounded(_) => {
                catalog::ChannelKind::Bounded(self.capacity_literal(call))
            }
            k => k,
        };
        let mut sender = Slot::Unbound;
        let mut receiver = Slot::Unbound;
        let pat = strip_pat(pat);
        if ctor.pair {
            if let Pat::Tuple(t) = pat {
                if t.elems.len() == 2 {
                    sender = self.bind_slot(&t.elems[0], channel, Role::Sender, stmt);
                    receiver = self.bind_slot(&t.elems[1], channel, Role::Receiver, stmt);
                }
            } else {
                self.bind_pat(pat, ValueOrigin::Other, stmt);
            }
        } else {
            receiver = self.bind_slot(pat, channel, Role::Receiver, stmt);
        }
        self.model.channels.push(Channel {
            id: channel,
            ctor,
            kind,
            call,
            body,
            sender,
            receiver,
        });
    }

    fn record_leak(&mut self, leaker: Leaker, call: Span, arg: Option<&Expr>) {
        let Some(mut arg) = arg.map(strip_parens) else {
            return;
        };
        // `Box::leak(Box::new(x))`
        if let Expr::Call(inner) = arg {
            if is_wrapper_name(&inner.func) && inner.args.len() == 1 {
                arg = strip_parens(&inner.args[0]);
            }
        }
        let what = match self.origin_of(arg) {
            ValueOrigin::Endpoint { channel, role, .. } => Leaked::Endpoint { channel, role },
            ValueOrigin::TaskHandle => Leaked::TaskHandle,
            ValueOrigin::Guard => Leaked::Guard,
            _ => return,
        };
        if let Some(body) = self.body_mut() {
            body.leaks.push(LeakSite {
                call,
                leaker,
                what,
                holder: None,
            });
        }
    }

    /// Records a spawn call; `role` is how the call's value (the handle) is used.
    fn record_spawn(&mut self, how: SpawnCall, work_arg: Option<&Expr>, role: &Position) {
        let SpawnCall {
            callee,
            callee_span,
            call,
            on_drop,
            thread,
        } = how;
        let ctx = self.ctx;
        let Some(body) = self.body.as_ref() else {
            return;
        };
        let (work, work_fn) = match work_arg.map(strip_parens) {
            // The closure or async block is the next context the walk will create.
            Some(Expr::Closure(_) | Expr::Async(_)) => (Some(body.contexts.len()), None),
            Some(Expr::Call(c)) => match strip_parens(&c.func) {
                Expr::Path(p) => (None, self.local_fn_name(&p.path)),
                _ => (None, None),
            },
            Some(Expr::Path(p)) => (None, self.local_fn_name(&p.path)),
            _ => (None, None),
        };
        let handle = match role {
            Position::Statement => HandleFate::Discarded,
            Position::Init(_) => HandleFate::PendingLet,
            Position::Await => HandleFate::Joined,
            Position::Receiver { method, .. } => match method.as_str() {
                "join" | "await" | "abort" => HandleFate::Joined,
                "detach" => HandleFate::Detached,
                _ => HandleFate::Unknown,
            },
            Position::Pushed(Some(v)) => HandleFate::Collected(*v),
            Position::Returned
            | Position::CallArg(_)
            | Position::Pushed(_)
            | Position::Struct(_)
            | Position::SelfField(_) => HandleFate::Kept,
            _ => HandleFate::Unknown,
        };
        let site = SpawnSite {
            call,
            callee,
            callee_span,
            on_drop,
            thread,
            ctx,
            work,
            work_fn,
            handle,
        };
        if let Some(body) = self.body_mut() {
            body.spawns.push(site);
        }
    }

    /// `run` for a call or path naming a function of this file.
    fn local_fn_name(&self, path: &syn::Path) -> Option<String> {
        let full = self.resolver.resolve(path)?;
        let name = full.strip_prefix("crate::")?;
        (!name.contains("::")).then(|| name.to_string())
    }

    /// What a `.spawn(..)` on this receiver does with its handle, when leaklint knows the
    /// receiver: a thread builder or runtime detaches, a `JoinSet`/`TaskTracker`/executor
    /// keeps track, a scope joins.
    fn method_spawn_kind(&self, receiver: &Expr) -> Option<(catalog::OnDrop, bool)> {
        use catalog::OnDrop;
        let receiver = strip_parens(receiver);
        if let Some(id) = self.binding_of(receiver) {
            return match self.body.as_ref()?.bindings[id].origin {
                ValueOrigin::Tracker => Some((OnDrop::Cancel, false)),
                ValueOrigin::Runtime => Some((OnDrop::Detach, false)),
                ValueOrigin::Param => Some((OnDrop::Scoped, true)),
                _ => None,
            };
        }
        // A builder chain: `thread::Builder::new().name(..).spawn(..)`,
        // `Handle::current().spawn(..)`.
        let root = chain_root(receiver);
        let Expr::Call(c) = root else { return None };
        let Expr::Path(p) = &*c.func else { return None };
        let path = self.resolver.resolve(&p.path)?;
        if path.ends_with("thread::Builder::new") {
            Some((OnDrop::Detach, true))
        } else if path.ends_with("runtime::Handle::current") {
            Some((OnDrop::Detach, false))
        } else {
            None
        }
    }

    /// Records a stop signal checked inside the enclosing loops of this context: a
    /// cancellation check, a stop flag, a closed channel that panics on receive.
    fn note_stop_check(&mut self, method: &str, receiver: &Expr, call: Span) {
        let is_stop = catalog::is_stop_check(method)
            || (matches!(method, "unwrap" | "expect")
                && matches!(strip_parens(receiver), Expr::MethodCall(inner) if fails_when_closed(&inner.method.to_string())))
            || (matches!(method, "unwrap" | "expect")
                && matches!(strip_parens(receiver), Expr::Await(a) if matches!(strip_parens(&a.base), Expr::MethodCall(inner) if fails_when_closed(&inner.method.to_string()))));
        if is_stop {
            self.add_stop_check(call);
        }
    }

    fn add_stop_check(&mut self, at: Span) {
        let ctx = self.ctx;
        let Some(body) = self.body.as_mut() else {
            return;
        };
        for &l in &self.loop_stack {
            if body.loops[l].ctx == ctx {
                body.loops[l].stop_checks.push(at);
            }
        }
    }

    /// `reqwest::Client::builder()...build()` without `.timeout(..)`: a client whose
    /// requests can wait for ever.
    fn note_http_client_build(&mut self, receiver: &Expr, call: Span) {
        let root = chain_root(receiver);
        let Expr::Call(c) = root else { return };
        let Expr::Path(p) = &*c.func else { return };
        let Some(path) = self.resolver.resolve(&p.path) else {
            return;
        };
        if path != "reqwest::Client::builder" && path != "reqwest::ClientBuilder::new" {
            return;
        }
        if chain_methods(receiver)
            .iter()
            .any(|m| m == "timeout" || m == "read_timeout")
        {
            return;
        }
        let ctx = self.ctx;
        let in_timeout = self.in_timeout > 0;
        if let Some(body) = self.body_mut() {
            body.calls.push(CallSite {
                path: "reqwest::ClientBuilder::build".into(),
                span: call,
                ctx,
                awaited: false,
                in_timeout,
            });
        }
    }

    fn record_channel(
        &mut self,
        ctor: &'static catalog::ChannelCtor,
        call: Span,
        sender: Slot,
        receiver: Slot,
    ) {
        let kind = match ctor.kind {
            catalog::ChannelKind::Bounded(_) => {
                catalog::ChannelKind::Bounded(self.capacity_literal(call))
            }
            k => k,
        };
        self.model.channels.push(Channel {
            id: self.model.channels.len(),
            ctor,
            kind,
            call,
            body: self.body_id,
            sender,
            receiver,
        });
    }

    fn bind_slot(&mut self, pat: &Pat, channel: usize, role: Role, stmt: Span) -> Slot {
        match strip_pat(pat) {
            Pat::Wild(w) => Slot::Wild(self.span_of(w)),
            Pat::Ident(i) if i.subpat.is_none() => {
                let origin = ValueOrigin::Endpoint {
                    channel,
                    role,
                    clone: false,
                };
                match self.new_binding(&i.ident, origin, stmt) {
                    Some(id) => Slot::Binding(id),
                    None => Slot::Unbound,
                }
            }
            other => {
                self.bind_pat(other, ValueOrigin::Other, stmt);
                Slot::Unbound
            }
        }
    }

    /// The literal capacity argument of a constructor call, if any.
    fn capacity_literal(&self, call: Span) -> Option<u64> {
        let text = self.file.snippet(call);
        let args = text.split_once('(')?.1.trim_end().strip_suffix(')')?;
        let arg = args.split(',').next()?.trim().replace('_', "");
        let digits: String = arg.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty()
            || digits.len()
                != arg
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_digit())
                    .len()
        {
            return None;
        }
        digits.parse().ok()
    }

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
            stop_checks: Vec::new(),
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

    /// `for v in rx`, `for v in rx.iter()`, `while let Some(v) = rx.recv().await`...:
    /// the receiver binding when the loop runs until every sender is gone.
    fn recv_loop_receiver(&self, expr: &Expr, is_for: bool) -> Option<BindingId> {
        let mut expr = strip_parens(expr);
        if let Expr::Await(a) = expr {
            expr = strip_parens(&a.base);
        }
        if is_for {
            if let Some(id) = self.binding_of(expr) {
                return Some(id);
            }
        }
        let mut methods = Vec::new();
        let mut cur = expr;
        while let Expr::MethodCall(m) = cur {
            methods.push(m.method.to_string());
            cur = strip_parens(&m.receiver);
        }
        let root = self.binding_of(cur)?;
        methods.reverse();
        let first = methods.first()?;
        let unbounded = match catalog::endpoint_op(first) {
            EndpointOp::IntoIter => true,
            EndpointOp::Recv => !is_for && methods.len() == 1,
            _ => false,
        };
        (unbounded && !methods[1..].iter().any(|m| BOUNDING.contains(&m.as_str()))).then_some(root)
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
            });
        }
    }

    // ----- macros ------------------------------------------------------------------

    fn walk_macro(&mut self, mac: &syn::Macro) {
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
        self.scan_tokens(mac.tokens.clone());
    }

    /// A macro leaklint cannot read: every binding it names is "used in a macro" (unsure),
    /// and every `.field` counts as a read.
    fn scan_tokens(&mut self, tokens: TokenStream) {
        let mut after_dot = false;
        for tt in tokens {
            match tt {
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    // Inside `select!` and friends: a way out of the enclosing loops, or a
                    // stop signal checked.
                    if !after_dot && (name == "break" || name == "return") {
                        let span = self.span(ident.span());
                        let exit = if name == "break" {
                            Exit::Break(span)
                        } else {
                            Exit::Return(span)
                        };
                        self.record_exit(exit, None);
                    } else if after_dot && catalog::is_stop_check(&name) {
                        let span = self.span(ident.span());
                        self.add_stop_check(span);
                    }
                    if after_dot {
                        self.model.field_reads.insert(name);
                    } else if let Some(id) = self.lookup(&name) {
                        let span = self.span(ident.span());
                        self.record_use(id, span, UseKind::Macro);
                    }
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

impl<'ast, 'f> Visit<'ast> for Walker<'f> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item {
            syn::Item::Fn(f) => {
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
            Expr::Path(p) if p.qself.is_none() => {
                if let Some(ident) = p.path.get_ident() {
                    if let Some(id) = self.lookup(&ident.to_string()) {
                        let span = self.span(ident.span());
                        let kind = self.use_kind(role);
                        self.record_use(id, span, kind);
                    }
                }
            }
            Expr::Paren(p) => self.visit_with(&p.expr, role),
            Expr::Group(g) => self.visit_with(&g.expr, role),
            Expr::Reference(r) if r.mutability.is_some() && !matches!(role, Position::ForLoop) => {
                self.visit_with(&r.expr, Position::BorrowMut)
            }
            Expr::Reference(r) => self.visit_with(&r.expr, Position::Borrow),
            Expr::Field(f) => {
                if let syn::Member::Named(name) = &f.member {
                    if !matches!(role, Position::AssignTarget) {
                        self.model.field_reads.insert(name.to_string());
                    }
                }
                self.visit_with(&f.base, Position::Borrow);
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                let call = self.span_of(m);
                let inspected = std::mem::take(&mut self.inspected);
                let awaited = std::mem::take(&mut self.awaited);
                // `tx.send(x).is_err()`: the inner call's result is inspected.
                if INSPECTING.contains(&method.as_str()) {
                    self.inspected = true;
                }
                // `rx.iter().sum()`: receives until every sender is gone.
                if CONSUMING.contains(&method.as_str()) {
                    if let Some(rx) = self.recv_loop_receiver(&m.receiver, false) {
                        if matches!(
                            catalog::endpoint_op(first_method(&m.receiver).unwrap_or("")),
                            EndpointOp::IntoIter
                        ) {
                            self.add_recv_loop(rx, call, call, None, None);
                        }
                    }
                }
                self.note_stop_check(&method, &m.receiver, call);
                if matches!(method.as_str(), "spawn" | "spawn_blocking" | "spawn_local") {
                    if let Some((on_drop, thread)) = self.method_spawn_kind(&m.receiver) {
                        let callee = format!("{}.{method}", receiver_name(&m.receiver));
                        let callee_span = self.span(m.method.span());
                        let how = SpawnCall {
                            callee,
                            callee_span,
                            call,
                            on_drop,
                            thread,
                        };
                        self.record_spawn(how, m.args.first(), &role);
                    }
                }
                if method == "build" {
                    self.note_http_client_build(&m.receiver, call);
                }
                if matches!(strip_parens(&m.receiver), Expr::MethodCall(_))
                    && !INSPECTING.contains(&method.as_str())
                {
                    self.inspected = false;
                }
                // `x.unwrap()`, `x.expect(..)` pass the value on: the receiver is used as the
                // whole call is.
                let receiver_role = if matches!(method.as_str(), "unwrap" | "expect")
                    && !matches!(strip_parens(&m.receiver), Expr::Path(_))
                {
                    role
                } else {
                    Position::Receiver {
                        method: method.clone(),
                        call,
                        inspected,
                        awaited,
                    }
                };
                let timeout = matches!(method.as_str(), "timeout" | "timeout_at");
                self.in_timeout += timeout as usize;
                self.visit_with(&m.receiver, receiver_role);
                self.in_timeout -= timeout as usize;
                self.inspected = false;
                let into = self.binding_of(&m.receiver);
                for arg in &m.args {
                    let role = if PUSH_METHODS.contains(&method.as_str()) {
                        Position::Pushed(into)
                    } else {
                        Position::CallArg(None)
                    };
                    self.visit_with(arg, role);
                }
            }
            Expr::Call(c) => {
                let awaited = std::mem::take(&mut self.awaited);
                let callee = match &*c.func {
                    Expr::Path(p) if p.qself.is_none() => self.resolver.resolve(&p.path),
                    _ => None,
                };
                let call = self.span_of(c);
                // A constructor outside `let (tx, rx) = ..`: a channel whose endpoints are not
                // followed (still seen by lints about the constructor itself).
                if self.let_ctor != Some(call) {
                    if let Some(ctor) = callee.as_deref().and_then(catalog::channel_ctor) {
                        self.record_channel(ctor, call, Slot::Unbound, Slot::Unbound);
                    }
                }
                self.let_ctor = None;
                if let Some(leaker) = callee.as_deref().and_then(catalog::leaker) {
                    self.record_leak(leaker, call, c.args.first());
                }
                if let Some(spawn) = callee.as_deref().and_then(catalog::spawn_fn) {
                    let written = expr_path_text(&c.func);
                    let callee_span = self.span_of(&c.func);
                    let how = SpawnCall {
                        callee: written,
                        callee_span,
                        call,
                        on_drop: spawn.on_drop,
                        thread: spawn.thread,
                    };
                    self.record_spawn(how, c.args.first(), &role);
                }
                if matches!(
                    callee.as_deref(),
                    Some("std::process::exit" | "std::process::abort")
                ) {
                    self.record_exit(Exit::Return(call), None);
                }
                let timeout = callee.as_deref().is_some_and(catalog::is_timeout_fn);
                if let Some(path) = callee
                    .as_deref()
                    .filter(|p| catalog::is_call_of_interest(p))
                {
                    let ctx = self.ctx;
                    let in_timeout = self.in_timeout > 0;
                    if let Some(body) = self.body_mut() {
                        body.calls.push(CallSite {
                            path: path.to_string(),
                            span: call,
                            ctx,
                            awaited,
                            in_timeout,
                        });
                    }
                }
                self.visit_expr(&c.func);
                let arg_role = match callee.as_deref() {
                    Some(p) if catalog::is_drop_fn(p) => Position::Drop(call),
                    Some(p) => match catalog::leaker(p) {
                        Some(leaker) => Position::Leak(leaker, call),
                        // Wrapping a value (`Some(x)`, `Box::new(x)`, `Arc::new(x)`) keeps the
                        // role of the wrapper.
                        None if is_wrapper(p) => role.clone(),
                        None => Position::CallArg(callee.clone()),
                    },
                    None if is_wrapper_name(&c.func) => role.clone(),
                    None => Position::CallArg(None),
                };
                self.in_timeout += timeout as usize;
                for arg in &c.args {
                    self.visit_with(arg, arg_role.clone());
                }
                self.in_timeout -= timeout as usize;
            }
            Expr::Closure(c) => {
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
            Expr::Async(a) => {
                let span = self.span_of(a);
                let ctx = self.new_ctx(span, a.capture.is_some(), true);
                let saved = std::mem::replace(&mut self.ctx, ctx);
                self.walk_block(&a.block, Position::Returned);
                self.ctx = saved;
            }
            Expr::Block(b) => self.walk_block(&b.block, role),
            Expr::Unsafe(u) => self.walk_block(&u.block, role),
            Expr::ForLoop(f) => {
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
                if let Some(rx) = receiver {
                    self.add_recv_loop(rx, span, header, Some(body), id);
                }
                self.scopes.push((Vec::new(), body.end));
                self.bind_pat(&f.pat, ValueOrigin::Other, span);
                self.walk_block(&f.body, Position::Other);
                self.scopes.pop();
                self.pop_loop(id);
            }
            Expr::While(w) => {
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
                        if pat_is_ok_or_some(&l.pat) {
                            let header =
                                Span::new(span.start as usize, self.span_of(&l.expr).end as usize);
                            self.add_recv_loop(rx, span, header, Some(body), id);
                        }
                    }
                    self.visit_with(&l.expr, Position::Other);
                    self.bind_pat(&l.pat, ValueOrigin::Other, span);
                } else {
                    self.visit_with(&w.cond, Position::Other);
                }
                self.walk_block(&w.body, Position::Other);
                self.scopes.pop();
                self.pop_loop(id);
            }
            Expr::Loop(l) => {
                let span = self.span_of(l);
                let body = self.span_of(&l.body);
                let id = self.push_loop(LoopKind::Loop, span, body, l.label.as_ref());
                self.walk_block(&l.body, Position::Other);
                self.pop_loop(id);
            }
            Expr::Break(b) => {
                let span = self.span_of(b);
                self.record_exit(
                    Exit::Break(span),
                    b.label.as_ref().map(|l| l.ident.to_string()),
                );
                if let Some(e) = &b.expr {
                    self.visit_with(e, Position::Other);
                }
            }
            Expr::Return(r) => {
                let span = self.span_of(r);
                self.record_exit(Exit::Return(span), None);
                if let Some(e) = &r.expr {
                    self.visit_with(e, Position::Returned);
                }
            }
            Expr::Try(t) => {
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
            Expr::Await(a) => {
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
            Expr::Assign(a) => {
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
            }
            Expr::Struct(s) => {
                for field in &s.fields {
                    let name = match &field.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    self.visit_with(&field.expr, Position::Struct(name));
                }
                if let Some(rest) = &s.rest {
                    self.visit_with(rest, Position::Other);
                }
            }
            Expr::Tuple(t) => {
                let inner = match role {
                    Position::Returned
                    | Position::CallArg(_)
                    | Position::Struct(_)
                    | Position::SelfField(_)
                    | Position::Pushed(_) => role,
                    _ => Position::Other,
                };
                for e in &t.elems {
                    self.visit_with(e, inner.clone());
                }
            }
            Expr::If(i) => {
                self.scopes
                    .push((Vec::new(), self.span_of(&i.then_branch).end));
                if let Expr::Let(l) = strip_parens(&i.cond) {
                    self.inspected = true;
                    self.visit_with(&l.expr, Position::Other);
                    self.inspected = false;
                    self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
                } else {
                    self.visit_with(&i.cond, Position::Other);
                }
                self.walk_block(&i.then_branch, role.clone());
                self.scopes.pop();
                if let Some((_, e)) = &i.else_branch {
                    self.visit_with(e, role);
                }
            }
            Expr::Match(m) => {
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
            Expr::Let(l) => {
                // A `let` chain outside `if`/`while` headers: bind in the current scope.
                self.visit_with(&l.expr, Position::Other);
                self.bind_pat(&l.pat, ValueOrigin::Other, self.span_of(l));
            }
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
struct PatIdents {
    idents: Vec<syn::Ident>,
    fields: HashSet<String>,
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

fn strip_parens(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Paren(p) => expr = &p.expr,
            Expr::Group(g) => expr = &g.expr,
            _ => return expr,
        }
    }
}

fn strip_pat(mut pat: &Pat) -> &Pat {
    loop {
        match pat {
            Pat::Type(t) => pat = &t.pat,
            Pat::Paren(p) => pat = &p.pat,
            _ => return pat,
        }
    }
}

fn first_method(expr: &Expr) -> Option<&str> {
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

/// `Ok(v)` / `Some(v)` with an inner pattern that matches every value: the loop then ends
/// only when the receive fails (`while let Ok(Msg::Data(v)) = ..` also ends on another
/// message).
fn pat_is_ok_or_some(pat: &Pat) -> bool {
    match strip_pat(pat) {
        Pat::TupleStruct(t) => {
            t.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Ok" || s.ident == "Some")
                && t.elems.iter().all(irrefutable)
        }
        _ => false,
    }
}

fn irrefutable(pat: &Pat) -> bool {
    match strip_pat(pat) {
        Pat::Ident(p) => p.subpat.is_none(),
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Tuple(t) => t.elems.iter().all(irrefutable),
        Pat::Reference(r) => irrefutable(&r.pat),
        _ => false,
    }
}

fn is_self(expr: &Expr) -> bool {
    matches!(strip_parens(expr), Expr::Path(p) if p.path.is_ident("self"))
}

/// Calls that wrap a value without taking it anywhere: the value's fate is the wrapper's.
fn is_wrapper(path: &str) -> bool {
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

fn is_wrapper_name(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let segs: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(
        segs.iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["Some"]
            | ["Ok"]
            | ["Box", "new"]
            | ["Arc", "new"]
            | ["Rc", "new"]
            | ["Mutex", "new"]
            | ["RwLock", "new"]
            | ["RefCell", "new"]
            | ["Cell", "new"]
    )
}

fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// Whether a binding still holds its value at some point of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Liveness {
    /// Certainly alive there, and why.
    Alive(AliveBecause),
    /// Certainly gone (dropped, moved into other work, out of scope).
    Gone,
    /// The value went somewhere leaklint cannot follow.
    Unsure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliveBecause {
    /// Still owned by the binding, whose scope has not ended.
    InScope,
    /// Used later than that point (inside the loop, or after it).
    UsedAt(Span),
    /// `mem::forget`, `Box::leak`, `ManuallyDrop::new`: alive for ever.
    Leaked(Span),
    /// Stored in a field of `self`, which outlives the function.
    StoredInSelf(Span),
    /// Pushed into a local collection that is itself alive.
    InCollection(Span),
}

impl Body {
    /// Whether a span lies inside a loop of this body that runs in context `ctx` or around it.
    pub fn in_loop(&self, span: Span, ctx: CtxId) -> bool {
        self.loops.iter().any(|l| {
            l.body.start <= span.start && span.end <= l.body.end && self.ctx_within(ctx, l.ctx)
        })
    }

    /// Whether a span lies inside a `loop`/`while`/`for` of this body.
    pub fn loops_around(&self, span: Span) -> impl Iterator<Item = &LoopInfo> {
        self.loops
            .iter()
            .filter(move |l| l.body.start <= span.start && span.end <= l.body.end)
    }

    /// Whether the context `inner` is `outer` or nested inside it.
    pub fn ctx_within(&self, inner: CtxId, outer: CtxId) -> bool {
        let mut cur = Some(inner);
        while let Some(c) = cur {
            if c == outer {
                return true;
            }
            cur = self.contexts[c].parent;
        }
        false
    }

    /// The context directly inside `outer` on the way to `inner` (the closure or async
    /// block of `outer` that contains `inner`).
    fn child_towards(&self, inner: CtxId, outer: CtxId) -> Option<CtxId> {
        let mut cur = inner;
        while let Some(parent) = self.contexts[cur].parent {
            if parent == outer {
                return Some(cur);
            }
            cur = parent;
        }
        None
    }

    /// Liveness of `binding` at byte offset `at`, for code running in context `ctx` (which
    /// must be the binding's own context or nested in it).
    ///
    /// Uses before `at` decide: a drop or a move into other work ends it, a leak or a store
    /// into `self` keeps it alive, anything leaklint cannot follow makes it unsure.
    pub fn liveness(&self, binding: BindingId, at: u32, ctx: CtxId) -> Liveness {
        self.liveness_depth(binding, at, ctx, 0)
    }

    fn liveness_depth(&self, binding: BindingId, at: u32, ctx: CtxId, depth: usize) -> Liveness {
        let b = &self.bindings[binding];
        if depth > 8 || !self.ctx_within(ctx, b.ctx) {
            return Liveness::Unsure;
        }
        if b.span.start > at || b.scope_end < at {
            return Liveness::Gone;
        }
        // When the point is inside a closure, the binding must have been captured into it
        // (moved in); otherwise its owner runs elsewhere and its lifetime is unknown.
        if ctx != b.ctx {
            // The binding must be moved into the very closure that runs the point (`move ||
            // { for v in rx { tx.send(..) } }`), and used nowhere else inside the outer
            // closures: code in an enclosing closure runs concurrently and can drop it.
            let closure = self.child_towards(ctx, b.ctx).expect("ctx is nested");
            let inside: Vec<&Use> = b
                .uses
                .iter()
                .filter(|u| self.ctx_within(u.ctx, closure))
                .collect();
            let all_in_ctx =
                !inside.is_empty() && inside.iter().all(|u| self.ctx_within(u.ctx, ctx));
            let moves_in = self.contexts[ctx].is_move || inside.iter().any(|u| u.kind.moves());
            if !(all_in_ctx && moves_in) {
                return Liveness::Unsure;
            }
            // And it must still hold its own value when the closure is created.
            let created = self.contexts[closure].span.start;
            let before = self.uses_decide(
                b,
                created,
                |u| !self.ctx_within(u.ctx, closure),
                b.ctx,
                depth,
            );
            if !matches!(before, Liveness::Alive(_)) {
                return Liveness::Unsure;
            }
            return self.uses_decide(b, at, |u| self.ctx_within(u.ctx, ctx), ctx, depth);
        }
        self.uses_decide(b, at, |_| true, ctx, depth)
    }

    fn uses_decide(
        &self,
        b: &Binding,
        at: u32,
        relevant: impl Fn(&Use) -> bool,
        ctx: CtxId,
        depth: usize,
    ) -> Liveness {
        let mut later_use = None;
        for u in b.uses.iter().filter(|u| relevant(u)) {
            if u.span.start >= at {
                later_use = later_use.or(Some(u.span));
                continue;
            }
            // A use inside a closure created before `at` moves the value into the closure
            // when the closure is `move` or the use takes the value.
            if u.ctx != ctx && !self.ctx_within(ctx, u.ctx) {
                let Some(closure) = self.child_towards(u.ctx, ctx) else {
                    return Liveness::Unsure;
                };
                // A `move` closure anywhere between the use and here takes the value with it.
                let mut moved = u.kind.moves();
                let mut c = u.ctx;
                while !moved {
                    moved = self.contexts[c].is_move;
                    if c == closure {
                        break;
                    }
                    c = self.contexts[c].parent.unwrap_or(closure);
                }
                if moved {
                    return Liveness::Gone;
                }
                continue;
            }
            match &u.kind {
                UseKind::Drop { .. } => return Liveness::Gone,
                UseKind::Leak { call, .. } => return Liveness::Alive(AliveBecause::Leaked(*call)),
                UseKind::StoredSelfField(_) => {
                    return Liveness::Alive(AliveBecause::StoredInSelf(u.span))
                }
                UseKind::MovedTo(to) => return self.liveness_depth(*to, at, ctx, depth + 1),
                UseKind::Pushed { into: Some(coll) } => {
                    return match self.liveness_depth(*coll, at, ctx, depth + 1) {
                        Liveness::Alive(_) => Liveness::Alive(AliveBecause::InCollection(u.span)),
                        other => other,
                    }
                }
                UseKind::Method {
                    op: EndpointOp::IntoIter,
                    name,
                    ..
                } if name.starts_with("into") => return Liveness::Unsure,
                k if k.moves() => return Liveness::Unsure,
                _ => {}
            }
        }
        match later_use {
            Some(span) => Liveness::Alive(AliveBecause::UsedAt(span)),
            None => Liveness::Alive(AliveBecause::InScope),
        }
    }
}

/// The expression a method chain starts from (`a` in `a.b().c()`), through `?`/`.await`.
fn chain_root(mut expr: &Expr) -> &Expr {
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
fn chain_methods(mut expr: &Expr) -> Vec<String> {
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
fn receiver_name(expr: &Expr) -> String {
    match chain_root(expr) {
        Expr::Path(p) => path_text(&p.path),
        Expr::Call(c) => format!("{}()", expr_path_text(&c.func)),
        _ => "..".into(),
    }
}

/// A path expression as written (`thread::spawn`).
fn expr_path_text(expr: &Expr) -> String {
    match strip_parens(expr) {
        Expr::Path(p) => path_text(&p.path),
        _ => "..".into(),
    }
}

fn path_text(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Calls whose error means "the other side is gone": unwrapping them panics, which ends the
/// loop (a receive or send on a closed channel, I/O on a closed or timed-out socket).
fn fails_when_closed(method: &str) -> bool {
    matches!(
        catalog::endpoint_op(method),
        EndpointOp::Recv | EndpointOp::Send
    ) || method.starts_with("read")
        || method.starts_with("write")
        || method.starts_with("recv")
        || method.starts_with("accept")
}

/// `#[test]`, `#[tokio::test]`, `#[async_std::test]`, `#[rstest]`...
fn is_test_fn(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "test" || s.ident == "rstest" || s.ident == "bench")
    })
}

/// `#[cfg(test)]`
fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|l| {
                l.tokens.to_string().split_whitespace().collect::<String>() == "test"
            })
    })
}

//! The items one file contributes to its crate's index, as plain data: its modules with
//! their `use` maps, its functions with their parameters and local summaries, its structs
//! with their fields' types. Built per file in parallel (ASTs never leave their thread);
//! merged per unit by [`super::index::CrateIndex`].

use super::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::path::Path;

use syn::{Item, UseTree};

use super::fields::SelfFieldFacts;
use super::flow::BodyId;
use super::paths::FnPaths;
use super::summary::{ParamEffects, ParamSummaries};
use super::tasks::{loop_header, HandleFate};
use super::types::TypeExpr;
use super::FileModel;
use crate::source::{NodeSpan, SourceFile, Span};

/// A resolved path of an item of the crate: `crate::refresh::refresh_routes`,
/// `crate::Worker::run` (a method is named after its type).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QualifiedName(pub String);

impl QualifiedName {
    pub fn crate_root() -> QualifiedName {
        QualifiedName("crate".into())
    }

    pub fn child(&self, name: &str) -> QualifiedName {
        QualifiedName(format!("{}::{name}", self.0))
    }

    /// The enclosing module or type (`crate::a` for `crate::a::f`); `None` at the root.
    pub fn parent(&self) -> Option<QualifiedName> {
        self.0
            .rfind("::")
            .map(|at| QualifiedName(self.0[..at].into()))
    }

    /// The last segment.
    pub fn name(&self) -> &str {
        self.0.rsplit("::").next().unwrap_or(&self.0)
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Index of a module in [`FileItems::modules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ModuleId(pub usize);

/// A module of the file: the file's own, or an inline `mod x { .. }`.
#[derive(Debug, Clone)]
pub struct ModuleItem {
    pub path: QualifiedName,
    /// `alias -> path as written in the use item` (`refresh_routes -> crate::refresh::refresh_routes`,
    /// `mpsc -> std::sync::mpsc`).
    pub uses: HashMap<String, String>,
    /// Names of the items defined directly in it (fns, types, modules).
    pub items: Vec<String>,
}

/// Which way a spawn wrapper hands back the work's handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrapperHandle {
    /// The wrapper drops the handle: the work is detached.
    Drops,
    /// The wrapper returns the handle: the caller decides.
    Returns,
}

/// A function that passes one of its parameters (a closure or future) on to a spawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wrapper {
    /// The parameter (counted without `self`) that is spawned.
    pub param: usize,
    pub handle: WrapperHandle,
    /// A thread rather than an async task.
    pub thread: bool,
}

/// A call inside a function that passes the function's own parameter `param` to another
/// function of the crate as argument `arg`: a wrapper if the callee is one.
#[derive(Clone, Debug)]
pub struct ForwardCall {
    pub callee: String,
    pub arg: usize,
    pub param: usize,
    pub handle: WrapperHandle,
}

/// What a function does, as far as its own body shows (no callee followed yet).
#[derive(Clone, Debug, Default)]
pub struct FnSummary {
    /// The header of a loop of the function's own flow that can never end.
    pub endless: Option<Span>,
    /// Spawns one of its parameters directly.
    pub wrapper: Option<Wrapper>,
    /// Passes a parameter on to another function (a wrapper, perhaps).
    pub forwards: Vec<ForwardCall>,
    /// Spawned receive loops whose handle and sender are stored into fields of one type.
    pub worker_fields: Vec<WorkerFields>,
    /// The parameters (counted without `self`) whose value the function stores into a
    /// struct (`Self { tx, .. }`) by their first move: the returned value keeps them.
    pub stores_params: Vec<usize>,
    /// Channels whose sender and receiver are stored into two fields of one type.
    pub channel_fields: Vec<ChannelFields>,
    /// What the body does with each parameter's value (its own body only; the crate index
    /// follows the pass-on edges: [`super::index::CrateIndex::param_effects`]).
    pub params: ParamSummaries,
}

/// A type holding both ends of a channel: this function stores a sender into field
/// `sender` and the receiver into field `receiver` of type `ty`. A loop over
/// `self.receiver` that waits for the channel to close cannot end while the value lives.
#[derive(Clone, Debug)]
pub struct ChannelFields {
    /// The struct's name (last segment).
    pub ty: String,
    pub sender: String,
    pub receiver: String,
    /// Where the sender is stored.
    pub sender_stored: Span,
    /// Every field of `ty` this function stores an endpoint of the channel into, of either
    /// role (`receiver` among them): an explicit `close()` of one ends the loop.
    pub endpoint_fields: Vec<String>,
}

/// A type field flow: this function stores the handle of spawned work, whose receive loop
/// ends only when its channel closes, into field `handle` of type `ty`, and a sender of
/// that channel into field `sender` of the same type. While the value lives, the sender
/// does, so the loop cannot end: whoever joins `handle` must release `sender` first.
#[derive(Clone, Debug)]
pub struct WorkerFields {
    /// The struct's name (last segment).
    pub ty: String,
    pub handle: String,
    pub sender: String,
    /// The loop's header.
    pub recv_loop: Span,
    /// Where the sender is stored.
    pub sender_stored: Span,
    /// The loop's other ways out, all taken for one enum variant (`Cmd::Shutdown =>
    /// return`): the variant's name and its first exit. The flow stands only if nothing in
    /// the crate constructs the variant.
    pub stop_variant: Option<(String, Span)>,
    /// The loop's pattern paths the crate must confirm ([`super::RecvLoop::pattern_types`]).
    pub pattern_types: Vec<String>,
    /// The sender is kept inside a project value stored in the field (`Client { shared }`
    /// after `let shared = Arc::new(Shared { jobs: tx })`), not in the field itself.
    pub nested: bool,
    /// The sender was handed to this call (a path as written), whose result is the value
    /// stored in the field: it counts only if the crate function stores its sender parameter.
    pub via_call: Option<String>,
    /// Every field of `ty` this function stores an endpoint of the loop's channel into, of
    /// either role (a receiver clone in `closer` after `let closer = rx.clone();`): an
    /// explicit `close()` of one before the join ends the loop.
    pub endpoint_fields: Vec<String>,
}

/// A function or method of the file.
#[derive(Debug, Clone)]
pub struct FnItem {
    pub name: QualifiedName,
    pub module: ModuleId,
    /// The `impl` type, for methods (`Worker` in `impl Worker`).
    pub self_ty: Option<String>,
    /// Parameter names, without `self` (`_` for patterns).
    pub params: Vec<String>,
    /// The declared types of the parameters, in the order of `params`.
    pub param_types: Vec<TypeExpr>,
    /// The declared return type (`None` for `()`); `Self` as written.
    pub ret: Option<TypeExpr>,
    pub is_async: bool,
    pub span: Span,
    /// Its body in the file's [`FileModel`].
    pub body: Option<BodyId>,
    pub summary: FnSummary,
    /// For methods: what the body does with the fields of `self`.
    pub self_fields: SelfFieldFacts,
    /// For methods and functions with loops: the ways out of its loops and what happens
    /// to field collections on their paths.
    pub paths: FnPaths,
}

/// A field of a struct.
#[derive(Debug, Clone)]
pub struct FieldItem {
    /// The name, or the position of a tuple struct's field.
    pub name: String,
    pub is_pub: bool,
    /// The names in the declared type, outermost first (`Option`, `Sender`, `Event` for
    /// `Option<Sender<Event>>`).
    pub ty: Vec<String>,
    /// The declared type as written.
    pub ty_expr: TypeExpr,
    pub span: Span,
}

/// A struct of the file.
#[derive(Debug, Clone)]
pub struct StructItem {
    pub name: QualifiedName,
    pub module: ModuleId,
    pub fields: Vec<FieldItem>,
    /// An enum's variant names, in order (empty for a struct).
    pub variants: Vec<String>,
}

/// Everything one file contributes to the crate index.
#[derive(Debug, Clone, Default)]
pub struct FileItems {
    pub modules: Vec<ModuleItem>,
    pub fns: Vec<FnItem>,
    pub structs: Vec<StructItem>,
    /// Enums, with the fields of every variant (`Variant.field`, `Variant.0`).
    pub enums: Vec<StructItem>,
    /// `impl Drop for T`: the module of the impl and `T` as written.
    pub drop_impls: Vec<(ModuleId, String)>,
    /// The variants of the file's `pub` enums (code outside the crate may construct them) and
    /// of enums whose derives may construct them (`Default`, `Deserialize`, ...).
    pub pub_variants: Vec<String>,
    /// The file's type aliases (`type Pending = Mutex<HashMap<u64, Sender<R>>>`), by name
    /// (also in inline modules; the first of a name wins): the [`type_names`] of the aliased
    /// type, and the type as written. The crate index follows them from other files.
    pub aliases: HashMap<String, (Vec<String>, TypeExpr)>,
    /// The catalogue of library APIs the file was modelled with (its configuration's
    /// `[apis]`): the index reads the endpoint types it declares.
    pub catalog: &'static super::catalog::Catalog,
}

impl FileItems {
    /// The names in the declared types of the file's struct fields named in `fields` that
    /// the file imports from its own crate (`use crate::types::Pending;`): a type alias of
    /// another file may stand behind them, so the crate checks need the file declaring it.
    pub fn crate_type_words(&self, fields: &[&str]) -> Vec<String> {
        let local = |name: &str| {
            self.modules.iter().any(|m| {
                m.uses.get(name).is_some_and(|to| {
                    ["crate::", "super::", "self::"]
                        .iter()
                        .any(|p| to.starts_with(p))
                })
            })
        };
        let mut out: Vec<String> = self
            .structs
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| fields.contains(&f.name.as_str()))
            .flat_map(|f| &f.ty)
            .filter(|n| local(n))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The module path of a file from its place under the nearest `src/` directory:
/// `src/lib.rs`, `src/main.rs` → `crate`; `src/a.rs`, `src/a/mod.rs` → `crate::a`;
/// `src/a/b.rs` → `crate::a::b`. A file outside any `src/` is a crate root.
pub fn module_path_of(path: &Path) -> QualifiedName {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(src) = parts.iter().rposition(|p| p == "src") else {
        return QualifiedName::crate_root();
    };
    let mut name = QualifiedName::crate_root();
    let rest = &parts[src + 1..];
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        if !last {
            if part == "bin" && i == 0 {
                return QualifiedName::crate_root();
            }
            name = name.child(part);
            continue;
        }
        let stem = part.strip_suffix(".rs").unwrap_or(part);
        if !(matches!(stem, "mod") || (i == 0 && matches!(stem, "lib" | "main"))) {
            name = name.child(stem);
        }
    }
    name
}

impl FileItems {
    /// Collects the items of `ast`, whose module path is `module`, linking each function
    /// to its body in `model`.
    pub fn build(
        file: &SourceFile,
        ast: &syn::File,
        model: &FileModel,
        module: QualifiedName,
    ) -> FileItems {
        let bodies: HashMap<u32, BodyId> = model
            .bodies
            .iter()
            .enumerate()
            .map(|(id, b)| (b.span.start, id))
            .collect();
        let mut c = Collector {
            file,
            model,
            bodies,
            aliases: HashMap::default(),
            out: FileItems::default(),
        };
        collect_aliases(&ast.items, &mut c.aliases);
        c.out.aliases = alias_types(&ast.items, &c.aliases);
        c.out.catalog = model.catalog;
        c.module(module, &ast.items);
        c.out
    }
}

struct Collector<'a> {
    file: &'a SourceFile,
    model: &'a FileModel,
    bodies: HashMap<u32, BodyId>,
    /// The file's type aliases (`type Pending = Mutex<HashMap<u64, Sender<R>>>`): the names
    /// of each aliased type ([`type_names`]), by the alias's name.
    aliases: HashMap<String, Vec<String>>,
    out: FileItems,
}

impl Collector<'_> {
    fn module(&mut self, path: QualifiedName, items: &[Item]) {
        let id = ModuleId(self.out.modules.len());
        let mut module = ModuleItem {
            path: path.clone(),
            uses: HashMap::default(),
            items: Vec::new(),
        };
        for item in items {
            if let Item::Use(u) = item {
                collect_use(&u.tree, &mut String::new(), &mut module.uses);
            }
            if let Some(name) = item_name(item) {
                module.items.push(name);
            }
        }
        self.out.modules.push(module);
        for item in items {
            match item {
                Item::Fn(f) => self.function(id, &path, None, f, f.node_span()),
                // Inherent and trait impls alike: a trait method (`impl Service for Indexer
                // { fn stop(&mut self) }`) joins and loops over `self`'s fields as an inherent
                // one does. A name both define is ambiguous, and resolves to nothing.
                Item::Impl(i) => {
                    let Some(ty) = type_last_ident(&i.self_ty) else {
                        continue;
                    };
                    if is_drop(i) {
                        self.out.drop_impls.push((id, ty.clone()));
                    }
                    for it in &i.items {
                        if let syn::ImplItem::Fn(f) = it {
                            let owner = path.child(&ty);
                            self.function(id, &owner, Some(&ty), f, f.node_span());
                        }
                    }
                }
                Item::Struct(s) => self.structure(id, &path, s),
                Item::Enum(e) => {
                    if matches!(e.vis, syn::Visibility::Public(_)) || derives_values(&e.attrs) {
                        let variants = e.variants.iter().map(|v| v.ident.to_string());
                        self.out.pub_variants.extend(variants);
                    }
                    self.enumeration(id, &path, e)
                }
                Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        self.module(path.child(&m.ident.to_string()), inner);
                    }
                }
                _ => {}
            }
        }
    }

    fn structure(&mut self, module: ModuleId, path: &QualifiedName, s: &syn::ItemStruct) {
        let fields = s
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| FieldItem {
                name: f
                    .ident
                    .as_ref()
                    .map_or_else(|| i.to_string(), |id| id.to_string()),
                is_pub: matches!(f.vis, syn::Visibility::Public(_)),
                ty: self.field_type_names(&f.ty),
                ty_expr: TypeExpr::of(&f.ty),
                span: self.file.span_of(f.node_span()),
            })
            .collect();
        self.out.structs.push(StructItem {
            name: path.child(&s.ident.to_string()),
            module,
            fields,
            variants: Vec::new(),
        });
    }

    /// An enum as a struct of every variant's fields (`Variant.field`, `Variant.0`): a
    /// value holds what any variant's fields hold.
    fn enumeration(&mut self, module: ModuleId, path: &QualifiedName, e: &syn::ItemEnum) {
        let fields = e
            .variants
            .iter()
            .flat_map(|v| {
                v.fields.iter().enumerate().map(move |(i, f)| {
                    let name = f
                        .ident
                        .as_ref()
                        .map_or_else(|| i.to_string(), |id| id.to_string());
                    (format!("{}.{name}", v.ident), f)
                })
            })
            .map(|(name, f)| FieldItem {
                name,
                is_pub: false,
                ty: self.field_type_names(&f.ty),
                ty_expr: TypeExpr::of(&f.ty),
                span: self.file.span_of(f.node_span()),
            })
            .collect();
        self.out.enums.push(StructItem {
            name: path.child(&e.ident.to_string()),
            module,
            fields,
            variants: e.variants.iter().map(|v| v.ident.to_string()).collect(),
        });
    }

    fn function(
        &mut self,
        module: ModuleId,
        owner: &QualifiedName,
        self_ty: Option<&str>,
        f: &impl FnLike,
        span: proc_macro2::Span,
    ) {
        let (sig, block) = f.parts();
        let span = self.file.span_of(span);
        let params: Vec<String> = sig
            .inputs
            .iter()
            .filter_map(|a| match a {
                syn::FnArg::Typed(t) => Some(match &*t.pat {
                    syn::Pat::Ident(i) => i.ident.to_string(),
                    _ => "_".into(),
                }),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        let param_types = sig
            .inputs
            .iter()
            .filter_map(|a| match a {
                syn::FnArg::Typed(t) => Some(TypeExpr::of(&t.ty)),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        let ret = match &sig.output {
            syn::ReturnType::Type(_, ty) => Some(TypeExpr::of(ty)),
            syn::ReturnType::Default => None,
        };
        let body = self.bodies.get(&span.start).copied();
        let has_loops = body.is_some_and(|b| !self.model.bodies[b].loops.is_empty());
        let paths = if self_ty.is_some() || has_loops {
            FnPaths::build(self.file, sig, block)
        } else {
            FnPaths::default()
        };
        let mut summary = body
            .map(|b| summarise(self.file, self.model, (b, &paths), &params, self_ty))
            .unwrap_or_default();
        summary.params.takes_self = sig
            .inputs
            .iter()
            .any(|a| matches!(a, syn::FnArg::Receiver(_)));
        let self_fields = match self_ty {
            Some(_) => SelfFieldFacts::build(self.file, block),
            None => SelfFieldFacts::default(),
        };
        self.out.fns.push(FnItem {
            name: owner.child(&sig.ident.to_string()),
            module,
            self_ty: self_ty.map(str::to_string),
            params,
            param_types,
            ret,
            is_async: sig.asyncness.is_some(),
            span,
            body,
            summary,
            self_fields,
            paths,
        });
    }
}

/// A free function or a method: its signature and body.
trait FnLike {
    fn parts(&self) -> (&syn::Signature, &syn::Block);
}

impl FnLike for syn::ItemFn {
    fn parts(&self) -> (&syn::Signature, &syn::Block) {
        (&self.sig, &self.block)
    }
}

impl FnLike for syn::ImplItemFn {
    fn parts(&self) -> (&syn::Signature, &syn::Block) {
        (&self.sig, &self.block)
    }
}

/// The local summary of one function from its body in the file model.
fn summarise(
    file: &SourceFile,
    model: &FileModel,
    (body, paths): (BodyId, &FnPaths),
    params: &[String],
    self_ty: Option<&str>,
) -> FnSummary {
    let channel_fields = super::fields::channel_fields(model, body, self_ty);
    let body = model.body(body);
    let worker_fields = super::fields::worker_fields(model, (body, paths), self_ty);
    let endless = body.endless_loop(0).map(|l| {
        let header = loop_header(l);
        let text = file.snippet(header).trim_end().len();
        Span::new(header.start as usize, header.start as usize + text)
    });
    let handle_of = |fate: HandleFate| match fate {
        HandleFate::Discarded | HandleFate::LetUnderscore => Some(WrapperHandle::Drops),
        HandleFate::Returned => Some(WrapperHandle::Returns),
        _ => None,
    };
    let param_of = |site: &super::SpawnSite| {
        let name = site.work_param.as_deref()?;
        params.iter().position(|p| p == name)
    };
    let wrapper = body
        .spawns
        .iter()
        .filter(|s| s.ctx == 0 && s.detaches())
        .find_map(|s| {
            Some(Wrapper {
                param: param_of(s)?,
                handle: handle_of(s.handle)?,
                thread: s.thread,
            })
        });
    let forwards = body
        .work_calls
        .iter()
        .filter(|s| s.ctx == 0)
        .filter_map(|s| {
            Some(ForwardCall {
                callee: s.callee.clone(),
                arg: s.arg_index,
                param: param_of(s)?,
                handle: handle_of(s.handle)?,
            })
        })
        .collect();
    let stores_params = params
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            body.bindings
                .iter()
                .find(|b| b.ctx == 0 && &b.name == *p)
                .is_some_and(|b| b.stored_on_first_move())
        })
        .map(|(i, _)| i)
        .collect();
    FnSummary {
        endless,
        wrapper,
        forwards,
        worker_fields,
        stores_params,
        channel_fields,
        params: ParamSummaries {
            takes_self: false,
            params: ParamEffects::of_body(body, params),
        },
    }
}

impl Collector<'_> {
    /// [`type_names`] of a field's type, each alias of the file followed by the names of
    /// the type it stands for (`Pending`, `Mutex`, `HashMap`, ...), to a depth of 4.
    fn field_type_names(&self, ty: &syn::Type) -> Vec<String> {
        fn expand(
            name: String,
            aliases: &HashMap<String, Vec<String>>,
            depth: usize,
            out: &mut Vec<String>,
        ) {
            let inner = aliases.get(&name).filter(|_| depth < 4);
            out.push(name);
            for n in inner.into_iter().flatten() {
                expand(n.clone(), aliases, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for name in type_names(ty) {
            expand(name, &self.aliases, 0, &mut out);
        }
        out
    }
}

/// The type aliases of `items` and of their inline modules, by name (the first one of a
/// name wins; aliases of one name in two modules are rare and both are types).
fn collect_aliases(items: &[Item], out: &mut HashMap<String, Vec<String>>) {
    for item in items {
        match item {
            Item::Type(t) => {
                out.entry(t.ident.to_string())
                    .or_insert_with(|| type_names(&t.ty));
            }
            Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect_aliases(inner, out);
                }
            }
            _ => {}
        }
    }
}

/// [`FileItems::aliases`]: the names (from [`collect_aliases`]) with each alias's type.
fn alias_types(
    items: &[Item],
    names: &HashMap<String, Vec<String>>,
) -> HashMap<String, (Vec<String>, TypeExpr)> {
    fn walk(items: &[Item], out: &mut HashMap<String, TypeExpr>) {
        for item in items {
            match item {
                Item::Type(t) => {
                    out.entry(t.ident.to_string())
                        .or_insert_with(|| TypeExpr::of(&t.ty));
                }
                Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        walk(inner, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut types = HashMap::default();
    walk(items, &mut types);
    types
        .into_iter()
        .filter_map(|(name, ty)| Some((name.clone(), (names.get(&name)?.clone(), ty))))
        .collect()
}

/// The last segment of every path in a type, in order.
fn type_names(ty: &syn::Type) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Names {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            if let Some(last) = p.segments.last() {
                self.0.push(last.ident.to_string());
            }
            syn::visit::visit_path(self, p);
        }
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_type(&mut names, ty);
    names.0
}

fn is_drop(i: &syn::ItemImpl) -> bool {
    i.trait_
        .as_ref()
        .and_then(|(_, p, _)| p.segments.last())
        .is_some_and(|s| s.ident == "Drop")
}

fn type_last_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path.segments.last().map(|s| s.ident.to_string())
        }
        _ => None,
    }
}

fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Fn(f) => &f.sig.ident,
        Item::Struct(s) => &s.ident,
        Item::Enum(e) => &e.ident,
        Item::Mod(m) => &m.ident,
        Item::Type(t) => &t.ident,
        Item::Trait(t) => &t.ident,
        Item::Static(s) => &s.ident,
        Item::Const(c) => &c.ident,
        _ => return None,
    };
    Some(ident.to_string())
}

/// `use a::{b, c as d}` → `b -> a::b`, `d -> a::c` (globs are not followed).
/// `prefix`: the path so far (one buffer for the whole tree, restored before returning).
fn collect_use(tree: &UseTree, prefix: &mut String, out: &mut HashMap<String, String>) {
    let join = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}::{name}")
        }
    };
    match tree {
        UseTree::Path(p) => {
            let len = prefix.len();
            if len > 0 {
                prefix.push_str("::");
            }
            let _ = write!(prefix, "{}", p.ident);
            collect_use(&p.tree, prefix, out);
            prefix.truncate(len);
        }
        UseTree::Name(n) if n.ident == "self" => {
            if let Some(last) = prefix.rsplit("::").next() {
                out.insert(last.to_string(), prefix.clone());
            }
        }
        UseTree::Name(n) => {
            out.insert(n.ident.to_string(), join(&n.ident.to_string()));
        }
        UseTree::Rename(r) => {
            out.insert(r.rename.to_string(), join(&r.ident.to_string()));
        }
        UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, out);
            }
        }
        UseTree::Glob(_) => {}
    }
}

/// Whether `#[derive(..)]` names a derive that may construct values of the type from
/// elsewhere (`Default`, `serde::Deserialize`, `clap::ValueEnum`, ...): anything but the
/// derives that only inspect or copy a value.
fn derives_values(attrs: &[syn::Attribute]) -> bool {
    const INSPECTING: &[&str] = &[
        "Debug",
        "Clone",
        "Copy",
        "PartialEq",
        "Eq",
        "Hash",
        "PartialOrd",
        "Ord",
        "Serialize",
    ];
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            let name = meta.path.segments.last().map(|s| s.ident.to_string());
            found |= name.is_some_and(|n| !INSPECTING.contains(&n.as_str()));
            Ok(())
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_paths_follow_the_file_layout() {
        let m = |p: &str| module_path_of(Path::new(p)).0;
        assert_eq!(m("x/src/lib.rs"), "crate");
        assert_eq!(m("x/src/main.rs"), "crate");
        assert_eq!(m("x/src/refresh.rs"), "crate::refresh");
        assert_eq!(m("x/src/a/mod.rs"), "crate::a");
        assert_eq!(m("x/src/a/b.rs"), "crate::a::b");
        assert_eq!(m("x/src/a/lib.rs"), "crate::a::lib");
        assert_eq!(m("x/src/bin/tool.rs"), "crate");
        assert_eq!(m("one.rs"), "crate");
    }
}

//! The crate index: every function of a unit (one crate, or the files of a path-mode run),
//! resolved by its qualified name from any file, with the facts that need the whole crate:
//! which functions are spawn wrappers (also through other wrappers, to a fixpoint) and
//! which loop for ever.
//!
//! Built once per unit after every file's [`FileItems`] is known (plain data: no syntax
//! tree crosses threads). Where a path cannot be resolved to exactly one function of the
//! unit (an external crate, a glob import, two files claiming one module), the answer is
//! `None` and the lints stay silent.

use super::{HashMap, HashSet};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use super::catalog::{Catalog, PRELUDE_FNS};
use super::flow::{Body, BodyId};
use super::items::{
    ChannelFields, FieldItem, FileItems, FnItem, ModuleId, QualifiedName, WorkerFields, Wrapper,
    WrapperHandle,
};
use super::summary::Effects;
use super::tasks::{HandleUse, SpawnSite};
use super::types::{FieldType, HeldTable, Holds, ResolvedType, TypeExpr, TypeFacts, TypeHint};
use crate::source::{SourceFile, Span};

/// A function of the unit: file (its index in the unit) and item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FnRef {
    pub file: usize,
    pub item: usize,
}

/// Where the module of a piece of code is, for resolving the paths it writes.
#[derive(Clone, Copy, Debug)]
struct Scope<'a> {
    file: usize,
    module: ModuleId,
    self_ty: Option<&'a str>,
}

/// One file of a unit as the index holds it: its text and its items (shared with the
/// engine, not copied).
pub type IndexedFile = (Arc<SourceFile>, Arc<FileItems>);

/// The index of one unit.
#[derive(Debug, Default)]
pub struct CrateIndex {
    files: Vec<IndexedFile>,
    fns: HashMap<QualifiedName, Vec<FnRef>>,
    modules: HashMap<QualifiedName, Vec<(usize, ModuleId)>>,
    by_body: HashMap<(usize, BodyId), FnRef>,
    wrappers: HashMap<FnRef, Wrapper>,
    /// Structs and enums by name: `(file, enum?, position)`.
    types: HashMap<QualifiedName, Vec<(usize, bool, usize)>>,
    type_facts: TypeFacts,
    /// Types with an `impl Drop`.
    drops: HashSet<QualifiedName>,
    /// Each function's effects on its parameters, pass-on edges followed
    /// ([`super::summary::resolve`]).
    param_effects: HashMap<FnRef, Vec<Effects>>,
}

/// What the model knows of a value's type: what it holds, and the project type it is (seen
/// through `Option`, `Arc`, `Result`...), when it is one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValueType {
    pub holds: Holds,
    pub project: Option<QualifiedName>,
}

/// Work spawned through one of the crate's wrappers, detached.
#[derive(Clone, Copy, Debug)]
pub struct WrapperSpawn {
    pub wrapper: Wrapper,
    /// Where the handle is dropped (the call itself when the wrapper drops it).
    pub dropped: Span,
}

impl WrapperSpawn {
    /// A note saying how the helper `callee` spawns the work.
    pub fn note(&self, callee: &str) -> String {
        let what = if self.wrapper.thread {
            "a thread"
        } else {
            "a task"
        };
        match self.wrapper.handle {
            WrapperHandle::Drops => {
                format!("`{callee}` runs this work on {what} and drops the handle: the work is detached")
            }
            WrapperHandle::Returns => {
                format!("`{callee}` runs this work on {what} and returns its handle, which the caller drops")
            }
        }
    }
}

mod typing;

/// How many times `use` and re-export chains are followed.
const MAX_HOPS: usize = 8;

impl CrateIndex {
    /// Indexes the files of one unit (file ids are positions in `files`) and computes the
    /// spawn wrappers to a fixpoint.
    pub fn new(files: Vec<IndexedFile>) -> CrateIndex {
        let mut index = CrateIndex {
            files,
            ..CrateIndex::default()
        };
        for (file, (_, items)) in index.files.iter().enumerate() {
            for (m, module) in items.modules.iter().enumerate() {
                index
                    .modules
                    .entry(module.path.clone())
                    .or_default()
                    .push((file, ModuleId(m)));
            }
            for (item, f) in items.fns.iter().enumerate() {
                let r = FnRef { file, item };
                index.fns.entry(f.name.clone()).or_default().push(r);
                if let Some(body) = f.body {
                    index.by_body.insert((file, body), r);
                }
                if let Some(w) = f.summary.wrapper {
                    index.wrappers.insert(r, w);
                }
            }
        }
        index.wrappers_fixpoint();
        index.index_types();
        index.param_effects = super::summary::resolve(&index);
        index
    }

    /// Every function of the unit.
    pub fn fns(&self) -> impl Iterator<Item = FnRef> + '_ {
        self.files
            .iter()
            .enumerate()
            .flat_map(|(file, (_, items))| {
                (0..items.fns.len()).map(move |item| FnRef { file, item })
            })
    }

    /// The type field flows of the unit that store a receive loop's handle into
    /// `ty.handle` (the function that stores it, and the flow).
    pub fn workers_in_field<'a>(
        &'a self,
        ty: &'a str,
        handle: &'a str,
    ) -> impl Iterator<Item = (FnRef, &'a WorkerFields)> + 'a {
        self.fns().flat_map(move |r| {
            self.item(r)
                .summary
                .worker_fields
                .iter()
                .filter(move |w| w.ty == ty && w.handle == handle)
                .map(move |w| (r, w))
        })
    }

    /// The functions of the unit that store both ends of a channel into fields of `ty`, the
    /// receiver into `receiver`.
    pub fn channel_in_fields<'a>(
        &'a self,
        ty: &'a str,
        receiver: &'a str,
    ) -> impl Iterator<Item = (FnRef, &'a ChannelFields)> + 'a {
        self.fns().flat_map(move |r| {
            self.item(r)
                .summary
                .channel_fields
                .iter()
                .filter(move |c| c.ty == ty && c.receiver == receiver)
                .map(move |c| (r, c))
        })
    }

    /// The declared type of field `field` of the struct named `ty` (last segment), outermost
    /// name first, when exactly one struct of the unit has that name; each type alias of
    /// another file of the unit followed by the names of the type it stands for
    /// ([`Self::expand_aliases`]; the struct's own file's aliases already are).
    pub fn field_type(&self, ty: &str, field: &str) -> Option<Vec<String>> {
        self.struct_field(ty, field)
            .map(|f| self.expand_aliases(&f.ty))
    }

    /// `names` with each name that is a type alias declared in exactly one file of the unit
    /// (and not already followed by its expansion) followed by the names of the aliased type,
    /// to a depth of 4: `Pending` from `src/types.rs` → `Pending`, `Mutex`, `HashMap`, ...
    pub fn expand_aliases(&self, names: &[String]) -> Vec<String> {
        fn expand(index: &CrateIndex, name: &str, depth: usize, out: &mut Vec<String>) {
            out.push(name.to_string());
            if depth >= 4 {
                return;
            }
            if let Some((inner, _)) = index.alias(name) {
                for n in &inner.0 {
                    expand(index, n, depth + 1, out);
                }
            }
        }
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let inner = self.alias(name).map(|(a, _)| &a.0);
            let expanded = inner.is_some_and(|a| names[i + 1..].starts_with(a));
            if expanded {
                out.push(name.clone());
            } else {
                expand(self, name, 0, &mut out);
            }
        }
        out
    }

    /// The type alias of this name declared in exactly one file of the unit: its
    /// [`FileItems::aliases`] entry and the file.
    pub fn alias(&self, name: &str) -> Option<(&(Vec<String>, TypeExpr), usize)> {
        let mut found = self
            .files
            .iter()
            .enumerate()
            .filter_map(|(file, (_, items))| items.aliases.get(name).map(|a| (a, file)));
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// The methods of type `ty` (by its name, in any file of the unit).
    pub fn methods_of<'a>(&'a self, ty: &'a str) -> impl Iterator<Item = FnRef> + 'a {
        self.fns()
            .filter(move |r| self.item(*r).self_ty.as_deref() == Some(ty))
    }

    /// The declared field `field` of struct `ty` (by name); `None` when no struct or
    /// several structs of the unit have that name.
    pub fn struct_field(&self, ty: &str, field: &str) -> Option<&FieldItem> {
        let mut structs = self
            .files
            .iter()
            .flat_map(|(_, items)| &items.structs)
            .filter(|s| s.name.name() == ty);
        let s = structs.next()?;
        if structs.next().is_some() {
            return None;
        }
        s.fields.iter().find(|f| f.name == field)
    }

    /// The functions of file `file`.
    pub fn fns_of_file(&self, file: usize) -> impl Iterator<Item = FnRef> + '_ {
        (0..self.files[file].1.fns.len()).map(move |item| FnRef { file, item })
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    pub fn source(&self, file: usize) -> &Arc<SourceFile> {
        &self.files[file].0
    }

    pub fn item(&self, f: FnRef) -> &FnItem {
        &self.files[f.file].1.fns[f.item]
    }

    /// The function whose body is `body` of file `file`.
    pub fn fn_of_body(&self, file: usize, body: BodyId) -> Option<FnRef> {
        self.by_body.get(&(file, body)).copied()
    }

    /// Whether `f` spawns one of its parameters (directly or through another wrapper).
    pub fn wrapper(&self, f: FnRef) -> Option<Wrapper> {
        self.wrappers.get(&f).copied()
    }

    /// Whether a call that hands work to a function (`spawn_named("t", || ..)`, one of a
    /// body's [`Body::work_calls`]) spawns it detached: the callee is a spawn wrapper of
    /// that argument that drops the handle, or returns it to a caller that drops it.
    pub fn spawned_by_wrapper(
        &self,
        file: usize,
        body_id: BodyId,
        body: &Body,
        site: &SpawnSite,
    ) -> Option<WrapperSpawn> {
        let callee = self.resolve_fn(file, Some(body_id), &site.callee)?;
        let wrapper = self.wrapper(callee).filter(|w| w.param == site.arg_index)?;
        let dropped = match wrapper.handle {
            WrapperHandle::Drops => site.call,
            WrapperHandle::Returns => match body.handle_use(site) {
                HandleUse::Dropped(at) => at,
                _ => return None,
            },
        };
        Some(WrapperSpawn { wrapper, dropped })
    }

    /// What `f` may do with the value of each of its parameters (counted without `self`),
    /// through the crate functions it passes them on to.
    pub fn param_effects(&self, f: FnRef) -> &[Effects] {
        self.param_effects.get(&f).map_or(&[], Vec::as_slice)
    }

    /// What the crate function `callee` (a path written in body `body` of file `file`) may
    /// do with the value passed as its argument `arg`; `None` when [`Self::param_of_call`]
    /// finds no such parameter.
    pub fn call_effects(
        &self,
        file: usize,
        body: BodyId,
        callee: &str,
        arg: usize,
    ) -> Option<Effects> {
        let (g, j) = self.param_of_call(file, Some(body), callee, arg)?;
        self.param_effects(g).get(j).copied()
    }

    /// The function and parameter (counted without `self`) that argument `arg` (0-based, as
    /// written: a method called by path, `Type::m(v, x)`, counts `self`) of a call of
    /// `callee` written in body `body` of file `file` binds: `None` unless the path is one
    /// function of the crate with a body and such a parameter.
    pub fn param_of_call(
        &self,
        file: usize,
        body: Option<BodyId>,
        callee: &str,
        arg: usize,
    ) -> Option<(FnRef, usize)> {
        let g = self.resolve_fn(file, body, callee)?;
        let item = self.item(g);
        item.body?;
        let j = if item.summary.params.takes_self {
            arg.checked_sub(1)?
        } else {
            arg
        };
        (j < item.summary.params.params.len()).then_some((g, j))
    }

    /// The header of the loop of `f` that never ends, if `f` never returns.
    pub fn endless(&self, f: FnRef) -> Option<Span> {
        self.item(f).summary.endless
    }

    /// Resolves a function path written in body `body` of file `file` (`helper`,
    /// `crate::a::f`, `super::f`, `Self::new`, `Type::assoc`, a `use`d name) to the one
    /// function of the unit it names.
    pub fn resolve_fn(&self, file: usize, body: Option<BodyId>, written: &str) -> Option<FnRef> {
        self.resolve_in(self.scope_of(file, body), written)
    }

    /// The name a path written in body `body` of file `file` has where it is defined: the
    /// word the defining file contains (`refresh_routes` for `refresher` after `use
    /// refresh::refresh_routes as refresher`). The last segment as written when the path
    /// does not qualify to the crate's.
    pub fn defined_name<'a>(
        &self,
        file: usize,
        body: Option<BodyId>,
        written: &'a str,
    ) -> Cow<'a, str> {
        match self.qualify(self.scope_of(file, body), written, 0) {
            Some(q) => Cow::Owned(q.name().to_string()),
            None => Cow::Borrowed(written.rsplit("::").next().unwrap_or(written)),
        }
    }

    /// The scope of body `body` of file `file`: its function's module and `Self` type.
    fn scope_of(&self, file: usize, body: Option<BodyId>) -> Scope<'_> {
        match body.and_then(|b| self.fn_of_body(file, b)) {
            Some(f) => self.fn_scope(f),
            None => Scope {
                file,
                module: ModuleId(0),
                self_ty: None,
            },
        }
    }

    /// Whether a path written in body `body` of file `file` may name a function of the
    /// crate that is not indexed yet: it qualifies to a crate path, or its first segment is
    /// neither imported from another crate nor a known item (a glob import may bring it).
    /// A bare name of the std prelude (`drop`) is the prelude's.
    pub fn may_be_local(&self, file: usize, body: Option<BodyId>, written: &str) -> bool {
        if PRELUDE_FNS.contains(&written) {
            return false;
        }
        let module = self.scope_of(file, body).module;
        let m = &self.files[file].1.modules[module.0];
        let first = written.split("::").next().unwrap_or(written);
        match m.uses.get(first) {
            Some(target) => {
                let head = target.split("::").next().unwrap_or(target);
                matches!(head, "crate" | "self" | "super") || m.items.iter().any(|i| i == head)
            }
            None => {
                !written.contains("::")
                    || matches!(first, "crate" | "self" | "super" | "Self")
                    || m.items.iter().any(|i| i == first)
            }
        }
    }

    fn resolve_in(&self, scope: Scope<'_>, written: &str) -> Option<FnRef> {
        let mut name = self.qualify(scope, written, 0)?;
        for _ in 0..MAX_HOPS {
            match self.fns.get(&name).map(Vec::as_slice) {
                Some([one]) => return Some(*one),
                Some(_) => return None,
                None => name = self.reexport(&name)?,
            }
        }
        None
    }

    /// `crate::a::f` where module `crate::a` has `pub use b::f`: the name it re-exports.
    fn reexport(&self, name: &QualifiedName) -> Option<QualifiedName> {
        let parent = name.parent()?;
        let [(file, module)] = self.modules.get(&parent)?.as_slice() else {
            return None;
        };
        let m = &self.files[*file].1.modules[module.0];
        let target = m.uses.get(name.name())?;
        let scope = Scope {
            file: *file,
            module: *module,
            self_ty: None,
        };
        self.qualify(scope, target, 1)
    }

    /// The qualified name a path written in `scope` stands for, if it is the crate's.
    fn qualify(&self, scope: Scope<'_>, written: &str, hops: usize) -> Option<QualifiedName> {
        if hops > MAX_HOPS {
            return None;
        }
        let module = &self.files[scope.file].1.modules[scope.module.0];
        let (first, rest) = match written.split_once("::") {
            Some((f, r)) => (f, Some(r)),
            None => (written, None),
        };
        let with_rest = |base: QualifiedName| match rest {
            Some(r) => QualifiedName(format!("{}::{r}", base.0)),
            None => base,
        };
        match first {
            "crate" => Some(QualifiedName(written.to_string())),
            "self" => Some(with_rest(module.path.clone())),
            "super" => {
                let mut base = module.path.parent()?;
                let mut rest = rest?;
                while let Some(r) = rest.strip_prefix("super::") {
                    base = base.parent()?;
                    rest = r;
                }
                Some(QualifiedName(format!("{}::{rest}", base.0)))
            }
            "Self" => Some(with_rest(module.path.child(scope.self_ty?))),
            _ if module.uses.contains_key(first) => {
                let target = &module.uses[first];
                let full = match rest {
                    Some(r) => format!("{target}::{r}"),
                    None => target.clone(),
                };
                // The head of a `use` path: `crate`/`self`/`super`, or an item of this module.
                let head = target.split("::").next().unwrap_or(target);
                if head == first && !module.items.iter().any(|i| i == head) {
                    return None;
                }
                self.qualify(scope, &full, hops + 1)
            }
            _ if module.items.iter().any(|i| i == first) => {
                Some(QualifiedName(format!("{}::{written}", module.path.0)))
            }
            _ => None,
        }
    }

    /// Spreads spawn wrappers through functions that pass their parameter on to one.
    fn wrappers_fixpoint(&mut self) {
        let all: Vec<FnRef> = self.fns().collect();
        for _ in 0..MAX_HOPS {
            let mut found = Vec::new();
            for &f in all.iter().filter(|f| !self.wrappers.contains_key(f)) {
                let item = self.item(f);
                let scope = Scope {
                    file: f.file,
                    module: item.module,
                    self_ty: item.self_ty.as_deref(),
                };
                let via = item.summary.forwards.iter().find_map(|fwd| {
                    let target = self.wrapper(self.resolve_in(scope, &fwd.callee)?)?;
                    let handle = match target.handle {
                        WrapperHandle::Drops => WrapperHandle::Drops,
                        WrapperHandle::Returns => fwd.handle,
                    };
                    (target.param == fwd.arg).then_some(Wrapper {
                        param: fwd.param,
                        handle,
                        thread: target.thread,
                    })
                });
                if let Some(w) = via {
                    found.push((f, w));
                }
            }
            if found.is_empty() {
                break;
            }
            self.wrappers.extend(found);
        }
    }

    /// The index's facts as stable text, one line per function (for `--dump-model` and the
    /// model's snapshot tests).
    /// What leaklint inferred of this crate, one line each, for `--verbose`:
    /// `inferred spawn wrapper: crate::util::spawn_named (src/util.rs:12)`. (Inferred
    /// sender-like types belong here too, once the model has them.)
    pub fn inferred_facts(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .fns()
            .filter_map(|f| {
                let w = self.wrapper(f)?;
                let source = self.source(f.file);
                let at = source.position(self.item(f).span.start as usize);
                Some(format!(
                    "inferred spawn wrapper: {} ({}:{}), runs a {}",
                    self.item(f).name,
                    source.display,
                    at.line,
                    if w.thread { "thread" } else { "task" },
                ))
            })
            .collect();
        lines.sort();
        lines
    }

    /// `tx: sends+drops, rx: passes+recv-loop ->helper#0, s: stores-self @self.s`: each
    /// parameter's resolved effects, where it is stored and what it is passed on to.
    fn dump_effects(&self, f: FnRef) -> String {
        let item = self.item(f);
        let resolved = self.param_effects(f);
        let mut out = Vec::new();
        for (i, name) in item.params.iter().enumerate() {
            let mut text = format!("{name}: {}", resolved.get(i).copied().unwrap_or_default());
            if let Some(local) = item.summary.params.params.get(i) {
                for site in &local.stored {
                    let _ = write!(text, " @{site}");
                }
                for pass in &local.passed {
                    let _ = write!(text, " ->{}#{}", pass.callee, pass.arg);
                }
            }
            out.push(text);
        }
        out.join(", ")
    }

    pub fn dump(&self) -> String {
        let mut lines = Vec::new();
        for (file, (source, items)) in self.files.iter().enumerate() {
            for (m, module) in items.modules.iter().enumerate() {
                let mut uses: Vec<String> = module
                    .uses
                    .iter()
                    .map(|(a, p)| format!("{a}={p}"))
                    .collect();
                uses.sort();
                lines.push(format!(
                    "mod {} ({}#{m}) uses [{}]",
                    module.path,
                    source.display,
                    uses.join(", ")
                ));
            }
            for s in &items.structs {
                let fields: Vec<String> = s
                    .fields
                    .iter()
                    .map(|f| {
                        let vis = if f.is_pub { "pub " } else { "" };
                        format!("{vis}{}: {}", f.name, f.ty.join(" "))
                    })
                    .collect();
                lines.push(format!("struct {} {{ {} }}", s.name, fields.join(", ")));
            }
            for (item, f) in items.fns.iter().enumerate() {
                let r = FnRef { file, item };
                let params: Vec<String> = f
                    .params
                    .iter()
                    .zip(&f.param_types)
                    .map(|(p, t)| format!("{p}: {t}"))
                    .collect();
                let mut line = format!(
                    "fn {}({}){}{}",
                    f.name,
                    params.join(", "),
                    f.ret.as_ref().map_or(String::new(), |t| format!(" -> {t}")),
                    if f.is_async { " async" } else { "" }
                );
                if !f.params.is_empty() {
                    let _ = write!(line, " effects[{}]", self.dump_effects(r));
                }
                if !f.summary.stores_params.is_empty() {
                    let _ = write!(line, " stores-params{:?}", f.summary.stores_params);
                }
                if let Some(l) = f.summary.endless {
                    let p = source.position(l.start as usize);
                    let _ = write!(line, " endless@{}:{}", p.line, p.column);
                }
                if let Some(w) = self.wrapper(r) {
                    let _ = write!(
                        line,
                        " wrapper(param {}, {}, {})",
                        w.param,
                        match w.handle {
                            WrapperHandle::Drops => "drops handle",
                            WrapperHandle::Returns => "returns handle",
                        },
                        if w.thread { "thread" } else { "task" }
                    );
                }
                lines.push(line);
            }
        }
        lines.extend(self.dump_types());
        lines.sort();
        lines.join("\n") + "\n"
    }
}

//! The crate index's type questions: what a type path written in some module names, what a
//! value of a declared type or of a binding holds ([`super::ValueType`]), which project
//! types have a `Drop` impl, and which are sender-like.

use super::*;

/// Most steps followed from a binding to the binding its value came from.
const MAX_FROM: usize = 8;

impl CrateIndex {
    /// Indexes the unit's structs, enums and `Drop` impls and computes what each project
    /// type holds (a fixpoint over the fields).
    pub(super) fn index_types(&mut self) {
        for (file, (_, items)) in self.files.iter().enumerate() {
            let all = (items.structs.iter().map(|s| (false, s)))
                .chain(items.enums.iter().map(|e| (true, e)));
            let mut counts = (0, 0);
            for (is_enum, s) in all {
                let at = if is_enum {
                    &mut counts.1
                } else {
                    &mut counts.0
                };
                self.types
                    .entry(s.name.clone())
                    .or_default()
                    .push((file, is_enum, *at));
                *at += 1;
            }
        }
        let this: &CrateIndex = self;
        let mut list = Vec::new();
        for (file, (_, items)) in this.files.iter().enumerate() {
            for s in items.structs.iter().chain(&items.enums) {
                let scope = Scope {
                    file,
                    module: s.module,
                    self_ty: Some(s.name.name()),
                };
                list.push((s.name.clone(), scope, &s.fields));
            }
        }
        let resolvers: Vec<_> = list
            .iter()
            .map(|(_, scope, _)| {
                let scope = *scope;
                move |p: &str| this.resolve_type(scope, p)
            })
            .collect();
        let types: Vec<(QualifiedName, Vec<FieldType<'_>>)> = list
            .iter()
            .zip(&resolvers)
            .map(|((name, _, fields), resolve)| {
                let fields = fields
                    .iter()
                    .map(|f| FieldType {
                        ty: &f.ty_expr,
                        resolve,
                    })
                    .collect();
                (name.clone(), fields)
            })
            .collect();
        let facts = TypeFacts::build(&types, this.held_types());
        let mut drops = HashSet::default();
        for (file, (_, items)) in this.files.iter().enumerate() {
            for (module, ty) in &items.drop_impls {
                let scope = Scope {
                    file,
                    module: *module,
                    self_ty: None,
                };
                if let ResolvedType::Project(name) = this.resolve_type(scope, ty) {
                    drops.insert(name);
                }
            }
        }
        self.type_facts = facts;
        self.drops = drops;
    }

    /// The library types that own a resource in this unit: the built-in table and the
    /// endpoint types the configurations of its files declare.
    fn held_types(&self) -> HeldTable {
        let mut table = HeldTable::new();
        let mut seen: Vec<*const Catalog> = Vec::new();
        for (_, items) in &self.files {
            if seen.contains(&std::ptr::from_ref(items.catalog)) {
                continue;
            }
            seen.push(items.catalog);
            for held in &items.catalog.held_types {
                if !table.contains(held) {
                    table.push(*held);
                }
            }
        }
        table
    }

    /// What a type path written in `scope` names: a struct or enum of the unit (through
    /// `use` items and `pub use` re-exports), or an external path with its `use`d prefix
    /// filled in (`Sender` under `use std::sync::mpsc::Sender` → `std::sync::mpsc::Sender`).
    fn resolve_type(&self, scope: Scope<'_>, written: &str) -> ResolvedType {
        if let Some(mut name) = self.qualify(scope, written, 0) {
            for _ in 0..MAX_HOPS {
                if self.types.get(&name).is_some_and(|v| v.len() == 1) {
                    return ResolvedType::Project(name);
                }
                match self.reexport(&name) {
                    Some(next) => name = next,
                    None => break,
                }
            }
            return ResolvedType::External(name.0);
        }
        let module = &self.files[scope.file].1.modules[scope.module.0];
        let (first, rest) = match written.split_once("::") {
            Some((f, r)) => (f, Some(r)),
            None => (written, None),
        };
        match (module.uses.get(first), rest) {
            (Some(target), Some(rest)) => ResolvedType::External(format!("{target}::{rest}")),
            (Some(target), None) => ResolvedType::External(target.clone()),
            (None, _) => ResolvedType::External(written.to_string()),
        }
    }

    /// One line per struct and enum: what it holds, whether it has a `Drop` impl
    /// (`type crate::Watcher holds [Sender] drop`).
    pub(super) fn dump_types(&self) -> Vec<String> {
        let mut names: Vec<&QualifiedName> = self.types.keys().collect();
        names.sort();
        names
            .into_iter()
            .map(|n| {
                let holds = self.type_facts.holds(n).names().join(", ");
                let drop = if self.has_drop(n) { " drop" } else { "" };
                format!("type {n} holds [{holds}]{drop}")
            })
            .collect()
    }

    /// The type facts of the unit: what each struct and enum holds.
    pub fn type_facts(&self) -> &TypeFacts {
        &self.type_facts
    }

    /// The unit's project types that hold a channel sender in a field (directly or through
    /// `Option`, `Arc`, `Mutex`, collections, tuples and other project types): a value of
    /// such a type keeps its channel open while it lives, as a sender does (issue #10's
    /// inferred "sender-like" types). Qualified names, sorted.
    pub fn sender_like_types(&self) -> Vec<&QualifiedName> {
        self.type_facts.sender_like()
    }

    /// Whether field `field` of the struct named `ty` (last segment, one struct of the
    /// unit) keeps a channel sender for as long as the value lives: declared as a sender
    /// (`Sender<T>`, `Tx<T>` under `use ..::Sender as Tx`, `flume::Sender<T>`), as a project
    /// type that keeps one the same way, or either of these behind a wrapper nothing can
    /// empty (`Arc`, `Box`: [`super::super::catalog::FIXED_WRAPPERS`]). A sender in an
    /// `Option`, a lock or a collection does not count: another method may take it.
    pub fn field_keeps_sender(&self, ty: &str, field: &str) -> bool {
        let Some((file, s)) = self.struct_named(ty) else {
            return false;
        };
        let scope = Scope {
            file,
            module: s.module,
            self_ty: Some(s.name.name()),
        };
        s.fields
            .iter()
            .find(|f| f.name == field)
            .is_some_and(|f| self.keeps_sender(scope, &f.ty_expr, 0))
    }

    /// [`Self::field_keeps_sender`] for a declared type written in `scope`.
    fn keeps_sender(&self, scope: Scope<'_>, ty: &TypeExpr, depth: usize) -> bool {
        if depth > MAX_HOPS {
            return false;
        }
        match ty {
            TypeExpr::Tuple(elems) => elems.iter().any(|e| self.keeps_sender(scope, e, depth + 1)),
            TypeExpr::Path { path, args } => match self.resolve_type(scope, path) {
                ResolvedType::External(full) if self.crate_alias(&full).is_some() => {
                    let (ty, file) = self.crate_alias(&full).expect("checked");
                    let at = Scope {
                        file,
                        module: ModuleId(0),
                        self_ty: None,
                    };
                    self.keeps_sender(at, ty, depth + 1)
                }
                ResolvedType::External(full) => {
                    let last = full.rsplit("::").next().unwrap_or(&full);
                    self.type_facts.library_holds(&full).contains(Holds::SENDER)
                        || (super::super::catalog::FIXED_WRAPPERS.contains(&last)
                            && args
                                .first()
                                .is_some_and(|a| self.keeps_sender(scope, a, depth + 1)))
                }
                ResolvedType::Project(name) => self.struct_item(&name).is_some_and(|(file, s)| {
                    let inner = Scope {
                        file,
                        module: s.module,
                        self_ty: Some(s.name.name()),
                    };
                    s.fields
                        .iter()
                        .any(|f| self.keeps_sender(inner, &f.ty_expr, depth + 1))
                }),
            },
            TypeExpr::Ref | TypeExpr::Other => false,
        }
    }

    /// The aliased type of a type alias of the unit that a resolved path names (`Tx`, or
    /// `crate::types::Tx` through a `use`), and the alias's file (its top module is the
    /// scope the aliased type is written in). A path into another crate is not one.
    fn crate_alias(&self, full: &str) -> Option<(&TypeExpr, usize)> {
        let (prefix, last) = match full.rsplit_once("::") {
            Some((p, l)) => (Some(p), l),
            None => (None, full),
        };
        let local = prefix.is_none_or(|p| {
            ["crate", "self", "super"].contains(&p.split("::").next().unwrap_or(p))
        });
        if !local {
            return None;
        }
        self.alias(last).map(|((_, ty), file)| (ty, file))
    }

    /// The one struct of the unit whose name ends in `ty`, and its file.
    fn struct_named(&self, ty: &str) -> Option<(usize, &super::super::items::StructItem)> {
        let mut found = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(file, (_, items))| {
                items
                    .structs
                    .iter()
                    .filter(|s| s.name.name() == ty)
                    .map(move |s| (file, s))
            });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// Whether every path of a receive pattern written in body `body` of file `file` names
    /// a struct of the unit or the only variant of one of its enums (`Job`, `Event::Line`,
    /// `Self::Line`, `Line` under `use Event::Line`), so that the pattern matches every value
    /// (see [`crate::model::RecvLoop::pattern_types`]). `false` when a path is unknown (an
    /// external type, an enum with several variants).
    pub fn patterns_irrefutable(&self, file: usize, body: BodyId, paths: &[String]) -> bool {
        let scope = self.scope_of(file, Some(body));
        paths.iter().all(|p| self.names_irrefutable(scope, p))
    }

    /// [`Self::patterns_irrefutable`] for one path.
    fn names_irrefutable(&self, scope: Scope<'_>, written: &str) -> bool {
        let is =
            |name: &QualifiedName, want_enum: bool| match self.types.get(name).map(Vec::as_slice) {
                Some([(file, is_enum, at)]) if *is_enum == want_enum => {
                    let items = &self.files[*file].1;
                    Some(if want_enum {
                        &items.enums[*at]
                    } else {
                        &items.structs[*at]
                    })
                }
                _ => None,
            };
        if let ResolvedType::Project(name) = self.resolve_type(scope, written) {
            if is(&name, false).is_some() {
                return true;
            }
        }
        // A variant: the enum is the path's parent (`Event::Line`, or `Line` as `use`d).
        let full = self
            .qualify(scope, written, 0)
            .map(|n| n.0)
            .or_else(|| written.contains("::").then(|| written.to_string()));
        let Some((parent, variant)) = full.as_deref().and_then(|f| f.rsplit_once("::")) else {
            return false;
        };
        let written_parent = written.rsplit_once("::").map(|(p, _)| p);
        let resolved = match self.resolve_type(scope, written_parent.unwrap_or(parent)) {
            ResolvedType::Project(name) => name,
            ResolvedType::External(_) => QualifiedName(parent.to_string()),
        };
        is(&resolved, true).is_some_and(|e| e.variants.len() == 1 && e.variants[0] == variant)
    }

    /// Whether the project type has an `impl Drop`.
    pub fn has_drop(&self, ty: &QualifiedName) -> bool {
        self.drops.contains(ty)
    }

    /// What a value of the declared type `ty`, written in `scope`, holds, and the project
    /// type it is (seen through `Option`, `Box`, `Arc`, `Result`...).
    fn value_type(&self, scope: Scope<'_>, ty: &TypeExpr) -> ValueType {
        let resolve = |p: &str| self.resolve_type(scope, p);
        ValueType {
            holds: self.type_facts.holds_expr(ty, &resolve),
            project: self.project_of(scope, ty),
        }
    }

    /// The project type a declared type is, through transparent wrappers.
    fn project_of(&self, scope: Scope<'_>, ty: &TypeExpr) -> Option<QualifiedName> {
        let TypeExpr::Path { path, args } = ty else {
            return None;
        };
        match self.resolve_type(scope, path) {
            ResolvedType::Project(name) => Some(name),
            ResolvedType::External(full) => {
                let last = full.rsplit("::").next().unwrap_or(&full);
                let wrapper = matches!(
                    last,
                    "Option" | "Box" | "Arc" | "Rc" | "Result" | "Mutex" | "RwLock"
                );
                wrapper
                    .then(|| args.first())
                    .flatten()
                    .and_then(|a| self.project_of(scope, a))
            }
        }
    }

    /// The scope of function `f`'s own module (where its signature's paths are written).
    pub(super) fn fn_scope(&self, f: FnRef) -> Scope<'_> {
        let item = self.item(f);
        Scope {
            file: f.file,
            module: item.module,
            self_ty: item.self_ty.as_deref(),
        }
    }

    /// What the value a crate function returns holds (`None` when the path is not one
    /// function of the unit, or it returns `()`).
    pub fn returns(&self, file: usize, body: BodyId, callee: &str) -> Option<ValueType> {
        let f = self.resolve_fn(file, Some(body), callee)?;
        let ret = self.item(f).ret.as_ref()?;
        Some(self.value_type(self.fn_scope(f), ret))
    }

    /// What the value of a binding declared with `hint` in body `body` of file `file` holds.
    pub fn hint_type(&self, file: usize, body: BodyId, hint: &TypeHint) -> Option<ValueType> {
        let scope = self.scope_of(file, Some(body));
        match hint {
            TypeHint::Annotated(ty) => Some(self.value_type(scope, ty)),
            TypeHint::Call(path) => self.returns(file, body, path),
            TypeHint::TupleOf(path, i) => {
                let f = self.resolve_fn(file, Some(body), path)?;
                let elem = tuple_elem(self.item(f).ret.as_ref()?, *i)?;
                Some(self.value_type(self.fn_scope(f), elem))
            }
            TypeHint::Struct(path) => match self.resolve_type(scope, path) {
                ResolvedType::Project(name) => Some(ValueType {
                    holds: self.type_facts.holds(&name),
                    project: Some(name),
                }),
                ResolvedType::External(_) => None,
            },
            TypeHint::MethodOf(recv, method) => self.method_returns(file, body, recv, method),
            TypeHint::SelfField(field) => {
                let ty = QualifiedName(self.resolve_self(scope)?);
                let (sfile, s) = self.struct_item(&ty)?;
                let f = s.fields.iter().find(|f| f.name == *field)?;
                let sscope = Scope {
                    file: sfile,
                    module: s.module,
                    self_ty: Some(s.name.name()),
                };
                Some(self.value_type(sscope, &f.ty_expr))
            }
        }
    }

    /// What `recv.method(..)` returns, when the receiver's value (described by `recv`) is
    /// of a project type with exactly one method `method`: its declared return type, seen
    /// from the method's own scope (`-> Self`, `-> Pool`).
    fn method_returns(
        &self,
        file: usize,
        body: BodyId,
        recv: &TypeHint,
        method: &str,
    ) -> Option<ValueType> {
        let ty = self.hint_type(file, body, recv)?.project?;
        let [f] = self.fns.get(&ty.child(method))?.as_slice() else {
            return None;
        };
        let ret = self.item(*f).ret.as_ref()?;
        Some(self.value_type(self.fn_scope(*f), ret))
    }

    /// Whether the crate function `callee` (a path written in body `body` of file `file`)
    /// stores a parameter declared as (or holding) a channel sender into the struct it
    /// builds, itself or through the crate functions it passes the sender on to (`new`
    /// calling `Self::with_events(root, events)`, which builds `Self { events, .. }`): a
    /// sender handed to it lives on in the value it returns.
    pub fn stores_sender_param(&self, file: usize, body: BodyId, callee: &str) -> bool {
        let Some(f) = self.resolve_fn(file, Some(body), callee) else {
            return false;
        };
        let item = self.item(f);
        let scope = self.fn_scope(f);
        let effects = self.param_effects(f);
        let stores = |i: usize| {
            item.summary.stores_params.contains(&i)
                || effects.get(i).is_some_and(|e| stored_in_struct_only(*e))
        };
        (0..item.params.len()).filter(|&i| stores(i)).any(|i| {
            item.param_types
                .get(i)
                .is_some_and(|t| self.value_type(scope, t).holds.contains(Holds::SENDER))
        })
    }

    /// The qualified name of `Self` in a scope, when it is one project type.
    fn resolve_self(&self, scope: Scope<'_>) -> Option<String> {
        match self.resolve_type(scope, "Self") {
            ResolvedType::Project(name) => Some(name.0),
            ResolvedType::External(_) => None,
        }
    }

    /// The one struct of the unit with this name, and its file.
    fn struct_item(
        &self,
        name: &QualifiedName,
    ) -> Option<(usize, &super::super::items::StructItem)> {
        let [(file, false, at)] = self.types.get(name)?.as_slice() else {
            return None;
        };
        Some((*file, &self.files[*file].1.structs[*at]))
    }

    /// What the value of binding `b` of `body` holds: from its declaration's hint, or the
    /// binding it was moved or cloned from.
    pub fn binding_type(
        &self,
        file: usize,
        body_id: BodyId,
        body: &Body,
        b: super::super::BindingId,
    ) -> Option<ValueType> {
        let mut cur = b;
        for _ in 0..MAX_FROM {
            let binding = &body.bindings[cur];
            if let Some(hint) = &binding.hint {
                return self.hint_type(file, body_id, hint);
            }
            cur = binding.from?;
        }
        None
    }
}

/// Element `i` of a returned tuple, also inside `Result<(A, B), E>` / `Option<(A, B)>`.
fn tuple_elem(ret: &TypeExpr, i: usize) -> Option<&TypeExpr> {
    match ret {
        TypeExpr::Tuple(elems) => elems.get(i),
        TypeExpr::Path { path, args } => {
            let last = path.rsplit("::").next().unwrap_or(path);
            matches!(last, "Result" | "Option")
                .then(|| args.first())
                .flatten()
                .and_then(|a| tuple_elem(a, i))
        }
        _ => None,
    }
}

/// Effects after which a parameter lives on only in a struct value the function (or a
/// function it passes the parameter to) builds: nothing else keeps it, and nothing
/// leaklint cannot follow happens to it.
fn stored_in_struct_only(e: Effects) -> bool {
    e.contains(Effects::STORES_STRUCT)
        && !e.intersects(Effects::KEEPS.without(Effects::STORES_STRUCT))
}

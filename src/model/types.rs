//! Types, as far as syntax shows them: the declared type of fields, parameters, return
//! values and annotated `let`s ([`TypeExpr`]), what a binding's initialiser says of its
//! type ([`TypeHint`]), and the crate-wide fact [`Holds`]: which resources a value of a
//! type owns (a channel sender or receiver, a thread or task handle, a shutdown guard, a
//! cancellation token), also through `Option`, `Box`, `Arc`, `Mutex`, collections, tuples
//! and other project types, computed to a fixpoint ([`TypeFacts`]).
//!
//! Paths are resolved through the `use` items of the module that wrote them (by
//! [`super::index::CrateIndex`]); a path that resolves to nothing known holds nothing, so the
//! lints that ask stay silent.

use super::HashMap;
use std::fmt;

use super::catalog::{self, HELD_BY_NAME, HELD_TYPES, TRANSPARENT_TYPES};

/// A table of library types and what each owns, by full normalised path.
pub type HeldTable = Vec<(&'static str, Holds)>;
use super::items::QualifiedName;

/// A type as written: a path with its generic arguments, a tuple, a reference, or
/// something leaklint does not look into (`impl Trait`, `dyn Trait`, a function pointer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeExpr {
    /// `a::b::C<T, U>`: the path as written (`a::b::C`) and the type arguments.
    Path {
        path: String,
        args: Vec<TypeExpr>,
    },
    /// `(A, B)`; also `[T; N]` and `[T]` as a one-element tuple.
    Tuple(Vec<TypeExpr>),
    /// `&T`, `&mut T`, `*const T`: borrows own nothing.
    Ref,
    Other,
}

impl TypeExpr {
    /// The syntactic form of a `syn` type.
    pub fn of(ty: &syn::Type) -> TypeExpr {
        match ty {
            syn::Type::Path(p) if p.qself.is_none() => {
                let path = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect::<Vec<_>>()
                    .join("::");
                let args = match p.path.segments.last().map(|s| &s.arguments) {
                    Some(syn::PathArguments::AngleBracketed(a)) => a
                        .args
                        .iter()
                        .filter_map(|a| match a {
                            syn::GenericArgument::Type(t) => Some(TypeExpr::of(t)),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                TypeExpr::Path { path, args }
            }
            syn::Type::Tuple(t) => TypeExpr::Tuple(t.elems.iter().map(TypeExpr::of).collect()),
            syn::Type::Array(a) => TypeExpr::Tuple(vec![TypeExpr::of(&a.elem)]),
            syn::Type::Slice(s) => TypeExpr::Tuple(vec![TypeExpr::of(&s.elem)]),
            syn::Type::Paren(p) => TypeExpr::of(&p.elem),
            syn::Type::Group(g) => TypeExpr::of(&g.elem),
            syn::Type::Reference(_) | syn::Type::Ptr(_) => TypeExpr::Ref,
            _ => TypeExpr::Other,
        }
    }
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeExpr::Path { path, args } if args.is_empty() => f.write_str(path),
            TypeExpr::Path { path, args } => {
                let args: Vec<String> = args.iter().map(ToString::to_string).collect();
                write!(f, "{path}<{}>", args.join(", "))
            }
            TypeExpr::Tuple(elems) => {
                let elems: Vec<String> = elems.iter().map(ToString::to_string).collect();
                write!(f, "({})", elems.join(", "))
            }
            TypeExpr::Ref => f.write_str("&_"),
            TypeExpr::Other => f.write_str("_"),
        }
    }
}

/// What a binding's declaration says about the type of its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeHint {
    /// `let x: T = ..`
    Annotated(TypeExpr),
    /// `let x = path(..)` (also `Path::new(..)?`, `.unwrap()`, wrapped in `Arc::new(..)`):
    /// the return type of the function the path names.
    Call(String),
    /// `let (a, b) = path(..)`: element `index` of the returned tuple.
    TupleOf(String, usize),
    /// `let x = Path { .. }` (a struct literal; `Self` as written).
    Struct(String),
    /// `let x = self.field` (or `self.field.clone()`).
    SelfField(String),
    /// `let x = recv.method(..)` (`PoolBuilder::new().build()`): the return type of the
    /// project method `method` of the receiver's project type.
    MethodOf(Box<TypeHint>, String),
}

impl fmt::Display for TypeHint {
    /// The hint in source form: `: T`, `f(..)`, `f(..).1`, `T { .. }`, `self.f`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeHint::Annotated(t) => write!(f, ": {t}"),
            TypeHint::Call(p) => write!(f, "{p}(..)"),
            TypeHint::TupleOf(p, i) => write!(f, "{p}(..).{i}"),
            TypeHint::Struct(p) => write!(f, "{p} {{ .. }}"),
            TypeHint::SelfField(name) => write!(f, "self.{name}"),
            TypeHint::MethodOf(recv, m) => write!(f, "({recv}).{m}(..)"),
        }
    }
}

impl TypeHint {
    /// The name of the type a hint depends on, to find the file that defines it:
    /// `Watcher` for `Watcher::new(..)` and `Watcher { .. }`, the function's name for a
    /// free function (`make_guard`). `None` for annotations, `self` fields and library
    /// wrappers (`Arc::new(tx)`, `Vec::new()`: [`TRANSPARENT_TYPES`]), which no file of the
    /// crate defines.
    pub fn type_word(&self) -> Option<String> {
        let word = self.written_type_word()?;
        let library = TRANSPARENT_TYPES.iter().any(|(t, _)| *t == word);
        (!library).then_some(word)
    }

    /// [`Self::type_word`], library wrappers included.
    fn written_type_word(&self) -> Option<String> {
        let path = match self {
            TypeHint::Call(p) | TypeHint::TupleOf(p, _) => {
                let mut segs = p.rsplit("::");
                let last = segs.next()?;
                return Some(
                    segs.next()
                        // A type (`Watcher::new`), not a module (`crate::log::install`).
                        .filter(|s| *s != "Self" && s.starts_with(|c: char| c.is_uppercase()))
                        .unwrap_or(last)
                        .to_string(),
                );
            }
            TypeHint::Struct(p) => p,
            TypeHint::MethodOf(recv, _) => return recv.written_type_word(),
            TypeHint::Annotated(_) | TypeHint::SelfField(_) => return None,
        };
        let last = path.rsplit("::").next()?;
        (last != "Self").then(|| last.to_string())
    }
}

/// The resources a value of some type owns, as a small set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Holds(u8);

impl Holds {
    pub const NOTHING: Holds = Holds(0);
    pub const SENDER: Holds = Holds(1);
    pub const RECEIVER: Holds = Holds(2);
    pub const JOIN_HANDLE: Holds = Holds(4);
    pub const GUARD: Holds = Holds(8);
    pub const TOKEN: Holds = Holds(16);

    const NAMES: [(Holds, &'static str); 5] = [
        (Holds::SENDER, "Sender"),
        (Holds::RECEIVER, "Receiver"),
        (Holds::JOIN_HANDLE, "JoinHandle"),
        (Holds::GUARD, "Guard"),
        (Holds::TOKEN, "Token"),
    ];

    /// Whether every resource of `other` is in `self`.
    pub fn contains(self, other: Holds) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any resource of `other` is in `self`.
    pub fn any(self, other: Holds) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: Holds) -> Holds {
        Holds(self.0 | other.0)
    }

    /// `union` for constants.
    pub const fn union_const(self, other: Holds) -> Holds {
        Holds(self.0 | other.0)
    }

    /// The resources in both sets.
    pub fn intersect(self, other: Holds) -> Holds {
        Holds(self.0 & other.0)
    }

    /// The names of the resources, in a fixed order (`["Sender", "JoinHandle"]`).
    pub fn names(self) -> Vec<&'static str> {
        Holds::NAMES
            .iter()
            .filter(|(h, _)| self.contains(*h))
            .map(|(_, n)| *n)
            .collect()
    }
}

/// What a type path written in some module resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolvedType {
    /// A struct or enum of the crate.
    Project(QualifiedName),
    /// Anything else, by its full path as far as the `use` items show it, normalised
    /// (`std::sync::mpsc::Sender`; the path as written when it is not imported).
    External(String),
}

/// One field of a project type, with the resolver of the module that declared it.
#[derive(Clone, Copy)]
pub struct FieldType<'a> {
    pub ty: &'a TypeExpr,
    /// Resolves a path written in the declaring module.
    pub resolve: &'a dyn Fn(&str) -> ResolvedType,
}

/// The type-level facts of a crate: what each of its structs and enums holds.
#[derive(Clone, Debug, Default)]
pub struct TypeFacts {
    holds: HashMap<QualifiedName, Holds>,
    /// The library types that own a resource ([`HELD_TYPES`] and the endpoint types the
    /// configuration declares); empty means [`HELD_TYPES`].
    library: HeldTable,
}

impl TypeFacts {
    /// Computes what every project type holds, to a fixpoint: a type holds what any of its
    /// fields holds. `types` gives each project type's fields (recursive types are fine:
    /// the sets only grow, and there are five resources).
    /// `library` lists the library types that own a resource (the catalogue's
    /// `held_types`; empty means the built-in [`HELD_TYPES`]).
    pub fn build(types: &[(QualifiedName, Vec<FieldType<'_>>)], library: HeldTable) -> TypeFacts {
        let mut facts = TypeFacts {
            library,
            ..TypeFacts::default()
        };
        loop {
            let mut changed = false;
            for (name, fields) in types {
                let now = fields.iter().fold(Holds::NOTHING, |acc, f| {
                    acc.union(facts.holds_expr(f.ty, f.resolve))
                });
                let old = facts.holds.get(name).copied().unwrap_or_default();
                if now.union(old) != old {
                    facts.holds.insert(name.clone(), now.union(old));
                    changed = true;
                }
            }
            if !changed {
                return facts;
            }
        }
    }

    /// What a project type holds (nothing when it is not a project type).
    pub fn holds(&self, ty: &QualifiedName) -> Holds {
        self.holds.get(ty).copied().unwrap_or_default()
    }

    /// What a value of the written type holds, resolving paths with `resolve`.
    pub fn holds_expr(&self, ty: &TypeExpr, resolve: &dyn Fn(&str) -> ResolvedType) -> Holds {
        match ty {
            TypeExpr::Tuple(elems) => elems.iter().fold(Holds::NOTHING, |acc, e| {
                acc.union(self.holds_expr(e, resolve))
            }),
            TypeExpr::Path { path, args } => match resolve(path) {
                // A project type declared as an endpoint (`[apis] channels` `sender =
                // "crate::bus::Sender"`) is one, whatever its fields hold.
                ResolvedType::Project(name) => self.holds(&name).union(self.library_holds(&name.0)),
                ResolvedType::External(full) => {
                    let own = self.library_holds(&full);
                    own.union(self.through_container(&full, args, resolve))
                }
            },
            TypeExpr::Ref | TypeExpr::Other => Holds::NOTHING,
        }
    }

    /// What a library container type (`Option`, `Arc`, `Mutex`, `Vec`, `HashMap`...) holds
    /// through its type arguments; maps hold their values only.
    fn through_container(
        &self,
        full: &str,
        args: &[TypeExpr],
        resolve: &dyn Fn(&str) -> ResolvedType,
    ) -> Holds {
        let last = full.rsplit("::").next().unwrap_or(full);
        let Some(&(_, values_only)) = TRANSPARENT_TYPES.iter().find(|(n, _)| *n == last) else {
            return Holds::NOTHING;
        };
        let held: &[TypeExpr] = match (values_only, args.last()) {
            (true, Some(last)) => std::slice::from_ref(last),
            _ => args,
        };
        held.iter().fold(Holds::NOTHING, |acc, a| {
            acc.union(self.holds_expr(a, resolve))
        })
    }

    /// The project types that hold a channel sender: leaklint treats a value of such a type
    /// as sender-like (`struct StopGuard { _tx: Sender<()> }` keeps the channel open while
    /// it lives). Sorted by name.
    pub fn sender_like(&self) -> Vec<&QualifiedName> {
        let mut out: Vec<&QualifiedName> = self
            .holds
            .iter()
            .filter(|(_, h)| h.contains(Holds::SENDER))
            .map(|(n, _)| n)
            .collect();
        out.sort();
        out
    }
}

impl TypeFacts {
    /// What a library type owns, by its full path, in this unit's table.
    pub(crate) fn library_holds(&self, full: &str) -> Holds {
        let table: &[(&str, Holds)] = if self.library.is_empty() {
            HELD_TYPES
        } else {
            &self.library
        };
        library_holds(full, table)
    }
}

/// The names a file must show for a value of one of its types to hold any resource of
/// `wanted`: the last segment of each library type that owns one ([`HELD_TYPES`],
/// [`HELD_BY_NAME`]), sorted, each once. Every [`Holds`] a project type or a declared type
/// has starts from a library type written in some file of the crate, and a path names its
/// last segment (a `use` that renames it names it too), so a crate none of whose files
/// shows one of these words has no value that holds `wanted`. `held` is the unit's table of
/// owning types by full path ([`HELD_TYPES`] plus the endpoint types the configuration
/// declares: `Catalog::held_types`).
pub fn held_type_names(held: &[(&'static str, Holds)], wanted: Holds) -> Vec<&'static str> {
    let full = held
        .iter()
        .map(|(p, h)| (p.rsplit("::").next().unwrap_or(p), *h));
    let mut names: Vec<&'static str> = full
        .chain(HELD_BY_NAME.iter().copied())
        .filter(|(_, h)| h.any(wanted))
        .map(|(n, _)| n)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// What a library type owns, by its full normalised path; a path that could not be
/// resolved (a glob import) is looked up by its last segment among the unambiguous names.
fn library_holds(full: &str, table: &[(&str, Holds)]) -> Holds {
    let full = catalog::normalize(full);
    if let Some((_, h)) = table.iter().find(|(p, _)| catalog::path_matches(p, &full)) {
        return *h;
    }
    if !full.contains("::") {
        if let Some((_, h)) = HELD_BY_NAME.iter().find(|(n, _)| *n == full) {
            return *h;
        }
    }
    Holds::NOTHING
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(src: &str) -> TypeExpr {
        TypeExpr::of(&syn::parse_str::<syn::Type>(src).unwrap())
    }

    fn external(p: &str) -> ResolvedType {
        match p {
            "Node" | "Guard" => ResolvedType::Project(QualifiedName(format!("crate::{p}"))),
            "Sender" => ResolvedType::External("std::sync::mpsc::Sender".into()),
            "JoinHandle" => ResolvedType::External("std::thread::JoinHandle".into()),
            other => ResolvedType::External(other.into()),
        }
    }

    #[test]
    fn held_type_names_are_the_last_segments_of_the_owning_types() {
        let senders = held_type_names(HELD_TYPES, Holds::SENDER);
        assert_eq!(senders, ["Sender", "SyncSender", "UnboundedSender"]);
        let handles = held_type_names(HELD_TYPES, Holds::JOIN_HANDLE.union(Holds::GUARD));
        assert_eq!(
            handles,
            [
                "Debouncer",
                "DropGuard",
                "JoinHandle",
                "PollWatcher",
                "RecommendedWatcher",
                "WorkerGuard"
            ]
        );
        assert!(held_type_names(HELD_TYPES, Holds::NOTHING).is_empty());
        // A declared endpoint type is named by its last segment too.
        let declared = [("my_bus::BusSender", Holds::SENDER)];
        assert_eq!(
            held_type_names(&declared, Holds::SENDER),
            ["BusSender", "Sender", "SyncSender", "UnboundedSender"]
        );
    }

    #[test]
    fn holds_through_containers_and_recursive_types() {
        let node_next = ty("Option<Box<Node>>");
        let node_tx = ty("Vec<Arc<Mutex<Sender<u8>>>>");
        let guard_h = ty("HashMap<Sender<u8>, (u8, JoinHandle<()>)>");
        let guard_w = ty("Weak<Node>");
        let resolve: &dyn Fn(&str) -> ResolvedType = &external;
        let field = |t| FieldType { ty: t, resolve };
        let types = vec![
            (
                QualifiedName("crate::Node".into()),
                vec![field(&node_next), field(&node_tx)],
            ),
            (
                QualifiedName("crate::Guard".into()),
                vec![field(&guard_h), field(&guard_w)],
            ),
        ];
        let facts = TypeFacts::build(&types, Vec::new());
        assert_eq!(
            facts.holds(&QualifiedName("crate::Node".into())),
            Holds::SENDER
        );
        // The map's key is not held (only values), a `Weak` holds nothing.
        assert_eq!(
            facts.holds(&QualifiedName("crate::Guard".into())),
            Holds::JOIN_HANDLE
        );
        assert_eq!(
            facts.holds_expr(&ty("&Sender<u8>"), resolve),
            Holds::NOTHING
        );
        assert_eq!(facts.holds_expr(&ty("Rc<Node>"), resolve), Holds::SENDER);
        assert_eq!(facts.sender_like().len(), 1);
    }

    #[test]
    fn bare_names_only_when_unresolved() {
        assert_eq!(library_holds("UnboundedSender", HELD_TYPES), Holds::SENDER);
        assert_eq!(
            library_holds("tokio::sync::mpsc::Receiver", HELD_TYPES),
            Holds::RECEIVER
        );
        assert_eq!(
            library_holds("hyper::body::Sender", HELD_TYPES),
            Holds::NOTHING
        );
        assert_eq!(
            library_holds("crossbeam::channel::Sender", HELD_TYPES),
            Holds::SENDER,
            "re-exports are normalised"
        );
        assert_eq!(
            Holds::SENDER.union(Holds::GUARD).names(),
            ["Sender", "Guard"]
        );
    }
}

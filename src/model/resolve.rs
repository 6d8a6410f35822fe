//! Path resolution: what does `mpsc::channel` mean at this point of the file?
//!
//! `use` items are collected per module and per block (items are visible in their whole
//! block, as in Rust). A child module sees its parent's names, as if it had `use super::*`,
//! which is what compiling code that names them must have. Resolution returns the full path
//! (`std::sync::mpsc::channel`); names defined in the file itself resolve to `crate::...` so
//! that a local `fn channel` is never mistaken for a library constructor.

use std::fmt::Write as _;

use syn::{Item, UseTree};

use super::catalog::{self, Catalog};
use super::{HashMap, HashSet};

/// Names the prelude brings into every module.
const PRELUDE: &[(&str, &str)] = &[
    ("drop", "std::mem::drop"),
    ("Box", "std::boxed::Box"),
    ("Vec", "std::vec::Vec"),
    ("Option", "std::option::Option"),
    ("Some", "std::option::Option::Some"),
    ("None", "std::option::Option::None"),
    ("Ok", "std::result::Result::Ok"),
    ("Err", "std::result::Result::Err"),
];

/// Crates that a path may start with without a `use` (the extern prelude of edition 2018+).
const EXTERN_CRATES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "tokio",
    "tokio_util",
    "tokio_stream",
    "crossbeam",
    "crossbeam_channel",
    "crossbeam_utils",
    "flume",
    "async_channel",
    "async_std",
    "futures",
    "futures_channel",
    "futures_util",
    "smol",
    "async_executor",
    "async_task",
    "rayon",
    "actix_rt",
    "reqwest",
    "async_global_executor",
    "threadpool",
    "tracing_appender",
    "hyper_util",
    "tonic",
    "tokio_tungstenite",
    "kanal",
    "async_broadcast",
    "ureq",
    "notify",
    "notify_debouncer_mini",
    "notify_debouncer_full",
    "postage",
    "bevy_tasks",
];

#[derive(Default, Debug)]
struct Scope {
    /// `alias -> full path` from `use` items.
    names: HashMap<String, String>,
    /// Modules imported with `use path::*`.
    globs: Vec<String>,
    /// Items defined here (fns, structs, mods...): they shadow globs and the prelude.
    local_items: HashSet<String>,
}

/// A stack of scopes, pushed and popped by the model's walker as it enters modules and blocks.
#[derive(Default, Debug)]
pub struct Resolver {
    scopes: Vec<Scope>,
    /// The library APIs known (for globs and the crates declared paths start at).
    catalog: &'static Catalog,
}

impl Resolver {
    /// A resolver that knows the APIs of `catalog`.
    pub fn new(catalog: &'static Catalog) -> Resolver {
        Resolver {
            scopes: Vec::new(),
            catalog,
        }
    }

    /// Enters a module or block holding `items`.
    pub fn push<'a>(&mut self, items: impl IntoIterator<Item = &'a Item>) {
        let mut scope = Scope::default();
        for item in items {
            match item {
                Item::Use(u) => {
                    let prefix = if u.leading_colon.is_some() { "::" } else { "" };
                    collect_use(&u.tree, &mut prefix.to_string(), &mut scope);
                }
                Item::Fn(f) => {
                    scope.local_items.insert(f.sig.ident.to_string());
                }
                Item::Struct(s) => {
                    scope.local_items.insert(s.ident.to_string());
                }
                Item::Enum(e) => {
                    scope.local_items.insert(e.ident.to_string());
                }
                Item::Mod(m) => {
                    scope.local_items.insert(m.ident.to_string());
                }
                Item::Static(s) => {
                    scope.local_items.insert(s.ident.to_string());
                }
                Item::Const(c) => {
                    scope.local_items.insert(c.ident.to_string());
                }
                Item::Type(t) => {
                    scope.local_items.insert(t.ident.to_string());
                }
                Item::Trait(t) => {
                    scope.local_items.insert(t.ident.to_string());
                }
                Item::Macro(m) => {
                    if let Some(ident) = &m.ident {
                        scope.local_items.insert(ident.to_string());
                    }
                }
                _ => {}
            }
        }
        self.scopes.push(scope);
    }

    /// Enters a scope with no items (cheap: most blocks have none).
    pub fn push_empty(&mut self) {
        self.scopes.push(Scope::default());
    }

    pub fn pop(&mut self) {
        self.scopes.pop();
    }

    /// Resolves a path to its full, normalised form (see [`catalog::normalize`]).
    /// Returns `None` for paths that are neither imported nor start at a known crate
    /// (local variables, associated items of local types...).
    pub fn resolve(&self, path: &syn::Path) -> Option<String> {
        let mut segments = path.segments.iter();
        let first = segments.next()?.ident.to_string();
        let mut full = if path.leading_colon.is_some() {
            first
        } else {
            self.resolve_first(&first, segments.len() == 0)?
        };
        for seg in segments {
            use std::fmt::Write;
            // Writing into `full` spares a `String` per segment.
            let _ = write!(full, "::{}", seg.ident);
        }
        Some(catalog::normalize_owned(full))
    }

    /// Resolves a path written as a string (`mpsc::channel`), for tests and macros.
    pub fn resolve_str(&self, path: &str) -> Option<String> {
        syn::parse_str::<syn::Path>(path)
            .ok()
            .and_then(|p| self.resolve(&p))
    }

    fn resolve_first(&self, first: &str, alone: bool) -> Option<String> {
        match first {
            "crate" | "self" | "super" | "Self" => return Some(format!("crate::{first}")),
            _ => {}
        }
        for scope in self.scopes.iter().rev() {
            if let Some(full) = scope.names.get(first) {
                return Some(full.trim_start_matches("::").to_string());
            }
            if scope.local_items.contains(first) {
                return Some(format!("crate::{first}"));
            }
            // A glob can only be trusted for names it is known to export.
            if alone {
                for glob in scope.globs.iter().rev() {
                    let candidate = catalog::normalize_owned(format!("{glob}::{first}"));
                    if self.catalog.is_known_path(&candidate) {
                        return Some(candidate);
                    }
                }
            }
        }
        if let Some((_, full)) = PRELUDE.iter().find(|(n, _)| *n == first) {
            return Some(full.to_string());
        }
        if EXTERN_CRATES.contains(&first) || self.catalog.crates.contains(&first) {
            return Some(first.to_string());
        }
        None
    }
}

/// `prefix`: the path so far (one buffer for the whole tree, restored before returning).
fn collect_use(tree: &UseTree, prefix: &mut String, scope: &mut Scope) {
    let join = |prefix: &str, name: &str| {
        if prefix.is_empty() || prefix == "::" {
            format!("{prefix}{name}")
        } else {
            format!("{prefix}::{name}")
        }
    };
    match tree {
        UseTree::Path(p) => {
            let len = prefix.len();
            if !(prefix.is_empty() || prefix == "::") {
                prefix.push_str("::");
            }
            let _ = write!(prefix, "{}", p.ident);
            collect_use(&p.tree, prefix, scope);
            prefix.truncate(len);
        }
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                // `use a::b::{self}` names `b`.
                if let Some(last) = prefix.rsplit("::").next() {
                    scope.names.insert(last.to_string(), prefix.clone());
                }
            } else {
                scope.names.insert(name.clone(), join(prefix, &name));
            }
        }
        UseTree::Rename(r) => {
            let name = r.ident.to_string();
            let full = if name == "self" {
                prefix.clone()
            } else {
                join(prefix, &name)
            };
            let alias = r.rename.to_string();
            if alias != "_" {
                scope.names.insert(alias, full);
            }
        }
        UseTree::Glob(_) => scope
            .globs
            .push(prefix.trim_start_matches("::").to_string()),
        UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, scope);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(src: &str) -> Resolver {
        let file: syn::File = syn::parse_str(src).unwrap();
        let mut r = Resolver::default();
        r.push(&file.items);
        r
    }

    #[test]
    fn resolves_imports_renames_groups_and_globs() {
        let r = resolver(
            "use std::sync::mpsc; use tokio::sync::{oneshot, mpsc::{self as tmpsc, unbounded_channel as ub}};
             use crossbeam::channel::*; use ::flume as fl;",
        );
        assert_eq!(
            r.resolve_str("mpsc::channel").unwrap(),
            "std::sync::mpsc::channel"
        );
        assert_eq!(
            r.resolve_str("tmpsc::channel").unwrap(),
            "tokio::sync::mpsc::channel"
        );
        assert_eq!(
            r.resolve_str("ub").unwrap(),
            "tokio::sync::mpsc::unbounded_channel"
        );
        assert_eq!(
            r.resolve_str("oneshot::channel").unwrap(),
            "tokio::sync::oneshot::channel"
        );
        assert_eq!(
            r.resolve_str("bounded").unwrap(),
            "crossbeam_channel::bounded"
        );
        assert_eq!(r.resolve_str("fl::unbounded").unwrap(), "flume::unbounded");
        assert_eq!(
            r.resolve_str("::std::mem::forget").unwrap(),
            "std::mem::forget"
        );
        assert_eq!(r.resolve_str("drop").unwrap(), "std::mem::drop");
        assert_eq!(r.resolve_str("local_var"), None);
    }

    #[test]
    fn local_items_shadow_globs() {
        let r = resolver("use std::sync::mpsc::*; fn channel() {}");
        assert_eq!(r.resolve_str("channel").unwrap(), "crate::channel");
        assert_eq!(
            r.resolve_str("sync_channel").unwrap(),
            "std::sync::mpsc::sync_channel"
        );
    }
}

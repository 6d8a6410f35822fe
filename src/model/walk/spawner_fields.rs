//! Spawner values: a pool whose `join()` waits for the work spawned on it, and fields that
//! hold a spawner: `struct Server { pool: ThreadPool }` makes
//! `self.pool.execute(..)` in `impl Server` a spawn, as a `ThreadPool` binding or parameter
//! would. Only the file's top-level structs, by the type written for the field (directly or
//! inside `Arc`, `Box` or `Rc`); an owned tokio `Runtime` cancels its tasks when it drops,
//! so it is left out.

use syn::{Expr, Item};

use super::syntax::{is_self, strip_parens};
use super::Walker;
use crate::model::flow::ValueOrigin;
use crate::source::Span;

/// `(struct, field, spawner id)` for each field of a top-level struct whose type is a
/// spawner of the catalogue.
pub(super) type SpawnerFields = Vec<(String, String, usize)>;

impl Walker<'_> {
    /// Collects the spawner fields of the file's top-level structs (the resolver holds the
    /// file's `use` items).
    pub(super) fn collect_spawner_fields(&mut self, items: &[Item]) {
        for item in items {
            let Item::Struct(s) = item else { continue };
            for field in &s.fields {
                let (Some(name), Some(id)) = (&field.ident, self.spawner_type(&field.ty)) else {
                    continue;
                };
                self.spawner_fields
                    .push((s.ident.to_string(), name.to_string(), id));
            }
        }
    }

    /// The spawner a field type is, seen through `Arc`, `Box` and `Rc`.
    fn spawner_type(&self, ty: &syn::Type) -> Option<usize> {
        let syn::Type::Path(tp) = ty else { return None };
        let last = tp.path.segments.last()?;
        if matches!(last.ident.to_string().as_str(), "Arc" | "Box" | "Rc") {
            let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
                return None;
            };
            return match a.args.first()? {
                syn::GenericArgument::Type(inner) => self.spawner_type(inner),
                _ => None,
            };
        }
        let full = self.resolver.resolve(&tp.path)?;
        let id = self.catalog.spawner_of(&full)?;
        let ty = self.catalog.spawners[id].ty;
        (ty == full && ty != "tokio::runtime::Runtime").then_some(id)
    }

    /// The spawner held by `self.field` in a method of the struct that declares it.
    pub(super) fn spawner_field(&self, receiver: &Expr) -> Option<usize> {
        let Expr::Field(f) = strip_parens(receiver) else {
            return None;
        };
        let syn::Member::Named(field) = &f.member else {
            return None;
        };
        if !is_self(&f.base) {
            return None;
        }
        let owner = self.self_type.as_deref()?;
        self.spawner_fields
            .iter()
            .find(|(s, name, _)| s == owner && field == name)
            .map(|&(_, _, id)| id)
    }

    /// `pool.execute(..)` (the spawn call `call`) on a pool bound to a name whose type has a
    /// method that waits for all its work: the spawn site records it, so that `pool.join()`
    /// is where the spawning code waits for this work.
    pub(super) fn note_pool_join(&mut self, receiver: &Expr, call: Span) {
        let Some(pool) = self.binding_of(strip_parens(receiver)) else {
            return;
        };
        let Some(body) = self.body.as_mut() else {
            return;
        };
        let ValueOrigin::Spawner(id) = body.bindings[pool].origin else {
            return;
        };
        let Some(join) = self.catalog.spawners[id].join else {
            return;
        };
        if let Some(site) = body.spawns.last_mut().filter(|s| s.call == call) {
            site.pool_join = Some((pool, join));
        }
    }
}

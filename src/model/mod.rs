//! The semantic model the lints ask questions of.
//!
//! One walk over a parsed file builds a [`FileModel`]: every function body with its
//! bindings and what happens to each of them ([`flow`]), the channels created there and
//! their endpoints ([`channels`]), and the receive loops. Lints never walk the AST
//! themselves for these facts.

pub mod catalog;
pub mod channels;
pub mod dump;
pub mod fields;
pub mod flow;
pub mod index;
pub mod items;
pub mod paths;
pub mod resolve;
pub mod summary;
pub mod tasks;
pub mod types;
mod walk;

/// The model's hash maps and sets: its keys are short names and paths, which FxHash hashes
/// in a few instructions (SipHash's resistance to chosen keys buys nothing here).
pub use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use channels::{Channel, ChannelId, RecvLoop, Role, Slot};
pub use flow::{
    Binding, BindingId, Body, BodyId, Context, CtxId, LoopInfo, Use, UseKind, ValueOrigin,
};
pub use tasks::{
    AwaitInCancellable, CancelKind, CancellableFuture, Consumed, HandleFate, HandleUse, SpawnSite,
};

use crate::source::SourceFile;
use catalog::{Catalog, PRELUDE_VARIANTS};

/// Everything the lints need to know about one file.
#[derive(Debug, Default)]
pub struct FileModel {
    pub bodies: Vec<Body>,
    pub channels: Vec<Channel>,
    /// Names of struct fields read anywhere in this file (`x.field` outside an assignment
    /// target, or a struct pattern). Merged per crate: a field no file reads is never read.
    pub field_reads: HashSet<String>,
    /// Fields read through `self` in an `impl T`: `(T, field)`. Such a read is of that
    /// type's field only.
    pub typed_field_reads: HashSet<(String, String)>,
    /// Capitalised last segments of paths in expression position and capitalised names
    /// in macros: the enum variants this file may construct (`Cmd::Shutdown` → `Shutdown`).
    pub constructed: HashSet<String>,
    /// The library APIs the model was built with (built-in and declared).
    pub catalog: &'static Catalog,
    /// The ids of the channels made in each body, ascending ([`FileModel::channels_in`]);
    /// filled once the walk is done.
    body_channels: HashMap<BodyId, Vec<ChannelId>>,
}

impl FileModel {
    /// The model of a file, with the built-in catalogue of library APIs.
    pub fn build(file: &SourceFile, ast: &syn::File) -> FileModel {
        walk::build(file, ast, Catalog::builtin())
    }

    /// The model of a file, with the APIs of `catalog` (built-in and declared).
    pub fn build_with(file: &SourceFile, ast: &syn::File, catalog: &'static Catalog) -> FileModel {
        walk::build(file, ast, catalog)
    }

    /// Marks every body as test code (a file of a test, bench or example target).
    pub fn mark_test_code(&mut self) {
        for body in &mut self.bodies {
            body.in_test = true;
        }
    }

    /// The file's crate is of an edition before 2021: closures capture whole variables
    /// (see [`Body::whole_captures`]).
    pub fn assume_whole_captures(&mut self) {
        for body in &mut self.bodies {
            body.whole_captures = true;
        }
    }

    pub fn channel(&self, id: ChannelId) -> &Channel {
        &self.channels[id]
    }

    /// The channels made in body `id`, in the order they were made: O(their number), so
    /// that asking it for every function keeps a file's cost linear in its functions.
    pub fn channels_in(&self, id: BodyId) -> impl Iterator<Item = &Channel> + '_ {
        let ids = self.body_channels.get(&id).map_or(&[][..], Vec::as_slice);
        ids.iter().map(|&c| &self.channels[c])
    }

    /// Fills the index behind [`FileModel::channels_in`] (after the walk).
    pub(crate) fn index_channels(&mut self) {
        self.body_channels.clear();
        for ch in &self.channels {
            self.body_channels.entry(ch.body).or_default().push(ch.id);
        }
    }

    pub fn body(&self, id: BodyId) -> &Body {
        &self.bodies[id]
    }

    /// The receive loops on `channel` in every body of the file, with their bodies.
    pub fn recv_loops_on(&self, channel: ChannelId) -> impl Iterator<Item = (&Body, &RecvLoop)> {
        self.bodies.iter().flat_map(move |b| {
            b.recv_loops
                .iter()
                .filter(
                    move |rl| matches!(b.endpoint_of(rl.receiver), Some((c, _)) if c == channel),
                )
                .map(move |rl| (b, rl))
        })
    }

    /// Whether the channel's consumers can stop without the channel closing: it has at least
    /// one receive loop in the file, and every such loop has a `break`/`return`/`?` way out
    /// (a shutdown message the loop stops on). A sender that is never dropped then does not
    /// keep the consumer alive for ever.
    pub fn consumers_stop_on_message(&self, channel: ChannelId) -> bool {
        let mut loops = self.recv_loops_on(channel).peekable();
        loops.peek().is_some()
            && loops.all(|(b, rl)| {
                // A `while let Ok(Msg::Data(v))` loop may also stop on another message.
                !rl.pattern_types.is_empty()
                    || rl.loop_id.is_some_and(|l| !b.loops[l].exits.is_empty())
            })
    }

    /// The names of the types whose definitions the crate checks ask about (the type of a
    /// value that took a channel sender, the type of a leaked value): the engine models the
    /// skipped files that name them. `Watcher` for `let w = Watcher::new(tx)`.
    pub fn types_asked(&self) -> Vec<String> {
        let mut out = Vec::new();
        for body in &self.bodies {
            let holders = (0..body.bindings.len())
                .filter(|&b| matches!(body.endpoint_of(b), Some((_, Role::Sender))))
                .filter_map(|tx| body.holder_of(tx));
            let leaked = body.leaks.iter().filter_map(|l| match l.what {
                flow::Leaked::Value { binding } => binding,
                _ => None,
            });
            let hints = holders
                .chain(leaked)
                .filter_map(|b| body.bindings[b].hint.as_ref())
                .chain(body.leaks.iter().filter_map(|l| l.hint.as_ref()));
            out.extend(hints.filter_map(types::TypeHint::type_word));
            out.extend(body.recv_loops.iter().flat_map(pattern_type_words));
        }
        out.sort();
        out.dedup();
        out
    }

    /// The bodies that are not test code (`#[test]` functions, `#[cfg(test)]` modules, files
    /// of test targets), with their ids: the task lints leave test code alone, since the
    /// test's runtime or process ends the work.
    pub fn bodies_outside_tests(&self) -> impl Iterator<Item = (BodyId, &Body)> {
        self.bodies.iter().enumerate().filter(|(_, b)| !b.in_test)
    }
}

/// The type names a receive loop's pattern asks about (`Event` and `Line` for
/// `Event::Line`, `Job` for `Job`): the skipped files that declare them are modelled. The
/// prelude's variants (`Ok` in `Some(Ok(m))`) are std's, whatever a crate declares: they
/// are named in most files, and reaching for them modelled about 80 files of the library
/// corpus for nothing.
fn pattern_type_words(rl: &RecvLoop) -> Vec<String> {
    rl.pattern_types
        .iter()
        .flat_map(|p| p.rsplit("::").take(2))
        .filter(|w| !matches!(*w, "Self" | "crate" | "self" | "super"))
        .filter(|w| !PRELUDE_VARIANTS.contains(w))
        .map(str::to_string)
        .collect()
}

/// A fact about the whole crate that a finding depends on; resolved after every file of
/// the crate has been modelled.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CrateCondition {
    /// The finding stands only if no file of the crate reads this field.
    FieldNeverRead(String),
    /// The finding stands only if no file of the crate reads field `field` of struct `ty`
    /// (a read through `self` in an `impl` of another type does not count; a read through
    /// a value of unknown type does), and the field is not `pub` (readers may be outside
    /// the crate).
    FieldOfTypeNeverRead { ty: String, field: String },
    /// The finding stands only if no file of the crate constructs an enum variant of this
    /// name (a loop exit guarded by it is never taken), and no `pub` enum of the crate has
    /// a variant of this name (code outside the crate may construct it).
    VariantNeverConstructed(String),
}

impl CrateCondition {
    /// The field name a file must contain to bear on the condition.
    pub fn word(&self) -> &str {
        match self {
            CrateCondition::FieldNeverRead(field) => field,
            CrateCondition::FieldOfTypeNeverRead { field, .. } => field,
            CrateCondition::VariantNeverConstructed(variant) => variant,
        }
    }
}

/// Facts one file contributes to its crate.
#[derive(Clone, Debug, Default)]
pub struct CrateFacts {
    pub field_reads: HashSet<String>,
    pub typed_field_reads: HashSet<(String, String)>,
    /// `pub` fields of the file's structs: `(struct, field)`.
    pub pub_fields: HashSet<(String, String)>,
    /// Enum variants (by name) the files may construct.
    pub constructed: HashSet<String>,
    /// Variants of the files' `pub` enums (by name): code outside the crate may construct them.
    pub pub_variants: HashSet<String>,
}

impl CrateFacts {
    /// The facts of one modelled file.
    pub fn of_file(model: &FileModel, items: &items::FileItems) -> CrateFacts {
        CrateFacts {
            field_reads: model.field_reads.clone(),
            typed_field_reads: model.typed_field_reads.clone(),
            pub_fields: items
                .structs
                .iter()
                .flat_map(|s| {
                    s.fields
                        .iter()
                        .filter(|f| f.is_pub)
                        .map(|f| (s.name.name().to_string(), f.name.clone()))
                })
                .collect(),
            constructed: model.constructed.clone(),
            pub_variants: items.pub_variants.iter().cloned().collect(),
        }
    }

    pub fn merge(&mut self, other: &CrateFacts) {
        self.field_reads.extend(other.field_reads.iter().cloned());
        self.typed_field_reads
            .extend(other.typed_field_reads.iter().cloned());
        self.pub_fields.extend(other.pub_fields.iter().cloned());
        self.constructed.extend(other.constructed.iter().cloned());
        self.pub_variants.extend(other.pub_variants.iter().cloned());
    }

    pub fn holds(&self, condition: &CrateCondition) -> bool {
        match condition {
            CrateCondition::FieldNeverRead(field) => !self.field_reads.contains(field),
            CrateCondition::FieldOfTypeNeverRead { ty, field } => {
                let key = (ty.clone(), field.clone());
                !self.field_reads.contains(field)
                    && !self.typed_field_reads.contains(&key)
                    && !self.pub_fields.contains(&key)
            }
            CrateCondition::VariantNeverConstructed(variant) => {
                !self.constructed.contains(variant) && !self.pub_variants.contains(variant)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(text: &str) -> FileModel {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
        let ast = syn::parse_file(text).unwrap();
        FileModel::build(&file, &ast)
    }

    #[test]
    fn receive_patterns_ask_for_crate_types_not_the_preludes_variants() {
        let asked = model(
            "async fn a(mut rx: tokio::sync::mpsc::Receiver<Result<Job, E>>) {\n\
                 while let Some(Ok(Job { id })) = rx.recv().await { let _ = id; }\n\
             }\n\
             fn b(rx: std::sync::mpsc::Receiver<Event>) {\n\
                 while let Ok(Event::Line(l)) = rx.recv() { let _ = l; }\n\
             }\n\
             fn c() {\n\
                 let (tx, rx) = std::sync::mpsc::channel::<u8>();\n\
                 let shared = std::sync::Arc::new(tx);\n\
                 std::mem::forget(std::sync::Arc::clone(&shared));\n\
                 std::mem::forget(Vec::<u8>::new());\n\
                 let held = Holder::new(rx);\n\
                 std::mem::forget(held);\n\
             }\n",
        )
        .types_asked();
        assert_eq!(asked, ["Event", "Holder", "Job", "Line"]);
    }
}

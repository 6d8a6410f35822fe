//! The semantic model the lints ask questions of.
//!
//! One walk over a parsed file builds a [`FileModel`]: every function body with its
//! bindings and what happens to each of them ([`flow`]), the channels created there and
//! their endpoints ([`channels`]), and the receive loops. Lints never walk the AST
//! themselves for these facts.

pub mod catalog;
pub mod channels;
pub mod flow;
pub mod resolve;
pub mod tasks;
mod walk;

use std::collections::HashSet;

pub use channels::{Channel, ChannelId, RecvLoop, Role, Slot};
pub use flow::{
    Binding, BindingId, Body, BodyId, Context, CtxId, LoopInfo, Use, UseKind, ValueOrigin,
};
pub use tasks::{
    AwaitInCancellable, CancelKind, CancellableFuture, Consumed, HandleFate, HandleUse, SpawnSite,
};

use crate::source::SourceFile;

/// Everything the lints need to know about one file.
#[derive(Debug, Default)]
pub struct FileModel {
    pub bodies: Vec<Body>,
    pub channels: Vec<Channel>,
    /// Names of struct fields read anywhere in this file (`x.field` outside an assignment
    /// target, or a struct pattern). Merged per crate: a field no file reads is never read.
    pub field_reads: HashSet<String>,
}

impl FileModel {
    pub fn build(file: &SourceFile, ast: &syn::File) -> FileModel {
        walk::build(file, ast)
    }

    pub fn channel(&self, id: ChannelId) -> &Channel {
        &self.channels[id]
    }

    pub fn body(&self, id: BodyId) -> &Body {
        &self.bodies[id]
    }
}

/// A fact about the whole crate that a finding depends on; resolved after every file of
/// the crate has been modelled.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CrateCondition {
    /// The finding stands only if no file of the crate reads this field.
    FieldNeverRead(String),
}

/// Facts one file contributes to its crate.
#[derive(Clone, Debug, Default)]
pub struct CrateFacts {
    pub field_reads: HashSet<String>,
}

impl CrateFacts {
    pub fn merge(&mut self, other: &CrateFacts) {
        self.field_reads.extend(other.field_reads.iter().cloned());
    }

    pub fn holds(&self, condition: &CrateCondition) -> bool {
        match condition {
            CrateCondition::FieldNeverRead(field) => !self.field_reads.contains(field),
        }
    }
}

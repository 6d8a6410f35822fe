//! `unused_suppression`: a suppression that silences nothing. Raised by the pipeline
//! (`crate::suppress`), not by a check of its own.

use crate::lints::{Group, Lint};

pub static UNUSED_SUPPRESSION: Lint = Lint {
    name: "unused_suppression",
    group: Group::Suspicious,
    doc: include_str!("../../lints/unused_suppression.md"),
    // Every suppression names leaklint (`// leaklint:allow`, `cfg_attr(leaklint, ..)`).
    needles: &["//leaklint"],
    check: None,
};

//! Context files (path mode, issue 8 §7): files of a named file's package that were not
//! named. They are modelled only when reached (as files the pre-filter skipped are) and
//! their own findings are never reported.

use super::{FileResult, InputFile};

/// Drops what a context file would report (its findings, its tool errors, its
/// suppressions' notes) and does not count it as parsed: only its crate facts, its items
/// and its model serve the named files. Any other file is left as it is.
pub(super) fn settle(result: &mut FileResult, input: &InputFile) {
    if !input.context {
        return;
    }
    result.diagnostics.clear();
    result.conditional.clear();
    result.parsed = false;
}

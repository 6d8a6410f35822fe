//! Command-line arguments and the top-level flow of a run.

/// Exit status: nothing at deny level.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one deny-level finding (or an unreadable/unparsable file).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: usage or configuration error.
pub const EXIT_USAGE: i32 = 2;

pub fn main_with_args(_args: Vec<std::ffi::OsString>) -> i32 {
    EXIT_OK
}

//! Output formats. Each renders the same [`Diagnostic`] values; only this module writes
//! findings to the terminal.

use std::io::Write;

use crate::diagnostic::Diagnostic;

pub mod human;

/// `--message-format`
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    Sarif,
    Github,
}

/// Settings of a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub format: Format,
    pub color: bool,
}

/// Writes every diagnostic in the chosen format.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    // The other formats are being written; until then everything renders as `human`.
    let _ = options.format;
    human::write(out, diagnostics, options.color)
}

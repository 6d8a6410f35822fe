//! Baselines: adopt leaklint on an old codebase without a wall of findings.
//!
//! `--write-baseline FILE` records the findings of a run; `--baseline FILE` then reports only
//! the findings that are not in it. A finding is matched by its lint, its file (the path
//! shown to users: relative to the workspace root, or to the current directory in path mode)
//! and a fingerprint of the code around it, never by its line number, so that an edit above a
//! finding does not bring it back.
//!
//! The fingerprint (also SARIF's `partialFingerprints["leaklint/v1"]`) is
//! `HASH:N`: `HASH` is the xxh3-64 hash (16 hex digits) of the lint name, the text of the
//! lines the primary span covers and the text of the span itself, each with its whitespace
//! collapsed to single spaces (so re-indenting does not change it); `N` counts the earlier
//! findings of the same lint in the same file with the same hash (0 for the first), as
//! GitHub's `primaryLocationLineHash` does. Tool errors (`syntax_error`, ...) have no
//! fingerprint and are never baselined.
//!
//! The file is pretty JSON, sorted by file, lint and fingerprint, so that it diffs well:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "file": "src/main.rs",
//!       "lint": "receiver_dropped",
//!       "fingerprint": "5c0a3c3b2f1e9d77:0",
//!       "message": "the receiver of this unbounded channel is dropped at once, ..."
//!     }
//!   ]
//! }
//! ```
//!
//! `message` is there for the reader; it is not matched.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The version of the baseline format (the `version` field).
pub const VERSION: u32 = 1;

/// The key of the fingerprint in SARIF's `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "leaklint/v1";

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The path shown to users, with `/` separators.
    pub file: String,
    /// The lint's name, without `leaklint::`.
    pub lint: String,
    /// `HASH:N`, see the module documentation.
    pub fingerprint: String,
    /// The finding's message, for the reader; not matched.
    #[serde(default)]
    pub message: String,
}

impl Entry {
    fn key(&self) -> (&str, &str, &str) {
        (&self.file, &self.lint, &self.fingerprint)
    }
}

/// Why a baseline file cannot be used (exit status 2).
#[derive(Debug)]
pub struct BaselineError(pub String);

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BaselineError {}

/// Sets the fingerprint of every lint diagnostic. `diagnostics` must be sorted by file and
/// position (as [`crate::engine::run`] returns them), so that the occurrence counts follow
/// the order of the findings in each file.
pub fn assign_fingerprints(diagnostics: &mut [Diagnostic]) {
    let mut seen: HashMap<(String, &'static str, u64), usize> = HashMap::new();
    for d in diagnostics.iter_mut() {
        let Some(lint) = d.lint() else { continue };
        let hash = code_hash(lint.name, &d.file, d.primary.span);
        let n = seen
            .entry((d.file.display.clone(), lint.name, hash))
            .or_default();
        d.fingerprint = Some(format!("{hash:016x}:{n}"));
        *n += 1;
    }
}

/// The hash of a finding's code: the lint, the (whitespace-collapsed) lines of the primary
/// span, and the span's own text.
fn code_hash(lint: &str, file: &SourceFile, span: crate::source::Span) -> u64 {
    let span = crate::report::normalize(file, span);
    let first = file.position(span.start as usize).line;
    let last = file.position(span.end as usize).line;
    let mut text = String::from(lint);
    for line in first..=last {
        text.push('\n');
        push_collapsed(&mut text, file.line_text(line));
    }
    text.push('\n');
    push_collapsed(&mut text, file.snippet(span));
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

impl Baseline {
    /// The baseline of these diagnostics: every lint diagnostic with a fingerprint.
    pub fn of(diagnostics: &[Diagnostic]) -> Baseline {
        let mut findings: Vec<Entry> = diagnostics
            .iter()
            .filter_map(|d| {
                Some(Entry {
                    file: d.file.display.replace('\\', "/"),
                    lint: d.lint()?.name.to_string(),
                    fingerprint: d.fingerprint.clone()?,
                    message: d.message.clone(),
                })
            })
            .collect();
        findings.sort();
        findings.dedup_by(|a, b| a.key() == b.key());
        Baseline {
            version: VERSION,
            findings,
        }
    }

    /// Reads and checks a baseline file.
    ///
    /// # Errors
    /// The file cannot be read, is not JSON of this shape, or has another `version`.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| BaselineError(format!("cannot read the baseline `{shown}`: {e}")))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            BaselineError(format!(
                "`{shown}` is not a leaklint baseline: {e} (write one with `--write-baseline`)"
            ))
        })?;
        if baseline.version != VERSION {
            return Err(BaselineError(format!(
                "the baseline `{shown}` has version {}, this leaklint reads version {VERSION}; \
                 write it again with `--write-baseline`",
                baseline.version
            )));
        }
        Ok(baseline)
    }

    /// Writes the baseline as pretty JSON with a final newline.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let mut text = serde_json::to_string_pretty(self).expect("a baseline serializes");
        text.push('\n');
        std::fs::write(path, text).map_err(|e| {
            BaselineError(format!(
                "cannot write the baseline `{}`: {e}",
                path.display()
            ))
        })
    }

    /// Removes from `diagnostics` every finding the baseline records; returns how many
    /// findings it removed, and how many entries of the baseline matched nothing (findings
    /// that are gone).
    pub fn filter(&self, diagnostics: &mut Vec<Diagnostic>) -> (usize, usize) {
        let before = diagnostics.len();
        let mut known: HashMap<(String, String, String), bool> = self
            .findings
            .iter()
            .map(|e| {
                (
                    (e.file.clone(), e.lint.clone(), e.fingerprint.clone()),
                    false,
                )
            })
            .collect();
        diagnostics.retain(|d| {
            let (Some(lint), Some(fingerprint)) = (d.lint(), d.fingerprint.as_deref()) else {
                return true;
            };
            let key = (
                d.file.display.replace('\\', "/"),
                lint.name.to_string(),
                fingerprint.to_string(),
            );
            match known.get_mut(&key) {
                Some(matched) => {
                    *matched = true;
                    false
                }
                None => true,
            }
        });
        let gone = known.values().filter(|&&m| !m).count();
        (before - diagnostics.len(), gone)
    }
}

/// What the command line asked of baselines: read one, or write one.
#[derive(Debug, Default)]
pub enum Mode {
    #[default]
    Off,
    /// `--baseline FILE`, already read.
    Filter(Baseline),
    /// `--write-baseline FILE`.
    Write(std::path::PathBuf),
}

/// Applies `mode` to the diagnostics of a run: removes the baselined findings (`Filter`), or
/// records every finding and removes them all (`Write`). Returns the line to tell the user,
/// if any.
///
/// # Errors
/// The baseline cannot be written.
pub fn apply(mode: &Mode, diagnostics: &mut Vec<Diagnostic>) -> Result<Applied, BaselineError> {
    let applied = match mode {
        Mode::Off => return Ok(Applied::default()),
        Mode::Filter(baseline) => {
            let (suppressed, gone) = baseline.filter(diagnostics);
            let message = match gone {
                0 => None,
                1 => Some("1 baseline entry fixed, run --write-baseline to drop it".to_string()),
                n => Some(format!(
                    "{n} baseline entries fixed, run --write-baseline to drop them"
                )),
            };
            Applied {
                message,
                suppressed: Some(suppressed),
            }
        }
        Mode::Write(path) => {
            let baseline = Baseline::of(diagnostics);
            baseline.write(path)?;
            diagnostics.retain(|d| d.lint().is_none());
            let n = baseline.findings.len();
            Applied {
                message: Some(format!(
                    "Wrote {n} {} to the baseline `{}`",
                    if n == 1 { "finding" } else { "findings" },
                    path.display()
                )),
                suppressed: None,
            }
        }
    };
    crate::engine::mark_first_of_each_lint(diagnostics);
    Ok(applied)
}

/// What applying a baseline did.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// A line for the user (entries gone, baseline written).
    pub message: Option<String>,
    /// With `--baseline`: how many findings it suppressed (the summary says so).
    pub suppressed: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Levels;

    const LEAK: &str = "fn main() {\n    let (tx, _) = std::sync::mpsc::channel::<u32>();\n    let _ = tx.send(1);\n}\n";

    fn lint(text: &str) -> Vec<Diagnostic> {
        crate::engine::lint_source("src/main.rs", text, &Levels::default())
    }

    fn fingerprints(ds: &[Diagnostic]) -> Vec<String> {
        ds.iter().filter_map(|d| d.fingerprint.clone()).collect()
    }

    #[test]
    fn fingerprints_survive_edits_above_and_reindenting() {
        let before = fingerprints(&lint(LEAK));
        assert_eq!(before.len(), 1);
        assert!(before[0].ends_with(":0"), "{before:?}");
        let moved = format!("// a comment\n\nuse std::sync::mpsc;\n{LEAK}");
        assert_eq!(fingerprints(&lint(&moved)), before);
        let reindented = LEAK.replace("    let (tx", "\t\tlet  (tx");
        assert_eq!(fingerprints(&lint(&reindented)), before);
        // Another channel type is another piece of code.
        let other = LEAK.replace("u32", "u64");
        assert_ne!(fingerprints(&lint(&other)), before);
    }

    #[test]
    fn equal_code_gets_occurrence_numbers() {
        let twice = LEAK.replace("    let _ = tx.send(1);\n", "    let _ = tx.send(1);\n    let (tx, _) = std::sync::mpsc::channel::<u32>();\n    let _ = tx.send(1);\n");
        let prints = fingerprints(&lint(&twice));
        assert_eq!(prints.len(), 2);
        let (a, b) = (prints[0].split_once(':'), prints[1].split_once(':'));
        assert_eq!(a.unwrap().0, b.unwrap().0);
        assert_eq!((a.unwrap().1, b.unwrap().1), ("0", "1"));
    }

    #[test]
    fn filter_removes_known_findings_and_counts_the_gone_ones() {
        let old = Baseline::of(&lint(LEAK));
        assert_eq!(old.findings.len(), 1);
        assert_eq!(old.findings[0].lint, "receiver_dropped");
        let mut now = lint(&LEAK.replace("u32", "u8"));
        assert_eq!(old.filter(&mut now), (0, 1));
        assert_eq!(now.len(), 1);
        let mut same = lint(LEAK);
        assert_eq!(old.filter(&mut same), (1, 0));
        assert!(same.is_empty());
    }

    #[test]
    fn bad_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        assert!(Baseline::read(&path).unwrap_err().0.contains("cannot read"));
        std::fs::write(&path, "{\"version\": 1}").unwrap();
        assert!(Baseline::read(&path)
            .unwrap_err()
            .0
            .contains("not a leaklint baseline"));
        std::fs::write(&path, "{\"version\": 9, \"findings\": []}").unwrap();
        assert!(Baseline::read(&path).unwrap_err().0.contains("version 9"));
        let baseline = Baseline::of(&lint(LEAK));
        baseline.write(&path).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
    }
}

//! The lint registry: one file per lint, each a `static Lint` and a `check` function over the
//! semantic model. `--list`, `--explain`, the SARIF rules and the README table all read
//! [`LINTS`].

use std::fmt;

use crate::diagnostic::{Finding, Level};
use crate::model::index::CrateIndex;
use crate::model::FileModel;
use crate::source::SourceFile;

/// Declares a lint: its static, its name, its group, its pre-filter needles and its check.
/// The name is an identifier (`receiver_dropped`, shown as `leaklint::receiver_dropped`), and
/// the user document is `lints/NAME.md`, embedded at compile time (a missing document is a
/// build error).
///
/// ```ignore
/// declare_lint! {
///     pub static RECEIVER_DROPPED = receiver_dropped {
///         group: Suspicious,
///         needles: super::CHANNEL_NEEDLES,
///         check: Some(check),
///     }
/// }
/// ```
///
/// Register the static in [`LINTS`] (and its file with `mod`); `cargo run --example
/// new_lint -- NAME` writes a new lint with its document and ui cases and does both.
macro_rules! declare_lint {
    (
        $(#[$attr:meta])*
        $vis:vis static $static:ident = $name:ident {
            group: $group:ident,
            needles: $needles:expr,
            check: $check:expr $(,)?
        }
    ) => {
        $(#[$attr])*
        $vis static $static: $crate::lints::Lint = $crate::lints::Lint {
            name: stringify!($name),
            group: $crate::lints::Group::$group,
            doc: include_str!(concat!("../../lints/", stringify!($name), ".md")),
            needles: $needles,
            check: $check,
        };
    };
}

mod detached_infinite_loop;
mod detached_spawn_in_loop;
mod forgotten_handle;
mod join_handle_in_cancellable_future;
mod missing_timeout;
mod parked_reply_sender;
mod receiver_dropped;
mod receiver_never_read;
mod recv_without_sender;
mod sender_alive_in_recv_loop;
mod token_never_cancelled;
mod unaborted_race;
mod unbounded_channel;
mod unused_suppression;

pub use unused_suppression::UNUSED_SUPPRESSION;

/// Every lint, in the order `--list` shows them.
pub static LINTS: &[&Lint] = &[
    &sender_alive_in_recv_loop::SENDER_ALIVE_IN_RECV_LOOP,
    &recv_without_sender::RECV_WITHOUT_SENDER,
    &receiver_never_read::RECEIVER_NEVER_READ,
    &receiver_dropped::RECEIVER_DROPPED,
    &forgotten_handle::FORGOTTEN_HANDLE,
    &unbounded_channel::UNBOUNDED_CHANNEL,
    &detached_infinite_loop::DETACHED_INFINITE_LOOP,
    &unaborted_race::UNABORTED_RACE,
    &missing_timeout::MISSING_TIMEOUT,
    &token_never_cancelled::TOKEN_NEVER_CANCELLED,
    &detached_spawn_in_loop::DETACHED_SPAWN_IN_LOOP,
    &join_handle_in_cancellable_future::JOIN_HANDLE_IN_CANCELLABLE_FUTURE,
    &parked_reply_sender::PARKED_REPLY_SENDER,
    &UNUSED_SUPPRESSION,
];

/// Pre-filter needles of the channel lints: every constructor of the catalogue (built-in and
/// declared), its last path segment named as a callee; the pre-filter expands `$channel`
/// from the catalogue in use (`Catalog::needle_terms`). A channel exists in the model only
/// where a constructor is called.
pub const CHANNEL_NEEDLES: &[&str] = &["$channel"];

/// Pre-filter needles of the task lints: every spawn function and spawning method of the
/// catalogue that detaches work, named as a callee (`$spawn`); scoped spawns (`scope`,
/// `join`) detach nothing. Lints that need more than a spawn start their needles with
/// `$spawn&` (checked by `tests/prefilter.rs`).
pub const SPAWN_NEEDLES: &[&str] = &["$spawn"];

/// Groups as in clippy: they set the default level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Correctness,
    Suspicious,
    Pedantic,
    Restriction,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Correctness,
        Group::Suspicious,
        Group::Pedantic,
        Group::Restriction,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Group::Correctness => "correctness",
            Group::Suspicious => "suspicious",
            Group::Pedantic => "pedantic",
            Group::Restriction => "restriction",
        }
    }

    pub fn default_level(self) -> Level {
        match self {
            Group::Correctness => Level::Deny,
            Group::Suspicious => Level::Warn,
            Group::Pedantic | Group::Restriction => Level::Allow,
        }
    }

    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// What a lint sees of one file.
pub struct LintContext<'a> {
    pub file: &'a SourceFile,
    pub ast: &'a syn::File,
    pub model: &'a FileModel,
}

pub type CheckFn = fn(&LintContext<'_>, &mut Vec<Finding>);

/// What a crate-aware check sees of one file: its model (plain data, no syntax tree) and
/// the index of its unit, in which the file is `file_id`.
pub struct CrateLintContext<'a> {
    pub file: &'a SourceFile,
    pub file_id: usize,
    pub model: &'a FileModel,
    pub krate: &'a CrateIndex,
}

pub type CrateCheckFn = fn(&CrateLintContext<'_>, &mut Vec<Finding>);

/// Checks that need the whole unit (functions of other files, the crate's spawn wrappers),
/// run after every file of the unit is modelled. Each belongs to a lint of [`LINTS`] and
/// runs when that lint is enabled.
pub static CRATE_CHECKS: &[(&Lint, CrateCheckFn)] = &[
    (
        &detached_infinite_loop::DETACHED_INFINITE_LOOP,
        detached_infinite_loop::check_crate,
    ),
    (
        &detached_spawn_in_loop::DETACHED_SPAWN_IN_LOOP,
        detached_spawn_in_loop::check_crate,
    ),
    (
        &sender_alive_in_recv_loop::SENDER_ALIVE_IN_RECV_LOOP,
        sender_alive_in_recv_loop::check_crate,
    ),
    (
        &sender_alive_in_recv_loop::SENDER_ALIVE_IN_RECV_LOOP,
        sender_alive_in_recv_loop::check_owner_in_loop,
    ),
    (
        &forgotten_handle::FORGOTTEN_HANDLE,
        forgotten_handle::check_crate,
    ),
    (
        &parked_reply_sender::PARKED_REPLY_SENDER,
        parked_reply_sender::check_crate,
    ),
    (
        &token_never_cancelled::TOKEN_NEVER_CANCELLED,
        token_never_cancelled::check_crate,
    ),
    (
        &receiver_dropped::RECEIVER_DROPPED,
        receiver_dropped::check_crate,
    ),
];

/// Files a crate check needs that its lint's needles do not let through, decided from the
/// words of the files the pre-filter skipped (no parse): a skipped file is modelled when it
/// names one of `callers` and some file of its crate (by [`crate::model::index::CrateIndex`]
/// group) names one of `needs()`.
pub struct WordReach {
    pub callers: &'static [&'static str],
    /// The names, for the crate's catalogue (built-in plus `[apis]`).
    pub needs: fn(&crate::model::catalog::Catalog) -> Vec<&'static str>,
}

/// The word reaches of the lints that have one (asked only when the lint is enabled).
pub static WORD_REACHES: &[(&Lint, WordReach)] = &[(
    &forgotten_handle::FORGOTTEN_HANDLE,
    forgotten_handle::WORD_REACH,
)];

/// A lint: its identity, its document and its check.
pub struct Lint {
    /// snake_case name, shown as `leaklint::NAME`.
    pub name: &'static str,
    pub group: Group,
    /// The user-facing document, `lints/NAME.md`, embedded in the binary.
    pub doc: &'static str,
    /// What must occur in a file for the lint to possibly fire there; files that match no
    /// needle of an enabled lint are not parsed. A needle is a word (`"spawn"`), a word named
    /// as a callee (`"channel("`), `|` for one of several and `&` for all of several clauses:
    /// see [`crate::engine::prefilter`]. An empty list means every file.
    pub needles: &'static [&'static str],
    /// `None` for lints raised by the pipeline itself (`unused_suppression`).
    pub check: Option<CheckFn>,
}

impl Lint {
    pub fn code(&self) -> String {
        format!("leaklint::{}", self.name)
    }

    pub fn default_level(&self) -> Level {
        self.group.default_level()
    }

    /// The first sentence of the document's "What it does" section.
    pub fn summary(&self) -> &'static str {
        let section = doc_section(self.doc, "What it does").unwrap_or("");
        let paragraph = section.trim().split("\n\n").next().unwrap_or("").trim();
        match paragraph.find(". ") {
            Some(end) => &paragraph[..=end],
            None => paragraph,
        }
    }
}

impl PartialEq for Lint {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Lint {}

impl fmt::Debug for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lint({})", self.name)
    }
}

/// Finds a lint by `NAME`, `leaklint::NAME`, or with `-` for `_`.
pub fn find(name: &str) -> Option<&'static Lint> {
    let name = name.strip_prefix("leaklint::").unwrap_or(name);
    let name = name.replace('-', "_");
    LINTS.iter().copied().find(|l| l.name == name)
}

/// The body of a `## TITLE` section of a lint document, up to the next `## ` heading.
pub fn doc_section<'d>(doc: &'d str, title: &str) -> Option<&'d str> {
    let heading = format!("## {title}");
    let start = doc.find(&heading)? + heading.len();
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The fenced rust code blocks of a section (used by the doc tests).
pub fn doc_code_blocks(section: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("```rust") {
            let mut block = String::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                block.push_str(l);
                block.push('\n');
            }
            blocks.push(block);
        }
    }
    blocks
}

/// Where a statement that must run before the code at `at` goes (a byte offset for
/// [`insert_statement_before`]): `at` itself when that code starts its line, or the start of
/// the `let` statement that holds it when the code before it on its line is only the head of
/// a `let` (`let total: u32 = rx.iter().sum();`, `let _ = rx.recv();`) that does not name
/// `avoid` (the value the inserted statement ends). `None` for any other shape.
pub fn statement_start(file: &SourceFile, at: u32, avoid: &str) -> Option<u32> {
    let at_us = at as usize;
    let line_start = file.line_range(file.position(at_us).line).start;
    let prefix = &file.text[line_start..at_us];
    let head = prefix.trim();
    if head.is_empty() {
        return Some(at);
    }
    let pattern = head.strip_prefix("let ")?.strip_suffix('=')?;
    if pattern.contains(['=', ';', '{', '}', '!']) {
        return None;
    }
    let names = pattern.split(|c: char| !(c.is_alphanumeric() || c == '_'));
    if names.into_iter().any(|w| w == avoid) {
        return None;
    }
    let indent = prefix.len() - prefix.trim_start().len();
    Some((line_start + indent) as u32)
}

/// A suggestion that inserts `statement` on a line of its own just before the code at `at`,
/// when that code starts its line (otherwise the edit would not be a clean one). It is
/// machine-applicable when the code before it ends a statement or opens a block (the last
/// code before `at`, comments aside, is `;`, `{` or `}`), so that the statement lands in a
/// block and not inside an expression; otherwise it may be incorrect.
pub fn insert_statement_before(
    file: &SourceFile,
    at: u32,
    statement: &str,
    message: String,
) -> Option<crate::diagnostic::Suggestion> {
    use crate::diagnostic::{Applicability, Edit, Suggestion};
    let at = at as usize;
    let line = file.position(at).line;
    let line_start = file.line_range(line).start;
    if !file.text[line_start..at].trim().is_empty() {
        return None;
    }
    let indent = file.indent_at(at);
    let applicability = match last_code_before(file, line) {
        Some(b';' | b'{' | b'}') => Applicability::MachineApplicable,
        _ => Applicability::MaybeIncorrect,
    };
    Some(Suggestion {
        message,
        edits: vec![Edit {
            span: crate::source::Span::new(at, at),
            replacement: format!("{statement}\n{indent}"),
        }],
        applicability,
    })
}

/// The last byte of code on the lines before `line`, skipping blank lines and lines that
/// are only a `//` comment; `None` when there is none, or when that line holds a comment
/// after code (it is not worth telling code from comment there).
fn last_code_before(file: &SourceFile, line: usize) -> Option<u8> {
    let text = (1..line)
        .rev()
        .map(|l| file.line_text(l).trim())
        .find(|t| !t.is_empty() && !t.starts_with("//"))?;
    if text.contains("//") || text.contains("/*") || text.contains("*/") {
        return None;
    }
    text.bytes().last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;

    fn applicability(text: &str) -> Option<Applicability> {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
        let at = text.find("rx.iter()").unwrap() as u32;
        insert_statement_before(&file, at, "drop(tx);", "drop".into()).map(|s| s.applicability)
    }

    #[test]
    fn statements_start_at_their_let() {
        fn start(text: &str) -> Option<&str> {
            let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.into());
            let at = text.find("rx.").unwrap() as u32;
            statement_start(&file, at, "tx").map(|s| &text[s as usize..])
        }
        assert_eq!(start("fn f() {\n    rx.recv();\n}"), Some("rx.recv();\n}"));
        assert_eq!(
            start("fn f() {\n    let _ = rx.recv();\n}"),
            Some("let _ = rx.recv();\n}")
        );
        assert_eq!(
            start("fn f() {\n  let t: Vec<u32> = rx.iter().collect();\n}"),
            Some("let t: Vec<u32> = rx.iter().collect();\n}")
        );
        // Not a `let` head, a comparison, or a head that names the sender.
        assert_eq!(start("fn f() {\n    f(rx.recv());\n}"), None);
        assert_eq!(start("fn f() {\n    let a = b == rx.recv();\n}"), None);
        assert_eq!(start("fn f() {\n    let (tx, n) = rx.recv();\n}"), None);
    }

    #[test]
    fn lints_are_equal_by_name_only() {
        // Findings and `--select` selectors compare their lints with this.
        for (i, a) in LINTS.iter().enumerate() {
            for (j, b) in LINTS.iter().enumerate() {
                assert_eq!(a == b, i == j, "{} vs {}", a.name, b.name);
            }
        }
    }

    #[test]
    fn inserting_a_statement_is_machine_applicable_only_at_a_statement_boundary() {
        let statement = "fn f() {\n    let a = 1;\n    // sum\n\n    rx.iter().sum()\n}\n";
        assert_eq!(
            applicability(statement),
            Some(Applicability::MachineApplicable)
        );
        let first = "fn f() {\n    rx.iter().sum()\n}\n";
        assert_eq!(applicability(first), Some(Applicability::MachineApplicable));
        let in_expression = "fn f() {\n    let total: u32 =\n        rx.iter().sum();\n}\n";
        assert_eq!(
            applicability(in_expression),
            Some(Applicability::MaybeIncorrect)
        );
        let after_comment = "fn f() {\n    let a = 1; // one\n    rx.iter().sum()\n}\n";
        assert_eq!(
            applicability(after_comment),
            Some(Applicability::MaybeIncorrect)
        );
        let mid_line = "fn f() {\n    let s = rx.iter().sum();\n}\n";
        assert_eq!(applicability(mid_line), None);
        // A comment on the line before, also one that ends in `;` or opens or closes code
        // around it, makes the last code unknown.
        for before in [
            "let a = 1; // done;",
            "let a = 1; /* see below {",
            "end of a note */ let a = 1;",
        ] {
            let text = format!("fn f() {{\n    {before}\n    rx.iter().sum()\n}}\n");
            assert_eq!(
                applicability(&text),
                Some(Applicability::MaybeIncorrect),
                "{before}"
            );
        }
    }

    #[test]
    fn doc_code_blocks_are_the_rust_fences_of_a_section() {
        let section = "Text.\n```rust\nfn a() {}\n```\n```toml\nx = 1\n```\n  ```rust\nfn b() {}\n\nfn c() {}\n```\n";
        assert_eq!(
            doc_code_blocks(section),
            ["fn a() {}\n", "fn b() {}\n\nfn c() {}\n"]
        );
        assert!(doc_code_blocks("no code").is_empty());
    }
}

//! A diagnostic is plain data: every output format renders the same value.

use std::sync::Arc;

use crate::lints::Lint;
use crate::source::{SourceFile, Span};

/// How loudly a lint speaks. Ordered: `Allow < Warn < Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// How a diagnostic is shown: rustc's `warning` / `error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with an optional message, as in rustc's labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// rustc's suggestion applicability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    MachineApplicable,
    MaybeIncorrect,
    HasPlaceholders,
    Unspecified,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::MachineApplicable => "MachineApplicable",
            Applicability::MaybeIncorrect => "MaybeIncorrect",
            Applicability::HasPlaceholders => "HasPlaceholders",
            Applicability::Unspecified => "Unspecified",
        }
    }
}

/// One text edit: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A proposed fix: a message and the edits that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub message: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// What a lint reports, before levels and suppressions are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub lint: &'static Lint,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    /// A crate-wide fact the finding depends on (see [`crate::model::CrateCondition`]).
    pub condition: Option<crate::model::CrateCondition>,
}

impl Finding {
    pub fn new(lint: &'static Lint, message: impl Into<String>, primary: Label) -> Self {
        Finding {
            lint,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            suggestions: Vec::new(),
            condition: None,
        }
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn suggestion(mut self, suggestion: Suggestion) -> Self {
        self.suggestions.push(suggestion);
        self
    }
}

/// What produced a diagnostic: a lint at a resolved level, or the tool itself
/// (a file that cannot be read or parsed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Lint {
        lint: &'static Lint,
        level: Level,
        /// Where the level came from, for the "on by default" note.
        source: LevelSource,
    },
    /// A file could not be read or parsed: always an error, never suppressible.
    Tool { code: &'static str },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelSource {
    Default,
    CommandLine,
    Config,
}

/// A finding with its file and effective level: what the reporters render.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub origin: Origin,
    pub file: Arc<SourceFile>,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    /// Set on the first diagnostic of each lint in a run: clippy's
    /// "`#[warn(leaklint::x)]` on by default" note.
    pub first_of_lint: bool,
    /// Cargo package this file belongs to, when known (for the JSON format).
    pub package: Option<Arc<crate::discover::PackageInfo>>,
    /// `HASH:N`, the fingerprint of a lint finding's code (see [`crate::baseline`]); set by
    /// [`crate::engine::run`], `None` for tool errors.
    pub fingerprint: Option<String>,
}

impl Diagnostic {
    pub fn from_finding(
        finding: Finding,
        level: Level,
        source: LevelSource,
        file: Arc<SourceFile>,
    ) -> Self {
        Diagnostic {
            origin: Origin::Lint {
                lint: finding.lint,
                level,
                source,
            },
            file,
            message: finding.message,
            primary: finding.primary,
            secondary: finding.secondary,
            notes: finding.notes,
            help: finding.help,
            suggestions: finding.suggestions,
            first_of_lint: false,
            package: None,
            fingerprint: None,
        }
    }

    pub fn tool_error(
        code: &'static str,
        file: Arc<SourceFile>,
        message: impl Into<String>,
        primary: Label,
    ) -> Self {
        Diagnostic {
            origin: Origin::Tool { code },
            file,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            suggestions: Vec::new(),
            first_of_lint: false,
            package: None,
            fingerprint: None,
        }
    }

    pub fn severity(&self) -> Severity {
        match self.origin {
            Origin::Lint {
                level: Level::Deny, ..
            }
            | Origin::Tool { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }

    /// Whether this diagnostic makes the run fail (exit status 1).
    pub fn is_deny(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// `leaklint::NAME` for lints, `leaklint::CODE` for tool errors.
    pub fn code(&self) -> String {
        match self.origin {
            Origin::Lint { lint, .. } => lint.code(),
            Origin::Tool { code } => format!("leaklint::{code}"),
        }
    }

    pub fn lint(&self) -> Option<&'static Lint> {
        match self.origin {
            Origin::Lint { lint, .. } => Some(lint),
            Origin::Tool { .. } => None,
        }
    }

    /// clippy's note on the first finding of each lint.
    pub fn level_note(&self) -> Option<String> {
        match self.origin {
            Origin::Lint {
                lint,
                level,
                source,
            } if self.first_of_lint => {
                let attr = format!("`#[{}({})]`", level.as_str(), lint.code());
                Some(match source {
                    LevelSource::Default => format!("{attr} on by default"),
                    LevelSource::CommandLine => format!("{attr} implied by the command line"),
                    LevelSource::Config => format!("{attr} implied by the configuration"),
                })
            }
            _ => None,
        }
    }
}

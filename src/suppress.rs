//! Suppressions: `// leaklint:allow(NAME)` comments and `#[cfg_attr(leaklint, allow(leaklint::NAME))]`
//! attributes, and the tracking that reports the ones that silence nothing.
//!
//! - A comment after code on a line covers that line.
//! - A comment alone on its line covers the statement or item that starts on the next code
//!   line, all its lines.
//! - `// leaklint:allow-file(NAME)` and an inner `#![cfg_attr(leaklint, allow(..))]` cover
//!   the whole file.
//! - An outer `cfg_attr` attribute covers the item, impl, fn, field, arm or statement it is on.

use std::cell::Cell;
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use crate::diagnostic::{Finding, Label};
use crate::lints::{self, Group, Lint, UNUSED_SUPPRESSION};
use crate::source::{SourceFile, Span};

/// One name inside one suppression.
#[derive(Debug)]
struct Entry {
    /// As written (for messages).
    name: String,
    target: Target,
    used: Cell<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Lint(&'static Lint),
    Group(Group),
    All,
    Unknown,
    /// A comment that looks like a suppression but does not parse: reported, never matches.
    Malformed,
}

impl Target {
    fn parse(name: &str) -> Target {
        let bare = name
            .trim()
            .strip_prefix("leaklint::")
            .unwrap_or(name.trim())
            .replace('-', "_");
        if bare == "all" {
            Target::All
        } else if let Some(g) = Group::from_name(&bare) {
            Target::Group(g)
        } else if let Some(l) = lints::find(&bare) {
            Target::Lint(l)
        } else {
            Target::Unknown
        }
    }

    fn matches(self, lint: &Lint) -> bool {
        match self {
            Target::Lint(l) => l.name == lint.name,
            Target::Group(g) => lint.group == g,
            Target::All => true,
            Target::Unknown | Target::Malformed => false,
        }
    }
}

#[derive(Debug)]
struct Suppression {
    /// The comment or attribute itself: where an unused suppression is reported.
    span: Span,
    /// Byte range covered.
    covers: Range<usize>,
    entries: Vec<Entry>,
}

/// All suppressions of one file.
#[derive(Debug, Default)]
pub struct Suppressions {
    items: Vec<Suppression>,
}

impl Suppressions {
    pub fn collect(file: &SourceFile, ast: &syn::File) -> Suppressions {
        let mut nodes = NodeRanges {
            file,
            ranges: Vec::new(),
            attrs: Vec::new(),
        };
        nodes.visit_file(ast);
        let mut items = Vec::new();
        for attr in &ast.attrs {
            if let Some(names) = cfg_attr_allow(attr) {
                items.push(Suppression {
                    span: file.span_of(attr.span()),
                    covers: 0..file.text.len(),
                    entries: entries(&names),
                });
            }
        }
        for (span, covers, names) in nodes.attrs.drain(..) {
            items.push(Suppression {
                span,
                covers,
                entries: entries(&names),
            });
        }
        comment_suppressions(file, &nodes.ranges, &mut items);
        Suppressions { items }
    }

    /// Whether a finding is suppressed; marks the suppressions that cover it as used.
    pub fn covers(&self, finding: &Finding, _file: &SourceFile) -> bool {
        let at = finding.primary.span.start as usize;
        let mut covered = false;
        for s in &self.items {
            if !(s.covers.contains(&at) || s.covers.start == at && s.covers.is_empty()) {
                continue;
            }
            for e in &s.entries {
                if e.target.matches(finding.lint) {
                    e.used.set(true);
                    covered = true;
                }
            }
        }
        covered
    }

    /// Suppressions that silenced nothing, for lints that are enabled (a suppression of a
    /// lint that is off is not "unused": it would matter if the lint were turned on).
    pub fn unused(&self, is_enabled: impl Fn(&Lint) -> bool) -> Vec<Finding> {
        let mut out = Vec::new();
        for s in &self.items {
            for e in &s.entries {
                if e.used.get() {
                    continue;
                }
                let message = match e.target {
                    Target::Unknown => format!("unknown lint `{}` in suppression", e.name),
                    Target::Malformed => format!(
                        "this comment looks like a suppression but does not parse: `{}`",
                        e.name
                    ),
                    Target::Lint(l) if is_enabled(l) => {
                        format!("this suppression of `{}` silences nothing", l.code())
                    }
                    Target::Group(g)
                        if lints::LINTS.iter().any(|l| l.group == g && is_enabled(l)) =>
                    {
                        format!(
                            "this suppression of `leaklint::{}` silences nothing",
                            g.name()
                        )
                    }
                    Target::All => {
                        "this suppression of `leaklint::all` silences nothing".to_string()
                    }
                    _ => continue,
                };
                let help = match e.target {
                    Target::Unknown => "run `cargo leaklint --list` to see the lint names",
                    Target::Malformed => {
                        "write `// leaklint:allow(NAME, ...)` or `// leaklint:allow-file(NAME, ...)`"
                    }
                    _ => "remove it, or move it to the line of the finding it is meant for",
                };
                out.push(
                    Finding::new(&UNUSED_SUPPRESSION, message, Label::new(s.span, "")).help(help),
                );
            }
        }
        out
    }
}

fn entries(names: &[String]) -> Vec<Entry> {
    names
        .iter()
        .map(|n| Entry {
            name: n.clone(),
            target: Target::parse(n),
            used: Cell::new(false),
        })
        .collect()
}

/// `#[cfg_attr(leaklint, allow(leaklint::a, leaklint::b))]` → `["a", "b"]`.
fn cfg_attr_allow(attr: &syn::Attribute) -> Option<Vec<String>> {
    if !attr.path().is_ident("cfg_attr") {
        return None;
    }
    let tokens = attr.meta.require_list().ok()?.tokens.to_string();
    let compact: String = tokens.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = compact.strip_prefix("leaklint,")?;
    let inner = rest.strip_prefix("allow(")?.strip_suffix(')')?;
    let names: Vec<String> = inner
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Collects the byte ranges of statements and items (for comments on the line above) and
/// the ranges covered by `cfg_attr` attributes.
struct NodeRanges<'f> {
    file: &'f SourceFile,
    ranges: Vec<Range<usize>>,
    attrs: Vec<(Span, Range<usize>, Vec<String>)>,
}

impl NodeRanges<'_> {
    fn node(&mut self, node: &dyn Spanned, attrs: &[syn::Attribute]) {
        let span = self.file.span_of(node.span());
        // syn's span of a node starts at its first attribute; that is fine for both uses.
        self.ranges.push(span.range());
        for attr in attrs {
            if let Some(names) = cfg_attr_allow(attr) {
                self.attrs
                    .push((self.file.span_of(attr.span()), span.range(), names));
            }
        }
    }
}

impl<'ast> Visit<'ast> for NodeRanges<'_> {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match i {
            syn::Item::Fn(x) => &x.attrs,
            syn::Item::Impl(x) => &x.attrs,
            syn::Item::Mod(x) => &x.attrs,
            syn::Item::Struct(x) => &x.attrs,
            syn::Item::Enum(x) => &x.attrs,
            syn::Item::Trait(x) => &x.attrs,
            syn::Item::Const(x) => &x.attrs,
            syn::Item::Static(x) => &x.attrs,
            syn::Item::Use(x) => &x.attrs,
            syn::Item::Macro(x) => &x.attrs,
            _ => &[],
        };
        self.node(i, attrs);
        visit::visit_item(self, i);
    }

    fn visit_impl_item(&mut self, i: &'ast syn::ImplItem) {
        let attrs: &[syn::Attribute] = match i {
            syn::ImplItem::Fn(x) => &x.attrs,
            syn::ImplItem::Const(x) => &x.attrs,
            _ => &[],
        };
        self.node(i, attrs);
        visit::visit_impl_item(self, i);
    }

    fn visit_trait_item(&mut self, i: &'ast syn::TraitItem) {
        let attrs: &[syn::Attribute] = match i {
            syn::TraitItem::Fn(x) => &x.attrs,
            _ => &[],
        };
        self.node(i, attrs);
        visit::visit_trait_item(self, i);
    }

    fn visit_field(&mut self, f: &'ast syn::Field) {
        self.node(f, &f.attrs);
        visit::visit_field(self, f);
    }

    fn visit_arm(&mut self, a: &'ast syn::Arm) {
        self.node(a, &a.attrs);
        visit::visit_arm(self, a);
    }

    fn visit_stmt(&mut self, s: &'ast syn::Stmt) {
        let attrs: &[syn::Attribute] = match s {
            syn::Stmt::Local(l) => &l.attrs,
            syn::Stmt::Macro(m) => &m.attrs,
            syn::Stmt::Expr(e, _) => expr_attrs(e),
            syn::Stmt::Item(_) => &[],
        };
        if !matches!(s, syn::Stmt::Item(_)) {
            self.node(s, attrs);
        }
        visit::visit_stmt(self, s);
    }

    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        for f in &s.fields {
            self.node(f, &f.attrs);
        }
        visit::visit_expr_struct(self, s);
    }
}

fn expr_attrs(e: &syn::Expr) -> &[syn::Attribute] {
    match e {
        syn::Expr::Call(x) => &x.attrs,
        syn::Expr::MethodCall(x) => &x.attrs,
        syn::Expr::Block(x) => &x.attrs,
        syn::Expr::ForLoop(x) => &x.attrs,
        syn::Expr::While(x) => &x.attrs,
        syn::Expr::Loop(x) => &x.attrs,
        syn::Expr::If(x) => &x.attrs,
        syn::Expr::Match(x) => &x.attrs,
        syn::Expr::Assign(x) => &x.attrs,
        syn::Expr::Macro(x) => &x.attrs,
        syn::Expr::Await(x) => &x.attrs,
        syn::Expr::Path(x) => &x.attrs,
        _ => &[],
    }
}

/// A parsed `leaklint:allow(...)` or `leaklint:allow-file(...)` comment.
struct Directive {
    file_wide: bool,
    names: Vec<String>,
}

/// Parses the text after `//` of a comment.
fn parse_directive(comment: &str) -> Option<Directive> {
    let rest = comment
        .trim_start()
        .strip_prefix("leaklint")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let (file_wide, rest) = if let Some(r) = rest.strip_prefix("allow-file(") {
        (true, r)
    } else if let Some(r) = rest.strip_prefix("allow(") {
        (false, r)
    } else {
        return None;
    };
    let close = rest.find(')')?;
    let names: Vec<String> = rest[..close]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!names.is_empty()).then_some(Directive { file_wide, names })
}

fn comment_suppressions(file: &SourceFile, ranges: &[Range<usize>], out: &mut Vec<Suppression>) {
    let text = &file.text;
    for line in 1..=file.line_count() {
        let range = file.line_range(line);
        let line_text = &text[range.clone()];
        for comment in comments(line_text) {
            directive_at(file, line, &comment, ranges, out);
        }
    }
}

/// The suppression a comment on `line` makes, if it is one (or looks like one).
fn directive_at(
    file: &SourceFile,
    line: usize,
    comment: &LineComment<'_>,
    ranges: &[Range<usize>],
    out: &mut Vec<Suppression>,
) {
    let text = &file.text;
    let range = file.line_range(line);
    let line_text = &text[range.clone()];
    let body = comment.text.trim_start_matches(['/', '!', '*']);
    let entries = match parse_directive(body) {
        Some(directive) => Some((directive.file_wide, entries(&directive.names))),
        None if looks_like_directive(body) => {
            let written = body.trim().trim_end_matches("*/").trim_end().to_string();
            Some((
                false,
                vec![Entry {
                    name: written,
                    target: Target::Malformed,
                    used: Cell::new(false),
                }],
            ))
        }
        None => None,
    };
    let Some((file_wide, entries)) = entries else {
        return;
    };
    let span = Span::new(range.start + comment.start, range.start + comment.end);
    let alone =
        line_text[..comment.start].trim().is_empty() && line_text[comment.end..].trim().is_empty();
    let covers = if file_wide {
        0..text.len()
    } else if alone {
        next_code(file, line, ranges)
    } else {
        range.clone()
    };
    out.push(Suppression {
        span,
        covers,
        entries,
    });
}

/// Whether the text of a comment that is no valid directive still means to be one:
/// `leaklint:` (spaces allowed around the colon) followed by a word like `allow`, as in
/// `leaklint:allow receiver_dropped` or `leaklint: alow(x)`. Prose that merely mentions
/// leaklint is not.
fn looks_like_directive(comment: &str) -> bool {
    let Some(rest) = comment.trim_start().strip_prefix("leaklint") else {
        return false;
    };
    let Some(rest) = rest.trim_start().strip_prefix(':') else {
        return false;
    };
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '-' || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    let word = word.trim_end_matches("-file").trim_end_matches("_file");
    [
        "allow",
        "alow",
        "allwo",
        "allows",
        "alllow",
        "allow_file",
        "allowfile",
    ]
    .contains(&word)
        || (word.starts_with("allow") && word.len() <= 10)
}

/// A comment on one line: `//...` to the end of the line, or `/*...*/` (to the end of the
/// line if it does not close there). `start..end` are byte offsets in the line; `text` is
/// what follows the opening `//` or `/*`, without a closing `*/`.
struct LineComment<'l> {
    start: usize,
    end: usize,
    text: &'l str,
}

/// Every comment on a line, in order (a `//` comment ends the line).
fn comments(line: &str) -> Vec<LineComment<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(c) = find_comment(&line[from..]) {
        let c = LineComment {
            start: from + c.start,
            end: from + c.end,
            text: c.text,
        };
        let last = c.end >= line.len();
        from = c.end;
        found.push(c);
        if last {
            break;
        }
    }
    found
}

/// The first comment on a line, ignoring `//` and `/*` inside string literals.
fn find_comment(line: &str) -> Option<LineComment<'_>> {
    let bytes = line.as_bytes();
    let mut in_str = false;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'\\' if in_str => i += 1,
            b'"' => in_str = !in_str,
            b'/' if !in_str && bytes[i + 1] == b'/' => {
                return Some(LineComment {
                    start: i,
                    end: line.len(),
                    text: &line[i + 2..],
                })
            }
            b'/' if !in_str && bytes[i + 1] == b'*' => {
                let inner = &line[i + 2..];
                let (text, end) = match inner.find("*/") {
                    Some(close) => (&inner[..close], i + 2 + close + 2),
                    None => (inner, line.len()),
                };
                return Some(LineComment {
                    start: i,
                    end,
                    text,
                });
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The range covered by a comment alone on `line`: the largest statement or item starting
/// on the next line that holds code (other comments and attributes are skipped).
fn next_code(file: &SourceFile, line: usize, ranges: &[Range<usize>]) -> Range<usize> {
    let mut next = line + 1;
    while next <= file.line_count() {
        let t = file.line_text(next).trim();
        if !(t.is_empty() || t.starts_with("//")) {
            break;
        }
        next += 1;
    }
    let line_range = file.line_range(next.min(file.line_count()));
    let first_code =
        line_range.start + (file.line_text(next).len() - file.line_text(next).trim_start().len());
    ranges
        .iter()
        .filter(|r| r.start >= line_range.start && r.start <= line_range.end.max(first_code))
        .max_by_key(|r| r.end)
        .map(|r| line_range.start.min(r.start)..r.end.max(line_range.end))
        .unwrap_or(line_range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_parse_with_space_dash_and_reason() {
        let d = parse_directive(
            " leaklint: allow(receiver-dropped, leaklint::unused_suppression) -- test",
        )
        .unwrap();
        assert!(!d.file_wide);
        assert_eq!(
            d.names,
            vec!["receiver-dropped", "leaklint::unused_suppression"]
        );
        assert!(
            parse_directive(" leaklint:allow-file(all)")
                .unwrap()
                .file_wide
        );
        assert!(parse_directive(" leaklint:deny(x)").is_none());
        assert_eq!(
            parse_directive(" leaklint : allow(x)").unwrap().names,
            ["x"]
        );
        assert_eq!(
            Target::parse("receiver-dropped"),
            Target::Lint(lints::find("receiver_dropped").unwrap())
        );
    }

    #[test]
    fn comment_inside_string_is_not_a_comment() {
        let at = |line| find_comment(line).map(|c| (c.start, c.end, c.text));
        assert_eq!(at(r#"let s = "http://x"; // c"#), Some((20, 24, " c")));
        assert_eq!(at(r#"let s = "a\"//";"#), None);
        assert_eq!(at("f(); /* c */ g();"), Some((5, 12, " c ")));
        assert_eq!(at("/* open"), Some((0, 7, " open")));
    }

    #[test]
    fn malformed_directives_are_told_from_prose() {
        for yes in [
            " leaklint:allow receiver_dropped",
            " leaklint: alow(x)",
            " leaklint : allow(x",
            " leaklint:allow(x",
            " leaklint:allow-file x",
            " leaklint:allow()",
        ] {
            assert!(parse_directive(yes).is_none(), "{yes}");
            assert!(looks_like_directive(yes), "{yes}");
        }
        for no in [
            " leaklint is a linter",
            " leaklint: the tool that finds leaks",
            " see leaklint:allow(x) below",
            " leaklintallow(x)",
        ] {
            assert!(!looks_like_directive(no), "{no}");
        }
    }
}

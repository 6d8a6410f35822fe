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

/// The outer attributes of an expression statement. syn puts them on the leftmost operand of
/// an assignment, a binary operation or a cast (`#[a] x = f();` holds `#[a]` on `x`).
fn expr_attrs(e: &syn::Expr) -> &[syn::Attribute] {
    match e {
        syn::Expr::Assign(x) => expr_attrs(&x.left),
        syn::Expr::Binary(x) => expr_attrs(&x.left),
        syn::Expr::Cast(x) => expr_attrs(&x.expr),
        syn::Expr::Try(x) => &x.attrs,
        syn::Expr::Return(x) => &x.attrs,
        syn::Expr::Unsafe(x) => &x.attrs,
        syn::Expr::Field(x) => &x.attrs,
        syn::Expr::Index(x) => &x.attrs,
        syn::Expr::Unary(x) => &x.attrs,
        syn::Expr::Call(x) => &x.attrs,
        syn::Expr::MethodCall(x) => &x.attrs,
        syn::Expr::Block(x) => &x.attrs,
        syn::Expr::ForLoop(x) => &x.attrs,
        syn::Expr::While(x) => &x.attrs,
        syn::Expr::Loop(x) => &x.attrs,
        syn::Expr::If(x) => &x.attrs,
        syn::Expr::Match(x) => &x.attrs,
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
    let word = ["-files", "_files", "-file", "_file"]
        .iter()
        .fold(word.as_str(), |w, suffix| w.trim_end_matches(suffix));
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
            b'\'' if !in_str => i += char_literal_len(&line[i..]).saturating_sub(1),
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

/// The byte length of the char literal `text` starts with (`'"'`, `'\''`, `'é'`), or 0 when its
/// `'` opens a lifetime or a label (`'a`).
fn char_literal_len(text: &str) -> usize {
    let mut chars = text[1..].chars();
    match chars.next() {
        Some('\\') => text
            .get(3..)
            .and_then(|rest| rest.find('\''))
            .map_or(0, |close| close + 4),
        Some(_) if chars.next() == Some('\'') => text.len() - chars.as_str().len(),
        _ => 0,
    }
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
    // Doc comments are attributes: the item they document starts at the first of them,
    // which may be above the suppression (`/// Docs.` then `/// leaklint:allow(..)`) or
    // between it and the code line. So a node may start anywhere in the comment block.
    let mut first = line;
    while first > 1 && file.line_text(first - 1).trim().starts_with("//") {
        first -= 1;
    }
    let block_start = file.line_range(first).start;
    ranges
        .iter()
        .filter(|r| r.start >= block_start && r.start <= line_range.end)
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
            " leaklint:allowed(x)",
            " leaklint:allow-files(x)",
            " leaklint:allow_files(x)",
        ] {
            assert!(parse_directive(yes).is_none(), "{yes}");
            assert!(looks_like_directive(yes), "{yes}");
        }
        for no in [
            " leaklint is a linter",
            " leaklint: the tool that finds leaks",
            " see leaklint:allow(x) below",
            " leaklintallow(x)",
            " leaklint:allowlisted names are in the README",
            // An `_` joins words: `allowance_for_slow_tests` is one word, not `allowance`.
            " leaklint: allowance_for_slow_tests is set in CI",
        ] {
            assert!(!looks_like_directive(no), "{no}");
        }
    }
}

/// Where each suppression form reaches, node kind by node kind, and what `unused` reports.
#[cfg(test)]
mod scope_tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;

    fn file(text: &str) -> (Arc<SourceFile>, syn::File) {
        let file = SourceFile::new(PathBuf::from("t.rs"), "t.rs".into(), text.to_string());
        let ast = syn::parse_file(text).unwrap();
        (file, ast)
    }

    fn finding(lint: &str, at: usize) -> Finding {
        Finding::new(
            lints::find(lint).unwrap(),
            "m",
            Label::new(Span::new(at, at + 1), ""),
        )
    }

    /// Whether a `receiver_dropped` finding at each `HERE` of `text` is suppressed.
    fn covered(text: &str) -> Vec<bool> {
        let (file, ast) = file(text);
        let s = Suppressions::collect(&file, &ast);
        text.match_indices("HERE")
            .map(|(at, _)| s.covers(&finding("receiver_dropped", at), &file))
            .collect()
    }

    const ATTR: &str = "#[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]";

    #[test]
    fn an_attribute_covers_every_kind_of_item_it_is_on_and_not_the_next() {
        for item in [
            "fn f() { HERE; }",
            "impl S { fn f() { HERE; } }",
            "mod m { fn f() { HERE; } }",
            "struct S { x: [u8; HERE] }",
            "enum E { A = HERE }",
            "trait T { fn f() { HERE; } }",
            "const C: u8 = HERE;",
            "static C: u8 = HERE;",
            "use HERE;",
            "m! { HERE }",
        ] {
            let text = format!("{ATTR}\n{item}\n{item}\n");
            assert_eq!(covered(&text), [true, false], "{item}");
        }
    }

    #[test]
    fn an_attribute_covers_members_statements_arms_and_fields() {
        let cases = [
            format!("impl S {{ {ATTR} fn f() {{ HERE; }} fn g() {{ HERE; }} }}"),
            format!("impl S {{ {ATTR} const C: u8 = HERE; const D: u8 = HERE; }}"),
            format!("trait T {{ {ATTR} fn f() {{ HERE; }} fn g() {{ HERE; }} }}"),
            format!("struct S {{ {ATTR} a: [u8; HERE], b: [u8; HERE] }}"),
            format!("fn f() {{ match x {{ {ATTR} 1 => HERE, _ => HERE }} }}"),
            format!("fn f() {{ S {{ {ATTR} a: HERE, b: HERE }}; }}"),
            format!("fn f() {{ {ATTR} let a = HERE; let b = HERE; }}"),
            format!("fn f() {{ {ATTR} m!(HERE); m!(HERE); }}"),
        ];
        for text in &cases {
            assert_eq!(covered(text), [true, false], "{text}");
        }
    }

    #[test]
    fn an_attribute_covers_every_kind_of_expression_statement() {
        for stmt in [
            "g(HERE);",
            "x.g(HERE);",
            "{ HERE; }",
            "for _ in HERE {}",
            "while HERE {}",
            "loop { HERE; }",
            "if HERE {}",
            "match HERE {}",
            "x = HERE;",
            "x += HERE;",
            "x as u8 + HERE;",
            "g()?.h(HERE);",
            "f(HERE)?;",
            "return HERE;",
            "unsafe { HERE; }",
            "x.y[HERE];",
            "x.y.z(HERE);",
            "!g(HERE);",
            "m!(HERE);",
            "HERE.await;",
            "HERE.x;",
            "m!(HERE) + 1;",
            "HERE;",
        ] {
            let text = format!("async fn f() {{\n    {ATTR}\n    {stmt}\n    {stmt}\n}}\n");
            assert_eq!(covered(&text), [true, false], "{stmt}");
        }
    }

    #[test]
    fn an_inner_attribute_covers_the_file() {
        let text = format!("#!{}\nfn f() {{ HERE; }}\nfn g() {{ HERE; }}\n", &ATTR[1..]);
        assert_eq!(covered(&text), [true, true]);
    }

    #[test]
    fn comments_cover_their_line_or_the_next_statement() {
        let same_line = "fn f() {\n    HERE; // leaklint:allow(receiver_dropped)\n    HERE;\n}\n";
        assert_eq!(covered(same_line), [true, false]);
        let above = "fn f() {\n    // leaklint:allow(receiver_dropped)\n    let x =\n        HERE;\n    HERE;\n}\n";
        assert_eq!(covered(above), [true, false]);
        // Blank lines and other comments between the comment and the code are skipped.
        let gap = "fn f() {\n    // leaklint:allow(receiver_dropped)\n\n    // why\n    HERE;\n    HERE;\n}\n";
        assert_eq!(covered(gap), [true, false]);
        // An attribute line is code: the comment covers the item it starts.
        let attr = "// leaklint:allow(receiver_dropped)\n#[inline]\nfn f() {\n    HERE;\n}\nfn g() { HERE; }\n";
        assert_eq!(covered(attr), [true, false]);
        let file_wide =
            "fn f() { HERE; }\nfn g() { HERE; }\n// leaklint:allow-file(receiver_dropped)\n";
        assert_eq!(covered(file_wide), [true, true]);
        let other = "fn f() { HERE; } // leaklint:allow(unbounded_channel)\n";
        assert_eq!(covered(other), [false]);
        let indented_code_after =
            "fn f() {\n    HERE; let y = 1; // leaklint:allow(receiver_dropped)\n}\n";
        assert_eq!(covered(indented_code_after), [true]);
    }

    #[test]
    fn a_suppression_after_another_comment_on_its_line_counts() {
        let text =
            "fn f() {\n    HERE; /* note */ // leaklint:allow(receiver_dropped)\n    HERE;\n}\n";
        assert_eq!(covered(text), [true, false]);
    }

    #[test]
    fn quotes_in_char_literals_open_no_string() {
        for line in [
            "    if c == '\"' { HERE; } // leaklint:allow(receiver_dropped)",
            "    if c == '\\\"' { HERE; } // leaklint:allow(receiver_dropped)",
            "    if c == '\\'' || c == '\"' { HERE; } // leaklint:allow(receiver_dropped)",
            "    if c == 'é' || c == '\"' { HERE; } // leaklint:allow(receiver_dropped)",
            "    'l: loop { g(\"//\", HERE); break 'l; } // leaklint:allow(receiver_dropped)",
        ] {
            let text = format!("fn f() {{\n{line}\n    HERE;\n}}\n");
            assert_eq!(covered(&text), [true, false], "{line}");
        }
        // A quote inside a string is no char literal: `'\\` there does not skip to the `'` of
        // a later comment.
        let line = r#"let s = "'\\"; // it's"#;
        assert_eq!(find_comment(line).map(|c| c.start), Some(15));
        // A char literal ends at its closing quote, also right before a comment: its last
        // `'` opens no second literal that would swallow the `//`.
        let line = "let c = 'x'// note";
        assert_eq!(find_comment(line).map(|c| c.start), Some(11));
    }

    #[test]
    fn doc_comment_forms_are_suppressions_too() {
        let inner =
            "//! leaklint:allow-file(receiver_dropped)\nfn f() { HERE; }\nfn g() { HERE; }\n";
        assert_eq!(covered(inner), [true, true]);
        let outer = "/// leaklint:allow(receiver_dropped)\nfn f() { HERE; }\nfn g() { HERE; }\n";
        assert_eq!(covered(outer), [true, false]);
        // Doc comments are the item's attributes: it starts at the first one, above the
        // suppression or below it, and the suppression covers the whole item.
        let after_docs = "/// Docs.\n/// leaklint:allow(receiver_dropped)\nfn f() {\n    HERE;\n}\nfn g() { HERE; }\n";
        assert_eq!(covered(after_docs), [true, false]);
        let before_docs = "// leaklint:allow(receiver_dropped)\n/// Docs.\nfn f() {\n    HERE;\n}\nfn g() { HERE; }\n";
        assert_eq!(covered(before_docs), [true, false]);
        // Inside a body, the enclosing function (which starts above the comment) is not
        // what a comment before a statement covers.
        let stmt = "/// Docs.\nfn f() {\n    // leaklint:allow(receiver_dropped)\n    HERE;\n    HERE;\n}\n";
        assert_eq!(covered(stmt), [true, false]);
    }

    #[test]
    fn a_comment_on_the_last_line_covers_that_line_only() {
        let text = "fn f() { HERE; }\n// leaklint:allow(receiver_dropped)";
        assert_eq!(covered(text), [false]);
        // With a final newline the comment reaches the empty last line: still nothing else.
        let text = "fn f() { HERE; }\n// leaklint:allow(receiver_dropped)\n";
        assert_eq!(covered(text), [false]);
        let text = "fn f() { HERE; }\n// leaklint:allow(receiver_dropped)\n\n\n";
        assert_eq!(covered(text), [false]);
    }

    #[test]
    fn names_match_lints_groups_and_all_only() {
        let suspicious = lints::find("receiver_dropped").unwrap();
        let correctness = lints::find("recv_without_sender").unwrap();
        for (name, lint, expected) in [
            ("receiver_dropped", suspicious, true),
            ("leaklint::receiver_dropped", suspicious, true),
            ("receiver-dropped", suspicious, true),
            (" receiver_dropped ", suspicious, true),
            ("receiver_dropped", correctness, false),
            ("suspicious", suspicious, true),
            ("leaklint::suspicious", correctness, false),
            ("all", correctness, true),
            ("leaklint::all", suspicious, true),
            ("alll", suspicious, false),
            ("no_such_lint", suspicious, false),
        ] {
            assert_eq!(Target::parse(name).matches(lint), expected, "{name}");
        }
        assert_eq!(Target::parse("allx"), Target::Unknown);
    }

    /// `unused` for every kind of name, with the lint it names enabled or not.
    fn unused_messages(text: &str, enabled: &[&str]) -> Vec<(String, Vec<String>, Span)> {
        let (file, ast) = file(text);
        let s = Suppressions::collect(&file, &ast);
        for (at, _) in text.match_indices("HERE") {
            s.covers(&finding("receiver_dropped", at), &file);
        }
        s.unused(|l| enabled.contains(&l.name))
            .into_iter()
            .map(|f| {
                assert_eq!(f.lint.name, "unused_suppression");
                (f.message, f.help, f.primary.span)
            })
            .collect()
    }

    #[test]
    fn unused_reports_names_that_silence_nothing_among_enabled_lints() {
        let text =
            "fn f() {\n    HERE; // leaklint:allow(receiver_dropped, recv_without_sender)\n}\n";
        let got = unused_messages(text, &["receiver_dropped", "recv_without_sender"]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].0,
            "this suppression of `leaklint::recv_without_sender` silences nothing"
        );
        assert_eq!(
            got[0].1,
            ["remove it, or move it to the line of the finding it is meant for"]
        );
        // Reported at the comment: from `//` to the end of the line.
        let start = text.find("// leaklint").unwrap();
        assert_eq!(got[0].2, Span::new(start, text.find(")\n").unwrap() + 1));
        // A lint that is off is not reported.
        assert!(unused_messages(text, &["receiver_dropped"]).is_empty());
    }

    #[test]
    fn unused_reports_groups_all_and_unknown_names() {
        let text = "fn f() {\n    let a = 1; // leaklint:allow(correctness, all, nosuch)\n}\n";
        let got = unused_messages(text, &["recv_without_sender"]);
        let messages: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this suppression of `leaklint::correctness` silences nothing",
                "this suppression of `leaklint::all` silences nothing",
                "unknown lint `nosuch` in suppression",
            ]
        );
        assert_eq!(
            got[2].1,
            ["run `cargo leaklint --list` to see the lint names"]
        );
        // No enabled lint in the group: not reported; `all` and unknown names still are.
        let got = unused_messages(text, &["receiver_dropped"]);
        assert_eq!(got.len(), 2);
        // Used names are not reported.
        let used = "fn f() {\n    HERE; // leaklint:allow(suspicious)\n}\n";
        assert!(unused_messages(used, &["receiver_dropped"]).is_empty());
    }

    #[test]
    fn cfg_attr_parsing() {
        let parse = |src: &str| {
            let attr: syn::Attribute = syn::parse_quote!(#[cfg_attr(leaklint, allow(a))]);
            let _ = attr;
            let file: syn::File = syn::parse_str(&format!("{src}\nfn f() {{}}")).unwrap();
            let attrs = &match &file.items[0] {
                syn::Item::Fn(f) => f,
                _ => unreachable!(),
            }
            .attrs;
            cfg_attr_allow(&attrs[0])
        };
        assert_eq!(
            parse("#[cfg_attr(leaklint, allow(leaklint::a, b))]"),
            Some(vec!["leaklint::a".to_string(), "b".to_string()])
        );
        assert_eq!(parse("#[cfg_attr(leaklint, allow())]"), None);
        assert_eq!(parse("#[cfg_attr(test, allow(a))]"), None);
        assert_eq!(parse("#[cfg_attr(leaklint, deny(a))]"), None);
        assert_eq!(parse("#[allow(a)]"), None);
        assert_eq!(parse("#[cfg_attr(leaklint, allow(a), inline)]"), None);
    }

    #[test]
    fn directive_edge_cases() {
        assert!(parse_directive(" leaklint:allow()").is_none());
        assert!(parse_directive(" leaklint:allow(a").is_none());
        assert!(parse_directive(" other:allow(a)").is_none());
        assert_eq!(
            parse_directive("leaklint:allow(a,,b)").unwrap().names,
            ["a", "b"]
        );
        assert!(!parse_directive("leaklint:allow(a)").unwrap().file_wide);
        assert!(find_comment("/").is_none());
        assert_eq!(find_comment("//").map(|c| c.start), Some(0));
        assert_eq!(find_comment("a / b // c").map(|c| c.start), Some(6));
        assert_eq!(find_comment(r#""\\" // c"#).map(|c| c.start), Some(5));
    }
}

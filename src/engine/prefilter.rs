//! The byte pre-filter: can any enabled lint fire in this file? Decided without parsing, by
//! one pass of a multi-pattern search over the file's bytes.
//!
//! Each lint lists [`needles`](crate::lints::Lint::needles); a file is parsed when one needle
//! of one enabled lint matches. A needle is a small expression:
//!
//! ```text
//! needle := clause ('&' clause)*       every clause must match
//! clause := term ('|' term)*           one of its terms must match
//! term   := WORD                       the bytes occur in code
//!         | WORD '('                   WORD occurs in code as a whole identifier named
//!                                      as a callee: it is preceded by no identifier
//!                                      character and followed, after whitespace and
//!                                      comments, by `(`,
//!                                      by `::<` (a turbofish) or by `as` (a rename in a
//!                                      `use`)
//!         | WORD '(..)'                WORD named as a callee whose arguments may name a
//!                                      function (see below); a turbofish or a rename
//!                                      always counts
//!         | '//' WORD                  the bytes occur anywhere, comments included
//! ```
//!
//! "In code" means outside comments and string, byte-string and char literals: the model
//! never looks inside them, and a doc example (`/// let (tx, rx) = mpsc::channel();`) is no
//! reason to parse a file. Only suppressions live in comments (`//leaklint`). Whether a
//! match is in code is decided lazily, by lexing the file up to the match, so a file with
//! no candidate word costs one search and no lexing.
//!
//! A plain word such as `"spawn"` is a needle of one clause of one term, so the simplest
//! needles read as before. `WORD(` is what makes the filter sharp: a channel constructor can
//! only be called where its name is followed by `(` or `::<`, or renamed by `use .. as`; a
//! file that mentions `channel` only in prose or in a type (`mpsc::Receiver`) is not parsed.
//! `WORD(..)` asks about the work a spawn is given: the model can follow spawned work to a
//! function (`spawn(run)`, `spawn(run(x))`, `spawn(async move { run(x).await })`,
//! `spawn(move || w::run(rx))`, `spawn(f)` of a parameter in a wrapper) only where an argument
//! is a path, a call, or a closure or async block whose body is one call. A call whose every
//! argument is a literal, or a closure or async block that holds several statements (or one
//! that starts with a keyword or a macro), or such a block with a method called on it
//! (`async { .. }.instrument(span)`), names no function, and does not match
//! ([`work`]). `$family(..)` is the family's `WORD(` terms as `WORD(..)` (its plain
//! words stay plain: they show a spawner's type, not where it is called).
//!
//! The needles are an over-approximation of what the model recognises, never an
//! under-approximation: with the pre-filter off, every file gives the same findings
//! (`tests/prefilter.rs` and the corpus test check that).

use aho_corasick::{AhoCorasick, Input, MatchKind};

mod work;

use work::may_name_work;

use crate::config::Levels;
use crate::lints::{Lint, LINTS};
use crate::model::catalog::{Catalog, NeedleFamily};

/// A needle with each `$family` term (`$channel`, `$spawn`, `$guard`, `$network`) replaced
/// by the catalogue's terms for that family, joined by `|`.
pub fn expand(needle: &str, catalog: &Catalog) -> String {
    needle
        .split('&')
        .map(|clause| {
            clause
                .split('|')
                .map(|term| {
                    let term = term.trim();
                    let (family, work) = match term.strip_suffix(WORK) {
                        Some(family) => (family, true),
                        None => (term, false),
                    };
                    match NeedleFamily::ALL.iter().find(|f| f.placeholder() == family) {
                        Some(family) => {
                            let terms = catalog.needle_terms(*family).into_iter();
                            let terms = terms.map(|t| match t.strip_suffix('(') {
                                Some(word) if work => format!("{word}{WORK}"),
                                _ => t,
                            });
                            terms.collect::<Vec<_>>().join("|")
                        }
                        None => term.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The suffix of a term that asks for a call whose arguments may name a function.
const WORK: &str = "(..)";

/// A pre-filter compiled for one set of enabled lints.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Every distinct word of every term; `None` when no term is needed.
    matcher: Option<AhoCorasick>,
    /// For each pattern of `matcher`: the bits of its plain term and of its callee term.
    words: Vec<WordBits>,
    /// For each pattern: the other patterns that are prefixes of it (they occur wherever it
    /// does, but the search reports only the longest match at a position).
    prefixes: Vec<Vec<usize>>,
    /// The length of each pattern.
    lengths: Vec<usize>,
    /// Each needle of each enabled lint, as one bit mask per clause.
    needles: Vec<Vec<u64>>,
    /// An enabled lint has no needles (or too many terms to compile): every file is parsed.
    always: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct WordBits {
    /// In code.
    plain: u64,
    /// In code, named as a callee.
    callee: u64,
    /// In code, named as a callee whose arguments may name a function.
    work: u64,
    /// Anywhere.
    anywhere: u64,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Plain,
    Callee,
    Work,
    Anywhere,
}

impl Prefilter {
    /// The pre-filter of the lints that are enabled in `levels`, with its catalogue.
    pub fn new(levels: &Levels) -> Prefilter {
        Prefilter::for_lints_with(
            LINTS.iter().copied().filter(|l| levels.is_enabled(l)),
            levels.catalog(),
        )
    }

    /// The pre-filter of the given lints, with the built-in catalogue.
    pub fn for_lints<'a>(lints: impl IntoIterator<Item = &'a Lint>) -> Prefilter {
        Prefilter::for_lints_with(lints, Catalog::builtin())
    }

    /// The pre-filter of the given lints; their `$family` terms are expanded from `catalog`.
    pub fn for_lints_with<'a>(
        lints: impl IntoIterator<Item = &'a Lint>,
        catalog: &Catalog,
    ) -> Prefilter {
        let mut words: Vec<String> = Vec::new();
        let mut bits: Vec<WordBits> = Vec::new();
        let mut next_bit = 0u32;
        let mut always = false;
        let mut needles = Vec::new();
        for lint in lints {
            if lint.needles.is_empty() {
                always = true;
            }
            for needle in lint.needles {
                let needle = expand(needle, catalog);
                let mut clauses = Vec::new();
                for clause in needle.split('&') {
                    let mut mask = 0u64;
                    for term in clause.split('|').map(str::trim).filter(|t| !t.is_empty()) {
                        let (word, mode) = if let Some(word) = term.strip_prefix("//") {
                            (word, Mode::Anywhere)
                        } else if let Some(word) = term.strip_suffix(WORK) {
                            (word, Mode::Work)
                        } else if let Some(word) = term.strip_suffix('(') {
                            (word, Mode::Callee)
                        } else {
                            (term, Mode::Plain)
                        };
                        let index = match words.iter().position(|w| *w == word) {
                            Some(i) => i,
                            None => {
                                words.push(word.to_string());
                                bits.push(WordBits::default());
                                words.len() - 1
                            }
                        };
                        let slot = match mode {
                            Mode::Plain => &mut bits[index].plain,
                            Mode::Callee => &mut bits[index].callee,
                            Mode::Work => &mut bits[index].work,
                            Mode::Anywhere => &mut bits[index].anywhere,
                        };
                        if *slot == 0 {
                            if next_bit == 64 {
                                // More terms than a mask holds: give up filtering (safe).
                                always = true;
                                continue;
                            }
                            *slot = 1 << next_bit;
                            next_bit += 1;
                        }
                        mask |= *slot;
                    }
                    if mask == 0 {
                        // An empty clause can never match: the needle is written wrongly;
                        // be safe rather than skip files.
                        always = true;
                    }
                    clauses.push(mask);
                }
                needles.push(clauses);
            }
        }
        let matcher = if words.is_empty() || always {
            None
        } else {
            // The words are fixed, short and few: building cannot fail. Leftmost-longest
            // search keeps the fast (SIMD) prefilter of the automaton, which an overlapping
            // search would lose.
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&words)
                    .expect("pre-filter words compile"),
            )
        };
        let prefixes = words
            .iter()
            .map(|w| {
                (0..words.len())
                    .filter(|&o| words[o] != *w && w.starts_with(words[o].as_str()))
                    .collect()
            })
            .collect();
        Prefilter {
            matcher,
            lengths: words.iter().map(|w| w.len()).collect(),
            words: bits,
            prefixes,
            needles,
            always,
        }
    }

    /// Whether some enabled lint could fire in a file with these bytes.
    pub fn matches(&self, text: &[u8]) -> bool {
        if self.always {
            return true;
        }
        let Some(matcher) = &self.matcher else {
            return false;
        };
        let mut found = 0u64;
        let mut from = 0;
        let mut lexer = Lexer::new(text);
        // Every position where a word starts is visited: after a match the search resumes
        // one byte after its start (not after its end), so that a plain word starting
        // inside another (`ThreadPool` in `ScopedThreadPool`) is not missed; words that are
        // prefixes of the match are credited at the same position.
        while let Some(m) = matcher.find(Input::new(text).range(from..)) {
            let start = m.start();
            let pattern = m.pattern().as_usize();
            let mut now = found;
            for &p in std::iter::once(&pattern).chain(&self.prefixes[pattern]) {
                let word = self.words[p];
                now |= word.anywhere;
                let wanted = (word.plain | word.callee | word.work) & !now;
                if wanted == 0 || !lexer.in_code(start) {
                    continue;
                }
                now |= word.plain;
                let end = start + self.lengths[p];
                let callee = (word.callee | word.work) & wanted != 0;
                if callee && starts_word(text, start) && named_as_callee(text, end) {
                    now |= word.callee;
                    if word.work & wanted != 0 && may_name_work(text, end) {
                        now |= word.work;
                    }
                }
            }
            if now != found {
                found = now;
                if self.satisfied(found) {
                    return true;
                }
            }
            from = start + 1;
        }
        false
    }

    fn satisfied(&self, found: u64) -> bool {
        self.needles
            .iter()
            .any(|clauses| clauses.iter().all(|mask| found & mask != 0))
    }
}

/// Tells whether byte offsets are in code, lexing forward only as far as it is asked
/// (offsets must be asked in increasing order).
struct Lexer<'t> {
    text: &'t [u8],
    /// The last unit lexed (code, or one comment or literal) and whether it is code.
    unit: std::ops::Range<usize>,
    code: bool,
}

impl<'t> Lexer<'t> {
    fn new(text: &'t [u8]) -> Self {
        // A shebang line (not an inner attribute `#![..]`) is no code, as in syn.
        let shebang = text.starts_with(b"#!") && text.get(skip_trivia(text, 2)) != Some(&b'[');
        let end = if shebang {
            memchr::memchr(b'\n', text).unwrap_or(text.len())
        } else {
            0
        };
        Lexer {
            text,
            unit: 0..end,
            code: !shebang,
        }
    }

    fn in_code(&mut self, at: usize) -> bool {
        while at >= self.unit.end && self.unit.end < self.text.len() {
            let start = self.unit.end;
            let (end, code) = self.next_unit(start);
            self.unit = start..end.max(start + 1);
            self.code = code;
        }
        self.code
    }

    /// The end of the unit that starts at `start`, and whether it is code. Code runs up to
    /// the next byte that may open a comment or a literal.
    fn next_unit(&self, start: usize) -> (usize, bool) {
        let text = self.text;
        match text[start] {
            b'/' => match text.get(start + 1) {
                Some(b'/') => (
                    memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |n| start + n),
                    false,
                ),
                Some(b'*') => (block_comment_end(text, start), false),
                _ => (start + 1, true),
            },
            b'"' => (string_end(text, start), false),
            b'\'' => match char_literal_end(text, start) {
                Some(end) => (end, false),
                // A lifetime or a label.
                None => (start + 1, true),
            },
            _ => (
                memchr::memchr3(b'/', b'"', b'\'', &text[start..])
                    .map_or(text.len(), |n| start + n),
                true,
            ),
        }
    }
}

/// Calls `each` with the parts of `text` outside comments (code, and string and char
/// literals), in order, each a run of whole units, so that no identifier spans two parts.
/// A shebang line counts as a comment.
pub(crate) fn outside_comments(text: &[u8], mut each: impl FnMut(&[u8])) {
    let lexer = Lexer::new(text);
    let mut start = lexer.unit.end;
    let mut from = start;
    while start < text.len() {
        let (end, code) = lexer.next_unit(start);
        let end = end.max(start + 1);
        if !code && text[start] == b'/' {
            each(&text[from..start]);
            from = end;
        }
        start = end;
    }
    each(&text[from..]);
}

/// The end of the nested block comment that starts at `start` (the end of the text if it is
/// not closed).
pub(crate) fn block_comment_end(text: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while at + 1 < text.len() {
        match (text[at], text[at + 1]) {
            (b'/', b'*') => {
                depth += 1;
                at += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return at;
                }
            }
            _ => at += 1,
        }
    }
    text.len()
}

/// The end of the string literal whose opening quote is at `quote`: a raw string (`r#"`,
/// `br"`, `cr##"`) when the quote follows `r` and hashes at the start of a token, else a
/// string with escapes.
pub(crate) fn string_end(text: &[u8], quote: usize) -> usize {
    let mut r = quote;
    while r > 0 && text[r - 1] == b'#' {
        r -= 1;
    }
    let hashes = quote - r;
    let token_start = |i: usize| starts_word(text, i);
    let raw = r > 0
        && text[r - 1] == b'r'
        && (token_start(r - 1)
            || (r >= 2 && matches!(text[r - 2], b'b' | b'c') && token_start(r - 2)));
    let mut at = quote + 1;
    if raw {
        while let Some(n) = memchr::memchr(b'"', &text[at..]) {
            let close = at + n;
            let end = close + 1 + hashes;
            if end <= text.len() && text[close + 1..end].iter().all(|&b| b == b'#') {
                return end;
            }
            at = close + 1;
        }
        return text.len();
    }
    while let Some(n) = memchr::memchr2(b'"', b'\\', &text[at..]) {
        let i = at + n;
        if text[i] == b'"' {
            return i + 1;
        }
        at = i + 2;
        if at >= text.len() {
            break;
        }
    }
    text.len()
}

/// The end of the char literal (`'a'`, `'\''`, `'\u{1F600}'`, `b'"'`) whose opening quote
/// is at `quote`, or `None` for a lifetime or a label.
pub(crate) fn char_literal_end(text: &[u8], quote: usize) -> Option<usize> {
    let first = *text.get(quote + 1)?;
    if first == b'\\' {
        // An escape: the closing quote comes after the escaped char (`'\''`), within the
        // longest escape (`\u{10FFFF}`).
        let from = quote + 3;
        let window = text.get(from..(from + 10).min(text.len()))?;
        return memchr::memchr(b'\'', window).map(|n| from + n + 1);
    }
    let len = match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    (first != b'\'' && text.get(quote + 1 + len) == Some(&b'\'')).then_some(quote + 2 + len)
}

/// Whether a word starting at `start` is a whole identifier there: no identifier byte
/// before it (`never` in `fold_type_never(` is not the callee `never`). A byte of a
/// multi-byte character counts as an identifier byte.
fn starts_word(text: &[u8], start: usize) -> bool {
    start == 0 || !is_ident_byte(text[start - 1])
}

/// Whether the word that ends at `end` is followed by `(`, `::<` or ` as `.
fn named_as_callee(text: &[u8], end: usize) -> bool {
    let at = skip_trivia(text, end);
    match text.get(at) {
        Some(b'(') => true,
        Some(b':') if text.get(at + 1) == Some(&b':') => {
            text.get(skip_trivia(text, at + 2)) == Some(&b'<')
        }
        // `channel as ch`: needs the trivia before it (`channelas` is another word).
        Some(b'a') => {
            at > end
                && text.get(at + 1) == Some(&b's')
                && !text.get(at + 2).copied().is_some_and(is_ident_byte)
        }
        _ => false,
    }
}

pub(crate) fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Skips whitespace (Rust's `Pattern_White_Space`) and comments (nested block comments
/// included) from `at`; returns where the next token starts.
pub(crate) fn skip_trivia(text: &[u8], mut at: usize) -> usize {
    loop {
        match text.get(at..) {
            Some([b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c, ..]) => at += 1,
            // U+0085
            Some([0xc2, 0x85, ..]) => at += 2,
            // U+200E, U+200F, U+2028, U+2029
            Some([0xe2, 0x80, 0x8e | 0x8f | 0xa8 | 0xa9, ..]) => at += 3,
            Some([b'/', b'/', ..]) => {
                at = match memchr::memchr(b'\n', &text[at..]) {
                    Some(nl) => at + nl + 1,
                    None => text.len(),
                }
            }
            Some([b'/', b'*', ..]) => {
                let mut depth = 0usize;
                loop {
                    match text.get(at..) {
                        Some([b'/', b'*', ..]) => {
                            depth += 1;
                            at += 2;
                        }
                        Some([b'*', b'/', ..]) => {
                            depth -= 1;
                            at += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        Some([_, ..]) => at += 1,
                        _ => return text.len(),
                    }
                }
            }
            _ => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::Group;

    fn lint(needles: &'static [&'static str]) -> Lint {
        Lint {
            name: "test",
            group: Group::Correctness,
            doc: "",
            needles,
            check: None,
        }
    }

    fn matches(needles: &'static [&'static str], text: &str) -> bool {
        Prefilter::for_lints([&lint(needles)]).matches(text.as_bytes())
    }

    #[test]
    fn callee_terms_need_a_call_a_turbofish_or_a_rename() {
        let n: &[&str] = &["channel("];
        assert!(matches(n, "let (tx, rx) = mpsc::channel();"));
        assert!(matches(n, "let (tx, rx) = mpsc::channel ();"));
        assert!(matches(n, "mpsc::channel /* c */ // d\n (1)"));
        assert!(matches(n, "mpsc::channel::<u8>()"));
        assert!(matches(n, "mpsc::channel :: /**/ < u8 > ()"));
        assert!(matches(n, "use std::sync::mpsc::channel as ch;"));
        assert!(matches(n, "let (tx, rx) = r#channel();"));
        // A whole identifier only: another callee ends with the word.
        assert!(!matches(n, "tokio::sync::mpsc::unbounded_channel()"));
        assert!(!matches(
            n,
            "fold_type_never(); make_channel(); x.rchannel()"
        ));
        assert!(matches(
            &["unbounded_channel("],
            "mpsc::unbounded_channel()"
        ));
        assert!(!matches(
            n,
            "// a channel is created here\nuse mpsc::Receiver;"
        ));
        assert!(!matches(n, "channel::Receiver<u8>"));
        assert!(!matches(n, "fn f(channel: u8) {}"));
        assert!(!matches(n, "let channelas = 1;"));
        assert!(!matches(n, "let x = channel as_ref;"));
        assert!(!matches(n, "channel /* unterminated ("));
    }

    #[test]
    fn clauses_are_all_of_and_terms_one_of() {
        let n: &[&str] = &["forget(|ManuallyDrop&spawn|drop_guard"];
        assert!(matches(n, "mem::forget(h); thread::spawn(f)"));
        assert!(matches(n, "ManuallyDrop::new(g); token.drop_guard()"));
        assert!(!matches(n, "mem::forget(h);"));
        assert!(!matches(n, "thread::spawn(f)"));
        assert!(!matches(n, "// forget it\nthread::spawn(f)"));
    }

    #[test]
    fn any_needle_and_overlapping_words() {
        let n: &[&str] = &["bounded(", "unbounded_channel("];
        assert!(matches(n, "flume::bounded(1)"));
        assert!(matches(n, "x.unbounded_channel()"));
        assert!(!matches(n, "flume::unbounded()"));
        assert!(!matches(n, "unbounded_channels"));
        assert!(matches(&["leak(", "//leaklint"], "// leaklint:allow(x)"));
        assert!(matches(&["leak(", "leaklint"], "Box::leak(b)"));
        assert!(matches(&["leak(&leaklint"], "leaklint leak()"));
        assert!(matches(&["leak&leaklint"], "x leaklint"));
        // A word that is a prefix of the match is credited at its start; a plain word is
        // found inside another.
        assert!(matches(
            &["unbounded_channel(&unbounded"],
            "unbounded_channel()"
        ));
        assert!(!matches(
            &["unbounded_channel&unbounded("],
            "unbounded_channel()"
        ));
        assert!(matches(
            &["bounded&unbounded_channel("],
            "flume::unbounded_channel()"
        ));
    }

    #[test]
    fn work_terms_need_an_argument_that_may_name_a_function() {
        let n: &[&str] = &["spawn(..)"];
        let names = [
            "thread::spawn(run);",
            "tokio::spawn(run(x));",
            "tokio::spawn(async move { run(x).await });",
            "tokio::spawn(async move { w::run(x).await; });",
            "thread::spawn(move || w::run(rx));",
            "thread::spawn(move || { w::run(rx) });",
            "thread::spawn(|| -> () { run() });",
            "async_std::task::spawn(async move |x| { run(x).await });",
            "tokio::spawn(f);",
            "tokio::spawn((f));",
            "tokio::spawn(async { ; run().await });",
            "tokio::spawn(async { run().await;; });",
            "tokio::spawn(async { run /* ; */ ().await });",
            "thread::spawn::<_, ()>(|| { a(); b() });",
            "use std::thread::spawn as go;",
            "thread::spawn(|(a | b)| w::run(a));",
            "thread::spawn(|| { a(); b() }, run);",
            "thread::spawn(|| { a(); b() }",
            "tokio::spawn(Box::pin(async { a(); b() }));",
            "thread::spawn(|| { a(); b() }); thread::spawn(run);",
            "tokio::spawn(w::run::<u8>(x));",
            "tokio::spawn(r#loop(x));",
            "tokio::spawn(::w::run);",
            "tokio::spawn(<W as R>::run(x));",
            "thread::spawn(|| (w::run)(x));",
            "thread::spawn((run));",
            "thread::spawn(((w::run(x))));",
            "thread::spawn((w::run::<A, B>));",
            "thread::spawn(async { (w::run(x)).await });",
            "thread::spawn(|| -> Result<A, B> { w::run() });",
            "thread::spawn(|a, b| w::run(a, b));",
            "thread::spawn(|| -> Result<A, B>);",
            "thread::spawn(|a, b);",
        ];
        for src in names {
            assert!(matches(n, src), "{src}");
        }
        let inline = [
            "thread::spawn(|| { a(); b() });",
            "thread::spawn(move || { let x = run(); });",
            "tokio::spawn(async move { if let Err(e) = run().await { warn!(e) } });",
            "tokio::spawn(async move { tracing::info!(\"x\") });",
            "tokio::spawn(async move { a().await; b().await }.instrument(span));",
            "tokio::spawn(async {});",
            "tokio::spawn(async { match x { A => a(), B => b() } });",
            "thread::spawn(move || { let s = \"})\"; /* ) , */ f(s, ')'); });",
            "thread::spawn(move || { a(); b() }); // spawn(run)",
            "rt.spawn(async move { a(); b(); },);",
            "fn f() {}",
            "tokio::spawn(b.wait());",
            "tokio::spawn(self.run());",
            "tokio::spawn(fut.await);",
            "tokio::spawn(w::run(x).await?);",
            "tokio::spawn(w::run(x).boxed());",
            "tokio::spawn(&x);",
            "tokio::spawn(Foo { a: run() });",
            "tokio::spawn(pending!());",
            "thread::spawn(|| 42);",
            "thread::spawn(move || once.set(run(4)));",
            "thread::spawn(|| run);",
            "thread::spawn(|| async move { run().await });",
            "tokio::spawn(async { r#type });",
            "tokio::spawn(async { { run().await } });",
            "thread::spawn(|(a | b)| { x(); y() });",
            "task::spawn(());",
            "task::spawn((b.wait()));",
            "task::spawn(async { (a.b()) });",
            "tokio::spawn(async { a != b });",
            "pub fn spawn(f: F) {}",
            "thread::spawn(|| -> Result<A, B> { a(); b() });",
            "thread::spawn(|a, b| { a(); b() }, \"name\");",
            "thread::spawn(|x: [u8; 2], c: char| { let y = '|'; w::run(x) });",
        ];
        for src in inline {
            assert!(!matches(n, src), "{src}");
        }
        // A work term and a plain clause: either needle lets the file through.
        let n: &[&str] = &["spawn&loop", "spawn(..)"];
        assert!(matches(n, "thread::spawn(|| { a(); b() }); loop {}"));
        assert!(matches(n, "thread::spawn(run);"));
        assert!(!matches(n, "thread::spawn(|| { a(); b() });"));
    }

    #[test]
    fn every_lint_together_still_filters() {
        // More terms than a mask holds would turn the filter off (every file parsed).
        let all = Prefilter::for_lints(LINTS.iter().copied().filter(|l| !l.needles.is_empty()));
        assert!(!all.always && all.matcher.is_some());
        assert!(!all.matches(b"fn f() { let x = 1; }"));
    }

    #[test]
    fn no_needles_means_every_file_and_no_lints_means_none() {
        assert!(matches(&[], ""));
        assert!(!Prefilter::for_lints([]).matches(b"channel()"));
    }

    #[test]
    fn words_in_comments_and_literals_do_not_count() {
        let n: &[&str] = &["channel(", "spawn"];
        assert!(!matches(
            n,
            "/// let (tx, rx) = mpsc::channel();\nfn f() {}"
        ));
        assert!(!matches(n, "/* a /* nested */ channel() */ fn f() {}"));
        assert!(!matches(n, r#"let s = "channel()"; let t = "\"spawn";"#));
        assert!(!matches(n, r###"let s = r#"a " channel()"#;"###));
        assert!(!matches(n, r###"let s = br##"x"# spawn"##;"###));
        assert!(!matches(n, "#!/usr/bin/env spawn\nfn f() {}"));
        // Quotes inside chars, comments and strings do not open literals.
        assert!(matches(n, r#"let q = '"'; thread::spawn(f);"#));
        assert!(matches(
            n,
            r#"let q = b'"'; let e = '\''; thread::spawn(f);"#
        ));
        assert!(matches(n, r#"let q = '\u{22}'; thread::spawn(f);"#));
        assert!(matches(n, "fn f<'a>(x: &'a str) -> &'a str { spawn(x) }"));
        assert!(matches(n, "// \" quote\nthread::spawn(f);"));
        assert!(matches(n, "/* ' */ thread::spawn(f);"));
        assert!(matches(n, r#"let s = "a\\"; thread::spawn(f);"#));
        assert!(matches(n, r#"let s = r"a\"; thread::spawn(f);"#));
        assert!(matches(n, "let r#type = 1; thread::spawn(f);"));
        assert!(matches(n, "#![allow(x)]\nthread::spawn(f);"));
        assert!(matches(n, "let s = \"é\"; let c = 'é'; mpsc::channel();"));
        // A comment-only word is found anywhere; code words also in code after comments.
        assert!(matches(&["//leaklint"], "// leaklint:allow(x)"));
        assert!(matches(&["//leaklint"], "#[cfg_attr(leaklint, allow(x))]"));
        assert!(matches(n, "// spawn\nlet x = spawn;"));
    }

    #[test]
    fn trivia_is_skipped_exactly() {
        assert_eq!(skip_trivia(b"  /* a /* b */ c */ x", 0), 20);
        assert_eq!(skip_trivia(b"// x\n\t y", 0), 7);
        assert_eq!(skip_trivia("\u{2028}x".as_bytes(), 0), 3);
        assert_eq!(skip_trivia(b"/* open", 0), 7);
        assert_eq!(skip_trivia(b"x", 0), 0);
    }
}

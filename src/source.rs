//! A loaded source file and conversions between byte offsets and line/column positions.
//!
//! Columns are counted in `char`s and are 1-based, as rustc's JSON and SARIF's
//! `unicodeCodePoints` column kind expect. A UTF-8 byte-order mark is skipped (it is not a
//! column) and CRLF line endings are handled because only `\n` starts a line.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

mod node_span;

pub use node_span::{Ends, NodeSpan};

/// A half-open byte range inside one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and 1-based column (in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One file's text, read once and shared by every stage that needs it.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as it was found (used to read the file).
    pub path: PathBuf,
    /// The path shown to users: relative to the workspace root or the current directory.
    pub display: String,
    pub text: String,
    /// Byte offset at which each line starts; the first line starts after a BOM.
    line_starts: Vec<u32>,
    /// Whether the text is all ASCII: then a column is a byte count.
    ascii: bool,
    /// Where the multi-byte chars are, built on first use in a non-ASCII file.
    multibyte: OnceLock<Multibyte>,
}

/// The multi-byte chars of a file, so that chars ↔ bytes within a line take two binary
/// searches instead of a walk over the line (a generated file can be one line of megabytes).
#[derive(Debug, Default)]
struct Multibyte {
    /// Byte offset of each multi-byte char.
    at: Vec<u32>,
    /// `extra[i]`: bytes beyond one per char of the multi-byte chars before the `i`-th
    /// (one more entry than `at`).
    extra: Vec<u32>,
}

impl Multibyte {
    fn new(text: &str) -> Self {
        let mut mb = Multibyte {
            at: Vec::new(),
            extra: vec![0],
        };
        let mut extra = 0;
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            extra += c.len_utf8() as u32 - 1;
            mb.at.push(i as u32);
            mb.extra.push(extra);
        }
        mb
    }

    /// The index of the first multi-byte char at or after byte `offset`.
    fn index(&self, offset: usize) -> usize {
        self.at.partition_point(|&a| (a as usize) < offset)
    }

    /// The number of chars in the byte range `start..end` (both on char boundaries).
    fn chars(&self, start: usize, end: usize) -> usize {
        (end - start) - (self.extra[self.index(end)] - self.extra[self.index(start)]) as usize
    }
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: String) -> Arc<Self> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut line_starts = vec![bom as u32];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| (i + 1) as u32));
        Arc::new(SourceFile {
            ascii: text.is_ascii(),
            path,
            display,
            text,
            line_starts,
            multibyte: OnceLock::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[idx] as usize;
        let mut end = self
            .line_starts
            .get(idx + 1)
            .map(|&s| s as usize - 1)
            .unwrap_or(self.text.len());
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.line_range(line)]
    }

    /// Byte offset of a 1-based line and a 0-based char column (proc-macro2's convention).
    /// Out-of-range input is clamped, never a panic.
    pub fn offset_of(&self, line: usize, column0: usize) -> usize {
        let range = self.line_range(line);
        let (start, end) = (range.start, range.end);
        if self.ascii {
            return if column0 <= end - start {
                start + column0
            } else {
                // A span may end just past the last char of a line (on the terminator).
                (end + 1).min(self.text.len())
            };
        }
        let mb = self.multibyte();
        let (first, past) = (mb.index(start), mb.index(end));
        if column0 > (end - start) - (mb.extra[past] - mb.extra[first]) as usize {
            return (end + 1).min(self.text.len());
        }
        // The multi-byte chars of the line before the column: their char index
        // `(at - start) - (extra - extra[first])` grows with their byte offset.
        let (mut before, mut past_column) = (first, past);
        while before < past_column {
            let mid = (before + past_column) / 2;
            let index = (mb.at[mid] as usize - start) - (mb.extra[mid] - mb.extra[first]) as usize;
            if index < column0 {
                before = mid + 1;
            } else {
                past_column = mid;
            }
        }
        start + column0 + (mb.extra[before] - mb.extra[first]) as usize
    }

    fn multibyte(&self) -> &Multibyte {
        self.multibyte.get_or_init(|| Multibyte::new(&self.text))
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_idx = match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = (self.line_starts[line_idx] as usize).min(offset);
        let mut cut = offset;
        while !self.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let column = if self.ascii {
            cut - start.min(cut)
        } else {
            self.multibyte().chars(start.min(cut), cut)
        } + 1;
        Position {
            line: line_idx + 1,
            column,
        }
    }

    /// The text covered by a span (clamped to char boundaries).
    pub fn snippet(&self, span: Span) -> &str {
        let mut start = (span.start as usize).min(self.text.len());
        let mut end = (span.end as usize).min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        &self.text[start..end]
    }

    /// Converts a proc-macro2 span of this file (parsed with `span-locations`) to a byte span.
    pub fn span_of(&self, span: proc_macro2::Span) -> Span {
        let start = span.start();
        let end = span.end();
        let s = self.offset_of(start.line, start.column);
        let e = self.offset_of(end.line, end.column);
        Span::new(s, e.max(s))
    }

    /// The indentation (leading whitespace) of the line holding `offset`.
    pub fn indent_at(&self, offset: usize) -> &str {
        let line = self.position(offset).line;
        let text = self.line_text(line);
        let trimmed = text.trim_start();
        &text[..text.len() - trimmed.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceFile> {
        SourceFile::new("a.rs".into(), "a.rs".into(), text.to_string())
    }

    #[test]
    fn positions_count_chars_and_skip_bom() {
        let f = file("\u{feff}fn a() {}\r\nlet é = x;\n");
        assert_eq!(f.position(3), Position { line: 1, column: 1 });
        // `x` on line 2: "let é = " is 8 chars, 9 bytes.
        let x = f.text.find('x').unwrap();
        assert_eq!(f.position(x), Position { line: 2, column: 9 });
        assert_eq!(f.offset_of(2, 8), x);
        assert_eq!(f.line_text(1), "fn a() {}");
    }

    /// The char-walking definitions the fast paths replace.
    fn naive_offset(f: &SourceFile, line: usize, column0: usize) -> usize {
        let range = f.line_range(line);
        let line_text = &f.text[range.clone()];
        if column0 > line_text.chars().count() {
            return (range.end + 1).min(f.text.len());
        }
        range.start
            + line_text
                .char_indices()
                .nth(column0)
                .map(|(i, _)| i)
                .unwrap_or(line_text.len())
    }

    #[test]
    fn fast_conversions_equal_char_walking() {
        for text in [
            "\u{feff}fn é() {}\r\nlet 日本 = \"ß\"; // ü\n\nx𝄞y\r\n",
            "plain ascii\r\nlines\n",
            "ééé\nééé",
            "",
        ] {
            let f = file(text);
            for line in 1..=f.line_count() + 1 {
                for col in 0..f.line_text(line).len() + 3 {
                    assert_eq!(
                        f.offset_of(line, col),
                        naive_offset(&f, line, col),
                        "{text:?} {line}:{col}"
                    );
                }
            }
            for offset in 0..=text.len() + 1 {
                let p = f.position(offset);
                let o = offset.min(text.len());
                let mut cut = o;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let start = f.line_range(p.line).start.min(cut);
                assert_eq!(
                    p.column,
                    text[start..cut].chars().count() + 1,
                    "{text:?} @{offset}"
                );
            }
        }
    }

    #[test]
    fn out_of_range_is_clamped() {
        let f = file("ab");
        assert_eq!(f.offset_of(9, 9), 2);
        assert_eq!(f.position(99), Position { line: 1, column: 3 });
    }
}

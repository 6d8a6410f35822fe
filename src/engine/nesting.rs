//! A cheap guard against input nested deeper than the parser, the model and the drop of the
//! syntax tree can follow on the workers' stack. Each of them recurses once per level, and a
//! stack overflow aborts the whole process (it cannot be caught like a panic), so a file
//! nested too deeply is reported as `too_deeply_nested` and not parsed.
//!
//! The measure over-estimates the depth of the syntax tree from tokens, without parsing: at
//! each point, the number of enclosing delimiters plus, for each enclosing level and the
//! current one, the tokens seen since the last `;` or `,` of that level. Nesting without
//! delimiters (`a + b + ..`, `|| || ..`, `x.f().f()..`, `else if` chains) builds a tree as
//! deep as the tokens of one expression are many, so such runs count too.

use super::prefilter::{block_comment_end, char_literal_end, skip_trivia, string_end};

/// The deepest nesting leaklint analyses. The deepest of the 10,722 files of the corpus
/// measures 815. Measured on the 256 MiB worker stack, a release build overflows near 70,000
/// nested blocks (about 3.8 KiB a level, the costliest construct found) and a debug build,
/// whose frames are several times larger, between 10,000 and 20,000 parentheses; the limits
/// keep a margin of three or more below those.
pub const MAX_NESTING: usize = if cfg!(debug_assertions) {
    5_000
} else {
    20_000
};

/// The byte offset at which the nesting measure first exceeds `limit`, if it does.
pub fn too_deep(text: &[u8], limit: usize) -> Option<usize> {
    deepest(text, Some(limit)).1
}

/// The largest nesting measure in `text` (stops early past `limit`), and where it exceeds
/// `limit`.
pub fn deepest(text: &[u8], limit: Option<usize>) -> (usize, Option<usize>) {
    // For each open delimiter: the weight outside it when it opened, and the tokens of the
    // enclosing level's segment up to it.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut outer = 0; // weight of the enclosing levels
    let mut segment = 0; // tokens since the last `;` or `,` of the current level
    let mut max = 0;
    let mut at = 0;
    while at < text.len() {
        let b = text[at];
        let mut next = at + 1;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'/' if text.get(at + 1) == Some(&b'/') => {
                next = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |n| at + n);
            }
            b'/' if text.get(at + 1) == Some(&b'*') => next = block_comment_end(text, at),
            b'"' => {
                next = string_end(text, at);
                segment += 1;
            }
            b'\'' => {
                next = char_literal_end(text, at).unwrap_or(at + 1);
                segment += 1;
            }
            b'(' | b'[' | b'{' => {
                stack.push((outer, segment));
                outer += segment + 1;
                segment = 0;
            }
            b')' | b']' | b'}' => {
                if let Some((o, s)) = stack.pop() {
                    outer = o;
                    segment = s + 1;
                }
                // A block-like item or statement ends at its `}`: what follows is a sibling
                // (`impl A {} impl B {}`), unless it continues the expression (`} else if`).
                if b == b'}' && starts_sibling(text, skip_trivia(text, next)) {
                    segment = 0;
                }
            }
            b';' | b',' => segment = 0,
            _ if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 => {
                while next < text.len()
                    && (text[next].is_ascii_alphanumeric()
                        || text[next] == b'_'
                        || text[next] >= 0x80)
                {
                    next += 1;
                }
                segment += 1;
            }
            _ => segment += 1,
        }
        let weight = outer + segment;
        if weight > max {
            max = weight;
            if limit.is_some_and(|l| weight > l) {
                return (max, Some(at));
            }
        }
        at = next.max(at + 1);
    }
    (max, None)
}

/// Whether the token at `at` starts a new item or statement after a `}`: an attribute, or a
/// word other than `else` and `as`.
fn starts_sibling(text: &[u8], at: usize) -> bool {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    match text.get(at) {
        Some(b'#') => true,
        Some(&b) if is_ident(b) => {
            let end = text[at..]
                .iter()
                .position(|&b| !is_ident(b))
                .map_or(text.len(), |n| at + n);
            !matches!(&text[at..end], b"else" | b"as")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(s: &str) -> usize {
        deepest(s.as_bytes(), None).0
    }

    #[test]
    fn delimiters_and_runs_count_separators_reset() {
        assert_eq!(depth("((()))"), 3);
        assert_eq!(depth("a + b"), 3);
        assert_eq!(depth("f(a, b, c); g(d);"), 3);
        assert!(depth(&"(".repeat(50)) == 50);
        assert!(depth(&"|| ".repeat(50)) >= 100);
        assert!(depth(&"x.f()".repeat(50)) >= 100);
        // Brackets inside comments and literals do not count.
        assert_eq!(depth("/* ((( */ \"(((\" '(' // (((\n x"), 3);
        let items = "impl A { } ".repeat(50) + "#[x] struct C { }";
        assert_eq!(depth(&items), depth("#[x] struct C { }"));
        assert!(depth(&"if a { } else ".repeat(50)) >= 150);
        assert_eq!(too_deep(b"((((", 3), Some(3));
        assert_eq!(too_deep(b"(((", 3), None);
    }
}

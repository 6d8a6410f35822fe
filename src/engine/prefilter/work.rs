//! What a spawn is given to run, read from its call's bytes: whether an argument may name a
//! function the model follows the work to (`WORD(..)` terms of the pre-filter). The reading
//! is of tokens, not a parse: brackets, literals and comments are skipped exactly, and
//! whatever shape it is unsure of counts as naming a function (the pre-filter must never
//! skip a file the model would act on; `tests/prefilter.rs` compares it with the model).

use super::{char_literal_end, is_ident_byte, skip_trivia, string_end};

/// Whether the call whose callee ends at `end` (named as a callee) may hand the model work
/// it follows to a function: some argument is not [`inert`]. A turbofish, a rename and a
/// call that is not closed always may.
pub(super) fn may_name_work(text: &[u8], end: usize) -> bool {
    let open = skip_trivia(text, end);
    if text.get(open) != Some(&b'(') {
        return true;
    }
    let mut from = open + 1;
    loop {
        // A closure's parameters and return type may hold commas: its argument ends at the
        // first comma after its body starts.
        let head = match closure_head(text, from) {
            Head::Closure(body) => Some(body),
            Head::Other => None,
            Head::Unread => return true,
        };
        let Some((commas, close)) = scan_group(text, head.unwrap_or(from), b',') else {
            return true;
        };
        let to = commas.first().copied().unwrap_or(close);
        if !inert(text, from, to, head) {
            return true;
        }
        if to == close {
            return false;
        }
        from = to + 1;
    }
}

/// What an argument starts with.
enum Head {
    /// A closure or an async block, whose body starts at this offset.
    Closure(usize),
    /// Anything else.
    Other,
    /// A closure this reading cannot follow (no closing `|`, no body after `->`).
    Unread,
}

/// Reads the closure (`move |a, b| ..`, `|| -> T { .. }`, `async move |x| ..`) or async
/// block (`async move { .. }`) that starts at `from`, up to its body.
fn closure_head(text: &[u8], from: usize) -> Head {
    let mut at = skip_trivia(text, from);
    let is_async = keyword_at(text, at, "async");
    if let Some(next) = is_async {
        at = next;
    }
    if let Some(next) = keyword_at(text, at, "move") {
        at = next;
    }
    let params = match (text.get(at), text.get(at + 1)) {
        (Some(b'{'), _) if is_async.is_some() => return Head::Closure(at),
        (Some(b'|'), Some(b'|')) => at + 2,
        // The first `|` outside brackets: a pattern's `|` is in parentheses.
        (Some(b'|'), _) => match scan_group(text, at + 1, b'|') {
            Some((bars, _)) if !bars.is_empty() => bars[0] + 1,
            _ => return Head::Unread,
        },
        _ => return Head::Other,
    };
    let after = skip_trivia(text, params);
    if text.get(after..after + 2) != Some(b"->") {
        return Head::Closure(after);
    }
    // A return type: the body is a block, and no type holds `{`.
    match memchr::memchr2(b'{', b')', &text[after..]) {
        Some(n) if text[after + n] == b'{' => Head::Closure(after + n),
        _ => Head::Unread,
    }
}

/// Scans a bracketed group from `from` (just after its opening bracket) to its closing
/// bracket, over nested brackets, literals and comments: the offsets of `sep` at the top
/// level, and the offset of the closing bracket (`None` if it is not closed).
fn scan_group(text: &[u8], from: usize, sep: u8) -> Option<(Vec<usize>, usize)> {
    let mut seps = Vec::new();
    let mut depth = 0usize;
    let mut at = from;
    while at < text.len() {
        let b = text[at];
        at = match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                at + 1
            }
            b')' | b']' | b'}' if depth == 0 => return Some((seps, at)),
            b')' | b']' | b'}' => {
                depth -= 1;
                at + 1
            }
            b'"' => string_end(text, at),
            b'\'' => char_literal_end(text, at).unwrap_or(at + 1),
            b'/' if matches!(text.get(at + 1), Some(b'/' | b'*')) => skip_trivia(text, at),
            _ => {
                if b == sep && depth == 0 {
                    seps.push(at);
                }
                at + 1
            }
        };
    }
    None
}

/// Whether the argument `text[from..to]` (whose closure or async block body starts at
/// `body`, if it is one) names no function the model follows: the work of a spawn is
/// followed to a function when it is a path, a call of a path, that call awaited, or a
/// closure or async block whose body is one such call. Anything this reading is unsure of
/// may name one.
fn inert(text: &[u8], from: usize, to: usize, body: Option<usize>) -> bool {
    let at = skip_trivia(text, from);
    match body {
        _ if at >= to => true,
        Some(body) if body >= to => false,
        Some(body) if text[body] == b'{' => block_inert(text, body, to),
        Some(body) => !may_call(shape(text, body, to)),
        None => shape(text, at, to) == Shape::Other,
    }
}

/// Whether the block that opens at `open` (a closure's or async block's body, the rest of
/// an argument ending at `to`) names no function: a method is called on it (`async { ..
/// }.instrument(span)`), or it holds no statement, several, or one that is no call.
fn block_inert(text: &[u8], open: usize, to: usize) -> bool {
    let Some((semis, close)) = scan_group(text, open + 1, b';') else {
        return false;
    };
    if close >= to {
        return false;
    }
    if skip_trivia(text, close + 1) < to {
        return true;
    }
    let mut statements = semis
        .into_iter()
        .chain([close])
        .scan(open + 1, |from, end| {
            let start = skip_trivia(text, *from);
            *from = end + 1;
            Some((start < end).then_some((start, end)))
        })
        .flatten();
    match (statements.next(), statements.next()) {
        (Some((start, end)), None) => !may_call(shape(text, start, end)),
        _ => true,
    }
}

/// The shape of the expression `text[at..to]`, as far as the work of a spawn asks.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Shape {
    /// A path (`run`, `w::run`, `f`).
    Path,
    /// A call of a path, perhaps awaited (`w::run(x)`, `run(x).await`).
    Call,
    /// Something this reading is unsure of (parentheses, a turbofish).
    Unsure,
    /// Anything else: a method call, a field, a macro, a literal, a keyword's expression.
    Other,
}

fn may_call(shape: Shape) -> bool {
    matches!(shape, Shape::Call | Shape::Unsure)
}

fn shape(text: &[u8], at: usize, to: usize) -> Shape {
    let Some(after) = path_end(text, at) else {
        return match text.get(at) {
            Some(b'(') => parenthesized(text, at, to),
            Some(b'<') => Shape::Unsure,
            _ => Shape::Other,
        };
    };
    let at = skip_trivia(text, after);
    if at >= to {
        return Shape::Path;
    }
    if text.get(at..at + 2) == Some(b"::") {
        return Shape::Unsure;
    }
    if text.get(at) != Some(&b'(') {
        return Shape::Other;
    }
    let Some((_, close)) = scan_group(text, at + 1, b',') else {
        return Shape::Unsure;
    };
    let at = skip_trivia(text, close + 1);
    if at >= to {
        return Shape::Call;
    }
    if text.get(at) == Some(&b'.') {
        if let Some(next) = keyword_at(text, skip_trivia(text, at + 1), "await") {
            if next >= to {
                return Shape::Call;
            }
        }
    }
    Shape::Other
}

/// The shape of `text[open..to]`, which opens with `(`: `()` is no call, `(x)` is the
/// shape of `x` (the model looks through parentheses); with a comma inside (a tuple, or a
/// turbofish's) or anything after it (`(f)(x)`), unsure.
fn parenthesized(text: &[u8], open: usize, to: usize) -> Shape {
    let Some((commas, close)) = scan_group(text, open + 1, b',') else {
        return Shape::Unsure;
    };
    let inner = skip_trivia(text, open + 1);
    match () {
        _ if close >= to || skip_trivia(text, close + 1) < to || !commas.is_empty() => {
            Shape::Unsure
        }
        _ if inner == close => Shape::Other,
        _ => shape(text, inner, close),
    }
}

/// The end of the path (`a::b::c`, `::a`, `r#type`) that starts at `at`, if one does; a
/// turbofish ends it early (the caller sees `::` next).
fn path_end(text: &[u8], mut at: usize) -> Option<usize> {
    if text.get(at..at + 2) == Some(b"::") {
        at = skip_trivia(text, at + 2);
    }
    let mut end = None;
    loop {
        let raw = match text.get(at..at + 3) {
            Some([b'r', b'#', b]) if is_ident_byte(*b) => 2,
            _ => 0,
        };
        let len = text[at + raw..]
            .iter()
            .take_while(|&&b| is_ident_byte(b))
            .count();
        if len == 0 || text[at + raw].is_ascii_digit() {
            return end;
        }
        end = Some(at + raw + len);
        let next = skip_trivia(text, at + raw + len);
        match text.get(next..next + 2) {
            Some(b"::") if text.get(skip_trivia(text, next + 2)) != Some(&b'<') => {
                at = skip_trivia(text, next + 2);
            }
            _ => return end,
        }
    }
}

/// Where the next token starts if the keyword `word` is at `at` (a whole identifier).
fn keyword_at(text: &[u8], at: usize, word: &str) -> Option<usize> {
    let end = at + word.len();
    let whole = text.get(at..end) == Some(word.as_bytes())
        && !text.get(end).copied().is_some_and(is_ident_byte);
    whole.then(|| skip_trivia(text, end))
}

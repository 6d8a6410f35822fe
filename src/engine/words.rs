//! The identifiers of a file the pre-filter skipped, kept as a small set of hashes, so that
//! the reach rounds and the recheck of crate conditions can ask "does this file name `x`?"
//! without reading the file again. Only a file that does name a wanted word is read a second
//! time, to be modelled.

/// The distinct identifiers of a text outside its comments (maximal runs of ASCII letters,
/// digits, `_` and non-ASCII bytes; string literals included), as sorted 32-bit hashes. About 4 bytes per distinct identifier.
#[derive(Clone, Debug, Default)]
pub struct WordSet(Box<[u32]>);

fn is_ident(b: u8) -> bool {
    IDENT[usize::from(b)]
}

/// [`is_ident`] by byte value: one load per byte in the scan.
const IDENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        b += 1;
    }
    table
};

/// FNV-1a folded to 32 bits: identifiers are short, so a byte loop is as fast as anything.
fn hash(word: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

impl WordSet {
    /// The identifiers of `text` outside comments (a word only a comment names cannot
    /// matter to the model): O(len) to scan; each occurrence goes through a small hash set,
    /// so only the k distinct identifiers are sorted (O(k log k)).
    pub fn of(text: &[u8]) -> WordSet {
        let mut seen = Distinct::with_capacity(text.len() / 64);
        super::prefilter::outside_comments(text, |part| {
            let mut at = 0;
            while let Some(skip) = part[at..].iter().position(|&b| is_ident(b)) {
                let start = at + skip;
                let len = part[start..].iter().position(|&b| !is_ident(b));
                at = len.map_or(part.len(), |len| start + len);
                seen.insert(hash(&part[start..at]));
            }
        });
        let mut hashes = seen.into_vec();
        hashes.sort_unstable();
        WordSet(hashes.into_boxed_slice())
    }

    /// Whether `word` may occur in the text as a whole identifier: `false` is certain, `true`
    /// may be a hash collision (the caller confirms on the text). A word that is not one
    /// identifier (`a::b`) always may.
    pub fn may_contain(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.is_empty() || !bytes.iter().all(|&b| is_ident(b)) {
            return true;
        }
        self.0.binary_search(&hash(bytes)).is_ok()
    }

    /// Whether the text may name any of `words`.
    pub fn may_contain_any(&self, words: &[String]) -> bool {
        words.iter().any(|w| self.may_contain(w))
    }
}

/// A set of 32-bit hashes with open addressing (linear probing), `0` kept apart as a flag.
struct Distinct {
    slots: Vec<u32>,
    len: usize,
    zero: bool,
}

impl Distinct {
    fn with_capacity(n: usize) -> Distinct {
        Distinct {
            slots: vec![0; (2 * n.max(8)).next_power_of_two()],
            len: 0,
            zero: false,
        }
    }

    fn insert(&mut self, h: u32) {
        if h == 0 {
            self.zero = true;
            return;
        }
        if 2 * (self.len + 1) > self.slots.len() {
            let grown = vec![0; 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, grown);
            self.len = 0;
            for h in old.into_iter().filter(|&h| h != 0) {
                self.insert(h);
            }
        }
        let mask = self.slots.len() - 1;
        // Fibonacci hashing spreads FNV's low bits over the table.
        let mut i = (h.wrapping_mul(0x9e37_79b9) >> 7) as usize & mask;
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = h;
                    self.len += 1;
                    return;
                }
                s if s == h => return,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn into_vec(self) -> Vec<u32> {
        let zero = self.zero.then_some(0);
        self.slots
            .into_iter()
            .filter(|&h| h != 0)
            .chain(zero)
            .collect()
    }
}

/// Whether a file the pre-filter skips must have its words taken at once: it names a caller
/// of a lint's word reach ([`crate::lints::WORD_REACHES`]), which are looked for in every
/// skipped file before any other question is asked. The words of any other skipped file are
/// taken only when a reach round, a word reach or the recheck first asks about its group
/// ([`words_of`]): most skipped files are never asked about.
pub(super) fn wanted_at_once(text: &[u8]) -> bool {
    // A whole identifier anywhere (comments too): a superset of the set's own answer.
    crate::lints::WORD_REACHES
        .iter()
        .flat_map(|(_, reach)| reach.callers)
        .any(|caller| super::contains_word(text, caller.as_bytes()))
}

/// The words of a skipped file: the set kept, or else taken now from `given` (an editor's
/// buffer) or from the file, read again (an unreadable file names nothing).
pub(super) fn words_of<'r>(
    path: &std::path::Path,
    given: Option<&String>,
    known: &'r std::sync::OnceLock<WordSet>,
) -> &'r WordSet {
    known.get_or_init(|| match given {
        Some(text) => WordSet::of(text.as_bytes()),
        None => std::fs::read(path).map_or_else(|_| WordSet::default(), |t| WordSet::of(&t)),
    })
}

/// Whether a skipped file whose words are `known` (unset: not taken yet) may name one of
/// `words`; only a file that may is read (again).
pub(super) fn may_name(known: &std::sync::OnceLock<WordSet>, words: &[String]) -> bool {
    known.get().is_none_or(|set| set.may_contain_any(words))
}

/// [`may_name`] for words given as `&str`.
pub(super) fn may_name_any(known: &std::sync::OnceLock<WordSet>, words: &[&str]) -> bool {
    known
        .get()
        .is_none_or(|set| words.iter().any(|w| set.may_contain(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_identifiers_only() {
        let set = WordSet::of("fn run_forever() { self.events.recv(); r#type }".as_bytes());
        for w in ["fn", "run_forever", "self", "events", "recv", "r", "type"] {
            assert!(set.may_contain(w), "{w}");
        }
        for w in ["run", "forever", "event", "eventsx", "Run_forever"] {
            assert!(!set.may_contain(w), "{w}");
        }
        assert!(set.may_contain("a::b"));
        assert!(!WordSet::of(b"").may_contain("x"));
    }

    #[test]
    fn the_set_is_every_distinct_identifier_hash_sorted() {
        // Many identifiers, to grow the table several times; repeated ones counted once.
        let text: String = (0..5000)
            .map(|i| format!("w{} x_{} ;; ", i % 1500, i))
            .collect();
        let set = WordSet::of(text.as_bytes());
        let mut naive: Vec<u32> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(|w| hash(w.as_bytes()))
            .collect();
        naive.sort_unstable();
        naive.dedup();
        assert_eq!(&*set.0, &naive[..]);
        assert_eq!(set.0.len(), 6500);
        assert!(set.may_contain("w1499") && set.may_contain("x_4999"));
        assert!(!set.may_contain("w1500") && !set.may_contain("x_5000"));
    }

    #[test]
    fn words_in_comments_do_not_count_words_in_literals_do() {
        let text = "#!/usr/bin/env shebang\n//! docs\n/* block /* nested */ inner */ fn code() {\n\
                    // line\n let s = \"quoted\"; let r = r#\"raw \" still\"#; let c = '\\''; x/y }";
        let set = WordSet::of(text.as_bytes());
        for w in ["fn", "code", "s", "quoted", "raw", "still", "c", "x", "y"] {
            assert!(set.may_contain(w), "{w}");
        }
        for w in ["shebang", "docs", "block", "nested", "inner", "line"] {
            assert!(!set.may_contain(w), "{w}");
        }
    }

    #[test]
    fn non_ascii_is_part_of_an_identifier() {
        let set = WordSet::of("let größe = 1;".as_bytes());
        assert!(set.may_contain("größe"));
        assert!(!set.may_contain("gr"));
    }
}

//! The identifiers of a file the pre-filter skipped, kept as a small set of hashes, so that
//! the reach rounds and the recheck of crate conditions can ask "does this file name `x`?"
//! without reading the file again. Only a file that does name a wanted word is read a second
//! time, to be modelled.

/// The distinct identifiers of a text (maximal runs of ASCII letters, digits, `_` and
/// non-ASCII bytes), as sorted 32-bit hashes. About 4 bytes per distinct identifier.
#[derive(Clone, Debug, Default)]
pub struct WordSet(Box<[u32]>);

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// FNV-1a folded to 32 bits: identifiers are short, so a byte loop is as fast as anything.
fn hash(word: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

impl WordSet {
    /// The identifiers of `text`: O(len) to scan, O(k log k) for its k identifiers.
    pub fn of(text: &[u8]) -> WordSet {
        let mut hashes = Vec::new();
        let mut at = 0;
        while at < text.len() {
            if !is_ident(text[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < text.len() && is_ident(text[at]) {
                at += 1;
            }
            hashes.push(hash(&text[start..at]));
        }
        hashes.sort_unstable();
        hashes.dedup();
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

/// Whether a skipped file whose words are `known` (unset: not read yet) may name one of
/// `words`; only a file that may is read (again).
pub(super) fn may_name(known: &std::sync::OnceLock<WordSet>, words: &[String]) -> bool {
    known.get().is_none_or(|set| set.may_contain_any(words))
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
    fn non_ascii_is_part_of_an_identifier() {
        let set = WordSet::of("let größe = 1;".as_bytes());
        assert!(set.may_contain("größe"));
        assert!(!set.may_contain("gr"));
    }
}

//! Thread-name patterns of the ignore list: `*` matches any run of characters, everything
//! else matches itself (`tokio-runtime-worker`, `rayon-*`, `*-pool`).

/// The longest thread name Linux keeps (`comm`): 15 bytes; longer names are cut.
pub(crate) const KERNEL_NAME_LIMIT: usize = 15;

/// Whether `pattern` matches the thread name `name` as the kernel shows it. A name of
/// [`KERNEL_NAME_LIMIT`] bytes may have been cut, so it also matches when the pattern matches
/// some longer name that starts with it (`my-background-worker` matches `my-background-w`).
pub(crate) fn matches(pattern: &str, name: &str) -> bool {
    let cut = name.len() >= KERNEL_NAME_LIMIT;
    glob(pattern.as_bytes(), name.as_bytes(), cut)
}

/// `*`-glob matching; with `open_end`, text that ends early matches whatever pattern is left.
fn glob(pattern: &[u8], text: &[u8], open_end: bool) -> bool {
    match (pattern.split_first(), text.split_first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(_), None) => open_end || pattern.iter().all(|&b| b == b'*'),
        (Some((b'*', rest)), Some((_, text_rest))) => {
            glob(rest, text, open_end) || glob(pattern, text_rest, open_end)
        }
        (Some((p, rest)), Some((t, text_rest))) => p == t && glob(rest, text_rest, open_end),
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn literal_and_star_patterns() {
        assert!(matches("tokio-runtime-worker", "tokio-runtime-w"));
        assert!(matches("rayon-*", "rayon-3"));
        assert!(matches("*-pool", "db-pool"));
        assert!(matches("*", "anything"));
        assert!(matches("a*c", "abbbc"));
        assert!(!matches("rayon-*", "ray"));
        assert!(!matches("db-pool", "db-pool-2"));
        assert!(!matches("*-pool", "db-pools"));
    }

    #[test]
    fn cut_names_match_the_patterns_of_their_full_names() {
        // "my-background-worker" is listed as its first 15 bytes.
        assert!(matches("my-background-worker", "my-background-w"));
        assert!(matches("my-*-worker", "my-background-w"));
        assert!(!matches("other-background", "my-background-w"));
        // A short name was not cut: the whole pattern must match.
        assert!(!matches("heartbeat-2", "heartbeat"));
    }
}

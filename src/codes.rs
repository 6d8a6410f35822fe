//! The codes of leaklint's own errors: what it prints when it cannot analyse a file
//! (`error[leaklint::syntax_error]`). They are not lints: they are always errors (exit
//! status 1), cannot be allowed or suppressed, and `--explain CODE` prints their document.

/// One tool-error code and its document.
#[derive(Debug)]
pub struct ToolCode {
    /// `syntax_error` (shown as `leaklint::syntax_error`).
    pub name: &'static str,
    /// One sentence: what happened (SARIF's notification descriptor).
    pub summary: &'static str,
    /// Markdown: `# NAME`, then what it means and what to do.
    pub doc: &'static str,
}

/// Every code leaklint's own errors use.
pub static TOOL_CODES: &[ToolCode] = &[
    ToolCode {
        name: "read_error",
        summary: "A file could not be read.",
        doc: "# read_error\n\n\
              A file could not be read: it was removed while leaklint ran, permissions forbid \
              reading it, it is not a regular file (a FIFO, a device), it is a symbolic link \
              that leads nowhere (dangling, or a loop), or a directory below a linted directory \
              could not be listed.\n\n\
              Fix the file system entry, or move it out of the linted directories. The error is \
              reported at line 1, column 1 of the path.\n",
    },
    ToolCode {
        name: "invalid_utf8",
        summary: "A file is not valid UTF-8.",
        doc: "# invalid_utf8\n\n\
              Rust source files must be UTF-8; this one has a byte sequence that is not. The \
              error points at the first invalid byte. rustc rejects such a file too: re-encode \
              it as UTF-8.\n",
    },
    ToolCode {
        name: "file_too_large",
        summary: "A file is too large to be analysed.",
        doc: "# file_too_large\n\n\
              The file is over 64 MiB. Generated code of this size has no hand-written \
              channels, and parsing it would take seconds and gigabytes, so it is skipped and \
              reported. Move generated files out of the linted directories (into `target/` or a \
              directory with a `CACHEDIR.TAG`).\n",
    },
    ToolCode {
        name: "syntax_error",
        summary: "A file could not be parsed as Rust.",
        doc: "# syntax_error\n\n\
              The file does not parse as Rust (leaklint uses `syn`, which follows the stable \
              language). The error points where parsing stopped. `cargo check` reports the same \
              problem, usually with a better message. Files that a quick text search shows no \
              lint can fire in are not parsed in directory walks, so their syntax errors show \
              only with `--no-prefilter` or when the file is named on the command line.\n",
    },
    ToolCode {
        name: "too_deeply_nested",
        summary: "A file is nested too deeply to be analysed.",
        doc: "# too_deeply_nested\n\n\
              The file nests delimiters and operators deeper than leaklint's parser can follow \
              (thousands of levels, as in some generated code). It is skipped and reported \
              where the limit is crossed, rather than crashing the run.\n",
    },
    ToolCode {
        name: "internal_error",
        summary: "leaklint failed while analysing a file.",
        doc: "# internal_error\n\n\
              leaklint crashed while analysing this file: a bug in leaklint. The other files \
              are still linted. Please report it with the message and, if you can, the file.\n",
    },
];

/// The tool-error code named `name` (`syntax_error`, `leaklint::syntax-error`).
pub fn find(name: &str) -> Option<&'static ToolCode> {
    let name = name.strip_prefix("leaklint::").unwrap_or(name);
    let name = name.replace('-', "_");
    TOOL_CODES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_found_and_documented_under_their_name() {
        for code in TOOL_CODES {
            assert!(code.doc.starts_with(&format!("# {}\n\n", code.name)));
            assert!(std::ptr::eq(
                find(&format!("leaklint::{}", code.name)).unwrap(),
                code
            ));
            assert!(
                crate::lints::find(code.name).is_none(),
                "{} is a lint",
                code.name
            );
        }
        assert!(find("syntax-error").is_some());
        assert!(find("receiver_dropped").is_none());
    }
}

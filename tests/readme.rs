//! The README stays true to the code:
//!
//! - its lint table (between `<!-- lints:start -->` and `<!-- lints:end -->`) is what the
//!   registry generates; rewrite it with `LEAKLINT_BLESS=1 cargo test --test readme`;
//! - every option its "Options" section names appears in `cargo-leaklint --help`, and every
//!   option the command line defines is documented there;
//! - the test command it gives is the one `.ci/run` runs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use leaklint::lints::LINTS;

const START: &str = "<!-- lints:start -->";
const END: &str = "<!-- lints:end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme_path() -> PathBuf {
    root().join("README.md")
}

fn readme() -> String {
    std::fs::read_to_string(readme_path()).expect("read README.md")
}

/// The lint table, one row per lint of the registry, in registry order.
fn lint_table() -> String {
    let mut table = String::from(
        "| Lint | Group | Default | What it finds |\n\
         | --- | --- | --- | --- |\n",
    );
    for lint in LINTS {
        let summary = lint
            .summary()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|");
        table.push_str(&format!(
            "| [`{name}`](lints/{name}.md) | {group} | {level} | {summary} |\n",
            name = lint.name,
            group = lint.group.name(),
            level = lint.default_level().as_str(),
        ));
    }
    table
}

/// The README with `table` between the markers.
fn with_table(readme: &str, table: &str) -> String {
    let start = readme
        .find(START)
        .unwrap_or_else(|| panic!("README.md has no `{START}` marker"));
    let end = readme
        .find(END)
        .unwrap_or_else(|| panic!("README.md has no `{END}` marker"));
    assert!(
        start < end,
        "`{START}` must come before `{END}` in README.md"
    );
    format!("{}{START}\n{table}{}", &readme[..start], &readme[end..])
}

#[test]
fn lint_table_matches_the_registry() {
    let readme = readme();
    let expected = with_table(&readme, &lint_table());
    if readme == expected {
        return;
    }
    if std::env::var_os("LEAKLINT_BLESS").is_some_and(|v| v == "1") {
        // Through a rename, so that the other tests never read a half-written file.
        let temporary = root().join("README.md.bless");
        std::fs::write(&temporary, &expected).expect("write README.md.bless");
        std::fs::rename(&temporary, readme_path()).expect("replace README.md");
        eprintln!("README.md: lint table rewritten");
        return;
    }
    panic!(
        "the lint table in README.md is out of date; rewrite it with\n\n    \
         LEAKLINT_BLESS=1 cargo test --test readme\n\nExpected table:\n{}",
        lint_table()
    );
}

#[test]
fn every_lint_in_the_table_has_its_document() {
    for lint in LINTS {
        let doc = root().join("lints").join(format!("{}.md", lint.name));
        assert!(doc.is_file(), "{} is linked from README.md", doc.display());
    }
}

/// The text of a `## TITLE` section, up to the next `## ` heading.
fn section<'a>(text: &'a str, title: &str) -> &'a str {
    let heading = format!("\n## {title}\n");
    let start = text
        .find(&heading)
        .unwrap_or_else(|| panic!("README.md has no `## {title}` section"))
        + heading.len();
    let rest = &text[start..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Every `--long` and `-s` option named in `text`. A dash counts only at the start of a word,
/// so `non-zero` and `1-2` are not options; `-vv` is not read as `-v`.
fn options_in(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let word_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut found = BTreeSet::new();
    for i in 0..chars.len() {
        if chars[i] != '-' || (i > 0 && word_char(chars[i - 1])) {
            continue;
        }
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(char::is_ascii_lowercase)
        {
            let name: String = chars[i + 2..]
                .iter()
                .take_while(|&&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                .collect();
            found.insert(format!("--{}", name.trim_end_matches('-')));
        } else if chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
            && !chars.get(i + 2).is_some_and(|&c| word_char(c))
        {
            found.insert(format!("-{}", chars[i + 1]));
        }
    }
    found
}

fn help() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-leaklint"))
        .arg("--help")
        .env("NO_COLOR", "1")
        .output()
        .expect("run cargo-leaklint --help");
    assert!(out.status.success(), "cargo-leaklint --help failed");
    String::from_utf8(out.stdout).expect("UTF-8 help")
}

/// The options the command line defines (clap's definition, hidden ones left out).
fn defined_options() -> BTreeSet<String> {
    use clap::CommandFactory;
    let mut command = leaklint::cli::Cli::command();
    command.build();
    command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .flat_map(|a| {
            let short = a.get_short().map(|c| format!("-{c}"));
            let long = a.get_long().map(|l| format!("--{l}"));
            short.into_iter().chain(long)
        })
        .collect()
}

#[test]
fn options_section_and_help_name_the_same_options() {
    let readme = readme();
    let documented = options_in(section(&readme, "Options"));
    let help = help();
    let mentioned_in_help = options_in(&help);
    let defined = defined_options();
    assert!(
        defined.contains("--message-format") && defined.contains("-A") && defined.contains("-h"),
        "could not read the options: {defined:?}"
    );
    let unknown: Vec<&String> = documented.difference(&mentioned_in_help).collect();
    assert!(
        unknown.is_empty(),
        "README.md's Options section names options that `cargo-leaklint --help` does not: \
         {unknown:?}"
    );
    let undocumented: Vec<&String> = defined.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "options of `cargo-leaklint --help` missing from README.md's Options section: \
         {undocumented:?}"
    );
}

#[test]
fn options_are_read_from_words_only() {
    let found = options_in("`-p`, `--package <SPEC>`; non-zero, 1-2, -vv, (-D warnings) --x-y.");
    let expected: BTreeSet<String> = ["-p", "--package", "-D", "--x-y"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn ci_runs_the_test_command_of_the_readme() {
    let readme = readme();
    let test = section(&readme, "Test");
    let block = test
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a ```sh block in README.md's Test section");
    let commands: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        commands.len(),
        1,
        "the Test section gives one command: {commands:?}"
    );
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect("read .ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == commands[0]),
        ".ci/run does not run the README's test command `{}` on a line of its own",
        commands[0]
    );
}

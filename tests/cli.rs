//! End-to-end tests of the `cargo-leaklint` binary against the projects in `tests/fixtures/`.
//!
//! Every test copies its fixture to a temporary directory (so that configuration files can
//! be added and so that cargo never sees the fixtures as part of leaklint itself) and runs
//! the built binary there. Diagnostics are checked through their `path:line:column`
//! locations, which every output format prints; the summary line on stderr is checked
//! exactly.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Output {
    /// The distinct `file.rs:line:column` locations in stdout, sorted.
    fn locations(&self) -> Vec<String> {
        self.stdout
            .split(|c: char| c.is_whitespace() || c == '"')
            .filter_map(|word| {
                let word = word.trim_end_matches(':');
                let mut parts = word.rsplitn(3, ':');
                let (col, line, file) = (parts.next()?, parts.next()?, parts.next()?);
                let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                (file.ends_with(".rs") && numeric(line) && numeric(col)).then(|| word.to_string())
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// The last line of stderr: the summary.
    fn summary(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }
}

/// A copy of `tests/fixtures/NAME` in a temporary directory.
struct Fixture {
    _dir: TempDir,
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::Builder::new()
            .prefix("leaklint-cli-")
            .tempdir()
            .unwrap();
        let root = dir.path().canonicalize().unwrap().join(name);
        for entry in walkdir::WalkDir::new(&source) {
            let entry = entry.unwrap();
            let to = root.join(entry.path().strip_prefix(&source).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to).unwrap();
            } else {
                fs::copy(entry.path(), &to).unwrap();
            }
        }
        Fixture { _dir: dir, root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn append(&self, relative: &str, text: &str) {
        let old = fs::read_to_string(self.path(relative)).unwrap();
        self.write(relative, &format!("{old}{text}"));
    }

    /// Runs `cargo-leaklint leaklint ARGS` in the fixture's root, as cargo does.
    fn run(&self, args: &[&str]) -> Output {
        self.run_in("", args)
    }

    /// Runs `cargo-leaklint leaklint ARGS` in a subdirectory of the fixture.
    fn run_in(&self, dir: &str, args: &[&str]) -> Output {
        let mut all = vec!["leaklint"];
        all.extend(args);
        run(&self.path(dir), &all, &[])
    }
}

/// Runs the binary with exactly `args` (no `leaklint` added) and extra environment variables.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cargo-leaklint"));
    command.args(args).current_dir(dir);
    for var in [
        "CARGO_TERM_COLOR",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "CARGO_TARGET_DIR",
        "GITHUB_WORKSPACE",
    ] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    let output = command.output().unwrap();
    Output {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The receiver_dropped finding of each fixture file: `let (tx, _)` at line 2, column 14.
fn leaks(files: &[&str]) -> Vec<String> {
    files.iter().map(|f| format!("{f}:2:14")).collect()
}

const WORKSPACE_LEAKS: [&str; 3] = ["a/examples/demo.rs", "a/src/lib.rs", "b/src/main.rs"];

#[test]
fn workspace_root_lints_every_default_member_and_warnings_exit_0() {
    let ws = Fixture::new("workspace");
    let out = ws.run(&[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));
    assert!(out.stdout.contains("leaklint::receiver_dropped"));
    // a/nested/ has its own Cargo.toml: its leak is not `a`'s.
    assert!(!out.stdout.contains("nested"));
    assert_eq!(out.stderr, "Checked 4 files in 2 packages: 3 warnings\n");
}

#[test]
fn the_binary_works_with_and_without_cargo_s_subcommand_argument() {
    let ws = Fixture::new("workspace");
    let version = format!("cargo-leaklint {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(run(&ws.root, &["--version"], &[]).stdout, version);
    assert_eq!(
        run(&ws.root, &["leaklint", "--version"], &[]).stdout,
        version
    );
    let direct = run(&ws.root, &["-p", "b"], &[]);
    let through_cargo = run(&ws.root, &["leaklint", "-p", "b"], &[]);
    assert_eq!(direct.locations(), leaks(&["b/src/main.rs"]));
    assert_eq!(direct.stdout, through_cargo.stdout);
    assert_eq!(direct.stderr, "Checked 2 files in 1 package: 1 warning\n");
    assert_eq!(through_cargo.stderr, direct.stderr);
}

#[test]
fn help_explains_options_and_exit_status() {
    let out = run(Path::new("."), &["leaklint", "--help"], &[]);
    assert_eq!(out.code, 0);
    assert!(out
        .stdout
        .contains("Usage: cargo leaklint [OPTIONS] [PATH]..."));
    for text in [
        "--manifest-path <PATH>",
        "-p, --package <SPEC>",
        "--workspace",
        "--exclude <SPEC>",
        "-D, --deny <LINT>",
        "--message-format <FMT>",
        "  github  annotations for GitHub Actions",
        "--color <WHEN>",
        "--explain <LINT>",
        "-j, --jobs <N>",
        "--no-prefilter",
        "  1  at least one deny-level diagnostic, or a file that cannot be read or parsed\n",
        "  2  usage or configuration error\n",
        "[workspace.metadata.leaklint]",
    ] {
        assert!(out.stdout.contains(text), "{text} not in:\n{}", out.stdout);
    }
}

#[test]
fn deny_level_findings_exit_1() {
    let ws = Fixture::new("workspace");
    let out = ws.run(&["-D", "leaklint::receiver_dropped"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));
    assert!(out.stdout.contains("error[leaklint::receiver_dropped]"));
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 3 errors");

    let out = ws.run(&["-Dwarnings"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 3 errors");
}

#[test]
fn later_level_flags_win_across_a_w_and_d() {
    let ws = Fixture::new("workspace");
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &["-D", "warnings", "-A", "receiver-dropped"],
            0,
            "no problems found",
        ),
        (
            &["-A", "leaklint::all", "-D", "leaklint::receiver_dropped"],
            1,
            "3 errors",
        ),
        (
            &[
                "-D",
                "leaklint::receiver_dropped",
                "-A",
                "leaklint::suspicious",
            ],
            0,
            "no problems found",
        ),
        (
            &[
                "--allow",
                "leaklint::receiver_dropped",
                "--warn",
                "leaklint::all",
            ],
            0,
            "3 warnings",
        ),
    ];
    for (args, code, found) in cases {
        let out = ws.run(args);
        assert_eq!(out.code, code, "{args:?}");
        assert_eq!(
            out.summary(),
            format!("Checked 4 files in 2 packages: {found}"),
            "{args:?}"
        );
    }
}

#[test]
fn an_unknown_lint_on_the_command_line_is_a_usage_error() {
    let ws = Fixture::new("workspace");
    let out = ws.run(&["-D", "leaklint::reciever_dropped"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(
        "invalid value 'leaklint::reciever_dropped' for '--deny <LINT>': unknown lint \
         `leaklint::reciever_dropped`"
    ));
    assert!(out
        .stderr
        .contains("did you mean `leaklint::receiver_dropped`?"));
}

#[test]
fn package_selection_by_name_version_and_package_id_spec() {
    let ws = Fixture::new("workspace");
    let root = ws.root.display().to_string();
    let only_a = leaks(&["a/examples/demo.rs", "a/src/lib.rs"]);
    let only_b = leaks(&["b/src/main.rs"]);
    let id_a = format!("path+file://{root}/a#0.1.0");
    let id_b = format!("path+file://{root}/b#b@0.2.0");
    let url_b = format!("file://{root}/b");
    let cases = [
        (vec!["-p", "a"], only_a.clone()),
        (vec!["--package", "b@0.2.0"], only_b.clone()),
        (vec!["-p", "b@0.2"], only_b.clone()),
        // As rust-analyzer passes them (cargo shortens `a#a@0.1.0` to `a#0.1.0`).
        (vec!["-p", &id_a], only_a.clone()),
        (vec!["-p", &id_b], only_b.clone()),
        (vec!["-p", &url_b], only_b.clone()),
        (vec!["-p", "a", "-p", "b"], leaks(&WORKSPACE_LEAKS)),
    ];
    for (args, expected) in cases {
        let out = ws.run(&args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.locations(), expected, "{args:?}");
    }
    let out = ws.run(&["-p", "c"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: package ID specification `c` did not match any package of the workspace\n\
         help: the workspace's packages are: a, b\n"
    );
}

#[test]
fn workspace_and_exclude() {
    let ws = Fixture::new("workspace");
    let out = ws.run_in("a", &["--workspace", "--exclude", "a"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.locations(), leaks(&["b/src/main.rs"]));
    assert_eq!(out.stderr, "Checked 2 files in 1 package: 1 warning\n");

    let out = ws.run_in("a", &["--workspace"]);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));

    let out = ws.run(&["--workspace", "--exclude", "zzz"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.starts_with(
        "warning: excluded package ID specification `zzz` did not match any package\n"
    ));

    let out = ws.run(&["--exclude", "a"]);
    assert_eq!(out.code, 2);
    assert!(out
        .stderr
        .contains("the following required arguments were not provided"));
    assert!(out.stderr.contains("--workspace"));
}

#[test]
fn inside_a_member_only_that_package_is_linted_and_paths_stay_workspace_relative() {
    let ws = Fixture::new("workspace");
    let out = ws.run_in("a/src", &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.locations(),
        leaks(&["a/examples/demo.rs", "a/src/lib.rs"])
    );
    assert_eq!(out.stderr, "Checked 2 files in 1 package: 2 warnings\n");
}

#[test]
fn manifest_path_selects_the_package() {
    let ws = Fixture::new("workspace");
    let outside = ws.root.parent().unwrap();
    let manifest = ws.path("b/Cargo.toml");
    let out = run(
        outside,
        &["leaklint", "--manifest-path", manifest.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.locations(), leaks(&["b/src/main.rs"]));

    let out = ws.run(&["--manifest-path", "Cargo.toml"]);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));

    let out = ws.run(&["--manifest-path", "c/Cargo.toml"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: manifest path `c/Cargo.toml` does not exist\n"
    );
    let out = ws.run(&["--manifest-path", "b"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: manifest path `b` is a directory\nhelp: give the path of a Cargo.toml file\n"
    );
}

#[test]
fn without_a_cargo_project_and_without_paths_it_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["leaklint"], &[]);
    assert_eq!(out.code, 2);
    assert!(out
        .stderr
        .starts_with("error: `cargo metadata` failed: could not find `Cargo.toml`"));
    assert!(out.stderr.ends_with(
        "help: run leaklint inside a cargo project, pass `--manifest-path`, or give files and \
         directories to lint them without one\n"
    ));
}

#[test]
fn every_target_kind_is_linted_but_build_output_hidden_dirs_and_nested_packages_are_not() {
    let single = Fixture::new("single");
    // The workspace's target directory wherever CARGO_TARGET_DIR puts it, even untagged.
    single.write(
        "elsewhere/leak.rs",
        "fn main() {\n    let (tx, _) = std::sync::mpsc::channel::<u32>();\n}\n",
    );
    let out = run(
        &single.root,
        &["leaklint", "-vv"],
        &[("CARGO_TARGET_DIR", "elsewhere")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.locations(),
        leaks(&["benches/bench.rs", "build.rs", "src/bin/tool.rs"])
    );
    assert!(
        out.stderr.starts_with(
            "No configuration file\n\
             Linting 1 package (single): 4 files\n  \
             skipped .hidden/: hidden\n  \
             skipped elsewhere/: build output (the workspace's target directory)\n  \
             skipped generated/: build output (CACHEDIR.TAG)\n  \
             skipped target/: build output (target directory)\n  \
             skipped vendor/inner/: another package (own Cargo.toml)\n  \
             benches/bench.rs\n  build.rs\n  src/bin/tool.rs\n  src/lib.rs\n\
             Analysed 4 files in "
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with(
        "s: 4 parsed, 0 skipped without parsing\nChecked 4 files in 1 package: 3 warnings\n"
    ));
}

#[test]
fn path_mode_lints_given_files_and_directories_without_cargo() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["leak.rs", "dir"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.locations(), leaks(&["dir/more.rs", "leak.rs"]));
    assert_eq!(out.stderr, "Checked 3 files: 2 warnings\n");

    // Given twice, or through `./` and `..`: linted once.
    let out = paths.run_in(
        "dir",
        &["more.rs", "./more.rs", "../dir", "../leak.rs", "../leak.rs"],
    );
    assert_eq!(out.locations(), leaks(&["../leak.rs", "more.rs"]));
    assert_eq!(out.stderr, "Checked 3 files: 2 warnings\n");

    let absolute = paths.path("leak.rs");
    let out = paths.run_in("dir", &[absolute.to_str().unwrap()]);
    assert_eq!(
        out.locations(),
        vec![format!("{}:2:14", absolute.display())]
    );
}

#[test]
fn path_mode_skips_build_output_and_hidden_dirs_but_not_nested_packages() {
    let single = Fixture::new("single");
    let out = single.run(&["-v", "."]);
    assert_eq!(out.code, 0);
    let mut expected = leaks(&["benches/bench.rs", "build.rs", "src/bin/tool.rs"]);
    expected.push("vendor/inner/src/lib.rs:3:14".into());
    assert_eq!(out.locations(), expected);
    assert!(out
        .stderr
        .starts_with("No configuration file\nLinting 5 files from the command line\n"));
    assert_eq!(out.summary(), "Checked 5 files: 4 warnings");

    // A file named on the command line is linted wherever it is.
    let out = single.run(&["target/debug/out.rs", ".hidden"]);
    assert_eq!(
        out.locations(),
        vec![".hidden/out.rs:3:14", "target/debug/out.rs:3:14"]
    );
}

#[test]
fn a_missing_path_is_a_usage_error_but_the_other_paths_are_linted() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["nope.rs", "leak.rs"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.locations(), leaks(&["leak.rs"]));
    assert_eq!(
        out.stderr,
        "error: path `nope.rs` does not exist\nChecked 1 file: 1 warning\n"
    );
    let out = paths.run(&["nope.rs", "gone/"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out
        .stderr
        .starts_with("error: path `nope.rs` does not exist\nerror: path `gone/` does not exist\n"));
}

#[test]
fn lint_flags_after_a_double_dash_and_all_targets_are_accepted_as_clippy_does() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["--all-targets", "leak.rs", "--", "-D", "warnings"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("error[leaklint::receiver_dropped]"));
    // After `--`, they apply last.
    let out = paths.run(&["-D", "warnings", "leak.rs", "--", "-Areceiver-dropped"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.is_empty());
    let out = paths.run(&["leak.rs", "--", "--deny=nosuch"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown lint `nosuch`"),
        "{}",
        out.stderr
    );
    let out = paths.run(&["leak.rs", "--", "--frobnicate"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unexpected argument `--frobnicate` after `--`: only -A, -W and -D are accepted there\n"
    );
    // Before `--`, an unknown option is a usage error without clap's tip to pass it after
    // `--` (which would only lead to the error above).
    let out = paths.run(&["leak.rs", "--frobnicate"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unexpected argument '--frobnicate'"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("-- --frobnicate"), "{}", out.stderr);
    let ws = Fixture::new("workspace");
    let out = ws.run(&["--all-targets", "--", "-D", "warnings"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 3 errors");
}

#[test]
fn a_file_named_on_the_command_line_is_always_parsed() {
    let paths = Fixture::new("paths");
    // No lint's needle is in it: a directory walk skips it, naming it parses it.
    let out = paths.run(&["dir"]);
    assert_eq!(out.code, 0);
    let out = paths.run(&["dir/unparsable_without_needles.rs"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.locations(),
        vec!["dir/unparsable_without_needles.rs:2:13"]
    );
    assert!(out.stdout.contains("leaklint::syntax_error"));
}

#[test]
fn a_file_with_a_syntax_error_fails_the_run_and_the_others_are_still_linted() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["broken.rs", "leak.rs", "clean.rs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), vec!["broken.rs:4:1", "leak.rs:2:14"]);
    assert!(out.stdout.contains("leaklint::syntax_error"));
    assert!(out.stdout.contains("cannot parse `broken.rs`"));
    assert_eq!(out.stderr, "Checked 3 files: 1 error, 1 warning\n");
}

#[test]
fn no_prefilter_parses_every_file() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["dir"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.locations(), leaks(&["dir/more.rs"]));
    let out = paths.run(&["--no-prefilter", "-j", "1", "dir"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.locations(),
        vec!["dir/more.rs:2:14", "dir/unparsable_without_needles.rs:2:13"]
    );
    assert_eq!(out.stderr, "Checked 2 files: 1 error, 1 warning\n");
    assert_eq!(paths.run(&["-j", "0", "dir"]).code, 2);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_located_read_errors_in_every_format() {
    let paths = Fixture::new("paths");
    std::os::unix::fs::symlink(".", paths.path("dir/loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.rs", paths.path("dir/dangling.rs")).unwrap();
    // A dangling link that is no Rust file is no business of leaklint's.
    std::os::unix::fs::symlink("nowhere", paths.path("dir/other")).unwrap();
    let out = paths.run(&["--message-format", "short", "dir"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "dir/dangling.rs:1:1: error[leaklint::read_error]: cannot read `dir/dangling.rs`: a symbolic \
         link that leads nowhere (No such file or directory (os error 2))\n\
         dir/loop:1:1: error[leaklint::read_error]: file system loop: `dir/loop` is a symbolic link to \
         `dir`, a directory that contains it; it is not followed\n\
         dir/more.rs:2:14: warning[leaklint::receiver_dropped]: the receiver of this unbounded channel is \
         dropped at once, so every send on it fails\n\
         error: could not lint due to 2 previous errors; 1 warning emitted\n\n"
    );
    for format in ["json", "sarif", "github"] {
        let out = paths.run(&["--message-format", format, "dir"]);
        assert_eq!(out.code, 1, "{format}");
        assert!(out.stdout.contains("dir/loop"), "{format}: {}", out.stdout);
        assert!(
            out.stdout.contains("dir/dangling.rs"),
            "{format}: {}",
            out.stdout
        );
    }
    // Named directly, a loop says what it is.
    std::os::unix::fs::symlink("self.rs", paths.path("self.rs")).unwrap();
    let out = paths.run(&["self.rs", "leak.rs"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: path `self.rs` is a symbolic link loop: `self.rs` → `self.rs`, so it leads to no file\n"
        ),
        "{}",
        out.stderr
    );
    // A loop through two links shows the chain.
    std::os::unix::fs::symlink("b.rs", paths.path("a.rs")).unwrap();
    std::os::unix::fs::symlink("a.rs", paths.path("b.rs")).unwrap();
    let out = paths.run(&["a.rs"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: path `a.rs` is a symbolic link loop: `a.rs` → `b.rs` → `a.rs`, so it leads to no file\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn list_shows_every_lint_with_group_level_and_summary() {
    let out = run(Path::new("."), &["leaklint", "--list"], &[]);
    assert_eq!(out.code, 0);
    // Rows, with the wrapped lines of their summary joined.
    let mut rows: Vec<String> = Vec::new();
    for line in out.stdout.lines().take_while(|l| !l.is_empty()) {
        match line.strip_prefix(' ') {
            Some(more) => *rows.last_mut().unwrap() += &format!(" {}", more.trim()),
            None => rows.push(line.to_string()),
        }
    }
    assert!(out.stdout.lines().all(|l| l.len() <= 100));
    let header: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(header, ["LINT", "GROUP", "DEFAULT", "WHAT", "IT", "FINDS"]);
    assert_eq!(rows.len(), leaklint::lints::LINTS.len() + 1);
    for (lint, row) in leaklint::lints::LINTS.iter().zip(&rows[1..]) {
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            cells[..3],
            [lint.name, lint.group.name(), lint.default_level().as_str()]
        );
        let summary: Vec<&str> = lint.summary().split_whitespace().collect();
        assert_eq!(cells[3..], summary);
    }
    assert!(out.stdout.contains(
        "\nGroups: correctness (deny), suspicious (warn), pedantic (allow), restriction (allow).\n"
    ));
}

#[test]
fn list_in_json_is_one_object_per_lint() {
    let out = run(
        Path::new("."),
        &["leaklint", "--list", "--message-format", "json"],
        &[],
    );
    assert_eq!(out.code, 0);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), leaklint::lints::LINTS.len());
    let dropped = lines
        .iter()
        .find(|l| l["name"] == "receiver_dropped")
        .unwrap();
    assert_eq!(dropped["code"], "leaklint::receiver_dropped");
    assert_eq!(dropped["group"], "suspicious");
    assert_eq!(dropped["default_level"], "warn");
    assert!(dropped["summary"]
        .as_str()
        .unwrap()
        .starts_with("Checks for"));
}

/// `--list --message-format sarif` is a SARIF log of the rules (every lint in
/// `runs[0].tool.driver.rules`), not the table; no run happened, so no results.
#[test]
fn list_in_sarif_is_the_rules_document() {
    let out = run(
        Path::new("."),
        &["leaklint", "--list", "--message-format", "sarif"],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), leaklint::lints::LINTS.len());
    assert!(rules
        .iter()
        .any(|r| r["id"] == "leaklint::receiver_dropped"));
    assert_eq!(run["results"], serde_json::json!([]));
    assert_eq!(run["invocations"], serde_json::json!([]));
}

#[test]
fn explain_prints_the_lint_document() {
    for name in [
        "receiver_dropped",
        "leaklint::receiver_dropped",
        "receiver-dropped",
    ] {
        let out = run(Path::new("."), &["leaklint", "--explain", name], &[]);
        assert_eq!(out.code, 0);
        assert!(
            out.stdout.starts_with(
                "# receiver_dropped\n\nGroup: suspicious. Default level: warn. \
                 Set it with `-A/-W/-D leaklint::receiver_dropped` or in leaklint.toml.\n\n\
                 ## What it does\nChecks for channels whose receiver is dropped"
            ),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("\n## Use instead\n"));
    }
    let out = run(
        Path::new("."),
        &["leaklint", "--explain", "recever_dropped"],
        &[],
    );
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "error: no lint or error code named `recever_dropped`\n\
         help: did you mean `receiver_dropped`?\n"
    );
    let out = run(Path::new("."), &["leaklint", "--explain", "nosuch"], &[]);
    assert_eq!(out.code, 2);
    // The codes of leaklint's own errors are documented too.
    for code in [
        "syntax_error",
        "leaklint::read_error",
        "invalid_utf8",
        "file_too_large",
        "too_deeply_nested",
        "internal_error",
    ] {
        let out = run(Path::new("."), &["leaklint", "--explain", code], &[]);
        assert_eq!(out.code, 0, "{code}: {}", out.stderr);
        let name = code.trim_start_matches("leaklint::");
        assert!(
            out.stdout.starts_with(&format!("# {name}\n\n")),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("Not a lint"), "{}", out.stdout);
    }
}

#[test]
fn config_from_leaklint_toml_then_command_line() {
    let ws = Fixture::new("workspace");
    ws.write("leaklint.toml", "[lints]\nreceiver_dropped = \"deny\"\n");
    let out = ws.run(&["-v"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));
    assert!(out
        .stdout
        .contains("`#[deny(leaklint::receiver_dropped)]` implied by the configuration"));
    assert!(out.stderr.starts_with("Configuration from leaklint.toml\n"));
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 3 errors");

    let out = ws.run(&["-W", "leaklint::receiver_dropped"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 3 warnings");

    // Path mode finds the nearest leaklint.toml from the current directory up.
    let out = ws.run_in("a/src", &["lib.rs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "Checked 1 file: 1 error\n");
}

#[test]
fn config_from_workspace_and_package_metadata() {
    let ws = Fixture::new("workspace");
    ws.append(
        "Cargo.toml",
        "\n[workspace.metadata.leaklint.lints]\nall = \"allow\"\n",
    );
    let out = ws.run(&[]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "Checked 4 files in 2 packages: no problems found\n"
    );

    // The package's table applies after the workspace's, to that package only.
    ws.append(
        "b/Cargo.toml",
        "\n[package.metadata.leaklint.lints]\nreceiver_dropped = { level = \"deny\" }\n",
    );
    let out = ws.run(&["-v"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), leaks(&["b/src/main.rs"]));
    assert!(out.stderr.starts_with(
        "Configuration from Cargo.toml [workspace.metadata.leaklint], \
         b/Cargo.toml [package.metadata.leaklint]\n"
    ));
    assert_eq!(out.summary(), "Checked 4 files in 2 packages: 1 error");

    // leaklint.toml takes precedence over the workspace table, with a warning.
    ws.write("leaklint.toml", "[lints]\nsuspicious = \"warn\"\n");
    let out = ws.run(&[]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));
    assert_eq!(
        out.stderr,
        "warning: ignoring Cargo.toml [workspace.metadata.leaklint]: `leaklint.toml` takes \
         precedence (keep one of them)\n\
         Checked 4 files in 2 packages: 1 error, 2 warnings\n"
    );
}

#[test]
fn bad_config_is_a_usage_error_naming_file_line_and_column() {
    let ws = Fixture::new("workspace");
    let cases = [
        (
            "leaklint.toml",
            "[lints]\nreceiver_dropped = \"loud\"\n",
            "error: unknown level `loud`\n  ┌─ leaklint.toml:2:20\n",
        ),
        (
            "leaklint.toml",
            "[lints]\nreceiver_dropped = [\"deny\"]\n",
            "error: the level of `receiver_dropped` must be a string or a table, not an array\n  \
             ┌─ leaklint.toml:2:20\n",
        ),
        (
            "leaklint.toml",
            "# leaklint\n[lints\n",
            "error: invalid TOML: unclosed table, expected `]`\n  ┌─ leaklint.toml:2:7\n",
        ),
        (
            "b/Cargo.toml",
            "[package]\nname = \"b\"\nversion = \"0.2.0\"\n\n\
             [package.metadata.leaklint.lints]\nrecever_dropped = \"deny\"\n",
            "error: unknown lint or group `recever_dropped`\n  ┌─ b/Cargo.toml:6:1\n",
        ),
    ];
    for (file, text, expected) in cases {
        let fresh = Fixture::new("workspace");
        fresh.write(file, text);
        let out = fresh.run(&[]);
        assert_eq!(out.code, 2, "{text}");
        assert!(out.stdout.is_empty());
        assert!(out.stderr.starts_with(expected), "{}", out.stderr);
    }
    // The snippet and the help are shown too.
    ws.write("leaklint.toml", "[lints]\nrecever_dropped = \"deny\"\n");
    let out = ws.run(&[]);
    assert_eq!(
        out.stderr,
        "error: unknown lint or group `recever_dropped`\n  \
         ┌─ leaklint.toml:2:1\n  \
         │\n\
         2 │ recever_dropped = \"deny\"\n  \
         │ ^^^^^^^^^^^^^^^\n  \
         │\n  \
         = help: did you mean `receiver_dropped`?\n\n"
    );
}

#[test]
fn quiet_verbose_and_machine_formats_keep_stdout_for_diagnostics() {
    let ws = Fixture::new("workspace");
    let out = ws.run(&["-q"]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.locations(), leaks(&WORKSPACE_LEAKS));
    // No rustc-style closing line either, and no blank line after the last diagnostic's.
    let out = ws.run(&["-q", "-D", "warnings", "--message-format", "short"]);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains("could not lint"), "{}", out.stdout);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    assert!(!out.stdout.ends_with("\n\n"));

    let out = ws.run(&["-v"]);
    assert!(out.stderr.starts_with(
        "No configuration file\nLinting 2 packages (a, b): 4 files\nAnalysed 4 files in "
    ));

    let out = ws.run(&["--message-format", "json"]);
    assert_eq!(out.code, 0);
    assert!(!out.stdout.contains("Checked"));
    assert_eq!(out.stderr, "Checked 4 files in 2 packages: 3 warnings\n");

    let out = ws.run(&["--message-format", "xml"]);
    assert_eq!(out.code, 2);
    assert!(out
        .stderr
        .contains("invalid value 'xml' for '--message-format <FMT>'"));
}

#[test]
fn color_follows_the_flag_and_the_environment() {
    let ws = Fixture::new("workspace");
    let escape = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["leaklint", "-p", "b"];
        all.extend(args);
        run(&ws.root, &all, env).stdout.contains('\x1b')
    };
    // stdout is a pipe here: no colour unless asked for.
    assert!(!escape(&[], &[]));
    assert!(escape(&["--color", "always"], &[]));
    assert!(!escape(&["--color=never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(escape(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!escape(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(escape(&[], &[("CARGO_TERM_COLOR", "always")]));
}

/// A detached thread that loops for ever: `detached_infinite_loop` at line 2, column 27 (the loop).
const ENDLESS: &str = "pub fn start() {\n    std::thread::spawn(|| loop {\n        std::thread::yield_now();\n    });\n}\n";

/// Asserts that `short` output (one finding per line) has exactly one line naming `lint`, and
/// that it starts with `location` (`path:line:col:`).
fn assert_only_finding(short: &str, lint: &str, location: &str) {
    let lines: Vec<&str> = short.lines().filter(|l| l.contains(lint)).collect();
    assert_eq!(lines.len(), 1, "one {lint} finding expected:\n{short}");
    assert!(
        lines[0].starts_with(location),
        "{lint} expected at {location}:\n{short}"
    );
}

#[test]
fn files_of_test_bench_and_example_targets_are_test_code_for_the_task_lints() {
    let single = Fixture::new("single");
    for file in [
        "src/spawner.rs",
        "tests/it.rs",
        "benches/spin.rs",
        "examples/demo.rs",
    ] {
        single.write(file, ENDLESS);
    }
    // Workspace mode: cargo's target kinds.
    let out = single.run(&["--message-format", "short"]);
    assert_only_finding(
        &out.stdout,
        "detached_infinite_loop",
        "src/spawner.rs:2:27:",
    );
    // The channel lints still look at test code.
    assert!(
        out.stdout.contains("benches/bench.rs:2:14:"),
        "{}",
        out.stdout
    );
    // Path mode: directories named as cargo names them, next to a `Cargo.toml`.
    let out = single.run(&[
        "--message-format",
        "short",
        "src",
        "tests",
        "benches",
        "examples",
    ]);
    assert_only_finding(
        &out.stdout,
        "detached_infinite_loop",
        "src/spawner.rs:2:27:",
    );
}

#[test]
fn modules_declared_under_cfg_test_are_test_code_for_the_task_lints() {
    let paths = Fixture::new("paths");
    paths.write(
        "cfgmod/src/lib.rs",
        "#[cfg(test)]\nmod helpers;\n#[cfg(test)]\npub(crate) mod support;\nmod server;\n",
    );
    // Test code: declared under `#[cfg(test)]`, or below a module that is.
    paths.write("cfgmod/src/helpers.rs", ENDLESS);
    paths.write("cfgmod/src/support/mod.rs", "mod fake_clock;\n");
    paths.write("cfgmod/src/support/fake_clock.rs", ENDLESS);
    // Not test code: `mod server;` has no `#[cfg(test)]`.
    paths.write("cfgmod/src/server.rs", ENDLESS);
    let out = paths.run(&["--message-format", "short", "cfgmod"]);
    assert_only_finding(
        &out.stdout,
        "detached_infinite_loop",
        "cfgmod/src/server.rs:2:27:",
    );
}

// ---- Baseline (--baseline, --write-baseline) ----

#[test]
fn a_baseline_round_trip_reports_nothing_and_survives_edits_above() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["--write-baseline", "base.json", "leak.rs", "dir/more.rs"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "Wrote 2 findings to the baseline `base.json`\nChecked 2 files: no problems found\n"
    );
    let text = fs::read_to_string(paths.path("base.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
    let files: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["dir/more.rs", "leak.rs"]);
    assert!(text.ends_with("}\n"));

    // An unrelated edit above moves the finding down: still suppressed.
    let old = fs::read_to_string(paths.path("leak.rs")).unwrap();
    paths.write(
        "leak.rs",
        &format!("// a new comment\nuse std::sync::mpsc;\n\n{old}"),
    );
    let out = paths.run(&["--baseline", "base.json", "leak.rs", "dir/more.rs"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "Checked 2 files: no problems found (2 suppressed by the baseline)\n"
    );
    // Writing it again gives the same file.
    paths.run(&["--write-baseline", "again.json", "leak.rs", "dir/more.rs"]);
    assert_eq!(fs::read_to_string(paths.path("again.json")).unwrap(), text);
}

#[test]
fn a_baseline_reports_new_findings_and_counts_gone_ones() {
    let paths = Fixture::new("paths");
    paths.run(&["--write-baseline", "base.json", "leak.rs", "dir/more.rs"]);
    // A second, new leak in leak.rs; the one in more.rs is fixed.
    paths.append(
        "leak.rs",
        "fn other() {\n    let (tx, _) = std::sync::mpsc::channel::<u8>();\n    let _ = tx.send(1);\n}\n",
    );
    paths.write("dir/more.rs", "pub fn more() {}\n");
    let out = paths.run(&[
        "--baseline",
        "base.json",
        "-D",
        "warnings",
        "leak.rs",
        "dir/more.rs",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), vec!["leak.rs:6:14"]);
    assert_eq!(
        out.stderr,
        "1 baseline entry fixed, run --write-baseline to drop it\n\
         Checked 2 files: 1 error (1 suppressed by the baseline)\n"
    );
    // SARIF carries the same fingerprint as the baseline would.
    let sarif = paths.run(&["--message-format", "sarif", "leak.rs"]);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let base: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(paths.path("base.json")).unwrap()).unwrap();
    let recorded = base["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "leak.rs")
        .unwrap()["fingerprint"]
        .clone();
    let prints: Vec<&serde_json::Value> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["partialFingerprints"]["leaklint/v1"])
        .collect();
    assert_eq!(prints.len(), 2);
    assert_eq!(prints[0], &recorded);
    assert_ne!(prints[1], &recorded);
}

#[test]
fn a_bad_baseline_is_a_usage_error() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["--baseline", "nope.json", "leak.rs"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("error: cannot read the baseline `nope.json`: "),
        "{}",
        out.stderr
    );
    paths.write(
        "bad.json",
        "{\"version\": 1, \"findings\": [{\"file\": 3}]}",
    );
    let out = paths.run(&["--baseline", "bad.json", "leak.rs"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `bad.json` is not a leaklint baseline: "),
        "{}",
        out.stderr
    );
    let out = paths.run(&["--write-baseline", "no/such/dir/b.json", "leak.rs"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot write the baseline"),
        "{}",
        out.stderr
    );
}

// ---- Standard input ----

/// Runs `cargo-leaklint leaklint ARGS` in `dir` with `input` on standard input.
fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-leaklint"))
        .arg("leaklint")
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_TERM_COLOR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    Output {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[test]
fn standard_input_is_linted_under_the_stdin_filename() {
    let paths = Fixture::new("paths");
    let leak = fs::read(paths.path("leak.rs")).unwrap();
    let out = run_with_stdin(
        &paths.root,
        &[
            "-",
            "--stdin-filename",
            "src/unsaved.rs",
            "--message-format",
            "short",
        ],
        &leak,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.locations(), vec!["src/unsaved.rs:2:14"]);
    assert_eq!(out.stderr, "Checked 1 file: 1 warning\n");
    // A syntax error on standard input fails the run like a file's.
    let out = run_with_stdin(&paths.root, &["-", "--stdin-filename", "x.rs"], b"fn f( {");
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("leaklint::syntax_error"));
    // The lexer's own words ("cannot parse string into token stream") are not shown.
    assert!(
        out.stdout.contains("unbalanced delimiters"),
        "{}",
        out.stdout
    );
    // `--stdin-filename` without `-`, or `-` with other paths, is a usage error.
    let out = run_with_stdin(&paths.root, &["--stdin-filename", "x.rs"], b"");
    assert_eq!(out.code, 2);
    let out = run_with_stdin(&paths.root, &["-", "leak.rs"], b"");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot be given with other paths"));
}

/// Standard input named as a file of a cargo package is linted with the package's other
/// files as context, as a named file is: a field read in another file undoes a finding.
#[test]
fn standard_input_sees_the_other_files_of_its_package() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let metrics = "use std::sync::mpsc::{channel, Receiver, Sender};\n\npub struct Metrics {\n    tx: Sender<u64>,\n    rx: Receiver<u64>,\n}\n\nimpl Metrics {\n    pub fn new() -> Self {\n        let (tx, rx) = channel();\n        Self { tx, rx }\n    }\n\n    pub fn record(&self, n: u64) {\n        self.tx.send(n).unwrap();\n    }\n}\n";
    let drain = "impl crate::metrics::Metrics {\n    pub fn total(&self) -> u64 {\n        self.rx.try_iter().sum()\n    }\n}\n";
    fs::create_dir_all(root.join("src")).unwrap();
    fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"m\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    fs::write(root.join("src/lib.rs"), "mod drain;\nmod metrics;\n").unwrap();
    let args = [
        "-",
        "--stdin-filename",
        "src/metrics.rs",
        "--message-format",
        "short",
    ];
    // The reader is not written yet: the buffer's receiver is never read.
    let out = run_with_stdin(root, &args, metrics.as_bytes());
    assert_eq!(
        out.locations(),
        vec!["src/metrics.rs:11:20"],
        "{}",
        out.stderr
    );
    // With the reader on disk, in a file not named: silent.
    fs::write(root.join("src/drain.rs"), drain).unwrap();
    let out = run_with_stdin(root, &args, metrics.as_bytes());
    assert_eq!(out.locations(), Vec::<String>::new(), "{}", out.stderr);
    assert_eq!(out.code, 0);
}

// ---- Paths for CI services ----

#[test]
fn github_and_sarif_paths_are_relative_to_the_repository_root() {
    let ws = Fixture::new("workspace");
    let repo = ws.root.parent().unwrap();
    // GITHUB_WORKSPACE names the repository in GitHub Actions.
    let env = [("GITHUB_WORKSPACE", repo.to_str().unwrap())];
    let out = run(
        &ws.root,
        &["leaklint", "-p", "b", "--message-format", "github"],
        &env,
    );
    assert!(
        out.stdout
            .starts_with("::warning file=workspace/b/src/main.rs,line=2,"),
        "{}",
        out.stdout
    );
    // Elsewhere, the top level of the git work tree.
    let git = Command::new("git")
        .arg("init")
        .arg("-q")
        .current_dir(repo)
        .status();
    if git.is_ok_and(|s| s.success()) {
        let out = ws.run(&["-p", "b", "--message-format", "sarif"]);
        let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "workspace/b/src/main.rs"
        );
        let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(!base.ends_with("/workspace/"), "{base}");
    }
    // Without either, the workspace root (the human format is unchanged anyway).
    let out = ws.run(&["-p", "b", "--message-format", "short"]);
    assert!(
        out.stdout.starts_with("b/src/main.rs:2:14:"),
        "{}",
        out.stdout
    );
}

// ---- Nearest configuration ----

#[test]
fn the_nearest_configuration_file_applies_to_each_file_in_both_modes() {
    let ws = Fixture::new("workspace");
    ws.write("a/leaklint.toml", "[lints]\nreceiver_dropped = \"deny\"\n");
    ws.write(
        "b/.leaklint.toml",
        "[lints]\nreceiver_dropped = \"allow\"\n",
    );
    let out = ws.run(&["-v", "--message-format", "short"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.locations(),
        leaks(&["a/examples/demo.rs", "a/src/lib.rs"])
    );
    assert!(
        out.stdout.contains("a/src/lib.rs:2:14: error["),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.starts_with(
            "Configuration from a/leaklint.toml, b/.leaklint.toml\n  \
             a/leaklint.toml applies to 2 files\n  \
             b/.leaklint.toml applies to 2 files\n"
        ),
        "{}",
        out.stderr
    );
    // Path mode from the root finds the same files.
    let out = ws.run(&["a/src/lib.rs", "b/src/main.rs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.locations(), leaks(&["a/src/lib.rs"]));
    // A configuration file in a directory without Rust files applies to nothing.
    ws.write("a/docs/leaklint.toml", "[lints]\nall = \"allow\"\n");
    let out = ws.run(&["-p", "a"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("warning: `a/docs/leaklint.toml` applies to no linted file\n"),
        "{}",
        out.stderr
    );
    fs::remove_file(ws.path("a/docs/leaklint.toml")).unwrap();
    // The same directory with both names: leaklint.toml wins, with a warning.
    ws.write(
        "a/.leaklint.toml",
        "[lints]\nreceiver_dropped = \"allow\"\n",
    );
    let out = ws.run(&["-p", "a"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(
            "warning: ignoring a/.leaklint.toml: `a/leaklint.toml` takes precedence (keep one of them)\n"
        ),
        "{}",
        out.stderr
    );
}

/// `(line:column, lint)` of each finding of a short-format run.
fn findings(out: &Output) -> Vec<String> {
    out.stdout
        .lines()
        .filter_map(|l| {
            let (place, rest) = l.split_once(": ")?;
            let lint = rest.split(['[', ']']).nth(1)?;
            let place = place.split_once(".rs:")?.1;
            Some(format!("{place} {lint}"))
        })
        .collect()
}

/// Each `[apis]` key: a declared API gives the finding its std/tokio equivalent gives, at
/// the same place, and the fixed code gives none.
#[test]
fn declared_apis_give_the_findings_of_their_builtin_equivalents() {
    let config = "[apis]\n\
        spawn = [\"crate::util::spawn_named\"]\n\
        spawn-joinable = [\"my_pool::start_worker\"]\n\
        channels = [{ new = \"my_bus::make_bus\", kind = \"unbounded\" }]\n\
        guards = [\"my_log::FlushGuard\"]\n\
        network = [{ new = \"my_net::Client::new\", timeout-methods = [\"with_timeout\"] }]\n";
    // (declared, built-in equivalent, fixed declared code)
    let cases = [
        (
            "mod util;\nfn start() {\n    util::spawn_named(|| loop {\n        std::thread::yield_now();\n    });\n}\n",
            "mod util;\nfn start() {\n    rayon::spawn_fifo(|| loop {\n        std::thread::yield_now();\n    });\n}\n",
            "mod util;\nfn start(stop: &'static std::sync::atomic::AtomicBool) {\n    util::spawn_named(move || loop {\n        if stop.load(std::sync::atomic::Ordering::Relaxed) { break; }\n    });\n}\n",
        ),
        (
            "fn start() {\n    let h = my_pool::start_worker(|| {});\n    std::mem::forget(h);\n}\n",
            "fn start() {\n    let h = std::thread::spawn(|| {});\n    std::mem::forget(h);\n}\n",
            "fn start() {\n    let h = my_pool::start_worker(|| {});\n    h.join().unwrap();\n}\n",
        ),
        (
            "use my_bus::make_bus;\nfn start() {\n    let (tx, _) = make_bus::<u32>();\n    tx.send(1).unwrap();\n}\n",
            "use std::sync::mpsc::channel;\nfn start() {\n    let (tx, _) = channel::<u32>();\n    tx.send(1).unwrap();\n}\n",
            "use my_bus::make_bus;\nfn start() {\n    let (tx, rx) = make_bus::<u32>();\n    tx.send(1).unwrap();\n    rx.recv().unwrap();\n}\n",
        ),
        (
            "fn start(t: T) {\n    let guard = my_log::FlushGuard::install();\n    std::mem::forget(guard);\n}\n",
            "fn start(t: T) {\n    let guard = t.drop_guard();\n    std::mem::forget(guard);\n}\n",
            "fn start(t: T) {\n    let guard = my_log::FlushGuard::install();\n    drop(guard);\n}\n",
        ),
        (
            "fn start() {\n    std::thread::spawn(|| {\n        let c = my_net::Client::new();\n    });\n}\n",
            "fn start() {\n    std::thread::spawn(|| {\n        let c = reqwest::Client::new();\n    });\n}\n",
            "fn start() {\n    std::thread::spawn(|| {\n        let c = my_net::Client::new().with_timeout(5);\n    });\n}\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("leaklint.toml"), config).unwrap();
    let lint = |text: &str| {
        fs::write(root.join("t.rs"), text).unwrap();
        run(
            root,
            &["--message-format", "short", "-W", "leaklint::all", "t.rs"],
            &[],
        )
    };
    for (declared, builtin, fixed) in cases {
        let expected = findings(&lint(builtin));
        assert!(
            !expected.is_empty(),
            "the built-in case finds nothing: {builtin}"
        );
        let out = lint(declared);
        assert_eq!(findings(&out), expected, "{declared}\n{}", out.stdout);
        let out = lint(fixed);
        assert_eq!(
            findings(&out),
            Vec::<String>::new(),
            "{fixed}\n{}",
            out.stdout
        );
    }
    // Without the declarations, the declared code is not understood: the findings came
    // from `[apis]`.
    fs::remove_file(root.join("leaklint.toml")).unwrap();
    for (declared, _, _) in cases {
        assert_eq!(
            findings(&lint(declared)),
            Vec::<String>::new(),
            "{declared}"
        );
    }
}

/// A declared spawn whose work is not its first argument (`spawn_named(name, || ..)`): the
/// work is the first closure, so declaring the crate's own helper finds what inference finds
/// without the declaration (a fresh user's report: the declaration used to hide the leak).
#[test]
fn a_declared_spawn_takes_its_first_closure_as_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let code = "pub fn spawn_named<F: FnOnce() + Send + 'static>(_n: &str, f: F) {\n    std::thread::spawn(f);\n}\n\
        pub fn start() {\n    spawn_named(\"x\", || loop {\n        std::thread::yield_now();\n    });\n}\n";
    fs::write(root.join("t.rs"), code).unwrap();
    let lint = || {
        let out = run(root, &["--message-format", "short", "t.rs"], &[]);
        findings(&out)
    };
    let inferred = lint();
    assert_eq!(
        inferred,
        ["5:25 leaklint::detached_infinite_loop"],
        "{inferred:?}"
    );
    fs::write(
        root.join("leaklint.toml"),
        "[apis]\nspawn = [\"crate::spawn_named\"]\n",
    )
    .unwrap();
    assert_eq!(lint(), inferred);
}

/// `-v` lists the declared APIs in effect and the spawn wrappers inferred per crate; a
/// run without `-v` lists neither.
#[test]
fn verbose_lists_declared_apis_and_inferred_wrappers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("src")).unwrap();
    fs::write(
        root.join("src/lib.rs"),
        "mod util;\nfn start() {\n    util::spawn_named(\"x\", || {});\n}\n",
    )
    .unwrap();
    fs::write(
        root.join("src/util.rs"),
        "// helpers\npub fn spawn_named<F: FnOnce() + Send + 'static>(_n: &str, f: F) {\n    std::thread::spawn(f);\n}\n",
    )
    .unwrap();
    fs::write(
        root.join("leaklint.toml"),
        "[apis]\nspawn = [{ path = \"my_rt::Runtime::spawn_worker\", runs = \"thread\" }]\ncompletes-on-drop = [\"my_batch::Notifier::new\"]\nchannels = [{ new = \"my_bus::channel\", kind = \"bounded\", receiver = \"my_bus::Receiver\" }]\n",
    )
    .unwrap();
    let out = run(root, &["-v", "src"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in [
        "  declared spawn: my_rt::Runtime::spawn_worker (runs a thread)\n",
        "  declared completes-on-drop: my_batch::Notifier::new\n",
        "  declared receiver type: my_bus::Receiver\n",
        "Inferred in crate .:\n  inferred spawn wrapper: crate::util::spawn_named (src/util.rs:2), runs a thread\n",
    ] {
        assert!(out.stderr.contains(line), "{line}\n{}", out.stderr);
    }
    // In cargo mode the crate is named by its package.
    fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"wscore\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    let out = run(root, &["-v", "--no-cache"], &[]);
    assert!(
        out.stderr.contains("Inferred in crate `wscore`:\n"),
        "{}",
        out.stderr
    );
    let out = run(root, &["src"], &[]);
    assert!(!out.stderr.contains("inferred"), "{}", out.stderr);
    assert!(!out.stderr.contains("declared"), "{}", out.stderr);
}

#[test]
fn bad_apis_are_usage_errors_naming_file_line_and_column() {
    let cases = [
        (
            "[apis]\nspawns = [\"a::b\"]\n",
            "error: unknown key `spawns` in `[apis]`\n  ┌─ leaklint.toml:2:1\n",
        ),
        (
            "[apis]\nspawn = [\"spawn_named\"]\n",
            "error: `spawn_named` is not a full path\n  ┌─ leaklint.toml:2:10\n",
        ),
        (
            "[apis]\nguards = [\"self::Guard\"]\n",
            "error: `self::Guard` is not a full path\n  ┌─ leaklint.toml:2:11\n",
        ),
        (
            "[apis]\nchannels = [{ new = \"bus::make\", kind = \"fast\" }]\n",
            "error: unknown channel kind\n  ┌─ leaklint.toml:2:41\n",
        ),
        (
            "[apis]\nchannels = [{ new = \"bus::make\" }]\n",
            "error: a `channels` entry needs `new` and `kind`\n  ┌─ leaklint.toml:2:13\n",
        ),
        (
            "[apis]\nnetwork = [{ new = \"net::Client::new\", timeout = [\"t\"] }]\n",
            "error: unknown key `timeout` in a `network` entry\n  ┌─ leaklint.toml:2:40\n",
        ),
        (
            "[apis]\nspawn = [{ path = \"a::b\", runs = \"fiber\" }]\n",
            "error: `runs` is `\"thread\"` or `\"task\"`\n  ┌─ leaklint.toml:2:34\n",
        ),
        (
            "[apis]\ncompletes-on-drop = [\"Notifier\"]\n",
            "error: `Notifier` is not a full path\n  ┌─ leaklint.toml:2:22\n",
        ),
        (
            "[apis]\nchannels = [{ new = \"bus::make\", kind = \"bounded\", sender = \"Sender\" }]\n",
            "error: `Sender` is not a full path\n  ┌─ leaklint.toml:2:61\n",
        ),
        (
            "[apis]\nchannels = [{ new = \"bus::make\", kind = \"bounded\", senders = \"bus::Tx\" }]\n",
            "error: unknown key `senders` in a `channels` entry\n  ┌─ leaklint.toml:2:52\n",
        ),
        (
            "[apis]\nspawn = \"a::b\"\n",
            "error: `spawn` must be an array of paths, not a string\n  ┌─ leaklint.toml:2:9\n",
        ),
    ];
    for (text, expected) in cases {
        let ws = Fixture::new("workspace");
        ws.write("leaklint.toml", text);
        let out = ws.run(&[]);
        assert_eq!(out.code, 2, "{text}");
        assert!(out.stdout.is_empty());
        assert!(out.stderr.starts_with(expected), "{}", out.stderr);
        // A misspelt key gets the nearest one.
        if text.contains("spawns") {
            assert!(
                out.stderr.contains("did you mean `spawn`?"),
                "{}",
                out.stderr
            );
        }
    }
    // The package table takes `apis` too.
    let ws = Fixture::new("workspace");
    ws.append(
        "b/Cargo.toml",
        "\n[package.metadata.leaklint.apis]\nspawn = [1]\n",
    );
    let out = ws.run(&[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: `spawn` takes paths (strings), not an integer\n  ┌─ b/Cargo.toml:"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_config_documents_every_apis_key() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["--explain", "config"], &[]);
    assert_eq!(out.code, 0);
    for key in [
        "[lints]",
        "[apis]",
        "`spawn`",
        "`spawn-joinable`",
        "`{ path, runs }`",
        "`sender`",
        "`receiver`",
        "`channels`",
        "`completes-on-drop`",
        "`guards`",
        "`network`",
        "timeout-methods",
    ] {
        assert!(out.stdout.contains(key), "{key}");
    }
}

/// `let _ = tx;` inside a `move` closure captures `tx` only before edition 2021: the
/// edition comes from the package's `Cargo.toml` (cargo mode; path mode takes 2021).
#[test]
fn let_underscore_in_a_move_closure_follows_the_package_edition() {
    let code = "use std::sync::mpsc;\n\
                pub fn run() {\n    let (tx, rx) = mpsc::channel::<u32>();\n    \
                let w = tx.clone();\n    std::thread::spawn(move || w.send(1).unwrap());\n    \
                std::thread::spawn(move || {\n        let _ = tx;\n    });\n    \
                for v in rx {\n        println!(\"{v}\");\n    }\n}\n";
    let found = |edition: &str| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("src")).unwrap();
        fs::write(
            root.join("Cargo.toml"),
            format!("[package]\nname = \"ed\"\nversion = \"0.1.0\"\nedition = \"{edition}\"\n"),
        )
        .unwrap();
        fs::write(root.join("src/lib.rs"), code).unwrap();
        let cargo = run(root, &["leaklint", "--message-format", "short"], &[]);
        let path = run(root, &["--message-format", "short", "src/lib.rs"], &[]);
        let has = |o: &Output| o.stdout.contains("sender_alive_in_recv_loop");
        (has(&cargo), has(&path), cargo.stderr)
    };
    let (cargo, path, stderr) = found("2021");
    assert!(cargo && path, "{stderr}");
    let (cargo, _, stderr) = found("2018");
    assert!(!cargo, "{stderr}");
}

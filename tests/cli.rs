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
fn a_missing_path_is_a_usage_error() {
    let paths = Fixture::new("paths");
    let out = paths.run(&["leak.rs", "nope.rs"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr, "error: path `nope.rs` does not exist\n");
    let out = paths.run(&["nope.rs", "gone/"]);
    assert_eq!(out.stderr, "error: paths `nope.rs`, `gone/` do not exist\n");
    let out = paths.run(&["--", "-D", "warnings"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: paths `-D`, `warnings` do not exist\n\
         help: options go before any `--`: `cargo leaklint -D warnings`\n"
    );
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
fn a_symlink_loop_is_reported_and_the_walk_goes_on() {
    let paths = Fixture::new("paths");
    std::os::unix::fs::symlink(".", paths.path("dir/loop")).unwrap();
    let out = paths.run(&["dir"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.locations(), leaks(&["dir/more.rs"]));
    assert_eq!(
        out.stderr,
        "warning: skipped `dir/loop`: a symbolic link loop back to `dir`\n\
         Checked 2 files: 1 warning\n"
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
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "error: no lint named `recever_dropped`\nhelp: did you mean `receiver_dropped`?\n"
    );
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
        "`channels`",
        "`guards`",
        "`network`",
        "timeout-methods",
    ] {
        assert!(out.stdout.contains(key), "{key}");
    }
}

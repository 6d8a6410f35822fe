//! The result cache (`target/leaklint/`): a second run over an unchanged workspace parses
//! nothing and reports the same; a changed file, a changed level and `--no-cache` are each
//! honoured.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-leaklint");

const LEAKY: &str = "\
pub fn f() {
    let (tx, rx) = std::sync::mpsc::channel::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    for v in rx {
        println!(\"{v}\");
    }
}
";

const OTHER: &str = "\
pub struct Holder {
    pub rx: std::sync::mpsc::Receiver<u32>,
}
pub fn g() {
    let (tx, _) = std::sync::mpsc::channel::<u32>();
    tx.send(1).unwrap();
}
";

/// A package `p` with `src/lib.rs` (a deny-level leak) and `src/other.rs` (a warning).
fn package() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap().join("p");
    fs::create_dir_all(root.join("src")).unwrap();
    fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"p\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    fs::write(root.join("src/lib.rs"), format!("mod other;\n{LEAKY}")).unwrap();
    fs::write(root.join("src/other.rs"), OTHER).unwrap();
    (dir, root)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(root: &Path, args: &[&str]) -> Run {
    let format: &[&str] = if args.contains(&"--message-format") {
        &[]
    } else {
        &["--message-format", "short"]
    };
    let out = Command::new(BIN)
        .args(format)
        .arg("-v")
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The number of files parsed, from `-v`'s "Analysed N files in Xs: P parsed" line.
fn parsed(r: &Run) -> usize {
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("Analysed "))
        .unwrap_or_else(|| panic!("{}", r.stderr));
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "parsed,").unwrap();
    words[at - 1].parse().unwrap()
}

/// Stderr without the timed "Analysed" line.
fn status_lines(r: &Run) -> Vec<&str> {
    r.stderr
        .lines()
        .filter(|l| !l.starts_with("Analysed "))
        .collect()
}

fn entries(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("target/leaklint"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_second_unchanged_run_parses_nothing_and_reports_the_same() {
    let (_dir, root) = package();
    let cold = run(&root, &[]);
    assert_eq!(cold.code, Some(1), "{}", cold.stderr);
    assert_ne!(parsed(&cold), 0);
    let stored = entries(&root);
    assert_eq!(stored.len(), 2, "CACHEDIR.TAG and one unit: {stored:?}");
    assert!(stored.contains(&"CACHEDIR.TAG".to_string()));

    let warm = run(&root, &[]);
    assert_eq!(parsed(&warm), 0, "{}", warm.stderr);
    assert_eq!(warm.code, cold.code);
    assert_eq!(warm.stdout, cold.stdout);
    assert!(warm
        .stdout
        .contains("src/lib.rs:6:5: error[leaklint::sender_alive_in_recv_loop]"));
    assert!(warm
        .stdout
        .contains("src/other.rs:5:14: warning[leaklint::receiver_dropped]"));
    // The human format renders source lines from the files read to hash them.
    let human_cold = run(&root, &["--message-format", "human", "--no-cache"]);
    let human_warm = run(&root, &["--message-format", "human"]);
    assert_eq!(human_warm.stdout, human_cold.stdout);
    assert_eq!(parsed(&human_warm), 0);
}

#[test]
fn a_changed_file_or_level_is_linted_again() {
    let (_dir, root) = package();
    run(&root, &[]);
    // A change in one file re-lints its unit: crate-wide facts make the unit the granularity.
    fs::write(root.join("src/other.rs"), OTHER.replace("_)", "_rx)")).unwrap();
    let changed = run(&root, &[]);
    assert_ne!(parsed(&changed), 0, "{}", changed.stderr);
    assert!(
        !changed.stdout.contains("receiver_dropped"),
        "{}",
        changed.stdout
    );
    assert_eq!(parsed(&run(&root, &[])), 0);
    // A new finding in an edited file appears.
    let leak = "\npub fn h() {\n    let (tx, _) = std::sync::mpsc::channel::<u8>();\n    tx.send(1).unwrap();\n}\n";
    fs::write(
        root.join("src/lib.rs"),
        format!("mod other;\n{LEAKY}{leak}"),
    )
    .unwrap();
    let edited = run(&root, &[]);
    assert_ne!(parsed(&edited), 0, "{}", edited.stderr);
    assert!(
        edited
            .stdout
            .contains("src/lib.rs:12:14: warning[leaklint::receiver_dropped]"),
        "{}",
        edited.stdout
    );
    assert_eq!(run(&root, &[]).stdout, edited.stdout);
    // Levels are part of the key.
    let allowed = run(&root, &["-A", "leaklint::sender_alive_in_recv_loop"]);
    assert_ne!(parsed(&allowed), 0);
    assert_eq!(allowed.code, Some(0), "{}", allowed.stdout);
    // One entry per unit: the last key wins, so going back lints again, once.
    assert_ne!(parsed(&run(&root, &[])), 0);
    assert_eq!(parsed(&run(&root, &[])), 0);
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let (_dir, root) = package();
    let first = run(&root, &["--no-cache"]);
    assert_ne!(parsed(&first), 0);
    assert!(entries(&root).is_empty());
    run(&root, &[]);
    assert_ne!(parsed(&run(&root, &["--no-cache"])), 0);
}

#[test]
fn a_changed_configuration_is_linted_again() {
    let (_dir, root) = package();
    let before = run(&root, &[]);
    assert!(before
        .stdout
        .contains("warning[leaklint::receiver_dropped]"));
    fs::write(
        root.join("leaklint.toml"),
        "[lints]\nreceiver_dropped = \"deny\"\n",
    )
    .unwrap();
    let denied = run(&root, &[]);
    assert_ne!(parsed(&denied), 0, "{}", denied.stderr);
    assert!(
        denied
            .stdout
            .contains("src/other.rs:5:14: error[leaklint::receiver_dropped]"),
        "{}",
        denied.stdout
    );
    assert_eq!(parsed(&run(&root, &[])), 0);
    // A declared API is part of the configuration the key holds.
    fs::write(
        root.join("leaklint.toml"),
        "[lints]\nreceiver_dropped = \"deny\"\n[apis]\nspawn = [\"crate::util::spawn_named\"]\n",
    )
    .unwrap();
    let declared = run(&root, &[]);
    assert_ne!(parsed(&declared), 0, "{}", declared.stderr);
    assert_eq!(declared.stdout, denied.stdout);
}

#[test]
fn a_corrupt_entry_is_ignored_and_replaced() {
    let (_dir, root) = package();
    let cold = run(&root, &[]);
    let unit = entries(&root)
        .into_iter()
        .find(|n| n.starts_with("unit-"))
        .unwrap();
    let path = root.join("target/leaklint").join(&unit);
    for garbage in ["{\"key\": 1", "", "{\"key\":\"x\",\"diagnostics\":[]}"] {
        fs::write(&path, garbage).unwrap();
        let again = run(&root, &[]);
        assert_ne!(parsed(&again), 0, "{}", again.stderr);
        assert_eq!(again.stdout, cold.stdout);
        assert_eq!(again.code, cold.code);
        assert_eq!(
            status_lines(&again),
            status_lines(&cold),
            "no word about the cache"
        );
        assert_eq!(parsed(&run(&root, &[])), 0, "the entry was written again");
    }
    // An entry with the right key but a finding in a file the unit does not have is a miss.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("\"file\":0", "\"file\":7")).unwrap();
    let again = run(&root, &[]);
    assert_ne!(parsed(&again), 0, "{}", again.stderr);
    assert_eq!(again.stdout, cold.stdout);
}

#[test]
fn path_mode_uses_the_cache_of_the_current_package() {
    let (_dir, root) = package();
    let cold = run(&root, &["src"]);
    assert_ne!(parsed(&cold), 0);
    let warm = run(&root, &["src"]);
    assert_eq!(parsed(&warm), 0, "{}", warm.stderr);
    assert_eq!(warm.stdout, cold.stdout);
}

#[test]
fn fix_and_stdin_neither_read_nor_write_it() {
    let (_dir, root) = package();
    let fixed = run(&root, &["--fix", "--allow-dirty"]);
    assert!(fixed.stderr.contains("Analysed"), "{}", fixed.stderr);
    assert!(entries(&root).is_empty(), "{:?}", entries(&root));
    let mut child = Command::new(BIN)
        .args([
            "--message-format",
            "short",
            "-",
            "--stdin-filename",
            "src/lib.rs",
        ])
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(LEAKY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("sender_alive_in_recv_loop"));
    assert!(entries(&root).is_empty(), "{:?}", entries(&root));
    // With the cache filled, `--fix` lints the files as they are, not the stored results.
    run(&root, &[]);
    fs::write(root.join("src/other.rs"), "pub fn g() {}\n").unwrap();
    let fixed = run(&root, &["--fix", "--allow-dirty"]);
    assert_ne!(parsed(&fixed), 0, "{}", fixed.stderr);
    assert!(
        !fixed.stdout.contains("receiver_dropped"),
        "{}",
        fixed.stdout
    );
}

/// The edition of a file's target changes what a closure captures, so a changed edition in
/// `Cargo.toml` is linted again, not answered from the cache.
#[test]
fn a_changed_edition_is_linted_again() {
    let (_dir, root) = package();
    let captures = "pub fn collect() -> Vec<u32> {\n    let (tx, rx) = std::sync::mpsc::channel::<u32>();\n    let tx2 = tx.clone();\n    std::thread::spawn(move || tx2.send(1).unwrap());\n    std::thread::spawn(move || {\n        let _ = tx;\n    });\n    rx.iter().collect()\n}\n";
    fs::write(root.join("src/lib.rs"), captures).unwrap();
    // Edition 2021: `let _ = tx;` does not capture `tx`, so the loop never ends.
    let first = run(&root, &[]);
    assert!(
        first.stdout.contains("sender_alive_in_recv_loop"),
        "{}",
        first.stdout
    );
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    fs::write(root.join("Cargo.toml"), manifest.replace("2021", "2018")).unwrap();
    // Edition 2018: the closure captures `tx` whole and drops it: nothing to report.
    let second = run(&root, &[]);
    assert_ne!(parsed(&second), 0, "{}", second.stderr);
    assert!(
        !second.stdout.contains("sender_alive_in_recv_loop"),
        "{}",
        second.stdout
    );
}

//! End-to-end tests of `--fix`: the git check (`--allow-dirty`, `--allow-staged`, files
//! outside git), the report, the re-lint, and that the original file is intact whenever a
//! write fails or the process is killed (file-size limits that root cannot bypass, and the
//! debug-build hook that pauses between the write and the rename).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-leaklint");

/// `tests/ui/sender_alive_in_recv_loop/fixable.rs`: three findings, all fixable (1.2 KB).
fn fixable() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/sender_alive_in_recv_loop/fixable.rs");
    fs::read_to_string(path).unwrap()
}

fn fixed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ui/sender_alive_in_recv_loop/fixable.fixed");
    fs::read_to_string(path).unwrap()
}

/// A temporary directory holding `a.rs` (the fixable fixture).
struct Dir {
    dir: TempDir,
}

impl Dir {
    fn new() -> Dir {
        let dir = tempfile::Builder::new()
            .prefix("leaklint-fix-")
            .tempdir()
            .unwrap();
        fs::write(dir.path().join("a.rs"), fixable()).unwrap();
        Dir { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap()
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c"])
            .arg("commit.gpgsign=false")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(status.status.success(), "git {args:?}: {status:?}");
    }

    /// A git repository with `a.rs` committed.
    fn committed() -> Dir {
        let d = Dir::new();
        d.git(&["init", "-q"]);
        d.git(&["add", "a.rs"]);
        d.git(&["commit", "-qm", "a"]);
        d
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("LEAKLINT_FIX_PAUSE_BEFORE_RENAME")
            .output()
            .unwrap()
    }

    /// Runs the binary under `sh -c PRELUDE; exec BIN ARGS`.
    fn run_in_shell(&self, prelude: &str, args: &[&str]) -> Output {
        Command::new("sh")
            .arg("-c")
            .arg(format!("{prelude}; exec \"$0\" \"$@\""))
            .arg(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// The names of the files in the directory other than `.git`.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".git")
            .collect();
        names.sort();
        names
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn fixes_a_committed_file_says_what_changed_and_lints_again() {
    let d = Dir::committed();
    let out = d.run(&["--fix", "a.rs"]);
    let err = stderr(&out);
    assert_eq!(d.read("a.rs"), fixed());
    assert!(
        err.starts_with(
            "       Fixed a.rs (3 fixes)\n             13:5: drop `tx` before the loop\n"
        ),
        "{err}"
    );
    // The re-lint finds nothing left.
    assert_eq!(
        err.lines().last(),
        Some("Checked 1 file: no problems found")
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(d.names(), ["a.rs"]);
}

#[test]
fn a_receive_inside_a_let_statement_gets_its_drop_before_the_statement() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/sender_alive_in_recv_loop");
    let d = Dir::new();
    fs::write(
        d.path("a.rs"),
        fs::read_to_string(ui.join("fix_let_statement.rs")).unwrap(),
    )
    .unwrap();
    let out = d.run(&["--fix", "--allow-dirty", "a.rs"]);
    let err = stderr(&out);
    let expected = fs::read_to_string(ui.join("fix_let_statement.fixed")).unwrap();
    assert_eq!(d.read("a.rs"), expected);
    assert!(err.starts_with("       Fixed a.rs (3 fixes)\n"), "{err}");
    assert!(err.contains("13:5: drop `tx` before the loop"), "{err}");
    assert!(err.contains("38:5: drop `tx` before waiting"), "{err}");
    assert_eq!(
        err.lines().last(),
        Some("Checked 1 file: no problems found")
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn refuses_a_modified_file_unless_allow_dirty() {
    let d = Dir::committed();
    let changed = fixable().replace("Print every answer", "Print the answers");
    fs::write(d.path("a.rs"), &changed).unwrap();
    let out = d.run(&["--fix", "a.rs"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("  a.rs (modified)"), "{err}");
    assert!(err.contains("--allow-dirty"), "{err}");
    assert_eq!(d.read("a.rs"), changed);
    // --allow-staged is not enough for a change in the work tree.
    assert_eq!(
        d.run(&["--fix", "--allow-staged", "a.rs"]).status.code(),
        Some(2)
    );
    assert_eq!(d.read("a.rs"), changed);

    let out = d.run(&["--fix", "--allow-dirty", "a.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        d.read("a.rs"),
        fixed().replace("Print every answer", "Print the answers")
    );
}

#[test]
fn refuses_a_staged_file_unless_allow_staged() {
    let d = Dir::committed();
    let changed = fixable().replace("Print every answer", "Print the answers");
    fs::write(d.path("a.rs"), &changed).unwrap();
    d.git(&["add", "a.rs"]);
    let out = d.run(&["--fix", "a.rs"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("  a.rs (staged)"), "{err}");
    assert!(err.contains("--allow-staged"), "{err}");
    assert_eq!(d.read("a.rs"), changed);

    let out = d.run(&["--fix", "--allow-staged", "a.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_ne!(d.read("a.rs"), changed);
}

#[test]
fn refuses_untracked_files_and_files_outside_git_unless_allow_dirty() {
    let d = Dir::committed();
    fs::write(d.path("b.rs"), fixable()).unwrap();
    let out = d.run(&["--fix", "a.rs", "b.rs"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("  b.rs (untracked)"), "{err}");
    assert!(
        !err.contains("a.rs ("),
        "a committed file is not refused: {err}"
    );
    assert_eq!(
        d.read("a.rs"),
        fixable(),
        "nothing is written when any file is refused"
    );

    let plain = Dir::new();
    let out = plain.run(&["--fix", "a.rs"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("  a.rs (not in a git work tree)"), "{err}");
    assert_eq!(plain.read("a.rs"), fixable());
    let out = plain.run(&["--fix", "--allow-dirty", "a.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(plain.read("a.rs"), fixed());
}

#[test]
fn an_unrelated_dirty_file_does_not_stop_the_fix() {
    let d = Dir::committed();
    fs::write(d.path("notes.txt"), "wip").unwrap();
    let out = d.run(&["--fix", "a.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(d.read("a.rs"), fixed());
}

#[cfg(unix)]
#[test]
fn keeps_permissions_and_writes_through_a_symbolic_link() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new();
    fs::set_permissions(d.path("a.rs"), fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("a.rs", d.path("link.rs")).unwrap();
    let out = d.run(&["--fix", "--allow-dirty", "link.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(d.read("a.rs"), fixed());
    assert!(fs::symlink_metadata(d.path("link.rs"))
        .unwrap()
        .file_type()
        .is_symlink());
    let mode = fs::metadata(d.path("a.rs")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

/// A write that fails: with a file-size limit of 0 (`ulimit -f 0`, which binds root too) and
/// SIGXFSZ ignored, writing the temporary file fails with EFBIG. The original is intact, the
/// temporary file is removed, the failure is reported and the run exits 1.
#[cfg(unix)]
#[test]
fn a_write_that_fails_leaves_the_original_intact() {
    let d = Dir::new();
    let out = d.run_in_shell(
        "trap '' XFSZ; ulimit -f 0",
        &["--fix", "--allow-dirty", "a.rs"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: cannot write the fixed text of `a.rs`: "),
        "{err}"
    );
    assert!(err.contains("no fix was applied to it"), "{err}");
    assert_eq!(d.read("a.rs"), fixable());
    assert_eq!(d.names(), ["a.rs"], "the temporary file is removed");
    // The re-lint still reports the three findings.
    assert!(err.contains("Checked 1 file: 3 errors"), "{err}");
}

/// A process killed while it writes: with a file-size limit of one block (512 bytes) and
/// SIGXFSZ at its default, the kernel kills leaklint in the middle of writing the 1.2 KB
/// temporary file. The original is intact.
#[cfg(unix)]
#[test]
fn a_process_killed_while_writing_leaves_the_original_intact() {
    use std::os::unix::process::ExitStatusExt;
    let d = Dir::new();
    let out = d.run_in_shell("ulimit -f 1", &["--fix", "--allow-dirty", "a.rs"]);
    assert_eq!(out.status.signal(), Some(25), "killed by SIGXFSZ: {out:?}");
    assert_eq!(d.read("a.rs"), fixable());
}

/// A process killed between the write and the rename (SIGKILL, while the debug-build hook
/// `LEAKLINT_FIX_PAUSE_BEFORE_RENAME` holds it there): the temporary file holds the whole
/// fixed text, and the original is intact.
#[cfg(unix)]
#[test]
fn a_process_killed_before_the_rename_leaves_the_original_intact() {
    let d = Dir::new();
    let marker = d.path("paused");
    let mut child = Command::new(BIN)
        .args(["--fix", "--allow-dirty", "a.rs"])
        .current_dir(d.dir.path())
        .env("LEAKLINT_FIX_PAUSE_BEFORE_RENAME", &marker)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !marker.exists() || fs::read_to_string(&marker).unwrap().is_empty() {
        assert!(start.elapsed().as_secs() < 60, "the hook was not reached");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let temp = PathBuf::from(fs::read_to_string(&marker).unwrap());
    assert_eq!(fs::read_to_string(&temp).unwrap(), fixed());
    assert_eq!(
        temp.parent(),
        d.path("a.rs").canonicalize().unwrap().parent()
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(d.read("a.rs"), fixable());
}

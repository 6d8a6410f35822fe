//! Path mode's context (issue 8, §7): a named file's cargo package supplies the other half
//! of a leak, so a finding does not depend on which files of the package were named
//! (pre-commit hooks and editors name a few); the files that were not named are never
//! reported. And the `pub` rule: a `pub` receiver field that a sibling crate of the
//! workspace reads is not reported.

use std::path::{Path, PathBuf};

use leaklint::config::Levels;
use leaklint::diagnostic::Diagnostic;
use leaklint::discover;
use leaklint::engine::{self, EngineOptions};

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const MANIFEST: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

/// A spawned function that loops for ever, in another file than its spawn.
const SPAWN_IN_LIB: &str =
    "mod worker;\n\npub fn start() {\n    std::thread::spawn(worker::run_forever);\n}\n";
const LOOP_IN_WORKER: &str =
    "pub fn run_forever() {\n    loop {\n        std::thread::sleep(std::time::Duration::from_secs(1));\n    }\n}\n";

/// `(file, line, lint)` of each finding of a path-mode run over `named` (relative to `root`).
fn findings(root: &Path, named: &[&str], prefilter: bool) -> (Vec<(String, usize, String)>, usize) {
    let paths: Vec<PathBuf> = named.iter().map(PathBuf::from).collect();
    let discovery = discover::paths(&paths, root).unwrap();
    let options = EngineOptions {
        prefilter,
        threads: 2,
    };
    let outcome = engine::run(&discovery.files, &[Levels::default()], &options);
    let found = outcome
        .diagnostics
        .iter()
        .map(|d: &Diagnostic| {
            let line = d.file.position(d.primary.span.start as usize).line;
            (d.file.display.clone(), line, d.code())
        })
        .collect();
    (found, outcome.files_seen)
}

#[test]
fn a_leak_across_two_files_is_found_when_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            ("Cargo.toml", MANIFEST),
            ("src/lib.rs", SPAWN_IN_LIB),
            ("src/worker.rs", LOOP_IN_WORKER),
            ("src/unrelated.rs", "pub fn f() {}\n"),
        ],
    );
    let both = findings(root, &["src/lib.rs", "src/worker.rs"], true).0;
    let expected = vec![(
        "src/lib.rs".to_string(),
        4,
        "leaklint::detached_infinite_loop".to_string(),
    )];
    assert_eq!(both, expected);
    for prefilter in [true, false] {
        let (found, seen) = findings(root, &["src/lib.rs"], prefilter);
        assert_eq!(found, expected, "prefilter {prefilter}");
        assert_eq!(seen, 1, "context files are not counted as checked");
    }
    // The finding is in a file that was not named: not reported.
    assert_eq!(findings(root, &["src/worker.rs"], true).0, vec![]);
}

#[test]
fn a_field_read_in_a_file_not_named_undoes_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let metrics = "use std::sync::mpsc::{channel, Receiver, Sender};\n\npub struct Metrics {\n    tx: Sender<u64>,\n    rx: Receiver<u64>,\n}\n\nimpl Metrics {\n    pub fn new() -> Self {\n        let (tx, rx) = channel();\n        Self { tx, rx }\n    }\n\n    pub fn record(&self, n: u64) {\n        self.tx.send(n).unwrap();\n    }\n}\n";
    let drain = "impl crate::metrics::Metrics {\n    pub fn total(&self) -> u64 {\n        self.rx.try_iter().sum()\n    }\n}\n";
    write(
        root,
        &[
            ("Cargo.toml", MANIFEST),
            ("src/lib.rs", "mod drain;\nmod metrics;\n"),
            ("src/metrics.rs", metrics),
        ],
    );
    // Without the reader, the stored receiver is never read: found.
    let unread = findings(root, &["src/metrics.rs"], true).0;
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert_eq!(unread[0].2, "leaklint::receiver_never_read");
    // With the reader in a file that is not named: silent, as when both are named.
    write(root, &[("src/drain.rs", drain)]);
    assert_eq!(
        findings(root, &["src/metrics.rs", "src/drain.rs"], true).0,
        vec![]
    );
    assert_eq!(findings(root, &["src/metrics.rs"], true).0, vec![]);
    assert_eq!(findings(root, &["src/metrics.rs"], false).0, vec![]);
}

#[test]
fn a_file_outside_any_package_has_no_context() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[("lib.rs", SPAWN_IN_LIB), ("worker.rs", LOOP_IN_WORKER)],
    );
    // No Cargo.toml: the files given are the whole unit, as before.
    let (found, seen) = findings(root, &["lib.rs"], true);
    assert_eq!(found, vec![]);
    assert_eq!(seen, 1);
}

/// A workspace of two crates: `bus` keeps a channel's receiver in field `events` and never
/// reads it; `app`, a sibling crate, does. `vis` is the field's visibility.
fn bus_workspace(root: &Path, vis: &str) {
    let bus = format!(
        "use std::sync::mpsc::{{channel, Receiver, Sender}};\n\npub struct Bus {{\n    tx: Sender<u32>,\n    {vis}events: Receiver<u32>,\n}}\n\nimpl Bus {{\n    pub fn new() -> Bus {{\n        let (tx, events) = channel();\n        Bus {{ tx, events }}\n    }}\n\n    pub fn publish(&self, n: u32) {{\n        self.tx.send(n).unwrap();\n    }}\n}}\n"
    );
    let app = "fn main() {\n    let bus = bus::Bus::new();\n    bus.publish(1);\n    for n in bus.events.iter() {\n        println!(\"{n}\");\n    }\n}\n";
    write(
        root,
        &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"bus\", \"app\"]\nresolver = \"2\"\n",
            ),
            ("bus/Cargo.toml", &MANIFEST.replace("app", "bus")),
            ("bus/src/lib.rs", &bus),
            (
                "app/Cargo.toml",
                &format!("{MANIFEST}\n[dependencies]\nbus = {{ path = \"../bus\" }}\n"),
            ),
            ("app/src/main.rs", app),
        ],
    );
}

fn workspace_findings(root: &Path) -> Vec<String> {
    let selection = discover::PackageSelection {
        workspace: true,
        ..Default::default()
    };
    let discovery = discover::workspace(&selection, root).unwrap();
    let levels: Vec<Levels> = discovery.units.iter().map(|_| Levels::default()).collect();
    let outcome = engine::run(&discovery.files, &levels, &EngineOptions::default());
    outcome.diagnostics.iter().map(|d| d.code()).collect()
}

#[test]
fn a_pub_receiver_field_read_by_a_sibling_crate_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    bus_workspace(root, "pub ");
    assert_eq!(workspace_findings(root), Vec::<String>::new());
    // Path mode sees one package only: about a `pub` field it stays silent too.
    assert_eq!(findings(root, &["bus/src/lib.rs"], true).0, vec![]);
    // The near miss: a private field nobody in its crate reads (no other crate can).
    bus_workspace(root, "");
    assert_eq!(
        workspace_findings(root),
        vec!["leaklint::receiver_never_read".to_string()]
    );
    assert_eq!(findings(root, &["bus/src/lib.rs"], true).0.len(), 1);
}

/// A type whose worker (a receive loop) and sender are stored by a builder in one file, and
/// whose `Drop` joins the worker in another: the join hangs, since `self.tx` drops after it.
fn pool_in_two_files(root: &Path, drop_first: bool) {
    let pool = "pub struct Pool {\n    pub(crate) tx: Option<std::sync::mpsc::Sender<u32>>,\n    pub(crate) handle: Option<std::thread::JoinHandle<()>>,\n}\n\npub struct PoolBuilder;\n\nimpl PoolBuilder {\n    pub fn build(self) -> Pool {\n        let (tx, rx) = std::sync::mpsc::channel::<u32>();\n        let handle = std::thread::spawn(move || {\n            while let Ok(n) = rx.recv() {\n                println!(\"{n}\");\n            }\n        });\n        Pool { tx: Some(tx), handle: Some(handle) }\n    }\n}\n";
    let release = if drop_first {
        "        self.tx.take();\n"
    } else {
        ""
    };
    let shutdown = format!("use crate::pool::Pool;\n\nimpl Drop for Pool {{\n    fn drop(&mut self) {{\n{release}        if let Some(h) = self.handle.take() {{\n            let _ = h.join();\n        }}\n    }}\n}}\n");
    write(
        root,
        &[
            ("Cargo.toml", MANIFEST),
            ("src/lib.rs", "mod pool;\nmod shutdown;\n"),
            ("src/pool.rs", pool),
            ("src/shutdown.rs", &shutdown),
        ],
    );
}

#[test]
fn a_drop_impl_named_alone_reaches_the_builder_that_stores_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pool_in_two_files(root, false);
    let expected = vec![(
        "src/shutdown.rs".to_string(),
        6,
        "leaklint::sender_alive_in_recv_loop".to_string(),
    )];
    assert_eq!(
        findings(
            root,
            &["src/lib.rs", "src/pool.rs", "src/shutdown.rs"],
            true
        )
        .0,
        expected
    );
    for prefilter in [true, false] {
        assert_eq!(
            findings(root, &["src/shutdown.rs"], prefilter).0,
            expected,
            "prefilter {prefilter}"
        );
    }
    // The fixed version: the sender is taken (and dropped) before the join.
    pool_in_two_files(root, true);
    assert_eq!(findings(root, &["src/shutdown.rs"], true).0, vec![]);
}

/// Two packages named in one path-mode run: a variant constructed in one does not undo a
/// finding of the other (each package is a crate of its own).
#[test]
fn crate_facts_of_two_named_packages_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let worker = "use std::sync::mpsc;\n\nenum Msg {\n    Work(u32),\n    Stop,\n}\n\nfn main() {\n    let (tx, rx) = mpsc::channel();\n    let h = std::thread::spawn(move || {\n        for m in rx {\n            match m {\n                Msg::Work(n) => println!(\"{n}\"),\n                Msg::Stop => return,\n            }\n        }\n    });\n    tx.send(Msg::Work(1)).unwrap();\n    h.join().unwrap();\n}\n";
    let other = "enum Msg {\n    Stop,\n}\n\nfn main() {\n    let _m = Msg::Stop;\n}\n";
    write(
        root,
        &[
            ("worker/Cargo.toml", &MANIFEST.replace("app", "worker")),
            ("worker/src/main.rs", worker),
            ("other/Cargo.toml", &MANIFEST.replace("app", "other")),
            ("other/src/main.rs", other),
        ],
    );
    let alone = findings(root, &["worker/src/main.rs"], true).0;
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert_eq!(alone[0].2, "leaklint::sender_alive_in_recv_loop");
    let both = findings(root, &["worker/src/main.rs", "other/src/main.rs"], true).0;
    assert_eq!(both, alone);
    // The near miss: `worker` itself sends `Msg::Stop`.
    let fixed = worker.replace("h.join()", "tx.send(Msg::Stop).unwrap();\n    h.join()");
    write(root, &[("worker/src/main.rs", &fixed)]);
    assert_eq!(
        findings(root, &["worker/src/main.rs", "other/src/main.rs"], true).0,
        vec![]
    );
}

/// A spawned function imported under another name (`use refresh::refresh_routes as
/// refresher`): the file that defines it says `refresh_routes`, and the pre-filter's reach
/// must look for that word, so the finding is the same with the pre-filter on and off.
#[test]
fn a_renamed_import_of_a_spawned_function_is_reached_by_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            ("Cargo.toml", MANIFEST),
            (
                "src/lib.rs",
                "mod refresh;\nuse refresh::refresh_routes as refresher;\n\npub fn reload() {\n    std::thread::spawn(refresher);\n}\n",
            ),
            (
                "src/refresh.rs",
                "pub fn refresh_routes() {\n    loop {\n        std::thread::sleep(std::time::Duration::from_secs(30));\n    }\n}\n",
            ),
        ],
    );
    let expected = vec![(
        "src/lib.rs".to_string(),
        5,
        "leaklint::detached_infinite_loop".to_string(),
    )];
    for prefilter in [true, false] {
        assert_eq!(
            findings(root, &["src"], prefilter).0,
            expected,
            "prefilter {prefilter}"
        );
    }
}

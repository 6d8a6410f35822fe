//! Which files to lint: a cargo workspace's packages (through `cargo metadata`), or the
//! paths given on the command line.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::engine::InputFile;

pub mod test_modules;

/// A cargo package, as the JSON output needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageInfo {
    pub name: String,
    /// Cargo's package id (`path+file:///...#name@0.1.0`).
    pub id: String,
    pub manifest_path: PathBuf,
    pub root: PathBuf,
    pub targets: Vec<TargetInfo>,
}

/// A cargo target (lib, bin, test...), for the `target` field of cargo's JSON messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetInfo {
    pub name: String,
    pub kind: Vec<String>,
    pub crate_types: Vec<String>,
    pub src_path: PathBuf,
    pub edition: String,
}

impl PackageInfo {
    /// The target a file most likely belongs to: the one whose source directory is the
    /// longest prefix of the file's path (the library when nothing matches better).
    pub fn target_for(&self, file: &Path) -> Option<&TargetInfo> {
        self.targets
            .iter()
            .filter_map(|t| {
                let dir = t.src_path.parent()?;
                file.starts_with(dir)
                    .then_some((dir.components().count(), t))
            })
            .max_by_key(|(depth, t)| (*depth, t.kind.iter().any(|k| k == "lib")))
            .map(|(_, t)| t)
            .or_else(|| self.targets.first())
    }

    /// Whether `file` belongs to a test, bench or example target (by cargo's target kinds),
    /// so that it is test code for the task lints. A file no target claims better than the
    /// library, the build script or a binary is not.
    pub fn is_test_target(&self, file: &Path) -> bool {
        self.target_for(file).is_some_and(|t| {
            !t.kind.is_empty()
                && t.kind
                    .iter()
                    .all(|k| TEST_TARGET_KINDS.contains(&k.as_str()))
        })
    }
}

/// Cargo target kinds whose code is test code: spawned work there ends with the test, the
/// benchmark or the example.
const TEST_TARGET_KINDS: &[&str] = &["test", "bench", "example"];

/// Cargo's directories of test, bench and example targets.
const TEST_TARGET_DIRS: &[&str] = &["tests", "benches", "examples"];

/// Path mode, where there is no cargo metadata: whether `file` lies under a `tests/`,
/// `benches/` or `examples/` directory that sits next to a `Cargo.toml` (cargo's conventions
/// for test, bench and example targets).
pub fn in_test_dir(file: &Path) -> bool {
    file.ancestors().skip(1).any(|dir| {
        dir.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| TEST_TARGET_DIRS.contains(&n))
            && dir.parent().is_some_and(|p| p.join("Cargo.toml").is_file())
    })
}

/// The files of a run and the units (crates) they form.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Every file to lint, each once; `unit` indexes [`Discovery::units`].
    pub files: Vec<InputFile>,
    /// The units: sets of files linted together (crate-wide facts are merged per unit, and
    /// each has its own lint levels). One per package in workspace mode, one (`None`) in path
    /// mode.
    pub units: Vec<Option<Arc<PackageInfo>>>,
    /// The workspace root (workspace mode) or the current directory (path mode): shown paths
    /// are relative to it.
    pub base: PathBuf,
    /// Set in workspace mode.
    pub workspace_root: Option<PathBuf>,
    /// Cargo's target directory (workspace mode).
    pub target_dir: Option<PathBuf>,
    /// Directories that were left out and why (for `--verbose`).
    pub skipped: Vec<(String, &'static str)>,
    /// Problems that do not stop the run: an `--exclude` that matched nothing.
    pub warnings: Vec<String>,
    /// Paths given on the command line that do not exist or cannot be followed: usage errors
    /// (exit status 2), reported after the other paths are linted.
    pub missing: Vec<String>,
    /// Entries below a linted directory that cannot be read (a dangling symbolic link to a
    /// `.rs` file, a symbolic link loop, a directory that cannot be listed): the path, its
    /// shown path and why. The run reports each as a located `read_error`.
    pub unreadable: Vec<(PathBuf, String, String)>,
    /// The `leaklint.toml` and `.leaklint.toml` files found in the walked directories, so
    /// that one that applies to no linted file can be warned about.
    pub config_files: Vec<PathBuf>,
}

/// Which packages of a workspace to lint, as cargo's `--manifest-path`, `-p`, `--workspace` and
/// `--exclude` say.
#[derive(Clone, Debug, Default)]
pub struct PackageSelection {
    pub manifest_path: Option<PathBuf>,
    pub packages: Vec<String>,
    pub workspace: bool,
    pub exclude: Vec<String>,
}

/// Why no files could be found: a usage error (exit status 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscoverError {
    pub message: String,
    pub help: Option<String>,
}

impl DiscoverError {
    fn new(message: impl Into<String>) -> Self {
        DiscoverError {
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DiscoverError {}

/// Workspace mode: the selected packages of the workspace around `cwd` (or at
/// `--manifest-path`), through `cargo metadata`. Each package is one unit.
pub fn workspace(selection: &PackageSelection, cwd: &Path) -> Result<Discovery, DiscoverError> {
    let metadata = run_cargo_metadata(selection, cwd)?;
    let root: PathBuf = metadata.workspace_root.clone().into();
    let members: Vec<&cargo_metadata::Package> = metadata
        .packages
        .iter()
        .filter(|p| metadata.workspace_members.contains(&p.id))
        .collect();
    let mut discovery = Discovery {
        base: root.clone(),
        workspace_root: Some(root.clone()),
        ..Discovery::default()
    };
    let selected = select_packages(&metadata, &members, selection, cwd, &mut discovery.warnings)?;
    let target_dir = PathBuf::from(metadata.target_directory.clone());
    discovery.target_dir = Some(target_dir.clone());
    let rules = WalkRules {
        skip_nested_packages: true,
        target_dir: Some(&target_dir),
    };
    let mut listed = Listed::default();
    for package in selected {
        let info = Arc::new(package_info(package));
        let unit = discovery.units.len();
        let mut paths = Vec::new();
        let found = Found {
            files: &mut paths,
            canonical: &mut listed.canonical,
        };
        walk(&info.root, &rules, &root, found, &mut discovery);
        // A target whose source lies outside the package directory (`path = "../x.rs"`).
        for t in &info.targets {
            if !t.src_path.starts_with(&info.root) && t.src_path.is_file() {
                paths.push((t.src_path.clone(), listed.canonical.of(&t.src_path)));
            }
        }
        for (path, canonical) in paths {
            if listed.seen.insert(canonical) {
                discovery.files.push(InputFile {
                    display: display_path(&path, &root),
                    is_test_target: info.is_test_target(&path),
                    path,
                    unit,
                    package: Some(info.clone()),
                    levels: unit,
                    named: false,
                    context: false,
                });
            }
        }
        discovery.units.push(Some(info));
    }
    Ok(discovery)
}

/// Path mode: exactly the given files, and the `.rs` files under the given directories, as
/// one unit. No `Cargo.toml` is needed; where a named file has one above it, the other files
/// of that package join the unit as context ([`InputFile::context`]).
pub fn paths(paths: &[PathBuf], cwd: &Path) -> Result<Discovery, DiscoverError> {
    let mut missing = Vec::new();
    let paths: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| match std::fs::metadata(cwd.join(p)) {
            Ok(_) => true,
            Err(e) => {
                missing.push(missing_path(p, &cwd.join(p), &e));
                false
            }
        })
        .collect();
    let mut discovery = Discovery {
        base: cwd.to_path_buf(),
        missing,
        ..Discovery::default()
    };
    let rules = WalkRules {
        skip_nested_packages: false,
        target_dir: None,
    };
    let mut listed = Listed::default();
    let mut named_files = Vec::new();
    for given in paths {
        let path = cwd.join(given);
        let mut found = Vec::new();
        let named = !path.is_dir();
        if named {
            named_files.push(path.clone());
            found.push((path.clone(), listed.canonical.of(&path)));
        } else {
            let into = Found {
                files: &mut found,
                canonical: &mut listed.canonical,
            };
            walk(&path, &rules, cwd, into, &mut discovery);
        }
        for (path, canonical) in found {
            if listed.seen.insert(canonical) {
                discovery.files.push(InputFile {
                    display: display_path(&path, cwd),
                    is_test_target: in_test_dir(&path),
                    path,
                    unit: 0,
                    package: None,
                    levels: 0,
                    named,
                    context: false,
                });
            }
        }
    }
    add_package_context(&named_files, cwd, &mut discovery, &mut listed);
    discovery.units.push(None);
    Ok(discovery)
}

/// Standard input shown as `name` (`--stdin-filename`): the file `name` (which need not
/// exist; its text comes from standard input) and, where a `Cargo.toml` is above it, the
/// other files of its package as context, as path mode gives a named file.
pub fn stdin_file(name: &Path, cwd: &Path) -> Discovery {
    let path = cwd.join(name);
    let mut discovery = Discovery {
        base: cwd.to_path_buf(),
        ..Discovery::default()
    };
    discovery.files.push(InputFile {
        display: display_path(&path, cwd),
        is_test_target: in_test_dir(&path),
        path: path.clone(),
        unit: 0,
        package: None,
        levels: 0,
        named: true,
        context: false,
    });
    let mut listed = Listed::default();
    listed.insert(&path);
    add_package_context(&[path], cwd, &mut discovery, &mut listed);
    discovery.units.push(None);
    discovery
}

/// Path mode's context (issue 8, §7): for each named file, the other `.rs` files of its cargo
/// package (the nearest directory above it that holds a `Cargo.toml`), walked as workspace
/// mode walks a package. They join the unit as [`InputFile::context`] files: modelled only
/// when a linted file's crate facts reach them, never reported. Files already listed are left
/// as they are (`listed` holds their canonical paths).
fn add_package_context(
    named: &[PathBuf],
    cwd: &Path,
    discovery: &mut Discovery,
    listed: &mut Listed,
) {
    let mut roots: Vec<PathBuf> = named
        .iter()
        .filter_map(|file| {
            file.ancestors()
                .skip(1)
                .find(|dir| dir.join("Cargo.toml").is_file())
                .map(Path::to_path_buf)
        })
        .collect();
    roots.sort();
    roots.dedup();
    let rules = WalkRules {
        skip_nested_packages: true,
        target_dir: None,
    };
    for root in roots {
        // A walk of its own: the context's skipped directories, configurations and unreadable
        // entries are not the run's.
        let mut found = Vec::new();
        let into = Found {
            files: &mut found,
            canonical: &mut listed.canonical,
        };
        walk(&root, &rules, cwd, into, &mut Discovery::default());
        for (path, canonical) in found {
            if listed.seen.insert(canonical) {
                discovery.files.push(InputFile {
                    display: display_path(&path, cwd),
                    is_test_target: in_test_dir(&path),
                    path,
                    unit: 0,
                    package: None,
                    levels: 0,
                    named: false,
                    context: true,
                });
            }
        }
    }
}

fn run_cargo_metadata(
    selection: &PackageSelection,
    cwd: &Path,
) -> Result<cargo_metadata::Metadata, DiscoverError> {
    let mut command = cargo_metadata::MetadataCommand::new();
    command
        .no_deps()
        .current_dir(cwd)
        .other_options(vec!["--offline".to_string()]);
    if let Some(given) = &selection.manifest_path {
        let manifest = cwd.join(given);
        if manifest.is_dir() {
            return Err(DiscoverError::new(format!(
                "manifest path `{}` is a directory",
                given.display()
            ))
            .help("give the path of a Cargo.toml file"));
        }
        if !manifest.is_file() {
            return Err(DiscoverError::new(format!(
                "manifest path `{}` does not exist",
                given.display()
            )));
        }
        command.manifest_path(manifest);
    }
    command.exec().map_err(|e| match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            let text = stderr.trim();
            let text = text.strip_prefix("error: ").unwrap_or(text);
            let error = DiscoverError::new(format!("`cargo metadata` failed: {text}"));
            if text.contains("could not find `Cargo.toml`") {
                error.help(
                    "run leaklint inside a cargo project, pass `--manifest-path`, or give \
                     files and directories to lint them without one",
                )
            } else {
                error
            }
        }
        other => DiscoverError::new(format!("cannot run `cargo metadata`: {other}")),
    })
}

/// The packages to lint, in the workspace's order, as `cargo check` would pick them.
fn select_packages<'m>(
    metadata: &'m cargo_metadata::Metadata,
    members: &[&'m cargo_metadata::Package],
    selection: &PackageSelection,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<&'m cargo_metadata::Package>, DiscoverError> {
    let matches = |spec: &str, p: &cargo_metadata::Package| {
        let root = p
            .manifest_path
            .parent()
            .map(|r| r.as_std_path())
            .unwrap_or(Path::new(""));
        spec_matches(spec, &p.name, &p.version.to_string(), &p.id.repr, root)
    };
    if !selection.packages.is_empty() {
        for spec in &selection.packages {
            if !members.iter().any(|p| matches(spec, p)) {
                let names: Vec<&str> = members.iter().map(|p| p.name.as_str()).collect();
                return Err(DiscoverError::new(format!(
                    "package ID specification `{spec}` did not match any package of the workspace"
                ))
                .help(format!(
                    "the workspace's packages are: {}",
                    names.join(", ")
                )));
            }
        }
        return Ok(members
            .iter()
            .copied()
            .filter(|p| selection.packages.iter().any(|s| matches(s, p)))
            .collect());
    }
    if selection.workspace {
        for spec in &selection.exclude {
            if !members.iter().any(|p| matches(spec, p)) {
                warnings.push(format!(
                    "excluded package ID specification `{spec}` did not match any package"
                ));
            }
        }
        return Ok(members
            .iter()
            .copied()
            .filter(|p| !selection.exclude.iter().any(|s| matches(s, p)))
            .collect());
    }
    // The package whose directory we are in (or whose manifest was given), unless that is
    // the workspace root: then the default members, as cargo does.
    let current = match &selection.manifest_path {
        Some(m) => Some(cwd.join(m)),
        None => cwd
            .ancestors()
            .map(|d| d.join("Cargo.toml"))
            .find(|m| m.is_file()),
    };
    let root_manifest = canonical(
        &metadata
            .workspace_root
            .join("Cargo.toml")
            .into_std_path_buf(),
    );
    if let Some(current) = current.map(|c| canonical(&c)) {
        if current != root_manifest {
            if let Some(p) = members
                .iter()
                .find(|p| canonical(p.manifest_path.as_std_path()) == current)
            {
                return Ok(vec![*p]);
            }
        }
    }
    if metadata.workspace_default_members.is_available() {
        let defaults = &*metadata.workspace_default_members;
        return Ok(members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect());
    }
    Ok(match metadata.root_package() {
        Some(root) => vec![root],
        None => members.to_vec(),
    })
}

fn package_info(p: &cargo_metadata::Package) -> PackageInfo {
    let manifest_path: PathBuf = p.manifest_path.clone().into();
    PackageInfo {
        name: p.name.to_string(),
        id: p.id.repr.clone(),
        root: manifest_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        manifest_path,
        targets: p
            .targets
            .iter()
            .map(|t| TargetInfo {
                name: t.name.clone(),
                kind: t.kind.iter().map(|k| k.to_string()).collect(),
                crate_types: t.crate_types.iter().map(|c| c.to_string()).collect(),
                src_path: t.src_path.clone().into(),
                edition: t.edition.as_str().to_string(),
            })
            .collect(),
    }
}

/// Whether a package ID specification names a package, as `cargo -p SPEC` decides.
///
/// Accepts `NAME`, `NAME@VERSION`, `NAME:VERSION`, a full specification
/// (`path+file:///path/to/foo#foo@1.0.0`, `file:///path/to/foo#1.0.0`, the URL alone), the
/// package id as `cargo metadata` prints it, and the old `NAME VERSION (URL)` form. A
/// VERSION may be partial: `foo@1.2` matches 1.2.0 and 1.2.7.
pub fn spec_matches(spec: &str, name: &str, version: &str, id: &str, root: &Path) -> bool {
    let spec = spec.trim();
    if spec == id {
        return true;
    }
    // `NAME VERSION (URL)`
    if let Some((head, url)) = spec.strip_suffix(')').and_then(|s| s.split_once(" (")) {
        return match head.split_once(' ') {
            Some((n, v)) => n == name && version_matches(v, version) && url_matches(url, id, root),
            None => false,
        };
    }
    if spec.contains("://") {
        let (url, fragment) = match spec.split_once('#') {
            Some((url, fragment)) => (url, Some(fragment)),
            None => (spec, None),
        };
        if !url_matches(url, id, root) {
            return false;
        }
        return match fragment {
            None => true,
            Some(f) => match f.split_once(['@', ':']) {
                Some((n, v)) => n == name && version_matches(v, version),
                // `#1.0.0` (the name is the URL's last segment) or `#name`.
                None if f.starts_with(|c: char| c.is_ascii_digit()) => version_matches(f, version),
                None => f == name,
            },
        };
    }
    match spec.split_once(['@', ':']) {
        Some((n, v)) => n == name && version_matches(v, version),
        None => spec == name,
    }
}

/// `1.2` matches `1.2.x`; a full version matches itself.
fn version_matches(partial: &str, version: &str) -> bool {
    let partial = partial.trim();
    if partial == version {
        return true;
    }
    let core = version.split(['-', '+']).next().unwrap_or(version);
    let want: Vec<&str> = partial.split('.').collect();
    let have: Vec<&str> = core.split('.').collect();
    want.len() < 3 && want.len() <= have.len() && want.iter().zip(&have).all(|(a, b)| a == b)
}

/// Whether the URL of a specification is the source of a package: the URL of its id (with or
/// without the `path+` kind), or a `file://` URL of its directory.
fn url_matches(url: &str, id: &str, root: &Path) -> bool {
    fn strip_kind(url: &str) -> &str {
        match url.split_once('+') {
            Some((kind, rest)) if ["path", "registry", "sparse", "git"].contains(&kind) => rest,
            _ => url,
        }
    }
    let url = strip_kind(url).trim_end_matches('/');
    let id_url = strip_kind(id.split('#').next().unwrap_or(id)).trim_end_matches('/');
    if url == id_url {
        return true;
    }
    match url.strip_prefix("file://") {
        Some(path) => {
            let path = PathBuf::from(percent_decode(path));
            path == root || canonical(&path) == canonical(root)
        }
        None => false,
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a directory walk leaves out.
struct WalkRules<'a> {
    /// A subdirectory with its own `Cargo.toml` belongs to another package.
    skip_nested_packages: bool,
    /// The workspace's target directory (wherever `CARGO_TARGET_DIR` puts it).
    target_dir: Option<&'a Path>,
}

impl WalkRules<'_> {
    /// Why an entry below the walk's root is left out, if it is.
    fn excluded(&self, entry: &walkdir::DirEntry) -> Option<&'static str> {
        if entry.file_name().to_string_lossy().starts_with('.') {
            return Some("hidden");
        }
        if !entry.file_type().is_dir() {
            return None;
        }
        let path = entry.path();
        if path.join("CACHEDIR.TAG").is_file() {
            return Some("build output (CACHEDIR.TAG)");
        }
        let next_to_manifest = || {
            path.parent()
                .is_some_and(|p| p.join("Cargo.toml").is_file())
        };
        if entry.file_name() == "target" && next_to_manifest() {
            return Some("build output (target directory)");
        }
        if self.target_dir.is_some_and(|t| {
            path == t || (path.file_name() == t.file_name() && canonical(path) == canonical(t))
        }) {
            return Some("build output (the workspace's target directory)");
        }
        if self.skip_nested_packages && path.join("Cargo.toml").is_file() {
            return Some("another package (own Cargo.toml)");
        }
        None
    }
}

/// Where a walk puts the files it finds: each with its canonical path (for telling
/// duplicates apart), taken from the walk's own knowledge of links.
struct Found<'a> {
    files: &'a mut Vec<(PathBuf, PathBuf)>,
    canonical: &'a mut CanonicalPaths,
}

/// Collects the `.rs` files under `root` (sorted, following symbolic links) into `found`;
/// left-out directories and walk errors go to `discovery`. `base` is for shown paths.
fn walk(
    root: &Path,
    rules: &WalkRules<'_>,
    base: &Path,
    found: Found<'_>,
    discovery: &mut Discovery,
) {
    let skipped = &mut discovery.skipped;
    let config_files = &mut discovery.config_files;
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.file_type().is_file()
                && crate::config::CONFIG_FILES
                    .iter()
                    .any(|name| e.file_name() == *name)
            {
                config_files.push(e.path().to_path_buf());
            }
            let why = if e.depth() == 0 {
                None
            } else {
                rules.excluded(e)
            };
            if let (Some(why), true) = (why, e.file_type().is_dir()) {
                skipped.push((display_path(e.path(), base), why));
            }
            why.is_none()
        });
    let mut unreadable = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs") => {
                let canonical = found.canonical.of_walked(e.path(), e.path_is_symlink());
                found.files.push((e.into_path(), canonical));
            }
            Ok(_) => {}
            Err(e) => unreadable.extend(walk_error(&e, base)),
        }
    }
    discovery.unreadable.extend(unreadable);
}

/// A walk error as an unreadable entry: the path, its shown path and why. A dangling link
/// whose name is not `*.rs` is no Rust file and is left out.
fn walk_error(error: &walkdir::Error, base: &Path) -> Option<(PathBuf, String, String)> {
    let path = error.path()?.to_path_buf();
    let shown = display_path(&path, base);
    if let Some(ancestor) = error.loop_ancestor() {
        // As ripgrep says it: what loops, and where to.
        let message = format!(
            "file system loop: `{shown}` is a symbolic link to `{}`, a directory that contains it; it is not followed",
            display_path(ancestor, base)
        );
        return Some((path, shown, message));
    }
    let why = {
        let dangling = path.symlink_metadata().is_ok_and(|m| m.is_symlink())
            && std::fs::metadata(&path).is_err();
        if dangling && path.extension().is_none_or(|x| x != "rs") {
            return None;
        }
        let io = error
            .io_error()
            .map_or_else(|| error.to_string(), |e| e.to_string());
        if dangling {
            format!("a symbolic link that leads nowhere ({io})")
        } else {
            io
        }
    };
    Some((path, shown.clone(), format!("cannot read `{shown}`: {why}")))
}

/// Why a path given on the command line cannot be linted: it does not exist, or it is a
/// symbolic link that leads nowhere or loops.
fn missing_path(given: &Path, path: &Path, error: &std::io::Error) -> String {
    let shown = given.display();
    match path.symlink_metadata() {
        Ok(m) if m.is_symlink() => match link_chain_loop(given, path) {
            Some(chain) => {
                format!("path `{shown}` is a symbolic link loop: {chain}, so it leads to no file")
            }
            None => format!("path `{shown}` is a symbolic link that cannot be followed: {error}"),
        },
        Ok(_) => format!("path `{shown}` cannot be read: {error}"),
        Err(_) => format!("path `{shown}` does not exist"),
    }
}

/// When following the symbolic link `path` comes back to a link already followed: the
/// chain, `` `a` → `b` → `a` ``, shown from `given` (the path as the user wrote it).
/// `None` when the chain ends (or is too long to show).
fn link_chain_loop(given: &Path, path: &Path) -> Option<String> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let given_dir = given.parent().unwrap_or(Path::new(""));
    let show = |p: &Path| match p.strip_prefix(dir) {
        Ok(rest) => given_dir.join(rest).display().to_string(),
        Err(_) => p.display().to_string(),
    };
    let mut seen: Vec<PathBuf> = vec![path.to_path_buf()];
    let mut current = path.to_path_buf();
    for _ in 0..16 {
        let target = std::fs::read_link(&current).ok()?;
        let next = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(&target),
            _ => target,
        };
        let looped = seen.iter().any(|p| same_path(p, &next));
        seen.push(next.clone());
        if looped {
            let names: Vec<String> = seen.iter().map(|p| format!("`{}`", show(p))).collect();
            return Some(names.join(" → "));
        }
        current = next;
    }
    None
}

/// Two spellings of one path (`./a.rs` and `a.rs`), compared component by component.
fn same_path(a: &Path, b: &Path) -> bool {
    let parts = |p: &Path| -> Vec<std::ffi::OsString> {
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .map(|c| c.as_os_str().to_os_string())
            .collect()
    };
    parts(a) == parts(b)
}

/// The root of the repository the linted files are in, which CI services resolve paths
/// against: `GITHUB_WORKSPACE` when it is set (in GitHub Actions), else the top level of the
/// git work tree around `cwd` (`git rev-parse --show-toplevel`); `None` outside a repository
/// or without git.
pub fn repository_root(cwd: &Path) -> Option<PathBuf> {
    if let Some(workspace) = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty()) {
        return Some(cwd.join(workspace));
    }
    let output = std::process::Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(cwd)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let top = String::from_utf8(output.stdout).ok()?;
    let top = top.trim_end_matches(['\n', '\r']);
    (!top.is_empty()).then(|| PathBuf::from(top))
}

/// `path` relative to `base` when it is inside it, with `/` separators and no `./`.
pub fn display_path(path: &Path, base: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    let mut out = String::new();
    for component in relative.components() {
        match component {
            Component::CurDir => {}
            Component::Prefix(p) => out.push_str(&p.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            Component::ParentDir | Component::Normal(_) => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&component.as_os_str().to_string_lossy());
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether `path` exists and is no symbolic link itself (one `lstat`).
fn no_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink())
}

/// The files a discovery has listed, by canonical path, and the resolver of those paths.
#[derive(Default)]
struct Listed {
    seen: HashSet<PathBuf>,
    canonical: CanonicalPaths,
}

impl Listed {
    fn insert(&mut self, path: &Path) -> bool {
        let canonical = self.canonical.of(path);
        self.seen.insert(canonical)
    }
}

/// The canonical paths of the files of a walk, for telling duplicates apart, with the
/// canonical path of each directory computed once: [`canonical`] resolves every component
/// of a path (a `readlink` each), which for thousands of files in a few directories was
/// most of discovery's system calls. A file that is a symlink is resolved whole.
#[derive(Default)]
struct CanonicalPaths {
    dirs: HashMap<PathBuf, PathBuf>,
}

impl CanonicalPaths {
    /// [`canonical`]`(path)`, for a path that names a file: its directory's canonical path
    /// (memoised) joined with its name, one `lstat` instead of a `readlink` per component.
    fn of(&mut self, path: &Path) -> PathBuf {
        // Not known to be a plain file (a link, or unreadable): resolved whole.
        self.of_walked(path, !no_link(path))
    }

    /// [`Self::of`] for a file whose entry a walk saw, and so knows whether it is a link:
    /// no system call unless it is one (or its directory is new).
    fn of_walked(&mut self, path: &Path, link: bool) -> PathBuf {
        match (path.parent(), path.file_name()) {
            (Some(dir), Some(name)) if !link && !dir.as_os_str().is_empty() => {
                self.dir(dir).join(name)
            }
            _ => canonical(path),
        }
    }

    /// The canonical path of a directory, memoised: its parent's joined with its name when
    /// it is no symbolic link (one `lstat`), else [`canonical`]. A walk's directories share
    /// their ancestors, so each costs one system call rather than a `readlink` per component.
    fn dir(&mut self, dir: &Path) -> PathBuf {
        if let Some(known) = self.dirs.get(dir) {
            return known.clone();
        }
        let resolved = match (dir.parent(), dir.file_name()) {
            (Some(parent), Some(name)) if !parent.as_os_str().is_empty() && no_link(dir) => {
                self.dir(parent).join(name)
            }
            _ => canonical(dir),
        };
        self.dirs.insert(dir.to_path_buf(), resolved.clone());
        resolved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_id_specs() {
        let root = Path::new("/ws/a dir");
        let id = "path+file:///ws/a%20dir#a@0.1.0";
        let yes = [
            "a",
            "a@0.1.0",
            "a@0.1",
            "a@0",
            "a:0.1.0",
            id,
            "path+file:///ws/a%20dir#a@0.1",
            "file:///ws/a%20dir#0.1.0",
            "file:///ws/a%20dir",
            "file:///ws/a dir/#a",
            "a 0.1.0 (path+file:///ws/a%20dir)",
        ];
        for spec in yes {
            assert!(spec_matches(spec, "a", "0.1.0", id, root), "{spec}");
        }
        let no = [
            "b",
            "a@0.2",
            "a@0.1.0.1",
            "a@1",
            "file:///ws/b#a@0.1.0",
            "path+file:///ws/a%20dir#b",
            "a 0.2.0 (path+file:///ws/a%20dir)",
        ];
        for spec in no {
            assert!(!spec_matches(spec, "a", "0.1.0", id, root), "{spec}");
        }
        // cargo shortens the id when the directory is named after the package.
        assert!(spec_matches(
            "path+file:///ws/a#0.1.0",
            "a",
            "0.1.0",
            "path+file:///ws/a#0.1.0",
            Path::new("/ws/a")
        ));
    }

    #[test]
    fn test_target_directories_sit_next_to_a_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
        for sub in ["tests/common", "benches", "examples", "src/tests"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        assert!(in_test_dir(&root.join("tests/it.rs")));
        assert!(in_test_dir(&root.join("tests/common/mod.rs")));
        assert!(in_test_dir(&root.join("benches/b.rs")));
        assert!(in_test_dir(&root.join("examples/e.rs")));
        assert!(!in_test_dir(&root.join("src/lib.rs")));
        // `src/tests/` is a module of the library (reached through `mod tests;`).
        assert!(!in_test_dir(&root.join("src/tests/mod.rs")));
    }

    #[cfg(unix)]
    #[test]
    fn canonical_paths_see_through_linked_directories_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("real/src")).unwrap();
        std::fs::write(root.join("real/src/a.rs"), "").unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("link")).unwrap();
        std::os::unix::fs::symlink(root.join("real/src/a.rs"), root.join("b.rs")).unwrap();
        let mut paths = CanonicalPaths::default();
        let real = paths.of(&root.join("real/src/a.rs"));
        assert_eq!(real, canonical(&root.join("real/src/a.rs")));
        assert_eq!(paths.of(&root.join("link/src/a.rs")), real);
        assert_eq!(paths.of(&root.join("link/src/../src/a.rs")), real);
        assert_eq!(paths.of(&root.join("b.rs")), real);
        assert_ne!(paths.of(&root.join("real/a.rs")), real);
    }

    #[cfg(unix)]
    #[test]
    fn a_walk_counts_a_file_reached_through_links_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::fs::write(root.join("real/a.rs"), "").unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("linked_dir")).unwrap();
        std::os::unix::fs::symlink(root.join("real/a.rs"), root.join("linked.rs")).unwrap();
        let found = paths(std::slice::from_ref(&root), dir.path()).unwrap();
        let shown: Vec<&str> = found.files.iter().map(|f| f.display.as_str()).collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
    }

    #[test]
    fn shown_paths_are_relative_with_forward_slashes() {
        let base = Path::new("/ws");
        assert_eq!(
            display_path(Path::new("/ws/./a/src/lib.rs"), base),
            "a/src/lib.rs"
        );
        assert_eq!(display_path(Path::new("/ws/../x.rs"), base), "../x.rs");
        assert_eq!(
            display_path(Path::new("/elsewhere/x.rs"), base),
            "/elsewhere/x.rs"
        );
        assert_eq!(display_path(Path::new("/ws"), base), ".");
    }
}

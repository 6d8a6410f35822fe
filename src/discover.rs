//! Which files to lint: a cargo workspace's packages (through `cargo metadata`), or the
//! paths given on the command line.

use std::path::{Path, PathBuf};

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
}

//! Snapshot tests of the crate model itself: every `tests/model/<case>/` directory is
//! indexed as one unit and the model's facts (modules, `use` maps, structs, functions with
//! their summaries, spawn wrappers, resolved spawns) compared with `<case>.model`.
//!
//! Bless with: `SNAPSHOTS=overwrite cargo test --test model_dump`

use std::path::{Path, PathBuf};

#[test]
fn model_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/model");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no model cases found");
    for case in cases {
        let mut files: Vec<(PathBuf, String)> = walkdir::WalkDir::new(&case)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .map(|e| {
                let display = e.path().strip_prefix(&case).unwrap().display().to_string();
                (e.into_path(), display.replace('\\', "/"))
            })
            .collect();
        files.sort();
        let actual = leaklint::model::dump::dump_files(&files);
        let expected = case.with_extension("model");
        snapbox::assert_data_eq!(actual, snapbox::Data::read_from(&expected, None).raw());
    }
}

//! The crate model as stable text, for `cargo run --example dump_model -- DIR` and the
//! model's snapshot tests (`tests/model_dump.rs`): a change in the model shows as a diff of
//! facts, not only as a lint that stops firing.

use std::path::PathBuf;
use std::sync::Arc;

use super::index::CrateIndex;
use super::items::{module_path_of, FileItems};
use super::paths::{Guard, MapOp};
use super::types::TypeHint;
use super::FileModel;
use crate::source::SourceFile;

/// Reads, parses and indexes `files` (`(path, display)` pairs) as one unit and returns the
/// index's facts, one line each, sorted. Files that cannot be read or parsed are listed as
/// such.
pub fn dump_files(files: &[(PathBuf, String)]) -> String {
    let mut indexed = Vec::new();
    let mut failed = Vec::new();
    for (path, display) in files {
        let Ok(text) = std::fs::read_to_string(path) else {
            failed.push(format!("unreadable {display}"));
            continue;
        };
        let file = SourceFile::new(path.clone(), display.clone(), text);
        let Ok(ast) = syn::parse_file(&file.text) else {
            failed.push(format!("unparsable {display}"));
            continue;
        };
        let model = FileModel::build(&file, &ast);
        let items = FileItems::build(&file, &ast, &model, module_path_of(path));
        let mut sites = spawn_lines(&model);
        sites.extend(hint_lines(&model));
        indexed.push((file, items, sites));
    }
    proc_macro2::extra::invalidate_current_thread_spans();
    let mut out = index_dump(indexed);
    for f in failed {
        out.push_str(&f);
        out.push('\n');
    }
    out
}

/// The spawn sites and work-handing calls of a file: `(body, callee as written, work path
/// as written, handed to a possible wrapper)`; and the bindings with a type hint, as
/// [`Site::Binding`].
type Sites = Vec<Site>;

enum Site {
    Spawn(usize, String, Option<String>, bool),
    /// `(body, binding)`, for the type the index gives it.
    Binding(usize, String, TypeHint),
}

/// The bindings of a file whose declaration says something of their type.
fn hint_lines(model: &FileModel) -> Sites {
    let mut out = Vec::new();
    for (b, body) in model.bodies.iter().enumerate() {
        for binding in &body.bindings {
            if let Some(hint) = &binding.hint {
                out.push(Site::Binding(b, binding.name.clone(), hint.clone()));
            }
        }
    }
    out
}

fn spawn_lines(model: &FileModel) -> Sites {
    let mut out = Vec::new();
    for (b, body) in model.bodies.iter().enumerate() {
        for s in &body.spawns {
            out.push(Site::Spawn(b, s.callee.clone(), s.work_path.clone(), false));
        }
        for s in &body.work_calls {
            out.push(Site::Spawn(b, s.callee.clone(), s.work_path.clone(), true));
        }
    }
    out
}

fn index_dump(files: Vec<(Arc<SourceFile>, FileItems, Sites)>) -> String {
    let mut sites = Vec::new();
    let mut indexed = Vec::new();
    for (id, (file, items, s)) in files.into_iter().enumerate() {
        sites.push((id, s));
        indexed.push((file, Arc::new(items)));
    }
    let index = CrateIndex::new(indexed);
    let mut lines: Vec<String> = index.dump().lines().map(str::to_string).collect();
    let name = |f| index.item(f).name.to_string();
    for (file, list) in sites {
        for site in list {
            let (body, callee, work, handed) = match site {
                Site::Spawn(body, callee, work, handed) => (body, callee, work, handed),
                Site::Binding(body, binding, hint) => {
                    let owner = index
                        .fn_of_body(file, body)
                        .map_or_else(|| "?".to_string(), name);
                    let ty = index.hint_type(file, body, &hint).unwrap_or_default();
                    lines.push(format!(
                        "let {owner} {binding}: {} holds [{}] from `{hint}`",
                        ty.project.map_or_else(|| "?".to_string(), |p| p.0),
                        ty.holds.names().join(", ")
                    ));
                    continue;
                }
            };
            let owner = index
                .fn_of_body(file, body)
                .map_or_else(|| "?".to_string(), name);
            if handed {
                let target = index.resolve_fn(file, Some(body), &callee);
                let wrapper = target.and_then(|t| index.wrapper(t)).is_some();
                lines.push(format!(
                    "work {owner} hands work to {callee} -> {}{}",
                    target.map_or_else(|| "?".to_string(), name),
                    if wrapper { " (spawn wrapper)" } else { "" }
                ));
            } else if let Some(work) = work {
                let target = index.resolve_fn(file, Some(body), &work);
                let endless = target.and_then(|t| index.endless(t)).is_some();
                lines.push(format!(
                    "spawn {owner} {callee}({work}) -> {}{}",
                    target.map_or_else(|| "?".to_string(), name),
                    if endless { " (endless)" } else { "" }
                ));
            }
        }
    }
    lines.extend(path_lines(&index));
    lines.sort();
    lines.join("\n") + "\n"
}

/// The control-flow path facts of each function: its loops with their exits (`kind@line`,
/// `[Variant]` when taken only for that message), the field collection operations, and for
/// each field a loop removes from, the exits that leave it uncleared.
fn path_lines(index: &CrateIndex) -> Vec<String> {
    let mut lines = Vec::new();
    for r in index.fns() {
        let item = index.item(r);
        let source = index.source(r.file);
        let line = |at: u32| source.position(at as usize).line;
        let paths = &item.paths;
        for (id, l) in paths.loops.iter().enumerate() {
            let exits: Vec<String> = paths
                .loop_exits(id)
                .iter()
                .map(|e| {
                    let guard = match &e.guard {
                        Guard::Always => String::new(),
                        Guard::Variant(v) => format!("[{v}]"),
                    };
                    let kind = format!("{:?}", e.kind).to_lowercase();
                    format!("{kind}@{}{guard}", line(e.span.start))
                })
                .collect();
            let driven = if l.driven { " (driven)" } else { "" };
            let exits = if exits.is_empty() {
                "none".to_string()
            } else {
                exits.join(", ")
            };
            lines.push(format!(
                "loop {}@{}{driven} exits: {exits}",
                item.name,
                line(l.span.start)
            ));
            for o in paths.field_ops.iter().filter(|o| o.op == MapOp::Remove) {
                if paths.loop_around(o.span) != Some(id) {
                    continue;
                }
                let leaving: Vec<String> = paths
                    .loop_exits(id)
                    .iter()
                    .filter(|e| !paths.path_clears(&o.field, id, e))
                    .map(|e| format!("{:?}@{}", e.kind, line(e.span.start)).to_lowercase())
                    .collect();
                lines.push(format!(
                    "path {}@{} leaves `{}` uncleared by: {}",
                    item.name,
                    line(l.span.start),
                    o.field,
                    if leaving.is_empty() {
                        "none".to_string()
                    } else {
                        leaving.join(", ")
                    }
                ));
            }
        }
        for o in &paths.field_ops {
            let value = o
                .value
                .as_deref()
                .map_or(String::new(), |v| format!(" ({v})"));
            let op = format!("{:?}", o.op).to_lowercase();
            lines.push(format!(
                "field_op {} {op} `{}`@{}{value}",
                item.name,
                o.field,
                line(o.span.start)
            ));
        }
    }
    lines
}

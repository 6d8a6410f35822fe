//! Runs every lint over the real-world corpus made by `../shared/corpus/make-corpus.sh`
//! (or any tree named by `LEAKLINT_CORPUS`) and fails on a panic inside leaklint.
//! Ignored by default (it needs the corpus):
//!
//! `LEAKLINT_CORPUS=target/leaklint-corpus/vendor cargo test --release --test corpus -- --ignored --nocapture`
//!
//! Set `LEAKLINT_CORPUS_OUT=findings.txt` to write every finding, one per line, for review.
//!
//! `corpus_prefilter_changes_nothing` runs the corpus twice, with the pre-filter on and off
//! (the second run parses all 10,722 files: about 30 s on 2 cores), and checks that every
//! lint finding is the same.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Diagnostic, Level, LevelSource, Origin};
use leaklint::engine::{self, EngineOptions, InputFile};

fn corpus_files() -> (PathBuf, Vec<InputFile>) {
    let root = PathBuf::from(std::env::var("LEAKLINT_CORPUS").expect("set LEAKLINT_CORPUS"));
    let files: Vec<InputFile> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| InputFile {
            display: e
                .path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            path: e.into_path(),
            unit: 0,
            package: None,
            is_test_target: false,
            levels: 0,
            named: false,
            context: false,
        })
        .collect();
    assert!(!files.is_empty(), "no .rs files under {}", root.display());
    (root, files)
}

/// Every lint on, so that allow-by-default lints are exercised too.
fn all_lints() -> Levels {
    let mut levels = Levels::default();
    levels.push(
        Selector::parse("leaklint::pedantic").unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    levels.push(
        Selector::parse("leaklint::restriction").unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    levels
}

fn line(d: &Diagnostic) -> String {
    let p = d.file.position(d.primary.span.start as usize);
    format!(
        "{}:{}:{}: {}: {}",
        d.file.display,
        p.line,
        p.column,
        d.code(),
        d.message
    )
}

#[test]
#[ignore = "needs the corpus: set LEAKLINT_CORPUS"]
fn corpus_has_no_panic() {
    let (_, files) = corpus_files();
    let levels = all_lints();
    let start = std::time::Instant::now();
    let outcome = engine::run(&files, &[levels], &EngineOptions::default());
    let elapsed = start.elapsed();
    let mut per_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Option<Box<dyn Write>> = std::env::var("LEAKLINT_CORPUS_OUT")
        .ok()
        .map(|p| Box::new(std::fs::File::create(p).unwrap()) as Box<dyn Write>);
    let mut panics = Vec::new();
    for d in &outcome.diagnostics {
        *per_code.entry(d.code()).or_default() += 1;
        if let Origin::Tool {
            code: "internal_error",
        } = d.origin
        {
            panics.push(format!("{}: {}", d.file.display, d.message));
        }
        if let Some(out) = out.as_mut() {
            writeln!(out, "{}", line(d)).unwrap();
        }
    }
    eprintln!(
        "{} files, {} parsed, {:.2?}; findings per code: {per_code:#?}",
        outcome.files_seen, outcome.files_parsed, elapsed
    );
    assert!(
        panics.is_empty(),
        "leaklint panicked on:\n{}",
        panics.join("\n")
    );
}

#[test]
#[ignore = "needs the corpus: set LEAKLINT_CORPUS"]
fn corpus_prefilter_changes_nothing() {
    let (_, files) = corpus_files();
    let levels = [all_lints()];
    let run = |prefilter: bool| {
        let options = EngineOptions {
            prefilter,
            ..EngineOptions::default()
        };
        let start = std::time::Instant::now();
        let outcome = engine::run(&files, &levels, &options);
        eprintln!(
            "pre-filter {}: {} parsed, {} read again, {:.2?}",
            if prefilter { "on" } else { "off" },
            outcome.files_parsed,
            outcome.files_rechecked,
            start.elapsed()
        );
        outcome
    };
    let on = run(true);
    let off = run(false);
    let findings = |o: &engine::Outcome| -> Vec<String> {
        o.diagnostics
            .iter()
            .filter(|d| d.lint().is_some())
            .map(line)
            .collect()
    };
    assert_eq!(findings(&on), findings(&off));
    // Tool errors: with the pre-filter, only those of the files it let through (a skipped
    // file is not parsed, so its syntax error is not seen); without it, every one.
    let errors = |o: &engine::Outcome| -> Vec<String> {
        o.diagnostics
            .iter()
            .filter(|d| d.lint().is_none())
            .map(line)
            .collect()
    };
    let (errors_on, errors_off) = (errors(&on), errors(&off));
    eprintln!(
        "tool errors without the pre-filter:\n{}",
        errors_off.join("\n")
    );
    assert!(errors_on.iter().all(|e| errors_off.contains(e)));
    // The pre-filter's point is parsing few files. With the crate-wide model, every file with
    // a detaching spawn, and the files the crate index reaches by name (a file that forgets or
    // leaks, where its crate names a type that owns a handle) are parsed (1,622 of 10,722 when
    // this bound was set; 994 with every lint on after issue 8 (speed); 1,363 before
    // `forgotten_handle` followed project types; 591 before wave 2): a guard against growth.
    assert!(off.files_parsed == files.len());
    assert!(
        on.files_parsed < files.len() / 6,
        "{} of {} files parsed with the pre-filter",
        on.files_parsed,
        files.len()
    );
}

/// `NodeSpan` (constant time) gives the same span as syn's `Spanned` (which prints the node)
/// on every expression, block, statement, arm and function of the corpus that parses.
#[test]
#[ignore = "needs the corpus: set LEAKLINT_CORPUS"]
fn corpus_node_spans_equal_spanned() {
    use leaklint::source::NodeSpan;
    use syn::spanned::Spanned;
    use syn::visit::{self, Visit};

    struct Check(usize);
    fn same(a: proc_macro2::Span, b: proc_macro2::Span) -> bool {
        a.byte_range() == b.byte_range()
    }
    impl<'ast> Visit<'ast> for Check {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            assert!(same(e.node_span(), e.span()), "{}", quote::quote!(#e));
            self.0 += 1;
            visit::visit_expr(self, e);
        }
        fn visit_block(&mut self, b: &'ast syn::Block) {
            assert!(same(b.node_span(), b.span()));
            visit::visit_block(self, b);
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            assert!(same(l.node_span(), l.span()), "{}", quote::quote!(#l));
            visit::visit_local(self, l);
        }
        fn visit_arm(&mut self, a: &'ast syn::Arm) {
            assert!(same(a.node_span(), a.span()), "{}", quote::quote!(#a));
            visit::visit_arm(self, a);
        }
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            assert!(same(f.node_span(), f.span()), "{}", f.sig.ident);
            visit::visit_item_fn(self, f);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            assert!(same(f.node_span(), f.span()), "{}", f.sig.ident);
            visit::visit_impl_item_fn(self, f);
        }
        fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
            assert!(same(f.node_span(), f.span()), "{}", f.sig.ident);
            visit::visit_trait_item_fn(self, f);
        }
    }
    let (_, files) = corpus_files();
    // Spanned is quadratic in the nesting depth: skip the generated giants.
    let mut checked = 0;
    let mut exprs = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(&f.path) else {
            continue;
        };
        if text.len() > 300_000 {
            continue;
        }
        let Ok(ast) = syn::parse_file(&text) else {
            continue;
        };
        let mut check = Check(0);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check.visit_file(&ast);
        }));
        if let Err(e) = caught {
            panic!("{}: {:?}", f.display, e.downcast_ref::<String>());
        }
        exprs += check.0;
        checked += 1;
        proc_macro2::extra::invalidate_current_thread_spans();
    }
    eprintln!("{checked} files, {exprs} expressions: every span equal");
    assert!(checked > 10_000);
}

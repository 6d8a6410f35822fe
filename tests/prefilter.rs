//! The pre-filter only skips work: a file it rejects holds nothing the model would act on,
//! and a crate-wide fact found in a skipped file still counts.

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::prefilter::Prefilter;
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::lints::{self, Lint};
use leaklint::model::catalog::{
    self, Catalog, ChannelKind, NeedleFamily, CHANNEL_CTORS, SPAWNERS, SPAWN_FNS,
};
use leaklint::model::FileModel;
use leaklint::source::SourceFile;

fn lint(name: &str) -> &'static Lint {
    lints::find(name).unwrap()
}

fn model(text: &str) -> FileModel {
    let file = SourceFile::new("t.rs".into(), "t.rs".into(), text.to_string());
    let ast = syn::parse_file(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    FileModel::build(&file, &ast)
}

const CHANNEL_LINTS: &[&str] = &[
    "sender_alive_in_recv_loop",
    "recv_without_sender",
    "receiver_never_read",
    "receiver_dropped",
    "unbounded_channel",
];

/// Every way the model can see each known constructor called: the full path, a module
/// import, a renamed import, a glob import, a turbofish, and a comment before the call.
fn ctor_sources(path: &str) -> Vec<String> {
    let (module, name) = path.rsplit_once("::").unwrap();
    vec![
        format!("fn f() {{ let (tx, rx) = {path}(1); }}"),
        format!(
            "use {module}; fn f() {{ let (tx, rx) = {}::{name}(1); }}",
            module.rsplit("::").next().unwrap()
        ),
        format!("use {path} as make; fn f() {{ let (tx, rx) = make(1); }}"),
        format!("use {module}::*; fn f() {{ let (tx, rx) = {name}(1); }}"),
        format!("fn f() {{ let (tx, rx) = {path}::<u8>(1); }}"),
        format!("fn f() {{ let (tx, rx) = {path} /* c */ (1); }}"),
        format!("fn f() {{ g({path}(1)); }}"),
    ]
}

#[test]
fn every_constructor_call_the_model_sees_passes_the_channel_lints_filters() {
    for ctor in CHANNEL_CTORS {
        for src in ctor_sources(ctor.path) {
            let channels = model(&src).channels.len();
            for name in CHANNEL_LINTS {
                let filter = Prefilter::for_lints([lint(name)]);
                // The implication that matters: a channel in the model ⇒ the file is parsed
                // (for `unbounded_channel`, an unbounded one).
                let relevant = *name != "unbounded_channel" || ctor.kind == ChannelKind::Unbounded;
                if channels > 0 && relevant {
                    assert!(filter.matches(src.as_bytes()), "{name} skips: {src}");
                }
            }
        }
        // The plain form is always recognised, so the loop above checked something.
        assert_eq!(
            model(&format!("fn f() {{ let (tx, rx) = {}(1); }}", ctor.path))
                .channels
                .len(),
            1,
            "{}",
            ctor.path
        );
    }
}

#[test]
fn every_leak_of_a_handle_the_model_sees_passes_the_forgotten_handle_filter() {
    let leakers = [
        ("std::mem::forget", "std::mem::forget(h);"),
        ("std::boxed::Box::leak", "Box::leak(Box::new(h));"),
        (
            "std::mem::ManuallyDrop::new",
            "let m = std::mem::ManuallyDrop::new(h);",
        ),
    ];
    let mut makers: Vec<String> = CHANNEL_CTORS
        .iter()
        .map(|c| {
            if c.pair {
                format!("let (h, _r) = {}(1);", c.path)
            } else {
                format!("let h = {}();", c.path)
            }
        })
        .collect();
    makers.extend(
        SPAWN_FNS
            .iter()
            .map(|s| format!("let h = {}(|| ());", s.path)),
    );
    makers.push("let h = builder.spawn(|| ()).unwrap();".into());
    makers.push("let h = token.drop_guard();".into());
    let filter = Prefilter::for_lints([lint("forgotten_handle")]);
    let mut leaks = 0;
    for (path, leak) in leakers {
        assert!(
            catalog::leaker(path).is_some(),
            "{path} is no longer a leaker"
        );
        for make in &makers {
            let src = format!("fn f(builder: B, token: T) {{ {make} {leak} }}");
            let model = model(&src);
            // Values of unknown type (`Leaked::Value`) are settled crate-wide, not here.
            let leaked = model
                .bodies
                .iter()
                .flat_map(|b| &b.leaks)
                .filter(|l| !matches!(l.what, leaklint::model::flow::Leaked::Value { .. }))
                .count();
            leaks += leaked;
            if leaked > 0 {
                assert!(filter.matches(src.as_bytes()), "skipped: {src}");
            }
        }
    }
    assert!(
        leaks > 20,
        "the model saw only {leaks} leaks: the test checks little"
    );
}

#[test]
fn a_file_that_only_talks_about_channels_is_not_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.rs");
    std::fs::write(
        &path,
        "//! Use `mpsc::channel()` to make a channel.\n\
         /// let (tx, rx) = std::sync::mpsc::channel();\n\
         pub fn f(rx: std::sync::mpsc::Receiver<u8>) -> &'static str { \"channel()\" }\n",
    )
    .unwrap();
    let files = [InputFile {
        path,
        display: "docs.rs".into(),
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
        context: false,
    }];
    let outcome = engine::run(&files, &[Levels::default()], &EngineOptions::default());
    assert_eq!(outcome.files_parsed, 0);
    assert!(outcome.diagnostics.is_empty());
}

/// `a.rs` stores a receiver in field `rx`; only `b.rs`, which the pre-filter skips (it has no
/// constructor call), reads that field. The finding hinges on `b.rs`, which is read again.
#[test]
fn a_field_read_in_a_skipped_file_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let a = "use std::sync::mpsc;\n\
             pub struct Worker { tx: mpsc::Sender<u32>, rx: Option<mpsc::Receiver<u32>> }\n\
             impl Worker {\n\
                 pub fn new() -> Worker {\n\
                     let (tx, rx) = mpsc::channel();\n\
                     Worker { tx, rx: Some(rx) }\n\
                 }\n\
                 pub fn send(&self) { self.tx.send(1).unwrap(); }\n\
             }\n";
    let b = "impl super::Worker {\n\
                 pub fn drain(&mut self) -> Vec<u32> {\n\
                     self.rx.take().map(|r| r.try_iter().collect()).unwrap_or_default()\n\
                 }\n\
             }\n";
    let c = "// rx is mentioned here, but never read\npub fn other(rx: u8) -> u8 { rx }\n";
    let mut files = Vec::new();
    for (name, text) in [("a.rs", a), ("b.rs", b), ("c.rs", c)] {
        std::fs::write(dir.path().join(name), text).unwrap();
        files.push(InputFile {
            path: dir.path().join(name),
            display: name.into(),
            unit: 0,
            package: None,
            is_test_target: false,
            levels: 0,
            named: false,
            context: false,
        });
    }
    let mut levels = Levels::default();
    levels.push(
        Selector::parse("receiver_never_read").unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    let levels = [levels];
    let codes = |files: &[InputFile], prefilter: bool| {
        let options = EngineOptions {
            prefilter,
            threads: 1,
        };
        let outcome = engine::run(files, &levels, &options);
        let codes: Vec<String> = outcome.diagnostics.iter().map(|d| d.code()).collect();
        (codes, outcome)
    };
    // Without b.rs the receiver is never read: the finding stands (so the fixture is right).
    let (alone, _) = codes(&files[..1], true);
    assert_eq!(alone, ["leaklint::receiver_never_read"]);
    // With b.rs, the pre-filter on and off agree; b.rs and c.rs (which names `rx` as a word,
    // not a field) are read again, b.rs settles it.
    let (on, outcome) = codes(&files, true);
    let (off, _) = codes(&files, false);
    assert_eq!(on, off);
    assert!(on.is_empty(), "{on:?}");
    assert_eq!(outcome.files_parsed, 1);
    assert_eq!(outcome.files_rechecked, 2);
    // Each unit settles its own facts: b.rs in another unit does not read a.rs's field.
    files[1].unit = 1;
    files[2].unit = 1;
    let two = [levels[0].clone(), levels[0].clone()];
    let outcome = engine::run(&files, &two, &EngineOptions::default());
    assert_eq!(outcome.diagnostics.len(), 1);
    assert_eq!(outcome.files_rechecked, 0);
}

/// Every spawn site the task model records with work that outlives the call (detached, or
/// with no handle), called as a function or a method, passes the task lints' filters.
#[test]
fn every_detaching_spawn_the_model_sees_passes_the_task_lints_filters() {
    use leaklint::model::catalog::OnDrop;
    let mut sources: Vec<String> = SPAWN_FNS
        .iter()
        .flat_map(|s| {
            let (module, name) = s.path.rsplit_once("::").unwrap();
            [
                format!("fn f() {{ let h = {}(|| ()); }}", s.path),
                format!("use {} as go; fn f() {{ go(|| ()); }}", s.path),
                format!("use {module}::*; fn f() {{ {name}::<()>(|| ()); }}"),
            ]
        })
        .collect();
    // Every spawning method of every spawner type, on a chain from one of its associated
    // functions and on a parameter of the type.
    for spawner in SPAWNERS {
        for (method, _, _) in spawner.methods {
            sources.push(format!(
                "fn f() {{ {}::new().{method}(|| ()); }}",
                spawner.ty
            ));
            sources.push(format!("fn f(p: &{}) {{ p.{method}(|| ()); }}", spawner.ty));
        }
    }
    for method in ["spawn", "spawn_blocking", "spawn_local"] {
        sources.push(format!(
            "fn f() {{ std::thread::Builder::new().name(n).{method}(|| ()).unwrap(); }}"
        ));
        sources.push(format!(
            "fn f() {{ tokio::runtime::Handle::current().{method}(async {{}}); }}"
        ));
        sources.push(format!(
            "fn f() {{ let rt = tokio::runtime::Runtime::new().unwrap(); rt.{method}(async {{}}); }}"
        ));
        sources.push(format!(
            "fn f() {{ let mut set = tokio::task::JoinSet::new(); set.{method}(async {{}}); }}"
        ));
    }
    let mut seen = 0;
    // Inside a loop, with a channel made there, a timeout and a socket: what the other
    // clauses of the task lints ask for, so that only the spawn clause is under test.
    let sources: Vec<String> = sources
        .iter()
        .map(|s| {
            s.replacen(
                "{ ",
                "{ let (tx, rx) = std::sync::mpsc::channel(); let _ = tokio::time::timeout(d, rx); let _: Option<TcpStream> = None; loop { ",
                1,
            )
            .replacen(" }", " } }", 1)
        })
        .collect();
    for src in &sources {
        let model = model(src);
        let detaching = model
            .bodies
            .iter()
            .flat_map(|b| &b.spawns)
            .filter(|s| {
                matches!(
                    s.on_drop,
                    OnDrop::Detach | OnDrop::NoHandle | OnDrop::Cancel
                )
            })
            .count();
        seen += detaching;
        for lint in lints::LINTS.iter().filter(|l| spawn_lint(l)) {
            if detaching > 0 {
                assert!(
                    Prefilter::for_lints([*lint]).matches(src.as_bytes()),
                    "{} skips: {src}",
                    lint.name
                );
            }
        }
    }
    assert!(
        seen > 45,
        "the model saw only {seen} spawns: the test checks little"
    );
}

/// Every future the model records as cancellable (a timeout's, a `select!` branch), however
/// the timeout is named, passes the second clause of `join_handle_in_cancellable_future`.
#[test]
fn every_cancellable_future_the_model_sees_passes_its_lint_filter() {
    let lint = lint("join_handle_in_cancellable_future");
    let sources = [
        "fn f() { tokio::time::timeout(d, fut); }",
        "use tokio::time::timeout; fn f() { timeout(d, fut); }",
        "use tokio::time::timeout as within; fn f() { within(d, fut); }",
        "use tokio::time::{self, timeout_at}; fn f() { timeout_at(d, fut); }",
        "use tokio::time; fn f() { time::timeout /* c */ (d, fut); }",
        "fn f() { async_std::future::timeout(d, fut); }",
        "fn f() { fut.timeout(d); }",
        "fn f() { fut.timeout_at(d); }",
        "fn f() { tokio::select! { _ = a => {}, _ = b => {} } }",
        "fn f() { futures::select_biased! { _ = a => {}, default => {} } }",
        "fn f() { select! { biased; _ = a => {}, else => {} } }",
    ];
    for src in sources {
        let src = format!("{src} fn g() {{ tokio::spawn(w()); }}");
        let cancellables: usize = model(&src)
            .bodies
            .iter()
            .map(|b| b.cancellables.len())
            .sum();
        assert!(
            cancellables > 0,
            "the model saw no cancellable future: {src}"
        );
        assert!(
            Prefilter::for_lints([lint]).matches(src.as_bytes()),
            "skipped: {src}"
        );
    }
}

/// The task lints: their needles start with the spawn clause, `SPAWN_NEEDLES` joined by `|`
/// (or its form that asks for work naming a function, `$spawn(..)`).
fn spawn_lint(lint: &Lint) -> bool {
    let clause = lints::SPAWN_NEEDLES.join("|");
    let named = format!("{clause}(..)");
    lint.needles == lints::SPAWN_NEEDLES
        || lint.needles.iter().all(|n| {
            let first = n.split('&').next();
            first == Some(clause.as_str()) || first == Some(named.as_str())
        })
}

/// The spawn sites of a source whose work the model follows to a function (a path, a
/// call, a closure or async block that only calls one; a parameter; a function of the file).
fn named_work(src: &str) -> usize {
    model(src)
        .bodies
        .iter()
        .flat_map(|b| &b.spawns)
        .filter(|s| s.work_path.is_some() || s.work_param.is_some() || s.work_fn.is_some())
        .count()
}

/// `detached_infinite_loop` lets a file with no loop through only where a spawn's work may
/// name a function (the loop may be in another file, or the function is a spawn wrapper):
/// every spawn of every known spawn function or method whose work the model follows to a
/// function passes its filter, and every shape of inline work the filter skips is one the
/// model follows to no function.
#[test]
fn detached_infinite_loop_skips_only_spawns_of_inline_work_with_no_loop() {
    let filter = Prefilter::for_lints([lint("detached_infinite_loop")]);
    let names = [
        "run",
        "w::run(x)",
        "crate::w::run(x).await",
        "Self::run(x)",
        "async move { w::run(x).await }",
        "async move { w::run(x).await; }",
        "async { ; w::run(x).await;; }",
        "move || w::run(rx)",
        "move || { w::run(rx) }",
        "move || -> () { w::run(rx) }",
        "(w::run)",
        "((w::run(x)))",
        "(w::run::<A, B>)",
        "async { (w::run(x)).await }",
        "|| (w::run(x))",
        "g",
        "|| -> Result<(), ()> { w::run() }",
        "|a, b| w::run(a, b)",
        "w::run::<u8>(x)",
    ];
    let inline = [
        "move || { let x = 1; w::run(x) }",
        "async move { a().await; w::run(x).await }",
        "async move { w::run(x).await; log(); }",
        "async move { w::run(x).await; }.instrument(span)",
        "async move { if let Err(e) = w::run().await { log(e) } }",
        "async move { match w::run().await { Ok(_) => {}, Err(_) => {} } }",
        "async move { tracing::info!(\"x\"); }",
        "async move { let _ = w::run().await; }",
        "move || { return w::run(); }",
        "async {}",
        "()",
        "(b.wait())",
        "async { (a.b()) }",
        "b.wait()",
        "g.run()",
        "w::run(x).boxed()",
        "w::run(x).await?",
        "&g",
        "Foo { a: w::run() }",
        "pending!()",
        "|| 42",
        "move || once.set(w::run(4))",
        "|| w::run",
        "|| async move { w::run().await }",
        "async { a != b }",
        "|(a, b)| { x(); y() }",
        "|| -> Result<A, B> { a(); b() }",
        "async { { w::run().await } }",
        "if c { w::run } else { w::stop }",
        "|| { let s = \"}) w::run(\"; /* ) , */ log(s, ')') }",
    ];
    let spawns = SPAWN_FNS
        .iter()
        .filter(|s| !matches!(s.on_drop, leaklint::model::catalog::OnDrop::Scoped))
        .map(|s| s.path.to_string())
        .chain([
            "std::thread::Builder::new().spawn".to_string(),
            "rt.spawn".into(),
        ]);
    let (mut named_seen, mut inline_seen) = (0, 0);
    for spawn in spawns {
        for work in names {
            let src = format!("fn f(rt: &tokio::runtime::Runtime, g: G) {{ {spawn}({work}); }}");
            if named_work(&src) > 0 {
                named_seen += 1;
                assert!(filter.matches(src.as_bytes()), "skipped: {src}");
            }
        }
        for work in inline {
            let src = format!("fn f(rt: &tokio::runtime::Runtime, g: G) {{ {spawn}({work}); }}");
            if !filter.matches(src.as_bytes()) {
                inline_seen += 1;
                assert_eq!(named_work(&src), 0, "the model names a function: {src}");
            }
        }
    }
    assert!(
        named_seen > 100 && inline_seen > 100,
        "named {named_seen}, inline {inline_seen}: the test checks little"
    );
}

/// Inline work that loops for ever (`loop`, `while true`, also in parentheses) passes
/// `detached_infinite_loop`'s filter; a `while` whose condition is no `true` never loops
/// for ever in the model, and the filter may skip it.
#[test]
fn detached_infinite_loop_lets_every_endless_inline_loop_through() {
    let filter = Prefilter::for_lints([lint("detached_infinite_loop")]);
    let endless_in = |src: &str| {
        let m = model(src);
        m.bodies
            .iter()
            .flat_map(|b| b.spawns.iter().filter_map(|s| b.endless_loop(s.work?)))
            .count()
    };
    let works = [
        ("move || { let x = 1; loop { tick(); } }", true),
        (
            "async move { let x = 1; while true { tick().await; } }",
            true,
        ),
        (
            "async move { let x = 1; while (true) { tick().await; } }",
            true,
        ),
        ("move || { let x = 1; 'outer: loop { tick(); } }", true),
        (
            "async move { let x = 1; while let Some(v) = rx.recv().await { tick(v); } }",
            false,
        ),
        (
            "move || { let x = 1; while !stop.load() { tick(); } }",
            false,
        ),
    ];
    for spawn in ["std::thread::spawn", "tokio::spawn", "rt.spawn"] {
        for (work, endless) in works {
            let src = format!("fn f(rt: &tokio::runtime::Runtime) {{ {spawn}({work}); }}");
            assert_eq!(endless_in(&src) > 0, endless, "{src}");
            assert_eq!(filter.matches(src.as_bytes()), endless, "{src}");
        }
    }
}

/// Every `$family` a needle names is one the catalogue expands, to at least one term: a
/// misspelt family would never match, and its lint would never run.
#[test]
fn every_needle_family_is_known_and_expands() {
    for lint in lints::LINTS {
        for needle in lint.needles {
            for term in needle.split(['&', '|']).filter(|t| t.starts_with('$')) {
                // `$spawn(..)`: the family's callees, asked about their work.
                let term = term.strip_suffix("(..)").unwrap_or(term);
                let family = NeedleFamily::ALL
                    .into_iter()
                    .find(|f| f.placeholder() == term);
                assert!(family.is_some(), "{}: unknown family {term}", lint.name);
            }
        }
    }
    for family in NeedleFamily::ALL {
        let terms = Catalog::builtin().needle_terms(family);
        assert!(!terms.is_empty(), "{family:?}");
        assert!(terms.iter().all(|t| !t.contains('$') && !t.is_empty()));
    }
    // A callee is matched as a whole identifier, so every constructor's name is a term:
    // `channel(` does not cover `sync_channel(`.
    let channel = Catalog::builtin().needle_terms(NeedleFamily::Channel);
    for term in [
        "channel(",
        "sync_channel(",
        "unbounded_channel(",
        "unbounded(",
        "never(",
    ] {
        assert!(channel.contains(&term.to_string()), "{term}: {channel:?}");
    }
    // A builder type's name is too common a word: `threadpool::Builder` gives its crate.
    let spawn = Catalog::builtin().needle_terms(NeedleFamily::Spawn);
    assert!(spawn.contains(&"threadpool".to_string()), "{spawn:?}");
    assert!(!spawn.contains(&"Builder".to_string()), "{spawn:?}");
    let network = Catalog::builtin().needle_terms(NeedleFamily::Network);
    for term in ["ureq", "tonic", "stdin("] {
        assert!(network.contains(&term.to_string()), "{term}: {network:?}");
    }
}

/// The APIs a configuration declares are recognised by the model and pass the filters of
/// the lints that would report them, with no hand-kept needle.
#[test]
fn declared_apis_are_modelled_and_pass_the_filters() {
    let config = leaklint::config::Config::parse(
        "leaklint.toml",
        "[apis]\n\
         spawn = [\"crate::util::spawn_named\", \"my_rt::Runtime::launch\"]\n\
         spawn-joinable = [\"my_pool::start_worker\"]\n\
         channels = [{ new = \"my_bus::make_bus\", kind = \"unbounded\" }]\n\
         guards = [\"my_log::FlushGuard\"]\n\
         network = [{ new = \"my_net::Client::connect\", timeout-methods = [\"with_timeout\"] }]\n",
    )
    .unwrap();
    let mut levels = Levels::default();
    config.apply(&mut levels);
    let all_on = |levels: &mut Levels| {
        levels.push(
            Selector::parse("leaklint::all").unwrap(),
            Level::Warn,
            LevelSource::CommandLine,
        );
    };
    all_on(&mut levels);
    let catalog = levels.catalog();
    let model = |text: &str| {
        let file = SourceFile::new("t.rs".into(), "t.rs".into(), text.to_string());
        FileModel::build_with(&file, &syn::parse_file(text).unwrap(), catalog)
    };
    let cases = [
        (
            "mod util; fn f() { util::spawn_named(|| loop {}); }",
            "spawn",
        ),
        (
            "fn f(rt: &my_rt::Runtime) { rt.launch(|| loop {}); }",
            "spawn",
        ),
        (
            "use my_pool::start_worker; fn f() { start_worker(|| loop {}); }",
            "spawn",
        ),
        ("fn f() { let (tx, rx) = my_bus::make_bus(); }", "channel"),
        (
            "fn f() { let g = my_log::FlushGuard::new(); std::mem::forget(g); }",
            "guard",
        ),
        (
            "fn f() { std::thread::spawn(|| { let c = my_net::Client::connect(); }); }",
            "network",
        ),
    ];
    let filter = Prefilter::new(&levels);
    for (src, what) in cases {
        let m = model(src);
        let seen = match what {
            "spawn" => m.bodies.iter().map(|b| b.spawns.len()).sum::<usize>(),
            "channel" => m.channels.len(),
            "guard" => m.bodies.iter().map(|b| b.leaks.len()).sum(),
            _ => m.bodies.iter().map(|b| b.calls.len()).sum(),
        };
        assert!(
            seen > 0,
            "the model does not see the declared {what}: {src}"
        );
        assert!(filter.matches(src.as_bytes()), "skipped: {src}");
        // Without the declaration, the built-in filter need not parse it (the declared
        // names are what make the file interesting).
        let _ = Prefilter::new(&Levels::default()).matches(src.as_bytes());
    }
    let builtin = Prefilter::for_lints([lint("detached_infinite_loop")]);
    assert!(!builtin.matches(b"fn f() { util::spawn_named(|| loop {}); }"));
}

#[test]
fn the_task_lints_spell_the_spawn_clause_as_spawn_needles_does() {
    let task_lints = [
        "detached_infinite_loop",
        "detached_spawn_in_loop",
        "unaborted_race",
    ];
    for name in task_lints {
        assert!(spawn_lint(lint(name)), "{name}: {:?}", lint(name).needles);
    }
}

/// Writes `files` (path relative to a fresh directory, text) as one unit of a path-mode run.
fn unit_of(dir: &std::path::Path, files: &[(&str, &str)]) -> Vec<InputFile> {
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            InputFile::new(path, *name)
        })
        .collect()
}

/// `forgotten_handle`'s crate check needs a file that forgets a value made elsewhere
/// (`user.rs`, which names no channel, spawn or guard): it is reached by its words only
/// where a file of its crate names a type that owns a handle. Elsewhere (a crate that
/// forgets values but holds no handle, as unsafe containers do) it is not parsed.
#[test]
fn a_file_that_forgets_is_parsed_only_where_its_crate_names_a_handle_type() {
    let guard = "pub struct FlushGuard { tx: std::sync::mpsc::Sender<()> }\n\
                 pub fn install() -> FlushGuard { todo!() }\n";
    let user = "pub fn setup() { let g = crate::guard::install(); std::mem::forget(g); }\n";
    let plain = "pub struct Buf { v: Vec<u8> }\n\
                 pub fn install() -> Buf { Buf { v: Vec::new() } }\n";
    let dir = tempfile::tempdir().unwrap();
    let files = unit_of(
        dir.path(),
        &[
            ("holds/src/guard.rs", guard),
            ("holds/src/user.rs", user),
            ("plain/src/guard.rs", plain),
            ("plain/src/user.rs", user),
        ],
    );
    let levels = [Levels::default()];
    let (on, off) = (
        run_one_thread(&files, &levels, true),
        run_one_thread(&files, &levels, false),
    );
    assert_eq!(shown(&on), ["holds/src/user.rs leaklint::forgotten_handle"]);
    assert_eq!(shown(&on), shown(&off));
    // `holds/src/user.rs` by its words, then `holds/src/guard.rs` by the type it asks about;
    // nothing of `plain/`.
    assert_eq!(on.files_parsed, 2);
    assert_eq!(off.files_parsed, 4);
}

/// One engine run on one thread, with the pre-filter on or off.
fn run_one_thread(files: &[InputFile], levels: &[Levels], prefilter: bool) -> engine::Outcome {
    let options = EngineOptions {
        prefilter,
        threads: 1,
    };
    engine::run(files, levels, &options)
}

/// Each diagnostic as `path code`.
fn shown(o: &engine::Outcome) -> Vec<String> {
    o.diagnostics
        .iter()
        .map(|d| format!("{} {}", d.file.display, d.code()))
        .collect()
}

/// A sender type the configuration declares counts as a handle-owning type for the word
/// reach: a project type that holds one, forgotten in a file the needles skip, is found with
/// the pre-filter on as with it off.
#[test]
fn a_declared_sender_type_brings_in_the_file_that_forgets_it() {
    let config = leaklint::config::Config::parse(
        "leaklint.toml",
        "[apis]\n\
         channels = [{ new = \"my_bus::open\", kind = \"unbounded\", sender = \"my_bus::Outbox\" }]\n",
    )
    .unwrap();
    let mut levels = Levels::default();
    config.apply(&mut levels);
    let holder = "pub struct Link { out: my_bus::Outbox<u8> }\n\
                  pub fn connect() -> Link { todo!() }\n";
    let user = "pub fn setup() { let l = crate::link::connect(); std::mem::forget(l); }\n";
    let dir = tempfile::tempdir().unwrap();
    let files = unit_of(
        dir.path(),
        &[("bus/src/link.rs", holder), ("bus/src/user.rs", user)],
    );
    let levels = [levels];
    let (on, off) = (
        run_one_thread(&files, &levels, true),
        run_one_thread(&files, &levels, false),
    );
    assert_eq!(shown(&off), ["bus/src/user.rs leaklint::forgotten_handle"]);
    assert_eq!(shown(&on), shown(&off));
}

/// The test, example and bench files of different packages are crates apart: a name one
/// of them wants does not bring in the other packages' files.
#[test]
fn test_files_of_different_packages_do_not_reach_each_other() {
    // `a/tests/t.rs` spawns `worker`, defined in no file it can see; `b/tests/w.rs` defines a
    // `worker` (and is skipped: no spawn, no channel).
    let spawner = "#[test] fn t() { std::thread::spawn(worker); }\n";
    let other = "pub fn worker() { loop {} }\n";
    let dir = tempfile::tempdir().unwrap();
    let files = unit_of(
        dir.path(),
        &[("a/tests/t.rs", spawner), ("b/tests/w.rs", other)],
    );
    let outcome = engine::run(&files, &[Levels::default()], &EngineOptions::default());
    assert_eq!(outcome.files_parsed, 1, "{:?}", outcome.diagnostics);
    // In one package's `tests/`, the file is reached.
    let files = unit_of(
        dir.path(),
        &[("a/tests/t.rs", spawner), ("a/tests/w.rs", other)],
    );
    let outcome = engine::run(&files, &[Levels::default()], &EngineOptions::default());
    assert_eq!(outcome.files_parsed, 2);
}

/// Reach rounds look for the files of crate functions, not for the prelude's: `drop(x)`
/// as the spawned work reaches no file that names `drop`; a crate function does.
#[test]
fn spawned_prelude_functions_reach_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = |work: &str| {
        let a = format!(
            "pub fn start(x: Vec<u8>) {{\n    std::thread::spawn(move || {work}(x));\n}}\n"
        );
        let b = "pub fn finish(v: Vec<u8>) { drop(v) }\npub fn pump(v: Vec<u8>) { drop(v) }\n";
        let mut files = Vec::new();
        for (name, text) in [("a.rs", a.as_str()), ("b.rs", b)] {
            std::fs::write(dir.path().join(name), text).unwrap();
            files.push(InputFile::new(dir.path().join(name), name));
        }
        engine::run(&files, &[Levels::default()], &EngineOptions::default())
    };
    let prelude = run("drop");
    assert_eq!((prelude.files_parsed, prelude.files_rechecked), (1, 0));
    // The same shape with a function of the crate reaches b.rs, which defines it.
    let crate_fn = run("pump");
    assert_eq!((crate_fn.files_parsed, crate_fn.files_rechecked), (2, 1));
}

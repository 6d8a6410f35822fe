//! Command-line arguments and the top-level flow of a run: argv → [`discover`] → levels from
//! [`config`] and the flags → [`engine::run`] → [`report::write`] → exit status.
//!
//! Diagnostics go to stdout (so `--message-format json` and `sarif` stay machine-readable);
//! everything else (errors, warnings, the summary, `--verbose` output) goes to stderr.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::builder::styling::{AnsiColor, Effects, Styles};
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::baseline;
use crate::config::{self, ConfigError, Levels, Selector};
use crate::diagnostic::{Level, Severity};
use crate::discover::{self, display_path, Discovery, PackageSelection};
use crate::engine::{self, EngineOptions, Outcome};
use crate::lints::{self, Group, Lint, LINTS};
use crate::report::{self, Format, ReportOptions};

/// Exit status: nothing at deny level.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one deny-level finding (or an unreadable/unparsable file).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: usage or configuration error.
pub const EXIT_USAGE: i32 = 2;

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  no diagnostic at deny level (warnings alone do not fail)
  1  at least one deny-level diagnostic, or a file that cannot be read or parsed
  2  usage or configuration error";

const AFTER_LONG_HELP: &str = "\
Configuration:
  Lint levels can be set in `leaklint.toml` (or `.leaklint.toml`), or in
  `[workspace.metadata.leaklint]` of the workspace's Cargo.toml; each package
  can add `[package.metadata.leaklint]` to its own Cargo.toml:

      [lints]
      receiver_dropped = \"deny\"     # a lint (`leaklint::` is optional)
      pedantic = \"warn\"             # a group, `all` or `warnings`

  Levels are allow, warn and deny. Each file gets the nearest leaklint.toml,
  .leaklint.toml (or workspace table) from its directory up. -A/-W/-D apply last.

Examples:
  cargo leaklint                          lint the current package or workspace
  cargo leaklint --workspace -D warnings  every package; fail on any finding
  cargo leaklint -p foo --message-format json
  cargo leaklint src/main.rs src/net      lint files and directories only
  cargo leaklint --explain receiver_dropped

";

/// Cargo's look for help and errors.
const STYLES: Styles = Styles::styled()
    .header(AnsiColor::Green.on_default().effects(Effects::BOLD))
    .usage(AnsiColor::Green.on_default().effects(Effects::BOLD))
    .literal(AnsiColor::Cyan.on_default().effects(Effects::BOLD))
    .placeholder(AnsiColor::Cyan.on_default())
    .error(AnsiColor::Red.on_default().effects(Effects::BOLD))
    .valid(AnsiColor::Cyan.on_default().effects(Effects::BOLD))
    .invalid(AnsiColor::Yellow.on_default().effects(Effects::BOLD));

/// Find thread, task and channel leaks in Rust code.
///
/// leaklint reads the Rust files of a cargo workspace, or the files and directories given, and
/// reports channels, threads and tasks that leak or silently lose messages, in the style of
/// clippy. It needs no build: files are analysed as they are written.
#[derive(Debug, Parser)]
#[command(
    name = "cargo-leaklint",
    bin_name = "cargo leaklint",
    version,
    styles = STYLES,
    max_term_width = 100,
    after_help = EXIT_STATUS_HELP,
    after_long_help = format!("{EXIT_STATUS_HELP}\n\n{AFTER_LONG_HELP}"),
)]
pub struct Cli {
    /// Files or directories to lint instead of a cargo workspace
    ///
    /// Directories are searched for `.rs` files, skipping hidden directories and build output
    /// (`target/` and any directory holding a `CACHEDIR.TAG`). Files are linted whatever their
    /// name. No Cargo.toml is needed, which suits editors and pre-commit hooks; the files are
    /// analysed as one crate per package directory, and a named file's package supplies
    /// context (its other files, never reported on).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Lint-level flags after `--`, as clippy takes them: `cargo leaklint -- -D warnings`
    ///
    /// Only -A/-W/-D (and their long forms) are accepted there, and they apply after the
    /// ones before `--`.
    #[arg(last = true, value_name = "LINT_FLAGS", allow_hyphen_values = true)]
    pub lint_flags: Vec<String>,

    /// Path to the Cargo.toml of the package or workspace to lint
    ///
    /// Without it, the package or workspace is found from the current directory, as cargo does.
    #[arg(
        long,
        value_name = "PATH",
        help_heading = "Package Selection",
        conflicts_with = "paths"
    )]
    pub manifest_path: Option<PathBuf>,

    /// Lint only this package (repeatable)
    ///
    /// SPEC is a package name (`foo`), a name and version (`foo@1.2.0`), or a package ID
    /// specification (`path+file:///path/to/foo#foo@1.2.0`), as for `cargo check -p`.
    /// By default leaklint lints the package in the current directory, or the workspace's
    /// default members at its root.
    #[arg(
        short,
        long = "package",
        value_name = "SPEC",
        help_heading = "Package Selection",
        conflicts_with_all = ["paths", "workspace"]
    )]
    pub packages: Vec<String>,

    /// Lint every package of the workspace
    #[arg(
        long,
        alias = "all",
        help_heading = "Package Selection",
        conflicts_with = "paths"
    )]
    pub workspace: bool,

    /// Accepted as clippy accepts it: leaklint always lints every target
    #[arg(long, help_heading = "Package Selection")]
    pub all_targets: bool,

    /// Leave out this package (with --workspace; repeatable)
    #[arg(
        long,
        value_name = "SPEC",
        help_heading = "Package Selection",
        requires = "workspace"
    )]
    pub exclude: Vec<String>,

    /// Set a lint, or a group of lints, to allow (turn it off)
    ///
    /// LINT is `leaklint::NAME` (`leaklint::` may be left out), a group (`leaklint::pedantic`),
    /// `leaklint::all` (every lint that is on by default) or `warnings` (every lint that
    /// warns). -A, -W and -D apply after the configuration files and in the order given, so a
    /// later flag wins: `-A leaklint::all -W leaklint::receiver_dropped` runs only that lint.
    #[arg(short = 'A', long = "allow", value_name = "LINT", help_heading = "Lint Levels",
          value_parser = parse_selector)]
    pub allow: Vec<Selector>,

    /// Set a lint, or a group of lints, to warn
    #[arg(short = 'W', long = "warn", value_name = "LINT", help_heading = "Lint Levels",
          value_parser = parse_selector)]
    pub warn: Vec<Selector>,

    /// Set a lint, or a group of lints, to deny (an error: exit status 1)
    ///
    /// `-D warnings` makes every warning an error.
    #[arg(short = 'D', long = "deny", value_name = "LINT", help_heading = "Lint Levels",
          value_parser = parse_selector)]
    pub deny: Vec<Selector>,

    /// How to print diagnostics
    ///
    ///   human   rustc-style, with the source lines (the default)
    ///   short   one line per diagnostic
    ///   json    one JSON object per line, like cargo's `--message-format json`
    ///   sarif   a SARIF log, for code-scanning services
    ///   github  annotations for GitHub Actions
    #[arg(
        verbatim_doc_comment,
        long,
        value_name = "FMT",
        value_enum,
        default_value = "human",
        hide_possible_values = true,
        help_heading = "Output"
    )]
    pub message_format: Format,

    /// When to colour the output
    ///
    /// `auto` colours what goes to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces
    /// colour. The default can be set with CARGO_TERM_COLOR.
    #[arg(long, value_name = "WHEN", value_enum, help_heading = "Output")]
    pub color: Option<ColorChoice>,

    /// Print diagnostics only: no summary
    #[arg(short, long, help_heading = "Output", conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say what is linted: the configuration used, file counts and timing (-vv: every file)
    #[arg(short, long, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,

    /// List every lint: name, group, default level and what it finds
    #[arg(long, help_heading = "Lints", conflicts_with_all = ["paths", "explain"])]
    pub list: bool,

    /// Print the documentation of a lint (or, with `config`, of the configuration)
    #[arg(
        long,
        value_name = "LINT",
        help_heading = "Lints",
        conflicts_with = "paths"
    )]
    pub explain: Option<String>,

    /// Number of files analysed in parallel [default: one per CPU]
    #[arg(short, long, value_name = "N", help_heading = "Performance",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Parse every file, even those a quick text search shows no lint can fire in
    ///
    /// Slower; it also reports syntax errors in files that would otherwise be skipped.
    #[arg(long, help_heading = "Performance")]
    pub no_prefilter: bool,

    /// With the PATH `-`: the name to report the text read from standard input under
    ///
    /// For editors that lint unsaved buffers: `cargo leaklint - --stdin-filename src/lib.rs`
    /// lints standard input as `src/lib.rs` (which need not exist), with the configuration
    /// that file would get and the other files of its cargo package as context.
    #[arg(long, value_name = "PATH", help_heading = "Output")]
    pub stdin_filename: Option<PathBuf>,

    // Baseline (src/baseline.rs).
    /// Report only the findings that are not recorded in this baseline file
    ///
    /// Findings are matched by lint, file and a fingerprint of the code around them, so edits
    /// elsewhere in the file do not bring them back. Baselined findings that are gone are
    /// counted on stderr.
    #[arg(long, value_name = "FILE", help_heading = "Baseline",
          conflicts_with_all = ["write_baseline", "list", "explain"])]
    pub baseline: Option<PathBuf>,

    /// Record every finding of this run in a baseline file, and report none of them
    #[arg(long, value_name = "FILE", help_heading = "Baseline",
          conflicts_with_all = ["list", "explain"])]
    pub write_baseline: Option<PathBuf>,

    #[command(flatten)]
    pub edit: EditArgs,
}

/// `--fix` and its safety flags (documented in `src/fix.rs`).
#[derive(Debug, Default, clap::Args)]
pub struct EditArgs {
    /// Apply every machine-applicable suggestion to the files, then lint again
    ///
    /// Each changed file is written to a temporary file beside it, parsed again, then renamed
    /// over the original. Suggestions that overlap an earlier one, or after which the file
    /// would not parse, are skipped and reported. The files to change must be committed in git.
    #[arg(long, help_heading = "Fixes")]
    pub fix: bool,

    /// With --fix: also change files with uncommitted changes, untracked files, and files
    /// outside a git work tree
    #[arg(long, help_heading = "Fixes", requires = "fix")]
    pub allow_dirty: bool,

    /// With --fix: also change files whose changes are all staged
    #[arg(long, help_heading = "Fixes", requires = "fix")]
    pub allow_staged: bool,

    /// Run as a language server on stdin and stdout, for editors
    ///
    /// It lints what the command line would (the workspace, or the PATHs), on every change
    /// of an open file, with its unsaved text. See README.md for editor set-up.
    #[arg(long, help_heading = "Editors", conflicts_with_all = ["fix", "list", "explain"])]
    pub lsp: bool,

    /// Neither read nor write the result cache (`leaklint/` in cargo's target directory)
    #[arg(long, help_heading = "Performance")]
    pub no_cache: bool,
}

/// `--color`
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

fn parse_selector(text: &str) -> Result<Selector, String> {
    Selector::parse(text).map_err(|e| match config::suggest(text) {
        Some("warnings") => format!("{e}; did you mean `warnings`?"),
        Some(s) => format!("{e}; did you mean `leaklint::{s}`?"),
        None => e,
    })
}

/// Runs leaklint with the given argv (`cargo-leaklint [leaklint] ARGS...`) and returns the
/// exit status.
pub fn main_with_args(mut args: Vec<OsString>) -> i32 {
    // Cargo runs `cargo-leaklint leaklint ARGS...` for `cargo leaklint ARGS...`.
    if args.get(1).is_some_and(|a| a == "leaklint") {
        args.remove(1);
    }
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, level_flags(&matches))));
    match parsed {
        Ok((cli, mut flags)) => match trailing_level_flags(&cli.lint_flags) {
            Ok(more) => {
                flags.extend(more);
                run(&cli, &flags)
            }
            Err(e) => {
                Messages {
                    color: color_enabled(cli.color, io::stderr().is_terminal()),
                }
                .error(&e);
                EXIT_USAGE
            }
        },
        Err(e) => {
            let e = without_trailing_tip(e);
            let _ = e.print();
            e.exit_code()
        }
    }
}

/// clap's error for an unknown option, without its tip to pass it after `--`: only
/// `-A`/`-W`/`-D` are taken there, so the tip would lead to a second error.
fn without_trailing_tip(e: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return e;
    }
    let mut out = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(&Cli::command());
    for (kind, value) in e.context() {
        let value = match (kind, value) {
            (ContextKind::Suggested, ContextValue::StyledStrs(tips)) => {
                let kept: Vec<_> = tips
                    .iter()
                    .filter(|t| !t.to_string().contains("as a value, use"))
                    .cloned()
                    .collect();
                if kept.is_empty() {
                    continue;
                }
                ContextValue::StyledStrs(kept)
            }
            _ => value.clone(),
        };
        out.insert(kind, value);
    }
    out
}

/// The -A/-W/-D flags in the order they were given.
fn level_flags(matches: &ArgMatches) -> Vec<(Selector, Level)> {
    let mut flags = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        if let (Some(values), Some(indices)) =
            (matches.get_many::<Selector>(id), matches.indices_of(id))
        {
            flags.extend(indices.zip(values).map(|(i, s)| (i, s.clone(), level)));
        }
    }
    flags.sort_by_key(|(i, _, _)| *i);
    flags.into_iter().map(|(_, s, l)| (s, l)).collect()
}

/// The -A/-W/-D flags after `--` (`-D warnings`, `-Dwarnings`, `--deny warnings`,
/// `--deny=warnings`), in order.
fn trailing_level_flags(args: &[String]) -> Result<Vec<(Selector, Level)>, String> {
    let mut flags = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (level, inline) = [
            ("-A", "--allow", Level::Allow),
            ("-W", "--warn", Level::Warn),
            ("-D", "--deny", Level::Deny),
        ]
        .into_iter()
        .find_map(|(short, long, level)| {
            if arg == short || arg == long {
                Some((level, None))
            } else if let Some(rest) = arg.strip_prefix(&format!("{long}=")) {
                Some((level, Some(rest)))
            } else {
                arg.strip_prefix(short).map(|rest| (level, Some(rest)))
            }
        })
        .ok_or_else(|| {
            format!("unexpected argument `{arg}` after `--`: only -A, -W and -D are accepted there")
        })?;
        let value = match inline {
            Some(v) => v,
            None => args
                .next()
                .ok_or_else(|| format!("`{arg}` after `--` needs a lint name"))?,
        };
        flags.push((parse_selector(value)?, level));
    }
    Ok(flags)
}

/// Runs a parsed command line; `flags` are the -A/-W/-D flags in order.
pub fn run(cli: &Cli, flags: &[(Selector, Level)]) -> i32 {
    let stderr = Messages {
        color: color_enabled(cli.color, io::stderr().is_terminal()),
    };
    let mut out = io::stdout().lock();
    if cli.list {
        let written = match cli.message_format {
            Format::Json => out.write_all(list_json().as_bytes()),
            Format::Sarif => crate::report::sarif::write_rules(&mut out),
            _ => out.write_all(list_text().as_bytes()),
        };
        return finish_output(written, EXIT_OK, &stderr);
    }
    if let Some(name) = &cli.explain {
        return explain(name, &mut out, &stderr);
    }
    let started = Instant::now();
    let run = match prepare(cli, flags, &stderr) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let options = EngineOptions {
        prefilter: !cli.no_prefilter,
        threads: cli.jobs.map_or(0, usize::from),
    };
    if cli.edit.lsp {
        drop(out); // the server's writer thread needs stdout
        let server = crate::lsp::Server::new(run.discovery.files, run.levels, options);
        return crate::lsp::serve_stdio(server);
    }
    let fix_status = match fix_first(cli, &run, &options, &stderr) {
        Ok(status) => status,
        Err(code) => return code,
    };
    // With --fix, this lints the fixed files: what is left.
    let mut outcome = lint(cli, &run, &options);
    let suppressed = match baseline::apply(&run.baseline, &mut outcome.diagnostics) {
        Ok(applied) => {
            applied.message.iter().for_each(|m| stderr.status(m));
            applied.suppressed
        }
        Err(e) => {
            stderr.error(&e.0);
            return EXIT_USAGE;
        }
    };
    let status = if !run.discovery.missing.is_empty() {
        EXIT_USAGE
    } else if outcome.has_errors() {
        EXIT_FINDINGS
    } else {
        fix_status
    };
    let report = report_options(cli, &run);
    let written = report::write(&mut out, &outcome.diagnostics, &report).and_then(|()| out.flush());
    if cli.verbose > 0 {
        inferred(&outcome, &run.discovery, &stderr);
        stderr.status(&format!(
            "Analysed {} in {:.2}s: {} parsed, {} skipped without parsing",
            count(outcome.files_seen, "file"),
            started.elapsed().as_secs_f64(),
            outcome.files_parsed,
            outcome.files_seen - outcome.files_parsed,
        ));
    }
    if !cli.quiet {
        stderr.status(&summary(&outcome, &run.discovery, suppressed));
    }
    finish_output(written, status, &stderr)
}

/// What a lint run needs once the command line is understood: the files, their levels, the
/// baseline mode, the working directory and the stdin name (`-`).
struct Prepared {
    baseline: baseline::Mode,
    cwd: PathBuf,
    stdin_name: Option<String>,
    discovery: Discovery,
    levels: Vec<Levels>,
}

/// Reads the working directory, finds the files (workspace, paths or stdin) and their
/// configuration. Errors are reported on `stderr`; `Err` holds the exit code.
fn prepare(cli: &Cli, flags: &[(Selector, Level)], stderr: &Messages) -> Result<Prepared, i32> {
    let usage = |message: &str| {
        stderr.error(message);
        EXIT_USAGE
    };
    let baseline = baseline_mode(cli).map_err(|e| usage(&e.0))?;
    let cwd = std::env::current_dir()
        .map_err(|e| usage(&format!("cannot read the current directory: {e}")))?;
    let stdin_name = stdin_name(cli).map_err(|message| usage(&message))?;
    let mut discovery = discover_inputs(cli, &cwd, stdin_name.is_some()).map_err(|e| {
        stderr.error(&e.message);
        if let Some(help) = &e.help {
            stderr.help(help);
        }
        EXIT_USAGE
    })?;
    for warning in &discovery.warnings {
        stderr.warning(warning);
    }
    for missing in &discovery.missing {
        stderr.error(missing);
    }
    let levels = file_levels(
        &mut discovery,
        &cwd,
        stdin_name.as_deref(),
        flags,
        stderr,
        cli.verbose,
    )
    .map_err(|e| {
        let _ = e.render(&mut io::stderr().lock(), stderr.color);
        EXIT_USAGE
    })?;
    print_inputs(cli, &discovery, stderr);
    if discovery.files.is_empty() && stdin_name.is_none() {
        stderr.warning("no Rust files to lint");
    }
    Ok(Prepared {
        baseline,
        cwd,
        stdin_name,
        discovery,
        levels,
    })
}

/// The files to lint: none for stdin, the named paths, else the cargo workspace's targets.
fn discover_inputs(
    cli: &Cli,
    cwd: &Path,
    stdin: bool,
) -> Result<Discovery, discover::DiscoverError> {
    if stdin {
        // `--stdin-filename PATH` lints the buffer as PATH, in its package.
        Ok(match &cli.stdin_filename {
            Some(name) => discover::stdin_file(name, cwd),
            None => Discovery {
                base: cwd.to_path_buf(),
                units: vec![None],
                ..Discovery::default()
            },
        })
    } else if cli.paths.is_empty() {
        let selection = PackageSelection {
            manifest_path: cli.manifest_path.clone(),
            packages: cli.packages.clone(),
            workspace: cli.workspace,
            exclude: cli.exclude.clone(),
        };
        discover::workspace(&selection, cwd)
    } else {
        discover::paths(&cli.paths, cwd)
    }
}

/// `-v` says what is linted; `-vv` lists skipped directories and every file.
fn print_inputs(cli: &Cli, discovery: &Discovery, stderr: &Messages) {
    if cli.verbose > 0 {
        stderr.status(&format!("Linting {}", what_is_linted(discovery)));
    }
    if cli.verbose > 1 {
        for (dir, why) in &discovery.skipped {
            stderr.status(&format!("  skipped {dir}/: {why}"));
        }
        for file in &discovery.files {
            stderr.status(&format!("  {}", file.display));
        }
    }
}

/// `--fix`: lints, applies the machine-applicable suggestions and reports what it did.
/// `Ok` holds the exit status the fixes alone call for; `Err` an exit code (a refusal).
fn fix_first(
    cli: &Cli,
    run: &Prepared,
    options: &EngineOptions,
    stderr: &Messages,
) -> Result<i32, i32> {
    if !cli.edit.fix {
        return Ok(EXIT_OK);
    }
    let first = engine::run(&run.discovery.files, &run.levels, options);
    let allow = crate::fix::vcs::Allow {
        dirty: cli.edit.allow_dirty,
        staged: cli.edit.allow_staged,
    };
    match crate::fix::run(&first.diagnostics, allow) {
        Ok(report) => {
            let _ = io::stderr().lock().write_all(report.render().as_bytes());
            Ok(if report.failures() > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            })
        }
        Err(refusal) => {
            stderr.error(&refusal.message);
            stderr.help(&refusal.help);
            Err(EXIT_USAGE)
        }
    }
}

/// Lints stdin or the discovered files (through the result cache unless `--no-cache` or
/// `--fix`), adding a finding per unreadable file.
fn lint(cli: &Cli, run: &Prepared, options: &EngineOptions) -> Outcome {
    let mut outcome = match &run.stdin_name {
        Some(name) => match run.discovery.files.is_empty() {
            true => crate::stdin::lint(name, &mut io::stdin().lock(), &run.levels[0]),
            // The buffer is the first file; the others are its package's context.
            false => crate::stdin::lint_in_package(
                &mut io::stdin().lock(),
                &run.discovery.files,
                0,
                &run.levels,
                options,
            ),
        },
        // `--fix` changes files under the run: it neither reads nor writes the cache.
        None => match crate::cache::dir(&run.discovery)
            .filter(|_| !cli.edit.no_cache && !cli.edit.fix)
        {
            Some(dir) => crate::cache::run(&run.discovery.files, &run.levels, options, &dir),
            None => engine::run(&run.discovery.files, &run.levels, options),
        },
    };
    if !run.discovery.unreadable.is_empty() {
        outcome.diagnostics.extend(unreadable(&run.discovery));
        engine::finish(&mut outcome.diagnostics);
    }
    outcome
}

/// How findings are written: format, colour, the root paths are relative to, quietness.
fn report_options(cli: &Cli, run: &Prepared) -> ReportOptions {
    ReportOptions {
        format: cli.message_format,
        color: matches!(cli.message_format, Format::Human | Format::Short)
            && color_enabled(cli.color, io::stdout().is_terminal()),
        // CI services resolve paths against the repository, not the cargo workspace.
        source_root: Some(match cli.message_format {
            Format::Sarif | Format::Github => {
                discover::repository_root(&run.cwd).unwrap_or_else(|| run.discovery.base.clone())
            }
            _ => run.discovery.base.clone(),
        }),
        quiet: cli.quiet,
    }
}

/// The entries a directory walk could not read, as located `read_error` diagnostics.
fn unreadable(discovery: &Discovery) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Diagnostic, Label};
    use crate::source::{SourceFile, Span};
    discovery
        .unreadable
        .iter()
        .map(|(path, shown, why)| {
            let file = SourceFile::new(path.clone(), shown.clone(), String::new());
            Diagnostic::tool_error(
                "read_error",
                file,
                why.clone(),
                Label::new(Span::new(0, 0), ""),
            )
        })
        .collect()
}

/// The name standard input is linted under, when the only PATH is `-`.
fn stdin_name(cli: &Cli) -> Result<Option<String>, String> {
    let dash = cli.paths.iter().any(|p| p.as_os_str() == "-");
    if dash && cli.paths.len() > 1 {
        return Err("`-` (standard input) cannot be given with other paths".into());
    }
    match (&cli.stdin_filename, dash) {
        (Some(_), false) => Err("`--stdin-filename` needs the PATH `-`: \
                                 `cargo leaklint - --stdin-filename PATH`"
            .into()),
        (Some(name), true) => Ok(Some(display_path(name, Path::new("")))),
        (None, true) => Ok(Some(crate::stdin::DEFAULT_NAME.to_string())),
        (None, false) => Ok(None),
    }
}

fn baseline_mode(cli: &Cli) -> Result<baseline::Mode, baseline::BaselineError> {
    Ok(match (&cli.baseline, &cli.write_baseline) {
        (Some(read), _) => baseline::Mode::Filter(baseline::Baseline::read(read)?),
        (None, Some(write)) => baseline::Mode::Write(write.clone()),
        (None, None) => baseline::Mode::Off,
    })
}

/// `--explain NAME`: a lint's document, or a tool-error code's; exit status 2 for neither.
fn explain(name: &str, out: &mut dyn Write, stderr: &Messages) -> i32 {
    let key = name.trim().to_lowercase();
    if key == "config" {
        return finish_output(out.write_all(CONFIG_DOC.as_bytes()), EXIT_OK, stderr);
    }
    let text = match (lints::find(&key), crate::codes::find(&key)) {
        (Some(lint), _) => explain_text(lint),
        (None, Some(code)) => format!(
            "{}\n\nNot a lint: an error of leaklint itself, always reported, and it cannot be \
             allowed or suppressed.\n",
            code.doc.trim_end()
        ),
        (None, None) => {
            stderr.error(&format!("no lint or error code named `{}`", name.trim()));
            let lint = config::suggest(name).filter(|s| lints::find(s).is_some());
            stderr.help(&match lint {
                Some(s) => format!("did you mean `{s}`?"),
                None => "`cargo leaklint --list` shows every lint; `--explain config` \
                         documents the configuration"
                    .into(),
            });
            return EXIT_USAGE;
        }
    };
    finish_output(out.write_all(text.as_bytes()), EXIT_OK, stderr)
}

/// The level tables of the run; sets each file's [`engine::InputFile::levels`]. With
/// `stdin`, one table for that path (relative to `cwd`).
fn file_levels(
    discovery: &mut Discovery,
    cwd: &Path,
    stdin: Option<&str>,
    flags: &[(Selector, Level)],
    stderr: &Messages,
    verbose: u8,
) -> Result<Vec<Levels>, ConfigError> {
    let stdin_dir = stdin.map(|name| {
        let path = cwd.join(name);
        path.parent()
            .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf)
    });
    let mut dirs: Vec<(&Path, usize)> = discovery
        .files
        .iter()
        .map(|f| (f.path.parent().unwrap_or(cwd), f.unit))
        .collect();
    dirs.extend(stdin_dir.as_deref().map(|d| (d, 0)));
    let packages: Vec<Option<&Path>> = discovery
        .units
        .iter()
        .map(|u| u.as_ref().map(|p| p.manifest_path.as_path()))
        .collect();
    let run = config::run_levels(&dirs, &packages, &discovery.base, flags)?;
    for warning in &run.warnings {
        stderr.warning(warning);
    }
    for unused in discovery.config_files.iter().filter(|f| {
        let dir = f.parent().unwrap_or(Path::new(""));
        !run.used_dirs.iter().any(|used| used == dir)
    }) {
        stderr.warning(&format!(
            "`{}` applies to no linted file",
            display_path(unused, &discovery.base)
        ));
    }
    for (file, &table) in discovery.files.iter_mut().zip(&run.table_of) {
        file.levels = table;
    }
    if verbose > 0 {
        let mut used: Vec<&str> = Vec::new();
        for &table in &run.table_of {
            for origin in &run.origins[table] {
                if !used.contains(&origin.as_str()) {
                    used.push(origin);
                }
            }
        }
        match used.is_empty() {
            true => stderr.status("No configuration file"),
            false => stderr.status(&format!("Configuration from {}", used.join(", "))),
        }
        // Which file applies where, when that differs between files.
        let mut groups: Vec<(Option<&str>, usize)> = Vec::new();
        for &table in &run.table_of {
            let nearest = run.nearest[table].as_deref();
            match groups.iter_mut().find(|(n, _)| *n == nearest) {
                Some((_, count)) => *count += 1,
                None => groups.push((nearest, 1)),
            }
        }
        if groups.len() > 1 {
            for (nearest, n) in groups {
                let what = nearest.unwrap_or("no configuration file");
                stderr.status(&format!("  {what} applies to {}", count(n, "file")));
            }
        }
        declared_apis(&run.tables, stderr);
    }
    Ok(run.tables)
}

/// `--verbose`: the APIs the configuration files declare (`[apis]`), once each.
fn declared_apis(tables: &[config::Levels], stderr: &Messages) {
    let mut lines: Vec<String> = Vec::new();
    for levels in tables {
        for line in levels.catalog().declared() {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    for line in lines {
        stderr.status(&format!("  {line}"));
    }
}

/// `--verbose`: what leaklint inferred per crate (the spawn wrappers it found).
/// A crate is named by its package (`Inferred in crate `wscore` (core/):`) where cargo
/// names one, else by its directory.
fn inferred(outcome: &engine::Outcome, discovery: &Discovery, stderr: &Messages) {
    for (root, facts) in &outcome.inferred {
        let package = discovery
            .units
            .iter()
            .flatten()
            .find(|p| &p.root == root || p.manifest_path.parent() == Some(root.as_path()));
        let dir = display_path(root, &discovery.base);
        let dir = match dir.as_str() {
            "" | "." => ".".to_string(),
            _ => format!("{dir}/"),
        };
        let name = match package {
            Some(p) if dir == "." => format!("`{}`", p.name),
            Some(p) => format!("`{}` ({dir})", p.name),
            None => dir,
        };
        stderr.status(&format!("Inferred in crate {name}:"));
        for fact in facts {
            stderr.status(&format!("  {fact}"));
        }
    }
}

fn what_is_linted(discovery: &Discovery) -> String {
    let files = count(discovery.files.len(), "file");
    if discovery.workspace_root.is_none() {
        return format!("{files} from the command line");
    }
    let names: Vec<&str> = discovery
        .units
        .iter()
        .flatten()
        .map(|p| p.name.as_str())
        .collect();
    format!(
        "{} ({}): {files}",
        count(names.len(), "package"),
        names.join(", ")
    )
}

/// `Checked 3 files in 2 packages: 1 error, 2 warnings`
/// The last line: files checked and what was found; with `--baseline`, how many findings
/// the baseline suppressed.
fn summary(outcome: &Outcome, discovery: &Discovery, baselined: Option<usize>) -> String {
    let errors = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = outcome.diagnostics.len() - errors;
    let mut text = format!("Checked {}", count(outcome.files_seen, "file"));
    if discovery.workspace_root.is_some() {
        text.push_str(&format!(" in {}", count(discovery.units.len(), "package")));
    }
    let found: Vec<String> = [(errors, "error"), (warnings, "warning")]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| count(n, what))
        .collect();
    if found.is_empty() {
        text.push_str(": no problems found");
    } else {
        text.push_str(&format!(": {}", found.join(", ")));
    }
    if let Some(n) = baselined {
        text.push_str(&format!(" ({n} suppressed by the baseline)"));
    }
    text
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Exit status after writing to stdout: a closed pipe (`| head`) is not an error.
fn finish_output(written: io::Result<()>, status: i32, stderr: &Messages) -> i32 {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            stderr.error(&format!("cannot write the output: {e}"));
            EXIT_FINDINGS.max(status)
        }
        _ => status,
    }
}

/// The width `--list` wraps its table to.
const LIST_WIDTH: usize = 100;

/// The `--list` table.
pub fn list_text() -> String {
    let rows: Vec<[String; 4]> = LINTS
        .iter()
        .map(|l| {
            [
                l.name.to_string(),
                l.group.name().to_string(),
                l.default_level().as_str().to_string(),
                l.summary().split_whitespace().collect::<Vec<_>>().join(" "),
            ]
        })
        .collect();
    let header = ["LINT", "GROUP", "DEFAULT", "WHAT IT FINDS"].map(String::from);
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[c].len())
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The summary column is wrapped to fit in LIST_WIDTH columns.
    let indent = widths.iter().sum::<usize>() + 6;
    let room = LIST_WIDTH.saturating_sub(indent).max(30);
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = format!(
            "{:w0$}  {:w1$}  {:w2$}  ",
            row[0],
            row[1],
            row[2],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
        let mut used = 0;
        for word in row[3].split(' ') {
            if used > 0 && used + 1 + word.len() > room {
                text.push_str(line.trim_end());
                text.push('\n');
                line = " ".repeat(indent);
                used = 0;
            } else if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += word.len();
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let groups: Vec<String> = Group::ALL
        .iter()
        .map(|g| format!("{} ({})", g.name(), g.default_level().as_str()))
        .collect();
    text.push_str(&format!(
        "\nGroups: {}.\n\
         `leaklint::all` is every lint on by default; `warnings` is every lint that warns.\n\
         Set levels with -A/-W/-D leaklint::NAME or in leaklint.toml.\n\
         `cargo leaklint --explain NAME` prints the documentation of a lint.\n",
        groups.join(", ")
    ));
    text
}

/// `--list --message-format json`: one JSON object per lint and line, in registry order:
/// `{"name":..,"code":"leaklint::..","group":..,"default_level":..,"summary":..}`.
pub fn list_json() -> String {
    LINTS
        .iter()
        .map(|l| {
            let summary: Vec<&str> = l.summary().split_whitespace().collect();
            let line = serde_json::json!({
                "name": l.name,
                "code": l.code(),
                "group": l.group.name(),
                "default_level": l.default_level().as_str(),
                "summary": summary.join(" "),
            });
            format!("{line}\n")
        })
        .collect()
}

/// The `--explain config` text: the configuration files' keys, `[apis]` included.
pub const CONFIG_DOC: &str = include_str!("config/explain.md");

/// The `--explain` text: the lint's document, with its group and default level under the
/// title.
pub fn explain_text(lint: &Lint) -> String {
    let about = format!(
        "Group: {}. Default level: {}. Set it with `-A/-W/-D {}` or in leaklint.toml.\n",
        lint.group.name(),
        lint.default_level().as_str(),
        lint.code()
    );
    let doc = lint.doc.trim_end();
    let mut text = match doc.split_once('\n') {
        Some((title, rest)) if title.starts_with("# ") => {
            format!("{title}\n\n{about}\n{}", rest.trim_start_matches('\n'))
        }
        _ => format!("{about}\n{doc}"),
    };
    text.push('\n');
    text
}

/// Whether to colour a stream, as cargo decides: `--color`, else CARGO_TERM_COLOR, else
/// `auto`, which honours NO_COLOR, CLICOLOR_FORCE, CLICOLOR and TERM=dumb.
pub fn color_enabled(choice: Option<ColorChoice>, is_terminal: bool) -> bool {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let choice = choice
        .or_else(|| {
            let value = env("CARGO_TERM_COLOR")?;
            ColorChoice::from_str(value.to_str()?, true).ok()
        })
        .unwrap_or(ColorChoice::Auto);
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env("NO_COLOR").is_some() {
                return false;
            }
            if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                return true;
            }
            if env("CLICOLOR").is_some_and(|v| v == "0") {
                return false;
            }
            is_terminal && env("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// leaklint's own messages on stderr, rustc-style (`error: ...`, `warning: ...`).
struct Messages {
    color: bool,
}

impl Messages {
    fn labelled(&self, label: &str, style: &str, message: &str) {
        let mut err = io::stderr().lock();
        let _ = if self.color {
            writeln!(err, "\x1b[1m{style}{label}\x1b[0m\x1b[1m:\x1b[0m {message}")
        } else {
            writeln!(err, "{label}: {message}")
        };
    }

    fn error(&self, message: &str) {
        self.labelled("error", "\x1b[31m", message);
    }

    fn warning(&self, message: &str) {
        self.labelled("warning", "\x1b[33m", message);
    }

    fn help(&self, message: &str) {
        self.labelled("help", "\x1b[36m", message);
    }

    /// A plain line: summary and `--verbose` output.
    fn status(&self, message: &str) {
        let _ = writeln!(io::stderr().lock(), "{message}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> (Cli, Vec<(Selector, Level)>) {
        let matches = Cli::command().try_get_matches_from(args).unwrap();
        (
            Cli::from_arg_matches(&matches).unwrap(),
            level_flags(&matches),
        )
    }

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn level_flags_keep_their_order_across_kinds() {
        let (_, flags) = parse(&[
            "cargo-leaklint",
            "-D",
            "warnings",
            "-A",
            "leaklint::all",
            "-Wreceiver-dropped",
            "--deny=leaklint::suspicious",
        ]);
        let order: Vec<(Selector, Level)> = vec![
            (Selector::Warnings, Level::Deny),
            (Selector::All, Level::Allow),
            (Selector::parse("receiver_dropped").unwrap(), Level::Warn),
            (Selector::Group(Group::Suspicious), Level::Deny),
        ];
        assert_eq!(flags, order);
    }

    #[test]
    fn explain_puts_group_and_level_under_the_title() {
        let text = explain_text(lints::find("receiver_dropped").unwrap());
        assert!(text.starts_with(
            "# receiver_dropped\n\nGroup: suspicious. Default level: warn. \
             Set it with `-A/-W/-D leaklint::receiver_dropped` or in leaklint.toml.\n\n## What it does\n"
        ));
    }

    #[test]
    fn explicit_color_choices_ignore_the_terminal() {
        assert!(color_enabled(Some(ColorChoice::Always), false));
        assert!(!color_enabled(Some(ColorChoice::Never), true));
    }
}

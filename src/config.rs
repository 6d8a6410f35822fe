//! Lint levels: defaults from the groups, then configuration files, then `-A/-W/-D` flags.
//! Later settings win, as in rustc. The configuration files are described at [`CONFIG_FILE`].

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Level, LevelSource};
use crate::discover::display_path;
use crate::lints::{self, Group, Lint, LINTS};
use crate::model::catalog::Catalog;
use crate::source::{Position, SourceFile};

mod apis;
pub use apis::{Apis, DeclaredChannel, DeclaredSpawn};

/// What a level setting applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    Lint(&'static Lint),
    Group(Group),
    /// `leaklint::all`: the default-on groups (correctness and suspicious), as in clippy.
    All,
    /// `warnings`: every lint that would warn (`-D warnings` turns warnings into errors).
    Warnings,
}

impl Selector {
    /// Parses `leaklint::NAME`, `NAME`, `leaklint::GROUP`, `leaklint::all` or `warnings`.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let text = text.trim();
        if text == "warnings" {
            return Ok(Selector::Warnings);
        }
        let name = text.strip_prefix("leaklint::").unwrap_or(text);
        let name = name.replace('-', "_");
        if name == "all" {
            return Ok(Selector::All);
        }
        if let Some(group) = Group::from_name(&name) {
            return Ok(Selector::Group(group));
        }
        if let Some(lint) = lints::find(&name) {
            return Ok(Selector::Lint(lint));
        }
        Err(format!(
            "unknown lint `{text}` (run `cargo leaklint --list` to see every lint and group)"
        ))
    }

    fn matches(&self, lint: &Lint) -> bool {
        match self {
            Selector::Lint(l) => l.name == lint.name,
            Selector::Group(g) => lint.group == *g,
            Selector::All => lint.default_level() != Level::Allow,
            Selector::Warnings => false,
        }
    }
}

/// The settings of one run (or one package): its level table, and the library APIs it
/// knows (the built-in catalogue plus what `[apis]` declares).
#[derive(Clone, Debug, Default)]
pub struct Levels {
    settings: Vec<(Selector, Level, LevelSource)>,
    apis: &'static Catalog,
}

impl Levels {
    /// The catalogue of library APIs the model and the pre-filter use for this unit.
    pub fn catalog(&self) -> &'static Catalog {
        self.apis
    }

    pub fn push(&mut self, selector: Selector, level: Level, source: LevelSource) {
        self.settings.push((selector, level, source));
    }

    /// The effective level of a lint and where it came from.
    pub fn level_of(&self, lint: &Lint) -> (Level, LevelSource) {
        let mut level = (lint.default_level(), LevelSource::Default);
        for (selector, l, source) in &self.settings {
            if selector.matches(lint) {
                level = (*l, *source);
            }
        }
        // `-D warnings` promotes whatever warns after every other setting; `-A warnings`
        // silences it, as in rustc.
        if level.0 == Level::Warn {
            for (selector, l, source) in &self.settings {
                if *selector == Selector::Warnings {
                    level = (*l, *source);
                    if *l == Level::Warn {
                        level = (Level::Warn, *source);
                    }
                }
            }
        }
        level
    }

    pub fn is_enabled(&self, lint: &Lint) -> bool {
        self.level_of(lint).0 != Level::Allow
    }
}

// ---------------------------------------------------------------------------------------------
// Configuration files
// ---------------------------------------------------------------------------------------------

/// The name of leaklint's own configuration file.
///
/// # Where configuration is read from
///
/// - For each linted file, the nearest directory from the file's own up that holds a
///   `leaklint.toml`, a `.leaklint.toml` or a `Cargo.toml` with a
///   `[workspace.metadata.leaklint]` table gives the configuration (the first of these three
///   when there are several), as ruff finds its configuration ([`NearestConfig`]).
/// - **Workspace mode** (no PATH): then, for each package, the `[package.metadata.leaklint]`
///   table of its own `Cargo.toml`.
///
/// `-A`/`-W`/`-D` on the command line apply after every file. Cargo's own `[lints]` table is
/// never read: cargo checks the tool names there.
///
/// # Format
///
/// ```toml
/// [lints]
/// receiver_dropped = "deny"               # a lint
/// "leaklint::receiver_dropped" = "deny"   # the same (quoted: `::` needs quotes in TOML)
/// pedantic = "warn"                       # a group: correctness, suspicious, pedantic, restriction
/// all = "deny"                            # the default-on groups (correctness and suspicious)
/// warnings = "deny"                       # every lint that would warn
/// unused-suppression = { level = "allow", priority = 1 }
/// ```
///
/// In `Cargo.toml` the same `lints` table sits under the metadata table:
/// `[workspace.metadata.leaklint.lints]` or `[package.metadata.leaklint.lints]`.
///
/// Levels are `"allow"`, `"warn"` and `"deny"`; `"forbid"` is accepted as `"deny"`.
///
/// Order does not depend on where a line is in the file: settings apply by `priority`
/// (default 0, lower first), then from the widest to the narrowest (`all`, then groups, then
/// single lints), so `receiver_dropped = "allow"` beside `all = "deny"` always allows it.
pub const CONFIG_FILE: &str = "leaklint.toml";

/// The table of a `Cargo.toml` that can hold leaklint's configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestTable {
    /// `[workspace.metadata.leaklint]`
    Workspace,
    /// `[package.metadata.leaklint]`
    Package,
}

impl ManifestTable {
    fn first_key(self) -> &'static str {
        match self {
            ManifestTable::Workspace => "workspace",
            ManifestTable::Package => "package",
        }
    }

    /// The table as written in TOML: `[workspace.metadata.leaklint]`.
    pub fn header(self) -> String {
        format!("[{}.metadata.leaklint]", self.first_key())
    }
}

/// One `NAME = LEVEL` entry of a configuration.
#[derive(Clone, Debug)]
pub struct Setting {
    pub selector: Selector,
    pub level: Level,
    pub priority: i64,
    /// Byte offset of the entry in its file: the order among equals.
    position: usize,
}

impl Setting {
    /// Wider selectors apply first so that narrower ones override them.
    fn specificity(&self) -> u8 {
        match self.selector {
            Selector::All => 0,
            Selector::Group(_) => 1,
            Selector::Lint(_) => 2,
            Selector::Warnings => 3,
        }
    }
}

/// A configuration read from one file, its settings in the order they apply.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where it came from, for messages: `leaklint.toml` or
    /// `Cargo.toml [workspace.metadata.leaklint]`.
    pub origin: String,
    pub settings: Vec<Setting>,
    /// The APIs declared in its `[apis]` table.
    pub apis: Apis,
}

impl Config {
    /// Adds the settings to a level table, after what it already holds, and the declared
    /// APIs to its catalogue.
    pub fn apply(&self, levels: &mut Levels) {
        for s in &self.settings {
            levels.push(s.selector.clone(), s.level, LevelSource::Config);
        }
        if !self.apis.is_empty() {
            levels.apis = self.apis.extend(levels.apis);
        }
    }

    /// Reads a `leaklint.toml`. `display` is the path shown in messages.
    pub fn load(path: &Path, display: &str) -> Result<Config, ConfigError> {
        let text = read_config(path, display)?;
        Config::parse(display, &text)
    }

    /// Parses the text of a `leaklint.toml` (shown as `display` in messages).
    pub fn parse(display: &str, text: &str) -> Result<Config, ConfigError> {
        let error = ErrorContext { display, text };
        let doc = toml::de::DeTable::parse(text).map_err(|e| error.toml(e))?;
        let (settings, apis) = parse_table(doc.get_ref(), "leaklint.toml", &error)?;
        Ok(Config {
            origin: display.to_string(),
            settings,
            apis,
        })
    }

    /// Reads leaklint's table of a `Cargo.toml`; `None` when the manifest has none.
    pub fn load_manifest(
        path: &Path,
        display: &str,
        table: ManifestTable,
    ) -> Result<Option<Config>, ConfigError> {
        let text = read_config(path, display)?;
        Config::parse_manifest(display, &text, table)
    }

    /// Parses leaklint's table out of the text of a `Cargo.toml`.
    pub fn parse_manifest(
        display: &str,
        text: &str,
        table: ManifestTable,
    ) -> Result<Option<Config>, ConfigError> {
        // A manifest that never says `leaklint` holds no table of ours, and its syntax is
        // cargo's to report: most manifests of a workspace or a vendor tree are not parsed.
        if !text.contains("leaklint") {
            return Ok(None);
        }
        let error = ErrorContext { display, text };
        let doc = toml::de::DeTable::parse(text).map_err(|e| error.toml(e))?;
        let header = table.header();
        let Some(value) = doc
            .get_ref()
            .get(table.first_key())
            .and_then(|v| v.get_ref().get("metadata"))
            .and_then(|v| v.get_ref().get("leaklint"))
        else {
            return Ok(None);
        };
        let DeValue::Table(leaklint) = value.get_ref() else {
            return Err(error.at(
                value.span(),
                format!("{header} must be a table, not {}", a(value.get_ref())),
                None,
            ));
        };
        let (settings, apis) = parse_table(leaklint, &header, &error)?;
        Ok(Some(Config {
            origin: format!("{display} {header}"),
            settings,
            apis,
        }))
    }
}

/// The names of leaklint's own configuration file, in precedence order within a directory.
pub const CONFIG_FILES: [&str; 2] = [CONFIG_FILE, ".leaklint.toml"];

/// The configuration a directory holds: its `leaklint.toml`, else its `.leaklint.toml`, else
/// the `[workspace.metadata.leaklint]` table of its `Cargo.toml`. Also returns a warning for
/// each one that is shadowed by another of the same directory. Shown paths are relative to
/// `base`.
///
/// # Errors
/// A configuration file that cannot be read or parsed.
pub fn dir_config(dir: &Path, base: &Path) -> Result<(Option<Config>, Vec<String>), ConfigError> {
    let mut found = Vec::new();
    for name in CONFIG_FILES {
        let file = dir.join(name);
        if file.is_file() {
            found.push(Config::load(&file, &display_path(&file, base))?);
        }
    }
    let manifest = dir.join("Cargo.toml");
    let mut warnings = Vec::new();
    if manifest.is_file() {
        let display = display_path(&manifest, base);
        let text = read_config(&manifest, &display)?;
        warnings.extend(misplaced_lints_table(&display, &text));
        found.extend(Config::parse_manifest(
            &display,
            &text,
            ManifestTable::Workspace,
        )?);
    }
    let mut found = found.into_iter();
    let Some(config) = found.next() else {
        return Ok((None, warnings));
    };
    warnings.extend(found.map(|shadowed| {
        format!(
            "ignoring {}: `{}` takes precedence (keep one of them)",
            shadowed.origin, config.origin
        )
    }));
    Ok((Some(config), warnings))
}

/// A warning for a `[lints.leaklint]` or `[workspace.lints.leaklint]` table (where clippy's
/// levels go): cargo checks the tool names of its `lints` table, so leaklint's levels live
/// under `metadata` instead, and that table would be silently ignored.
fn misplaced_lints_table(display: &str, text: &str) -> Option<String> {
    if !text.contains("leaklint") {
        return None;
    }
    let doc: toml::Table = toml::from_str(text).ok()?;
    let lints = |t: &toml::Table| {
        t.get("lints")
            .and_then(|l| l.as_table())
            .is_some_and(|l| l.contains_key("leaklint"))
    };
    let (table, instead) = if lints(&doc) {
        ("[lints.leaklint]", "[package.metadata.leaklint.lints]")
    } else if doc
        .get("workspace")
        .and_then(|w| w.as_table())
        .is_some_and(lints)
    {
        (
            "[workspace.lints.leaklint]",
            "[workspace.metadata.leaklint.lints]",
        )
    } else {
        return None;
    };
    Some(format!(
        "ignoring {table} in {display}: cargo's `lints` table takes only rustc's and its own tools' lints; put leaklint's levels in {instead} (or a leaklint.toml)"
    ))
}

/// The nearest configuration above each directory, as ruff finds it: the first directory,
/// from the given one up, that holds one (see [`dir_config`]). Lookups are cached per
/// directory, and each configuration is read once.
#[derive(Debug)]
pub struct NearestConfig {
    base: PathBuf,
    /// The directory's nearest configuration, as an index into `configs`.
    cache: std::collections::HashMap<PathBuf, Option<usize>>,
    /// Every configuration found, with the directory that holds it.
    pub configs: Vec<(PathBuf, Config)>,
    /// Shadowed files (see [`dir_config`]), each once.
    pub warnings: Vec<String>,
}

impl NearestConfig {
    /// Shown paths are relative to `base`.
    pub fn new(base: &Path) -> Self {
        NearestConfig {
            base: base.to_path_buf(),
            cache: Default::default(),
            configs: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The index in [`NearestConfig::configs`] of the configuration that applies in `dir`.
    ///
    /// # Errors
    /// A configuration file on the way up that cannot be read or parsed.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        let mut walked = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(&cached) = self.cache.get(d) {
                found = cached;
                break;
            }
            walked.push(d.to_path_buf());
            let (config, warnings) = dir_config(d, &self.base)?;
            self.warnings.extend(warnings);
            if let Some(config) = config {
                self.configs.push((d.to_path_buf(), config));
                found = Some(self.configs.len() - 1);
                break;
            }
        }
        for d in walked {
            self.cache.insert(d, found);
        }
        Ok(found)
    }
}

/// The level tables of a run: one per distinct pair of nearest configuration and package.
#[derive(Debug, Default)]
pub struct RunLevels {
    /// The tables, each: defaults, the nearest configuration, the package's table, then the
    /// command line.
    pub tables: Vec<Levels>,
    /// For each file given to [`run_levels`], the index of its table.
    pub table_of: Vec<usize>,
    /// For each table, the origins of the configurations it applies (for `--verbose`).
    pub origins: Vec<Vec<String>>,
    /// For each table, the origin of its nearest configuration file, if any.
    pub nearest: Vec<Option<String>>,
    /// Shadowed configuration files.
    pub warnings: Vec<String>,
    /// The directories whose configuration applies to at least one file.
    pub used_dirs: Vec<PathBuf>,
}

/// The levels of each file: `files` gives each file's directory and unit (index into
/// `packages`, the manifest of each unit's package, `None` in path mode). Shown paths are
/// relative to `base`.
///
/// # Errors
/// A configuration file that cannot be read or parsed.
pub fn run_levels(
    files: &[(&Path, usize)],
    packages: &[Option<&Path>],
    base: &Path,
    flags: &[(Selector, Level)],
) -> Result<RunLevels, ConfigError> {
    let mut nearest = NearestConfig::new(base);
    let mut package_configs = Vec::new();
    for manifest in packages {
        package_configs.push(match manifest {
            Some(m) => Config::load_manifest(m, &display_path(m, base), ManifestTable::Package)?,
            None => None,
        });
    }
    let mut run = RunLevels::default();
    let mut keys: Vec<(Option<usize>, usize)> = Vec::new();
    for &(dir, unit) in files {
        let shared = nearest.for_dir(dir)?;
        let key = (shared, unit);
        let index = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                let package = package_configs.get(unit).and_then(Option::as_ref);
                let shared = shared.map(|i| &nearest.configs[i].1);
                let mut levels = Levels::default();
                let mut origins = Vec::new();
                for config in [shared, package].into_iter().flatten() {
                    config.apply(&mut levels);
                    origins.push(config.origin.clone());
                }
                for (selector, level) in flags {
                    levels.push(selector.clone(), *level, LevelSource::CommandLine);
                }
                keys.push(key);
                run.nearest.push(shared.map(|c| c.origin.clone()));
                run.tables.push(levels);
                run.origins.push(origins);
                run.tables.len() - 1
            }
        };
        run.table_of.push(index);
    }
    if run.tables.is_empty() {
        let mut levels = Levels::default();
        for (selector, level) in flags {
            levels.push(selector.clone(), *level, LevelSource::CommandLine);
        }
        run.tables.push(levels);
        run.origins.push(Vec::new());
        run.nearest.push(None);
    }
    run.warnings = nearest.warnings;
    run.used_dirs = keys
        .iter()
        .filter_map(|(shared, _)| Some(nearest.configs[(*shared)?].0.clone()))
        .collect();
    Ok(run)
}

fn read_config(path: &Path, display: &str) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| ConfigError {
        display: display.to_string(),
        text: String::new(),
        span: None,
        message: format!("cannot read `{display}`: {e}"),
        help: None,
    })
}

/// Parses the `lints` and `apis` tables inside leaklint's table (`table_name` is that table,
/// for messages).
fn parse_table(
    table: &DeTable<'_>,
    table_name: &str,
    error: &ErrorContext<'_>,
) -> Result<(Vec<Setting>, Apis), ConfigError> {
    let mut settings = Vec::new();
    let mut declared = Apis::default();
    for (key, value) in table.iter() {
        if key.get_ref() == "apis" {
            declared = apis::parse(value, error)?;
            continue;
        }
        if key.get_ref() != "lints" {
            return Err(error.at(
                key.span(),
                format!("unknown key `{}` in {table_name}", key.get_ref()),
                Some(
                    "the keys are `lints`, a table of `LINT = \"LEVEL\"` entries, and `apis` \
                     (see `cargo leaklint --explain config`)"
                        .into(),
                ),
            ));
        }
        let DeValue::Table(lints) = value.get_ref() else {
            return Err(error.at(
                value.span(),
                format!("`lints` must be a table, not {}", a(value.get_ref())),
                Some("write `[lints]` and put `LINT = \"LEVEL\"` entries under it".into()),
            ));
        };
        for (name, value) in lints.iter() {
            settings.push(parse_setting(name, value, error)?);
        }
    }
    settings.sort_by_key(|s| (s.priority, s.specificity(), s.position));
    Ok((settings, declared))
}

fn parse_setting(
    name: &Spanned<DeString<'_>>,
    value: &Spanned<DeValue<'_>>,
    error: &ErrorContext<'_>,
) -> Result<Setting, ConfigError> {
    let selector = Selector::parse(name.get_ref()).map_err(|_| {
        error.at(
            name.span(),
            format!("unknown lint or group `{}`", name.get_ref()),
            Some(match suggest(name.get_ref()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "run `cargo leaklint --list` to see every lint and group".into(),
            }),
        )
    })?;
    let type_help = || {
        Some(
            "write a level (`\"allow\"`, `\"warn\"` or `\"deny\"`) or a table \
             `{ level = \"deny\", priority = 1 }`"
                .to_string(),
        )
    };
    let (level, priority) = match value.get_ref() {
        DeValue::String(s) => (parse_level(s, value.span(), error)?, 0),
        DeValue::Table(t) => {
            let mut level = None;
            let mut priority = 0;
            for (k, v) in t.iter() {
                match (k.get_ref().as_ref(), v.get_ref()) {
                    ("level", DeValue::String(s)) => level = Some(parse_level(s, v.span(), error)?),
                    ("priority", DeValue::Integer(i)) => {
                        priority = i64::from_str_radix(i.as_str(), i.radix()).map_err(|_| {
                            error.at(v.span(), "`priority` is out of range".into(), None)
                        })?
                    }
                    ("level" | "priority", other) => {
                        let expected = if k.get_ref() == "level" {
                            "a string"
                        } else {
                            "an integer"
                        };
                        return Err(error.at(
                            v.span(),
                            format!("`{}` must be {expected}, not {}", k.get_ref(), a(other)),
                            None,
                        ));
                    }
                    (other, _) => {
                        return Err(error.at(
                            k.span(),
                            format!(
                                "unknown key `{other}` in the setting of `{}`",
                                name.get_ref()
                            ),
                            Some("the keys are `level` and `priority`".into()),
                        ))
                    }
                }
            }
            let Some(level) = level else {
                return Err(error.at(
                    value.span(),
                    format!("the setting of `{}` has no `level`", name.get_ref()),
                    type_help(),
                ));
            };
            (level, priority)
        }
        other => {
            return Err(error.at(
                value.span(),
                format!(
                    "the level of `{}` must be a string or a table, not {}",
                    name.get_ref(),
                    a(other)
                ),
                type_help(),
            ))
        }
    };
    Ok(Setting {
        selector,
        level,
        priority,
        position: name.span().start,
    })
}

/// A value's TOML type with its article: "an integer".
fn a(value: &DeValue<'_>) -> String {
    let kind = value.type_str();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

fn parse_level(
    text: &str,
    span: std::ops::Range<usize>,
    error: &ErrorContext<'_>,
) -> Result<Level, ConfigError> {
    match text {
        "allow" => Ok(Level::Allow),
        "warn" => Ok(Level::Warn),
        "deny" | "forbid" => Ok(Level::Deny),
        _ => Err(error.at(
            span,
            format!("unknown level `{text}`"),
            Some("the levels are `allow`, `warn` and `deny` (`forbid` means `deny`)".into()),
        )),
    }
}

/// The closest lint, group or special name to a misspelt one.
pub fn suggest(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let name = name
        .strip_prefix("leaklint::")
        .unwrap_or(name)
        .replace('-', "_")
        .to_lowercase();
    let candidates: Vec<&'static str> = LINTS
        .iter()
        .map(|l| l.name)
        .chain(Group::ALL.iter().map(|g| g.name()))
        .chain(["all", "warnings"])
        .collect();
    closest(&name, &candidates)
}

/// The candidate closest to a misspelt `name` (at most a third of its letters off).
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|&c| (edit_distance(name, c), c))
        .filter(|&(d, c)| d > 0 && d <= (c.len() / 3).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, in chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// What is needed to point an error at a place of a configuration file.
struct ErrorContext<'a> {
    display: &'a str,
    text: &'a str,
}

impl ErrorContext<'_> {
    fn at(
        &self,
        span: std::ops::Range<usize>,
        message: String,
        help: Option<String>,
    ) -> ConfigError {
        ConfigError {
            display: self.display.to_string(),
            text: self.text.to_string(),
            span: Some(span),
            message,
            help,
        }
    }

    fn toml(&self, e: toml::de::Error) -> ConfigError {
        let span = e.span().unwrap_or(0..0);
        let line_start = self.text[..span.start.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line = self.text[line_start..].lines().next().unwrap_or("");
        let help = (line.contains("::")
            && !line.contains("\"leaklint::")
            && !line.contains("'leaklint::"))
        .then(|| {
            "put a name with `::` in quotes (`\"leaklint::NAME\" = ...`), or leave out `leaklint::`"
                .into()
        });
        self.at(span, format!("invalid TOML: {}", e.message().trim()), help)
    }
}

/// A configuration file that cannot be read or is wrong: a usage error (exit status 2).
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The path of the file, as shown in messages.
    pub display: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// Where in the text the problem is.
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
    pub help: Option<String>,
}

impl ConfigError {
    /// 1-based line and column of the problem.
    pub fn position(&self) -> Option<Position> {
        let span = self.span.as_ref()?;
        let file = SourceFile::new(
            PathBuf::from(&self.display),
            self.display.clone(),
            self.text.clone(),
        );
        Some(file.position(span.start))
    }

    /// Renders the error as rustc does, with the offending line, to `out`.
    pub fn render(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        use codespan_reporting::diagnostic::{Diagnostic, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term::{self, termcolor};

        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let mut diagnostic = Diagnostic::error().with_message(&self.message);
        if let Some(span) = &self.span {
            let end = span.end.max(span.start).min(self.text.len());
            let start = span.start.min(end);
            diagnostic = diagnostic.with_labels(vec![Label::primary((), start..end)]);
        }
        if let Some(help) = &self.help {
            diagnostic.notes.push(format!("help: {help}"));
        }
        let file = SimpleFile::new(self.display.as_str(), self.text.as_str());
        term::emit_to_write_style(&mut buffer, &term::Config::default(), &file, &diagnostic)
            .map_err(std::io::Error::other)?;
        out.write_all(buffer.as_slice())
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position() {
            Some(p) => write!(
                f,
                "{}:{}:{}: {}",
                self.display, p.line, p.column, self.message
            )?,
            None => write!(f, "{}", self.message)?,
        }
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_settings_win_and_warnings_promotes() {
        let lint = lints::find("receiver_dropped").unwrap();
        let mut levels = Levels::default();
        assert_eq!(levels.level_of(lint).0, Level::Warn);
        levels.push(
            Selector::parse("leaklint::suspicious").unwrap(),
            Level::Allow,
            LevelSource::CommandLine,
        );
        assert_eq!(levels.level_of(lint).0, Level::Allow);
        levels.push(
            Selector::parse("leaklint::receiver_dropped").unwrap(),
            Level::Warn,
            LevelSource::CommandLine,
        );
        levels.push(Selector::Warnings, Level::Deny, LevelSource::CommandLine);
        assert_eq!(levels.level_of(lint).0, Level::Deny);
        assert!(Selector::parse("leaklint::nope").is_err());
    }
    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("leaklint.toml", text)
    }

    fn level(config: &Config) -> Level {
        let mut levels = Levels::default();
        config.apply(&mut levels);
        levels.level_of(lints::find("receiver_dropped").unwrap()).0
    }

    #[test]
    fn narrower_settings_win_at_equal_priority_wherever_they_are() {
        let config = parse("[lints]\nreceiver-dropped = \"allow\"\nall = \"deny\"\n").unwrap();
        assert_eq!(level(&config), Level::Allow);
        let config = parse(
            "[lints]\nleaklint::receiver_dropped = \"allow\"\n\
             suspicious = { level = \"forbid\", priority = 1 }\n",
        );
        // `:` cannot be in a bare key.
        assert!(parse_err(config).ends_with(
            "(help: put a name with `::` in quotes (`\"leaklint::NAME\" = ...`), or leave out `leaklint::`)"
        ));
        let config = parse(
            "[lints]\n\"leaklint::receiver_dropped\" = \"allow\"\n\
             suspicious = { level = \"forbid\", priority = 1 }\n",
        )
        .unwrap();
        assert_eq!(level(&config), Level::Deny);
        assert!(parse("").unwrap().settings.is_empty());
    }

    fn parse_err(result: Result<Config, ConfigError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let cases = [
            ("[lints]\nreceiver_dropped = \"loud\"\n", "leaklint.toml:2:20: unknown level `loud`"),
            ("[lints]\nrecever_dropped = \"deny\"\n", "leaklint.toml:2:1: unknown lint or group `recever_dropped` (help: did you mean `receiver_dropped`?)"),
            ("[lints]\nreceiver_dropped = 3\n", "leaklint.toml:2:20: the level of `receiver_dropped` must be a string or a table, not an integer"),
            ("[lints]\nreceiver_dropped = { priority = 1 }\n", "leaklint.toml:2:20: the setting of `receiver_dropped` has no `level`"),
            ("[lints]\nreceiver_dropped = { level = \"deny\", prio = 1 }\n", "leaklint.toml:2:38: unknown key `prio`"),
            ("lints = [1]\n", "leaklint.toml:1:9: `lints` must be a table, not an array"),
            ("[lint]\n", "leaklint.toml:1:2: unknown key `lint` in leaklint.toml"),
            ("[lints\n", "leaklint.toml:1:7: invalid TOML: unclosed table"),
            ("[lints]\na = \"deny\"\na = \"deny\"\n", "leaklint.toml:3:1: invalid TOML: duplicate key"),
        ];
        for (text, expected) in cases {
            let error = parse_err(parse(text));
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn a_manifest_that_never_names_leaklint_is_not_parsed() {
        // Not TOML, but not ours either: cargo reports it.
        let broken = "[package\nname = \"x\"\n";
        for table in [ManifestTable::Package, ManifestTable::Workspace] {
            assert!(Config::parse_manifest("Cargo.toml", broken, table)
                .unwrap()
                .is_none());
        }
        assert!(misplaced_lints_table("Cargo.toml", broken).is_none());
        // Once it names leaklint, its syntax errors are reported.
        let ours = "[package\n[package.metadata.leaklint]\n";
        assert!(Config::parse_manifest("Cargo.toml", ours, ManifestTable::Package).is_err());
    }

    #[test]
    fn manifest_tables() {
        let text = "[package]\nname = \"x\"\n\n[package.metadata.leaklint.lints]\nreceiver_dropped = \"deny\"\n";
        let package = Config::parse_manifest("Cargo.toml", text, ManifestTable::Package)
            .unwrap()
            .unwrap();
        assert_eq!(package.origin, "Cargo.toml [package.metadata.leaklint]");
        assert_eq!(level(&package), Level::Deny);
        assert!(
            Config::parse_manifest("Cargo.toml", text, ManifestTable::Workspace)
                .unwrap()
                .is_none()
        );
        let error = Config::parse_manifest(
            "Cargo.toml",
            "[workspace.metadata]\nleaklint = 1\n",
            ManifestTable::Workspace,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Cargo.toml:2:12: [workspace.metadata.leaklint] must be a table, not an integer"
        );
    }

    #[test]
    fn a_lints_table_for_leaklint_in_cargo_toml_is_warned_about() {
        let package = "[package]\nname = \"p\"\n[lints.leaklint]\nreceiver_dropped = \"deny\"\n";
        let warning = misplaced_lints_table("Cargo.toml", package).unwrap();
        assert!(
            warning.starts_with("ignoring [lints.leaklint] in Cargo.toml"),
            "{warning}"
        );
        assert!(
            warning.contains("[package.metadata.leaklint.lints]"),
            "{warning}"
        );
        let workspace = "[workspace]\n[workspace.lints.leaklint]\nall = \"deny\"\n";
        let warning = misplaced_lints_table("Cargo.toml", workspace).unwrap();
        assert!(
            warning.contains("[workspace.metadata.leaklint.lints]"),
            "{warning}"
        );
        // clippy's table, and leaklint's table where it belongs: no warning.
        let fine =
            "[lints.clippy]\nall = \"warn\"\n[package.metadata.leaklint.lints]\nall = \"deny\"\n";
        assert_eq!(misplaced_lints_table("Cargo.toml", fine), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("leaklint::reciever-dropped"),
            Some("receiver_dropped")
        );
        assert_eq!(suggest("pedantik"), Some("pedantic"));
        assert_eq!(suggest("something_else"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}

//! Lint levels: defaults from the groups, then configuration files, then `-A/-W/-D` flags.
//! Later settings win, as in rustc.

use crate::diagnostic::{Level, LevelSource};
use crate::lints::{self, Group, Lint};

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

/// The level table of one run (or one package).
#[derive(Clone, Debug, Default)]
pub struct Levels {
    settings: Vec<(Selector, Level, LevelSource)>,
}

impl Levels {
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
}

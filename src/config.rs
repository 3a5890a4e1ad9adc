//! Configuration: the embedded `config.toml` merged with the user's file.

use crate::loader::lexicon::LexiconConfig;
use serde::Deserialize;

/// The shipped default configuration, documented line by line.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// The whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub lexicon: LexiconConfig,
}

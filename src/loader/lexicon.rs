//! Lexicons: reporting verbs, section cues and hedges, embedded defaults merged with the user's.

/// The word lists the analysis uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

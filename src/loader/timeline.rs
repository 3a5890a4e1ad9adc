//! Time expressions: found in a sentence and resolved against the reference date.

use crate::model::Precision;
use jiff::civil::Date;

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offsets within the sentence.
    pub start: usize,
    pub end: usize,
    /// ISO 8601 prefix, or `None` when it cannot be resolved.
    pub value: Option<String>,
    pub precision: Option<Precision>,
}

/// Finds the time expressions of one sentence, left to right, resolving them against
/// `reference` (the document's date) when there is one.
pub fn find(sentence: &str, reference: Option<Date>) -> Vec<Found> {
    let _ = (sentence, reference);
    Vec::new()
}

//! Output of `debrief analyze`: JSON (one object per document) or a readable text report.

use crate::model::Briefing;

/// The JSON form of a briefing, on one line.
pub fn json(briefing: &Briefing) -> String {
    serde_json::to_string(briefing).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

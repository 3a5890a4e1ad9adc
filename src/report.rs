//! Output of `debrief analyze`: JSON (one object per document) or a readable text report.

use crate::model::Briefing;

mod json;

/// The JSON form of a briefing, on one line.
pub fn json(briefing: &Briefing) -> String {
    let mut out = Vec::new();
    json::write_briefing(&mut out, briefing, None).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON of UTF-8 text is UTF-8")
}

/// Writes the JSON form of a briefing and a newline, without building it in memory first;
/// with a `path`, that is its first field (the form of one document among several).
pub fn write_json(
    out: &mut impl std::io::Write,
    briefing: &Briefing,
    path: Option<&str>,
) -> std::io::Result<()> {
    json::write_briefing(out, briefing, path)?;
    out.write_all(b"\n")
}

/// A readable report: sentences grouped by section with their speakers, then the timeline.
pub fn text(briefing: &Briefing) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if let Some(t) = &briefing.title {
        let _ = writeln!(out, "{t}");
    }
    let _ = writeln!(
        out,
        "date: {}   format: {}   sentences: {}",
        briefing.date.as_deref().unwrap_or("unknown"),
        briefing.format.as_str(),
        briefing.sentences.len()
    );
    for section in crate::model::Section::ALL {
        let items: Vec<_> = briefing.in_section(section).collect();
        let _ = writeln!(out, "\n{} ({})", section.title(), items.len());
        for s in items {
            let who = briefing.speaker_names(s);
            let who = if who.is_empty() {
                "writer".to_owned()
            } else {
                who
            };
            let _ = writeln!(out, "  [{}] {who}: {}", s.id, s.text);
        }
    }
    if !briefing.sources.is_empty() {
        let _ = writeln!(out, "\nSpeakers");
        for s in &briefing.sources {
            let _ = writeln!(
                out,
                "  {} ({})",
                s.name,
                s.party.as_deref().unwrap_or("party unknown")
            );
        }
    }
    if !briefing.timeline.is_empty() {
        let _ = writeln!(out, "\nTimeline");
        for t in &briefing.timeline {
            let _ = writeln!(
                out,
                "  {:<10} {:<24} [{}]",
                t.value.as_deref().unwrap_or("undated"),
                t.text,
                t.sentence
            );
        }
    }
    out
}

//! `debrief export-gold`: a briefing's reading (the machine's, with the analyst's
//! corrections) as a gold file in the corpus format (`shared/spec/annotation.md`), so a
//! team can retrain the section model on its own briefings.
//!
//! Every sentence gets a `[[sentence]]` entry, in document order, whose anchor is a stretch
//! of its words found exactly once in the document's text (after the front matter) and after
//! the previous anchor; each speaker used gets its party and other names; each time value
//! the corpus annotates (a year, month or day) gets a `[[time]]` entry.

use super::key;
use crate::model::Briefing;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The front matter keys the corpus format asks for.
pub const FRONT_MATTER: [&str; 5] = ["title", "date", "source", "license", "format"];

/// The party written for a speaker whose party is not known (every speaker needs one).
pub const UNKNOWN_PARTY: &str = "unknown";

/// A gold file and what the person should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub text: String,
    /// Sentences, time expressions or front matter the file could not do right.
    pub notes: Vec<String>,
    /// Entries written: sentences and time expressions.
    pub sentences: usize,
    pub times: usize,
}

/// The text after the front matter, as the corpus tools split it: from the line after a
/// closing `+++` when the document opens with `+++`.
pub fn body(text: &str) -> (&str, &str) {
    if let Some(rest) = text.strip_prefix("+++")
        && let Some(end) = rest.find("\n+++")
    {
        return (&rest[..end], &rest[end + 4..]);
    }
    ("", text)
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// How often `needle` occurs in `hay`, counting no further than two, and where first.
fn occurrences(hay: &str, needle: &str) -> (usize, Option<usize>) {
    let mut it = memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes());
    let first = it.next();
    (
        first.map_or(0, |_| 1 + usize::from(it.next().is_some())),
        first,
    )
}

/// The gold file of `briefing`, whose document text (front matter included) is `text`.
pub fn export(briefing: &Briefing, text: &str) -> Gold {
    let (front, body) = body(text);
    let mut notes = Vec::new();
    let front: toml::Table = toml::from_str(front).unwrap_or_default();
    let missing: Vec<&str> = FRONT_MATTER
        .into_iter()
        .filter(|k| !front.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "the front matter (between +++ lines) lacks {}, which the corpus format asks for",
            missing.join(", ")
        ));
    }
    let mut out = String::new();
    let mut used: BTreeMap<&str, (&crate::model::Source, usize)> = BTreeMap::new();
    let mut sentences = String::new();
    let mut last = 0;
    let mut written = 0;
    for s in &briefing.sentences {
        // Six words from the middle, the whole sentence, then shorter stretches (a stretch
        // broken across two lines of the file is not found verbatim).
        let shorter = (3..key::ANCHOR_WORDS)
            .rev()
            .flat_map(|k| key::windows(&s.text, k));
        let found =
            key::candidates(&s.text)
                .chain(shorter)
                .find_map(|c| match occurrences(body, c) {
                    (1, Some(at)) if at >= last => Some((c, at)),
                    _ => None,
                });
        let Some((anchor, at)) = found else {
            notes.push(format!(
                "sentence {} has no stretch of words found once in the text after the one \
                 before it; left out: {:?}",
                s.id + 1,
                s.text.chars().take(60).collect::<String>()
            ));
            continue;
        };
        last = at;
        written += 1;
        let names: Vec<String> = s
            .speakers
            .iter()
            .filter_map(|&i| briefing.sources.get(i))
            .map(|src| {
                used.entry(src.name.as_str()).or_insert((src, 0)).1 += 1;
                quoted(&src.name)
            })
            .collect();
        let _ = writeln!(sentences, "\n[[sentence]]");
        let _ = writeln!(sentences, "anchor = {}", quoted(anchor));
        let _ = writeln!(sentences, "section = {}", quoted(s.section.as_str()));
        let _ = writeln!(sentences, "speakers = [{}]", names.join(", "));
    }
    let _ = writeln!(
        out,
        "# Gold reading written by `debrief export-gold`: the analysis with the analyst's corrections."
    );
    out.push_str("\n[aliases]\n");
    for (name, (src, _)) in &used {
        let others: Vec<String> = src
            .mentions
            .iter()
            .filter(|m| m.as_str() != *name)
            .map(|m| quoted(m))
            .collect();
        if !others.is_empty() {
            let _ = writeln!(out, "{} = [{}]", quoted(name), others.join(", "));
        }
    }
    out.push_str("\n[parties]\n");
    let mut unknown = Vec::new();
    for (name, (src, _)) in &used {
        let party = match src.party.as_deref() {
            Some(p) => p,
            None => {
                unknown.push(*name);
                UNKNOWN_PARTY
            }
        };
        let _ = writeln!(out, "{} = {}", quoted(name), quoted(party));
    }
    if !unknown.is_empty() {
        notes.push(format!(
            "no party known for {}: written as {UNKNOWN_PARTY:?} (correct the speakers in the \
             reader to give one)",
            unknown.join(", ")
        ));
    }
    out.push_str(&sentences);
    let mut times = 0;
    for t in &briefing.timeline {
        let Some(v) = t.value.as_deref() else {
            continue;
        };
        let iso = matches!(v.len(), 4 | 7 | 10)
            && v.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !iso || !body.contains(t.text.as_str()) {
            continue;
        }
        times += 1;
        let _ = writeln!(out, "\n[[time]]");
        let _ = writeln!(out, "anchor = {}", quoted(&t.text));
        let _ = writeln!(out, "value = {}", quoted(v));
    }
    Gold {
        text: out,
        notes,
        sentences: written,
        times,
    }
}

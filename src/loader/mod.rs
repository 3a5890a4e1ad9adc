//! The loader: bytes of a briefing become a [`Briefing`].
//!
//! Stages, each in its own module: [`text`] (decode, sanitise, front matter, paragraphs),
//! [`segment`] (sentences), [`attribute`] (speakers and parties, using [`gazetteer`]),
//! [`classify`] (sections, cues, claims, hedges, figures) and [`timeline`] (time expressions).
//! The loader is pure: no terminal, no I/O beyond the bytes it is given.

pub mod attribute;
pub mod classify;
pub mod dfa;
pub mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod patterns;
pub mod sections;
pub mod segment;
pub mod text;
pub mod timeline;
pub mod tokens;

use crate::model::{Briefing, Precision, Sentence, Span, SpanKind, TimeRef};
use jiff::civil::Date;
pub use lexicon::Lexicon;
pub use sections::SectionModel;
use std::sync::Arc;

/// Why a document could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("looks like a binary file (it contains NUL bytes)")]
    Binary,
}

/// What the loader needs besides the bytes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Overrides the document's own date as the reference for relative times.
    pub date: Option<Date>,
    /// The lexicons (reporting verbs, cues, hedges), defaults merged with the user's.
    pub lexicon: Arc<Lexicon>,
    /// The section model: the shipped weights, or the user's retrained ones.
    pub model: Arc<SectionModel>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            date: None,
            lexicon: Arc::default(),
            model: SectionModel::embedded(),
        }
    }
}

/// Parses `YYYY-MM-DD` (also accepting a TOML datetime that starts with one).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    head.parse::<Date>().ok()
}

/// Analyses one document.
pub fn load(bytes: &[u8], options: &Options) -> Result<Briefing, LoadError> {
    load_owned(bytes.to_vec(), options)
}

/// Analyses one document, taking its bytes so that a large one is not held twice.
pub fn load_owned(bytes: Vec<u8>, options: &Options) -> Result<Briefing, LoadError> {
    let mut warnings = Vec::new();
    let clean = text::decode(bytes, &mut warnings)?;
    let mut doc = text::front_matter(clean, warnings);
    let mut warnings = std::mem::take(&mut doc.warnings);
    let doc_date = match doc.date.as_deref() {
        Some(d) => {
            let parsed = parse_date(d);
            if parsed.is_none() {
                warnings.push(format!(
                    "front matter date {d:?} is not YYYY-MM-DD; ignored"
                ));
            }
            parsed
        }
        None => None,
    };
    let date = options.date.or(doc_date);
    let format = doc.format.unwrap_or_else(|| text::detect_format(&doc.body));
    // Each paragraph is split as soon as it is read: only its sentences are kept, so a
    // large document is not held twice.
    let mut sentences = Vec::new();
    let mut paragraph_count = 0;
    let body = std::mem::take(&mut doc.body);
    let (mut splitter, mut ranges) = (segment::Splitter::default(), Vec::new());
    let headings = text::each_paragraph(&body, format, |para, turn| {
        let turn = turn.map(str::to_owned);
        splitter.split_into(para, &mut ranges);
        for range in ranges.drain(..) {
            sentences.push(Sentence {
                id: sentences.len(),
                paragraph: paragraph_count,
                text: para[range].to_owned(),
                section: crate::model::Section::Context,
                speakers: Vec::new(),
                cues: Vec::new(),
                spans: Vec::new(),
                likelihood: None,
                turn: turn.clone(),
                correction: None,
            });
        }
        paragraph_count += 1;
    });
    drop(body);
    sentences.shrink_to_fit();

    let info = attribute::DocInfo {
        format,
        title: doc.title.as_deref(),
        source: doc.source.as_deref(),
        license: doc.license.as_deref(),
    };
    let scans: Vec<_> = sentences
        .iter()
        .map(|s| options.lexicon.scan(&s.text))
        .collect();
    let sources = attribute::attribute(&mut sentences, &scans, info);
    let times: Vec<bool> = sentences
        .iter()
        .zip(&scans)
        .map(|(s, scan)| may_hold_time(&s.text, scan))
        .collect();
    // Times first: a sentence's time expressions are among the features of its section.
    let timeline = find_times(&mut sentences, &times, date);
    classify::classify(&mut sentences, scans, &sources, format, &options.model);
    for s in &mut sentences {
        // A year is a time, not a figure.
        // Times sorted by start with the furthest end reached so far, so each figure is
        // checked by a binary search (a huge sentence has thousands of both).
        let mut times: Vec<(u32, u32)> = s
            .spans
            .iter()
            .filter(|sp| sp.kind == SpanKind::Time)
            .map(|sp| (sp.start, sp.end))
            .collect();
        times.sort_unstable();
        let mut furthest = 0;
        let reach: Vec<u32> = times
            .iter()
            .map(|&(_, b)| {
                furthest = furthest.max(b);
                furthest
            })
            .collect();
        s.spans.retain(|sp| {
            // Some time starting before the figure ends also ends after it starts.
            let k = times.partition_point(|&(a, _)| a < sp.end);
            sp.kind != SpanKind::Figure || k == 0 || reach[k - 1] <= sp.start
        });
        s.spans
            .sort_by_key(|sp| (sp.start, std::cmp::Reverse(sp.end), sp.kind));
        s.spans.shrink_to_fit();
        s.cues.shrink_to_fit();
    }

    Ok(Briefing {
        title: doc.title,
        date: date.map(|d| d.to_string()),
        source: doc.source,
        format,
        sources,
        sentences,
        timeline,
        headings,
        paragraphs: paragraph_count,
        warnings,
        corrections: None,
    })
}

/// Finds every sentence's time expressions, marks them as spans, and returns the timeline
/// sorted by value (undated last), then by position in the document.
/// `candidates` says which sentences may hold one.
fn find_times(sentences: &mut [Sentence], candidates: &[bool], date: Option<Date>) -> Vec<TimeRef> {
    let mut timeline = Vec::new();
    let mut anchor = None; // the last day told, for `the next day`
    for (s, _) in sentences.iter_mut().zip(candidates).filter(|(_, c)| **c) {
        for f in timeline::find_after(&s.text, date, &mut anchor) {
            s.spans.push(Span::new(SpanKind::Time, f.start, f.end));
            timeline.push(TimeRef {
                text: s.text[f.start..f.end].to_owned(),
                value: f.value,
                precision: f.precision,
                sentence: s.id,
                start: f.start,
                end: f.end,
            });
        }
    }
    timeline.sort_by(|a, b| {
        (a.value.is_none(), a.value.as_deref())
            .cmp(&(b.value.is_none(), b.value.as_deref()))
            .then(a.sentence.cmp(&b.sentence))
            .then(a.start.cmp(&b.start))
    });
    timeline
}

/// A cheap test that rules out most sentences with no time expression: every expression the
/// timeline knows has a digit, or a capitalised month, weekday or holiday name, or a word of
/// relative time (found by the lexicon pass).
fn may_hold_time(text: &str, scan: &lexicon::Scan) -> bool {
    scan.has_time_word() || tokens::has_digit(text)
}

/// The precision of an ISO prefix value.
pub fn precision_of(value: &str) -> Precision {
    match value.len() {
        4 => Precision::Year,
        7 => Precision::Month,
        _ => Precision::Day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_prefilter_lets_every_kind_of_expression_through() {
        for s in [
            "It happened in 2022.",
            "On Tuesday they met.",
            "They met yesterday.",
            "Talks resume tomorrow.",
            "Two weeks ago, it began.",
            "It ended last week.",
            "It starts next month.",
            "It began in the Spring of last year.",
            "By New Year’s Eve it was over.",
            "During Ramadan the city was quiet.",
            "It came this morning.",
            "Since August they have waited.",
            "the 4th of April",
            "Today, the council met.",
            "as recently as last night",
            "Over the weekend they met.",
            "Overnight, it rained.",
            "Aid stops in the new year.",
            "It ends by the end of the year.",
        ] {
            let lx = Lexicon::default();
            assert!(may_hold_time(s, &lx.scan(s)), "{s}");
            assert!(
                !timeline::find(s, parse_date("2024-10-23")).is_empty(),
                "{s}"
            );
        }
        // Counted from an earlier day, so found only in a document.
        for s in [
            "The following day it rained.",
            "Two days later it rained.",
            "The previous day",
        ] {
            assert!(may_hold_time(s, &Lexicon::default().scan(s)), "{s}");
        }
        let s = "The ministry denied the report in May, or so they may say.";
        assert!(may_hold_time(s, &Lexicon::default().scan(s)));
        let s = "The ministry denied the report; they may say so.";
        assert!(!may_hold_time(s, &Lexicon::default().scan(s)));
    }

    #[test]
    fn a_clean_document_loads_without_warnings() {
        let b = load(b"Officials said the talks failed.", &Options::default()).expect("loads");
        assert_eq!(b.sentences.len(), 1);
        assert!(b.warnings.is_empty());
    }
}

//! Briefings built by hand for the reader's tests, with speakers, spans and a timeline.
#![allow(dead_code)]

pub mod command;
pub mod controls;

use debrief::config::Config;
use debrief::loader::{self, Lexicon, Options};
use debrief::model::*;
use debrief::tui::App;
use std::sync::Arc;

fn span(text: &str, kind: SpanKind, words: &str) -> Span {
    let start = text.find(words).expect("words in the sentence");
    Span::new(kind, start, start + words.len())
}

fn sentence(
    id: usize,
    paragraph: usize,
    text: &str,
    section: Section,
    speakers: &[usize],
) -> Sentence {
    Sentence {
        id,
        paragraph,
        text: text.to_owned(),
        section,
        speakers: speakers.to_vec(),
        cues: Vec::new(),
        spans: Vec::new(),
        likelihood: None,
        turn: None,
        correction: None,
    }
}

fn source(id: usize, name: &str, party: Option<&str>, kind: SourceKind) -> Source {
    Source {
        id,
        name: name.to_owned(),
        party: party.map(str::to_owned),
        kind,
        mentions: vec![name.to_owned()],
    }
}

/// Six sentences over four sections, three speakers in two parties plus the writer.
pub fn briefing() -> Briefing {
    let t0 = "Seoul accused Pyongyang of sending 1,500 troops on Tuesday.";
    let t1 = "Pyongyang denied the report, calling it \u{201c}groundless\u{201d}.";
    let t2 = "Moscow also denied any exchange of arms since August 2023.";
    let t3 = "Seoul condemned the move and may send arms.";
    let t4 = "Since 2022 the war has continued.";
    let t5 = "Seoul said the troops allegedly trained in the Far East.";
    let mut s = vec![
        sentence(0, 0, t0, Section::Allegation, &[0]),
        sentence(1, 0, t1, Section::Denial, &[1]),
        sentence(2, 1, t2, Section::Denial, &[2]),
        sentence(3, 1, t3, Section::Response, &[0]),
        sentence(4, 2, t4, Section::Context, &[]),
        sentence(5, 2, t5, Section::Allegation, &[0]),
    ];
    s[0].spans = vec![
        span(t0, SpanKind::Speaker, "Seoul"),
        span(t0, SpanKind::Cue, "accused"),
        span(t0, SpanKind::Claim, "Pyongyang of sending 1,500 troops"),
        span(t0, SpanKind::Figure, "1,500"),
        span(t0, SpanKind::Time, "Tuesday"),
    ];
    let accused = t0.find("accused").expect("the cue is in the sentence");
    s[0].cues = vec![Cue::new(
        Section::Allegation,
        accused..accused + "accused".len(),
        "allegation verb",
    )];
    s[1].spans = vec![
        span(t1, SpanKind::Speaker, "Pyongyang"),
        span(t1, SpanKind::Cue, "denied"),
        span(t1, SpanKind::Quote, "\u{201c}groundless\u{201d}"),
    ];
    s[5].spans = vec![
        span(t5, SpanKind::Speaker, "Seoul"),
        span(t5, SpanKind::Reporting, "said"),
        span(t5, SpanKind::Hedge, "allegedly"),
    ];
    let time = |text: &str, value: Option<&str>, precision, sentence: usize, t: &str| {
        let start = t.find(text).unwrap();
        TimeRef {
            text: text.into(),
            value: value.map(Into::into),
            precision,
            sentence,
            start,
            end: start + text.len(),
        }
    };
    Briefing {
        title: Some("Troops and denials".into()),
        date: Some("2024-10-23".into()),
        source: None,
        format: Format::Article,
        sources: vec![
            source(0, "Seoul", Some("South Korea"), SourceKind::Country),
            source(1, "Pyongyang", Some("North Korea"), SourceKind::Country),
            source(2, "Moscow", Some("Russia"), SourceKind::Country),
        ],
        sentences: s,
        timeline: vec![
            time("2022", Some("2022"), Some(Precision::Year), 4, t4),
            time(
                "August 2023",
                Some("2023-08"),
                Some(Precision::Month),
                2,
                t2,
            ),
            time("Tuesday", Some("2024-10-22"), Some(Precision::Day), 0, t0),
        ],
        headings: Vec::new(),
        paragraphs: 3,
        warnings: Vec::new(),
        corrections: None,
    }
}

/// The bundled sample, analysed with the default lexicons.
pub fn sample() -> Briefing {
    load(debrief::cli::SAMPLE.as_bytes())
}

/// A briefing analysed from `bytes` with the default lexicons.
pub fn load(bytes: &[u8]) -> Briefing {
    let options = Options {
        date: None,
        lexicon: Arc::new(Lexicon::with_additions(&Default::default())),
        ..Options::default()
    };
    loader::load(bytes, &options).expect("the briefing loads")
}

/// A reader over `b` at `size`, with the default configuration.
pub fn app(b: Briefing, size: (u16, u16), color: bool) -> App {
    App::new(b, "test.txt", &Config::default(), color, false, size)
}

//! The JSON of a briefing, written field by field.
//!
//! `debrief analyze` prints several bytes of JSON per byte of input (every sentence with its
//! spans, cues and speakers), and serde's generic serializer spent more time on that than
//! some stages of the analysis. This writer produces the same bytes as
//! `serde_json::to_writer` on the [`Briefing`] (a test holds the two together): keys are
//! written as literals, strings are copied in runs between the few bytes JSON escapes.

use crate::model::{
    Briefing, Cue, Heading, Likelihood, Precision, Sentence, Source, SourceKind, Span, SpanKind,
    TimeRef,
};
use std::io::{self, Write};

/// Writes `briefing` as compact JSON, exactly as serde_json does; with a `path`, that comes
/// first (the form of one document among several).
pub fn write_briefing(out: &mut impl Write, b: &Briefing, path: Option<&str>) -> io::Result<()> {
    out.write_all(b"{")?;
    if let Some(path) = path {
        out.write_all(b"\"path\":")?;
        string(out, path)?;
        out.write_all(b",")?;
    }
    out.write_all(b"\"title\":")?;
    opt_str(out, b.title.as_deref())?;
    out.write_all(b",\"date\":")?;
    opt_str(out, b.date.as_deref())?;
    if let Some(source) = &b.source {
        out.write_all(b",\"source\":")?;
        string(out, source)?;
    }
    out.write_all(b",\"format\":\"")?;
    out.write_all(b.format.as_str().as_bytes())?;
    out.write_all(b"\",\"sources\":")?;
    list(out, &b.sources, source)?;
    out.write_all(b",\"sentences\":")?;
    list(out, &b.sentences, sentence)?;
    out.write_all(b",\"timeline\":")?;
    list(out, &b.timeline, time)?;
    out.write_all(b",\"headings\":")?;
    list(out, &b.headings, heading)?;
    out.write_all(b",\"paragraphs\":")?;
    number(out, b.paragraphs)?;
    out.write_all(b",\"warnings\":")?;
    list(out, &b.warnings, |out, w| string(out, w))?;
    out.write_all(b"}")
}

fn source(out: &mut impl Write, s: &Source) -> io::Result<()> {
    out.write_all(b"{\"id\":")?;
    number(out, s.id)?;
    out.write_all(b",\"name\":")?;
    string(out, &s.name)?;
    out.write_all(b",\"party\":")?;
    opt_str(out, s.party.as_deref())?;
    out.write_all(b",\"kind\":\"")?;
    out.write_all(source_kind(s.kind).as_bytes())?;
    out.write_all(b"\",\"mentions\":")?;
    list(out, &s.mentions, |out, m| string(out, m))?;
    out.write_all(b"}")
}

fn sentence(out: &mut impl Write, s: &Sentence) -> io::Result<()> {
    out.write_all(b"{\"id\":")?;
    number(out, s.id)?;
    out.write_all(b",\"paragraph\":")?;
    number(out, s.paragraph)?;
    out.write_all(b",\"text\":")?;
    string(out, &s.text)?;
    out.write_all(b",\"section\":\"")?;
    out.write_all(s.section.as_str().as_bytes())?;
    out.write_all(b"\",\"speakers\":")?;
    list(out, &s.speakers, |out, &id| number(out, id))?;
    out.write_all(b",\"cues\":")?;
    list(out, &s.cues, |out, c| cue(out, c, &s.text))?;
    out.write_all(b",\"spans\":")?;
    list(out, &s.spans, span)?;
    out.write_all(b",\"likelihood\":")?;
    match s.likelihood {
        Some(l) => {
            out.write_all(b"\"")?;
            out.write_all(likelihood(l).as_bytes())?;
            out.write_all(b"\"")?;
        }
        None => out.write_all(b"null")?,
    }
    if let Some(turn) = &s.turn {
        out.write_all(b",\"turn\":")?;
        string(out, turn)?;
    }
    if let Some(c) = &s.correction {
        out.write_all(b",\"corrected\":true,\"original\":{\"section\":\"")?;
        out.write_all(c.original.section.as_str().as_bytes())?;
        out.write_all(b"\",\"speakers\":")?;
        list(out, &c.original.speakers, |out, sp| {
            out.write_all(b"{\"name\":")?;
            string(out, &sp.name)?;
            out.write_all(b",\"party\":")?;
            opt_str(out, sp.party.as_deref())?;
            out.write_all(b"}")
        })?;
        out.write_all(b"}")?;
        if let Some(note) = &c.note {
            out.write_all(b",\"note\":")?;
            string(out, note)?;
        }
    }
    out.write_all(b"}")
}

fn cue(out: &mut impl Write, c: &Cue, sentence: &str) -> io::Result<()> {
    out.write_all(b"{\"section\":\"")?;
    out.write_all(c.section.as_str().as_bytes())?;
    out.write_all(b"\",\"text\":")?;
    string(out, c.text(sentence))?;
    out.write_all(b",\"rule\":")?;
    string(out, c.rule)?;
    out.write_all(b"}")
}

fn span(out: &mut impl Write, s: &Span) -> io::Result<()> {
    out.write_all(b"{\"kind\":\"")?;
    out.write_all(span_kind(s.kind).as_bytes())?;
    out.write_all(b"\",\"start\":")?;
    number(out, s.start as usize)?;
    out.write_all(b",\"end\":")?;
    number(out, s.end as usize)?;
    out.write_all(b"}")
}

fn time(out: &mut impl Write, t: &TimeRef) -> io::Result<()> {
    out.write_all(b"{\"text\":")?;
    string(out, &t.text)?;
    out.write_all(b",\"value\":")?;
    opt_str(out, t.value.as_deref())?;
    out.write_all(b",\"precision\":")?;
    opt_str(out, t.precision.map(precision))?;
    out.write_all(b",\"sentence\":")?;
    number(out, t.sentence)?;
    out.write_all(b",\"start\":")?;
    number(out, t.start)?;
    out.write_all(b",\"end\":")?;
    number(out, t.end)?;
    out.write_all(b"}")
}

fn heading(out: &mut impl Write, h: &Heading) -> io::Result<()> {
    out.write_all(b"{\"text\":")?;
    string(out, &h.text)?;
    out.write_all(b",\"level\":")?;
    number(out, h.level)?;
    out.write_all(b",\"paragraph\":")?;
    number(out, h.paragraph)?;
    out.write_all(b"}")
}

/// `[a,b,...]`, each item written by `item`.
fn list<W: Write, T>(
    out: &mut W,
    items: &[T],
    item: impl Fn(&mut W, &T) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        item(out, x)?;
    }
    out.write_all(b"]")
}

fn opt_str(out: &mut impl Write, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => out.write_all(b"null"),
    }
}

fn number(out: &mut impl Write, mut n: usize) -> io::Result<()> {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.write_all(&buf[i..])
}

/// A JSON string: `"`, `\` and control characters escaped as serde_json escapes them,
/// everything else copied as it is, in runs.
pub fn string(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.write_all(&bytes[from..i])?;
        from = i + 1;
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0C => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let u = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ];
                out.write_all(&u)?;
                continue;
            }
        };
        out.write_all(short)?;
    }
    out.write_all(&bytes[from..])?;
    out.write_all(b"\"")
}

fn source_kind(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Person => "person",
        SourceKind::Group => "group",
        SourceKind::Organization => "organization",
        SourceKind::Country => "country",
        SourceKind::Media => "media",
        SourceKind::Press => "press",
    }
}

fn span_kind(k: SpanKind) -> &'static str {
    match k {
        SpanKind::Speaker => "speaker",
        SpanKind::Reporting => "reporting",
        SpanKind::Cue => "cue",
        SpanKind::Quote => "quote",
        SpanKind::Claim => "claim",
        SpanKind::Hedge => "hedge",
        SpanKind::Figure => "figure",
        SpanKind::Time => "time",
    }
}

fn likelihood(l: Likelihood) -> &'static str {
    match l {
        Likelihood::AlmostNoChance => "almost_no_chance",
        Likelihood::VeryUnlikely => "very_unlikely",
        Likelihood::Unlikely => "unlikely",
        Likelihood::RoughlyEvenChance => "roughly_even_chance",
        Likelihood::Likely => "likely",
        Likelihood::VeryLikely => "very_likely",
        Likelihood::AlmostCertain => "almost_certain",
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Decade => "decade",
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Week => "week",
        Precision::Day => "day",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::{self, Options};
    use crate::model::{Correction, Format, Reading, Section, Speaker};

    fn ours(b: &Briefing) -> String {
        let mut out = Vec::new();
        write_briefing(&mut out, b, None).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_sample_is_written_as_serde_writes_it() {
        let b = loader::load(crate::cli::SAMPLE.as_bytes(), &Options::default()).expect("loads");
        assert!(b.sentences.iter().any(|s| !s.spans.is_empty()));
        assert_eq!(ours(&b), serde_json::to_string(&b).expect("serialises"));
    }

    #[test]
    fn every_field_and_every_escape_is_written_as_serde_writes_it() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        let odd = &*format!("quote \" back \\ {controls} del \u{7f} é ’ 😀 \u{2028} end");
        let span = |kind| Span::new(kind, 1, 300);
        let b = Briefing {
            title: Some(odd.into()),
            date: None,
            source: Some("https://example.org/a?b=\"c\"".into()),
            format: Format::Transcript,
            sources: vec![Source {
                id: 7,
                name: odd.into(),
                party: None,
                kind: SourceKind::Press,
                mentions: vec![odd.into(), String::new()],
            }],
            sentences: vec![Sentence {
                id: 12_345_678_901,
                paragraph: 0,
                text: odd.into(),
                section: Section::Denial,
                speakers: vec![0, 7, usize::MAX],
                cues: vec![
                    Cue::new(Section::Denial, 0..odd.len(), "strong denial cue"),
                    Cue::rule(Section::Denial, "continues the speaker's denial"),
                ],
                spans: [
                    SpanKind::Speaker,
                    SpanKind::Reporting,
                    SpanKind::Cue,
                    SpanKind::Quote,
                    SpanKind::Claim,
                    SpanKind::Hedge,
                    SpanKind::Figure,
                    SpanKind::Time,
                ]
                .map(span)
                .to_vec(),
                likelihood: Some(Likelihood::RoughlyEvenChance),
                turn: Some("MR X".into()),
                correction: Some(Box::new(Correction {
                    original: Reading {
                        section: Section::Context,
                        speakers: vec![
                            Speaker {
                                name: odd.into(),
                                party: None,
                            },
                            Speaker {
                                name: "Seoul".into(),
                                party: Some(odd.into()),
                            },
                        ],
                    },
                    note: Some(odd.into()),
                })),
            }],
            timeline: vec![TimeRef {
                text: odd.into(),
                value: Some("2024-W01".into()),
                precision: Some(Precision::Week),
                sentence: 0,
                start: 0,
                end: 10,
            }],
            headings: vec![Heading {
                text: odd.into(),
                level: 2,
                paragraph: 3,
            }],
            paragraphs: 4,
            warnings: vec![odd.into()],
            corrections: None,
        };
        assert_eq!(ours(&b), serde_json::to_string(&b).expect("serialises"));
        // The variants the briefing above does not use, each named as serde names it.
        fn named<T: serde::Serialize>(ours: &str, value: T) {
            let serde = serde_json::to_string(&value).expect("serialises");
            assert_eq!(format!("\"{ours}\""), serde);
        }
        for l in [
            Likelihood::AlmostNoChance,
            Likelihood::VeryUnlikely,
            Likelihood::Unlikely,
            Likelihood::Likely,
            Likelihood::VeryLikely,
            Likelihood::AlmostCertain,
        ] {
            named(likelihood(l), l);
        }
        for p in [
            Precision::Decade,
            Precision::Year,
            Precision::Month,
            Precision::Day,
        ] {
            named(precision(p), p);
        }
        for k in [
            SourceKind::Person,
            SourceKind::Group,
            SourceKind::Organization,
            SourceKind::Country,
            SourceKind::Media,
        ] {
            named(source_kind(k), k);
        }
        #[derive(serde::Serialize)]
        struct WithPath<'a> {
            path: &'a str,
            #[serde(flatten)]
            briefing: &'a Briefing,
        }
        let mut with_path = Vec::new();
        write_briefing(&mut with_path, &b, Some(odd)).expect("writes to memory");
        let doc = WithPath {
            path: odd,
            briefing: &b,
        };
        assert_eq!(
            String::from_utf8(with_path).expect("UTF-8"),
            serde_json::to_string(&doc).expect("serialises")
        );
        let empty = Briefing::default();
        assert_eq!(
            ours(&empty),
            serde_json::to_string(&empty).expect("serialises")
        );
    }
}

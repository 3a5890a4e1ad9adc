//! The features a sentence's section is decided from: lexicon cues (by section and weight,
//! negated or not, inside a subordinate clause or not), lower-cased word stems and stem pairs,
//! the kind of the sentence's subject, reporting verbs and their negation, quotes, hedges,
//! the transcript role, the place in the paragraph and the previous sentence's section.
//!
//! The same extraction feeds training (`debrief train`) and prediction, so the two can never
//! disagree on what a feature means. Features are named by short strings (`w:deni`,
//! `cue:denial:3`); [`Sink`] receives each one with its value and, where it has one, the
//! stretch of the sentence it came from (the reader's "because" line shows those words).

pub mod stem;
pub mod words;

pub(crate) use words::tables;

use super::gazetteer::Gazetteer;
use super::lexicon::{Hit, Reporting, Scan, Weight};
use super::tokens::{Tok, tokenize_into};
use crate::model::{Format, Section, Sentence, Source, SourceKind, SpanKind};
use std::ops::Range;
pub use words::stem;
use words::{CLASSES, word_form};

/// What kind of evidence a feature is; the reader names it in the "because" line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A lexicon cue (`assets/lexicon.toml`), by section and weight.
    Cue,
    /// A particular lexicon phrase.
    CuePhrase,
    /// A lexicon cue cancelled by a negation before it ("did not deny").
    NegatedCue,
    /// A lexicon cue inside a subordinate clause (", which violated ...").
    SubordinateCue,
    /// A word stem.
    Word,
    /// Two word stems in a row.
    WordPair,
    /// A word of a class of `assets/model/wordclasses.toml` ("hostile", "reaction").
    WordClass,
    /// The sentence's first word.
    Opening,
    /// A reporting verb or phrase, by how it attributes.
    Reporting,
    /// A negation near a reporting verb or an accusation ("did not say", "never accused").
    Negation,
    /// What the sentence's speakers are (none, a country, an official, reporters...).
    Speaker,
    /// A direct quotation.
    Quote,
    /// A hedge or estimative word.
    Hedge,
    /// A time expression or a year.
    Time,
    /// The transcript role: a reporter's question, an official's turn.
    Turn,
    /// The place of the sentence in its paragraph and the document.
    Position,
    /// The section of the sentence before.
    Previous,
    /// The speaker says that it did not do something ("says it did not ...").
    SelfDenial,
}

impl Kind {
    /// How the reader describes a feature of this kind.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Cue => "lexicon cue",
            Kind::CuePhrase => "cue phrase",
            Kind::NegatedCue => "negated cue",
            Kind::SubordinateCue => "cue in a subordinate clause",
            Kind::Word => "word",
            Kind::WordPair => "word pair",
            Kind::WordClass => "kind of word",
            Kind::Opening => "opening word",
            Kind::Reporting => "reporting verb",
            Kind::Negation => "negation",
            Kind::Speaker => "who speaks and who acts",
            Kind::Quote => "a quotation",
            Kind::Hedge => "a hedge",
            Kind::Time => "a date",
            Kind::Turn => "the transcript turn",
            Kind::Position => "its place in the paragraph",
            Kind::Previous => "the sentences around it",
            Kind::SelfDenial => "says it did not",
        }
    }
}

/// Receives each feature of a sentence.
pub trait Sink {
    /// One feature: its name (the `parts` joined: a scorer can hash them without joining),
    /// value and (where it has words) their byte range in the sentence.
    fn feature(&mut self, kind: Kind, parts: &[&str], value: f32, at: Option<Range<usize>>);
}

/// What the extraction needs to know besides the sentence itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub sources: &'a [Source],
    pub format: Format,
    /// The section of the sentence before (decided, or gold while training).
    pub previous: Option<Section>,
    /// Whether the sentence before is in the same paragraph and has the same speakers.
    pub same_voice_as_previous: bool,
    /// Index of the sentence within its paragraph.
    pub index_in_paragraph: usize,
    /// The party the briefing mostly speaks for (its most frequent speakers' party).
    pub home_party: Option<&'a str>,
    /// The sentence after, when it is in the same paragraph: the sections of its main-clause
    /// lexicon cues (bit `k` for `Section::ALL[k]`).
    pub next_cues: Option<u8>,
}

/// The sections of the main-clause lexicon cues among `cues` that weigh 2 or more, as bits:
/// what the sentence before or after sees of a sentence.
pub fn cue_sections(cues: &[CueHit]) -> u8 {
    cues.iter()
        .filter(|c| !c.negated && !c.subordinate && c.weight >= 2)
        .fold(0, |b, c| b | 1 << c.section.index())
}

/// A lexicon cue of the sentence, after negation was checked.
#[derive(Debug, Clone, Copy)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub section: Section,
    pub weight: Weight,
    pub negated: bool,
    pub subordinate: bool,
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct Extractor {
    toks: Vec<Tok>,
    /// Each word's form (a range of `forms`) and its place in the sentence.
    words: Vec<(Range<usize>, Range<usize>)>,
    forms: String,
    buf: String,
    /// The paragraph of the sentence extracted last, and which word classes (from bit 0) and
    /// sections' main-clause lexicon cues (from bit 24) it had: what the next sees of it.
    last: Option<(usize, u32)>,
}

const SECTION_NAMES: [&str; 4] = ["allegation", "denial", "response", "context"];

impl Extractor {
    /// Sends every feature of `s` to `sink`. `cues` are its lexicon cues with negation and
    /// clause marked; `scan` the rest of its lexicon matches.
    pub fn extract(
        &mut self,
        s: &Sentence,
        scan: &Scan,
        cues: &[CueHit],
        self_denial: Option<Range<usize>>,
        ctx: &Context,
        sink: &mut dyn Sink,
    ) {
        let text = s.text.as_str();
        for c in cues {
            let sec = SECTION_NAMES[c.section.index()];
            let at = Some(c.start..c.end);
            if c.negated {
                sink.feature(Kind::NegatedCue, &["neg:", sec], 1.0, at);
                continue;
            }
            if c.subordinate {
                sink.feature(Kind::SubordinateCue, &["sub:", sec], 1.0, at.clone());
            } else {
                let w = [b'0' + c.weight];
                let w = std::str::from_utf8(&w).unwrap_or("0");
                sink.feature(Kind::Cue, &["cue:", sec, ":", w], 1.0, at.clone());
            }
            let mut phrase = std::mem::take(&mut self.buf);
            phrase.clear();
            for ch in text[c.start..c.end].chars() {
                phrase.push(if ch == '’' {
                    '\''
                } else {
                    ch.to_ascii_lowercase()
                });
            }
            sink.feature(Kind::CuePhrase, &["p:", &phrase], 1.0, at);
            self.buf = phrase;
        }
        if let Some(at) = self_denial {
            sink.feature(Kind::SelfDenial, &["selfdenial"], 1.0, Some(at));
        }

        // Word forms and pairs of them, counted (a sink sums repeated features).
        tokenize_into(text, &mut self.toks);
        self.words.clear();
        self.forms.clear();
        let gaz = Gazetteer::embedded();
        let entities = gaz.find(text);
        // The gazetteer's matches are in order and do not overlap: the only one that can hold a
        // word is the first that ends after the word starts (a cursor, not a search per word).
        let mut next_entity = 0;
        for (i, t) in self.toks.iter().filter(|t| t.word).enumerate() {
            while entities.get(next_entity).is_some_and(|m| m.end <= t.start) {
                next_entity += 1;
            }
            let near = entities.get(next_entity..(next_entity + 1).min(entities.len()));
            let form = word_form(text, t, i == 0, near.unwrap_or(&[]), gaz, &mut self.buf);
            let at = self.forms.len()..self.forms.len() + form.len();
            self.forms.push_str(form);
            self.words.push((at, t.start..t.end));
        }
        for i in 0..self.words.len() {
            let (form, at) = self.words[i].clone();
            let w = &self.forms[form];
            sink.feature(Kind::Word, &["w:", w], 1.0, Some(at.clone()));
            if i == 0 {
                sink.feature(Kind::Opening, &["open:", w], 1.0, Some(at.clone()));
            }
            if let Some((next, nat)) = self.words.get(i + 1) {
                let next = &self.forms[next.clone()];
                sink.feature(
                    Kind::WordPair,
                    &["b:", w, "_", next],
                    1.0,
                    Some(at.start..nat.end),
                );
            }
        }

        // Who acts: the first party named in the subject's place (the first six words), or
        // the first person; "self" when it is the party the sentence speaks for.
        let voice = s
            .speakers
            .first()
            .and_then(|&id| ctx.sources.get(id))
            .and_then(|src| src.party.as_deref())
            .or(ctx.home_party);
        let subject_end = self
            .toks
            .iter()
            .filter(|t| t.word)
            .nth(6)
            .map_or(text.len(), |t| t.start);
        // Where the subject ends: what follows it is most often the main verb.
        let classes = &*CLASSES;
        let agent_bit = classes.bit("agent");
        let subject = |pred: &dyn Fn(&str) -> bool, n: usize| {
            self.words
                .iter()
                .take(n)
                .find(|(w, _)| pred(&self.forms[w.clone()]))
                .map(|(_, at)| at.end)
        };
        let first_person = subject(&|w| matches!(w, "we" | "i" | "our" | "us"), 4);
        let named = entities
            .iter()
            .find(|m| m.start < subject_end)
            .and_then(|m| gaz.entity(m.entity).party.as_deref().map(|p| (p, m.end)));
        let (actor, predicate_from) = match (first_person, named) {
            (Some(end), _) => ("self", Some(end)),
            (None, Some((p, end))) if Some(p) == voice => ("self", Some(end)),
            (None, Some((_, end))) => ("other", Some(end)),
            (None, None) => {
                if let Some(end) = subject(&|w| matches!(w, "he" | "she" | "they" | "their"), 3) {
                    ("third", Some(end))
                } else if let Some(end) = subject(&|w| classes.of(w) & agent_bit != 0, 4) {
                    ("other", Some(end))
                } else {
                    ("none", None)
                }
            }
        };
        // The kinds of the words just after the subject: its verb and object.
        if let Some(from) = predicate_from {
            let bits = self
                .words
                .iter()
                .filter(|(_, at)| at.start >= from)
                .take(5)
                .fold(0u32, |b, (w, _)| b | classes.of(&self.forms[w.clone()]));
            for (i, cname) in classes.names.iter().enumerate() {
                if bits & (1 << i) != 0 {
                    sink.feature(Kind::WordClass, &[actor, ">cls:", cname], 1.0, None);
                }
            }
        }
        sink.feature(Kind::Speaker, &["actor:", actor], 1.0, None);

        // What the sentence before in the paragraph held.
        match self.last.filter(|(p, _)| *p == s.paragraph) {
            None => sink.feature(Kind::Position, &["nb-:none"], 1.0, None),
            Some((_, bits)) => {
                for (i, cname) in CLASSES.names.iter().enumerate() {
                    if bits & (1 << i) != 0 {
                        sink.feature(Kind::Previous, &["nb-:cls:", cname], 1.0, None);
                    }
                }
                for (k, sec) in SECTION_NAMES.iter().enumerate() {
                    if bits & (1 << (24 + k)) != 0 {
                        sink.feature(Kind::Previous, &["nb-:cue:", sec], 1.0, None);
                    }
                }
            }
        }
        let bits = u32::from(cue_sections(cues)) << 24;
        // What the sentence after in the paragraph holds.
        match ctx.next_cues {
            None => sink.feature(Kind::Previous, &["nb+:none"], 1.0, None),
            Some(next) => {
                for (k, sec) in SECTION_NAMES.iter().enumerate() {
                    if next & (1 << k) != 0 {
                        sink.feature(Kind::Previous, &["nb+:cue:", sec], 1.0, None);
                    }
                }
            }
        }

        let question = text.trim_end_matches(['”', '"', ')', ' ']).ends_with('?');
        // Word classes: each class once (with who acts), except where a negation stands just
        // before the word ("did not attack"): then the class counts as negated instead.
        let (mut any, mut negated_classes) = (0u32, 0u32);
        let words = std::mem::take(&mut self.words);
        // The words after the first reporting verb: its reported clause ("said that ...").
        let reporting = scan.reporting();
        let reported_from = reporting.first().map_or(usize::MAX, |r| r.end);
        let mut reported = 0u32;
        for (w, at) in &words {
            let bits = classes.of(&self.forms[w.clone()]);
            if bits == 0 {
                continue;
            }
            if at.start >= reported_from {
                reported |= bits;
            }
            if super::classify::negated(text, at.start) {
                for (i, cname) in classes.names.iter().enumerate() {
                    if bits & !negated_classes & (1 << i) != 0 {
                        sink.feature(Kind::Negation, &["neg&cls:", cname], 1.0, Some(at.clone()));
                    }
                }
                negated_classes |= bits;
                continue;
            }
            let fresh = bits & !any;
            for (i, cname) in classes.names.iter().enumerate() {
                if fresh & (1 << i) == 0 {
                    continue;
                }
                // A reporter's question takes the section of what it raises.
                if question {
                    sink.feature(Kind::Turn, &["q&cls:", cname], 1.0, Some(at.clone()));
                }
                // The first word of a kind: most often the main clause's verb or its object.
                if any == 0 {
                    sink.feature(Kind::WordClass, &["first:", cname], 1.0, Some(at.clone()));
                }
                sink.feature(Kind::WordClass, &["cls:", cname], 1.0, Some(at.clone()));
                sink.feature(
                    Kind::WordClass,
                    &[actor, "&cls:", cname],
                    1.0,
                    Some(at.clone()),
                );
            }
            any |= bits;
        }
        self.words = words;
        self.last = Some((s.paragraph, bits | any | negated_classes));
        // Kinds of words in a reported clause ("said that ... attacked").
        for (i, cname) in classes.names.iter().enumerate() {
            if reported & (1 << i) != 0 {
                sink.feature(Kind::WordClass, &["rep>cls:", cname], 1.0, None);
            }
        }

        // Reporting verbs, or a negation just before one.
        for r in &reporting {
            let kind = match r.value {
                Reporting::Speech => "rep:speech",
                Reporting::Stance => "rep:stance",
                Reporting::Act => "rep:act",
                Reporting::Before => "rep:before",
            };
            // "did not deny", "never said": no act of saying, only its negation.
            if super::classify::negated(text, r.start) {
                sink.feature(Kind::Negation, &["negrep"], 1.0, Some(r.start..r.end));
            } else {
                sink.feature(Kind::Reporting, &[kind], 1.0, Some(r.start..r.end));
            }
        }
        if reporting.is_empty() {
            sink.feature(Kind::Reporting, &["rep:none"], 1.0, None);
        }

        // Who speaks.
        let kind = s
            .speakers
            .first()
            .and_then(|&id| ctx.sources.get(id))
            .map(|src| match src.kind {
                SourceKind::Person => "spk:person",
                SourceKind::Group => "spk:group",
                SourceKind::Organization => "spk:organization",
                SourceKind::Country => "spk:country",
                SourceKind::Media => "spk:media",
                SourceKind::Press => "spk:press",
            })
            .unwrap_or("spk:none");
        sink.feature(Kind::Speaker, &[kind], 1.0, None);
        let named_here = s.spans.iter().any(|sp| sp.kind == SpanKind::Speaker);
        if named_here {
            sink.feature(Kind::Speaker, &["spk:named"], 1.0, None);
        } else if !s.speakers.is_empty() {
            sink.feature(Kind::Speaker, &["spk:carried"], 1.0, None);
        }

        // Quotes and hedges.
        let quoted = super::tokens::quote_marks(text).next().is_some();
        if quoted {
            sink.feature(Kind::Quote, &["quote"], 1.0, None);
        }
        if text.trim_start().starts_with(['“', '"']) {
            sink.feature(Kind::Quote, &["quote:opens"], 1.0, None);
        }
        if !scan.hedges().is_empty() {
            sink.feature(Kind::Hedge, &["hedge"], 1.0, None);
        }

        // Times and years.
        if s.spans.iter().any(|sp| sp.kind == SpanKind::Time) {
            sink.feature(Kind::Time, &["time"], 1.0, None);
        }

        // The transcript role.
        if question {
            sink.feature(Kind::Turn, &["question"], 1.0, None);
        }
        if ctx.format == Format::Transcript {
            let press = s
                .turn
                .as_deref()
                .is_some_and(|t| super::attribute::label_kind(t) == SourceKind::Press);
            let role = if press { "turn:press" } else { "turn:official" };
            sink.feature(Kind::Turn, &[role], 1.0, None);
        }

        // Position and the sentence before.
        let pos = match ctx.index_in_paragraph {
            0 => "pos:first",
            1 => "pos:second",
            _ => "pos:later",
        };
        sink.feature(Kind::Position, &[pos], 1.0, None);
        if s.paragraph == 0 {
            sink.feature(Kind::Position, &["pos:first_paragraph"], 1.0, None);
        }
        let prev = ctx.previous.map_or("none", |p| SECTION_NAMES[p.index()]);
        sink.feature(Kind::Previous, &["prev:", prev], 1.0, None);
        if ctx.same_voice_as_previous {
            sink.feature(Kind::Previous, &["samevoice:", prev], 1.0, None);
        }
    }
}

/// The lexicon cues of a sentence as [`CueHit`]s.
pub fn cue_hits(
    text: &str,
    hits: &[Hit<(Section, Weight)>],
    negated: impl Fn(usize) -> bool,
    subordinate_from: usize,
) -> Vec<CueHit> {
    hits.iter()
        .map(|h| CueHit {
            start: h.start,
            end: h.end,
            section: h.value.0,
            weight: h.value.1,
            negated: negated(h.start),
            subordinate: h.start >= subordinate_from && h.start < text.len(),
        })
        .collect()
}

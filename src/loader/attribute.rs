//! Attribution: who says each sentence, and which party each speaker speaks for.
//!
//! Explicit attribution comes from reporting verbs and phrases (see [`super::lexicon`]): the
//! noun phrase before the verb (or after it, in `“...,” said X`, and after `according to`)
//! is the speaker. [`phrase`] turns that noun phrase into a speaker mention with a canonical
//! name and a party; [`Registry`] merges mentions of one speaker. In articles an unmarked
//! sentence continues the speaker of the sentence before it in the same paragraph when that
//! one introduced content; in transcripts each sentence belongs to its turn's speaker.

pub mod phrase;

use super::gazetteer::Gazetteer;
use super::lexicon::{Lexicon, Reporting};
use super::tokens::{Tok, tokenize};
use crate::model::{Format, Sentence, Source, SourceKind, Span, SpanKind};
use phrase::Registry;

/// What attribution knows about the document besides its sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocInfo<'a> {
    pub format: Format,
    pub title: Option<&'a str>,
    /// Where it was published (a URL), from front matter.
    pub source: Option<&'a str>,
}

/// Words skipped between a speaker and its verb: auxiliaries and adverbs.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "may",
    "might",
    "can",
    "could",
    "did",
    "does",
    "do",
    "also",
    "now",
    "then",
    "later",
    "earlier",
    "again",
    "just",
    "still",
    "further",
    "reportedly",
    "allegedly",
    "strongly",
    "categorically",
    "repeatedly",
    "publicly",
    "privately",
    "firmly",
    "flatly",
    "officially",
    "quickly",
    "immediately",
    "previously",
    "already",
    "recently",
    "separately",
    "similarly",
    "likewise",
    "however",
    "once",
    "openly",
    "explicitly",
    "in",
    "fact",
    "too",
    "first",
    "always",
    "long",
    "since",
    "been",
    "being",
    "subsequently",
    "swiftly",
    "vehemently",
    "angrily",
    "sharply",
    "totally",
    "completely",
    "not",
    "never",
];

/// Openers of a sentence-initial phrase after which the clause's subject comes.
const INTRO: &[&str] = &[
    "in",
    "after",
    "at",
    "on",
    "during",
    "following",
    "meanwhile",
    "however",
    "speaking",
    "asked",
    "earlier",
    "later",
    "yesterday",
    "today",
    "last",
    "separately",
    "still",
    "also",
    "but",
    "and",
    "yet",
    "so",
    "since",
    "before",
    "when",
    "while",
    "with",
    "in a",
    "addressing",
    "responding",
    "writing",
    "then",
    "now",
    "instead",
    "similarly",
    "likewise",
    "for",
    "as",
    "according",
    "over",
    "despite",
    "amid",
    "by",
    "from",
    "under",
    "to",
];

/// Verbs that may come before their speaker: "“...,” said the minister".
const INVERTED: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "noted",
    "wrote",
    "stated",
    "explained",
    "continued",
    "insisted",
    "warned",
    "told",
    "according",
];

/// How a sentence was attributed.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speakers: Vec<usize>,
    spans: Vec<Span>,
    /// The attribution is the main clause and introduces content: an unmarked next sentence
    /// in the same paragraph continues it.
    carries: bool,
}

/// Fills each sentence's `speakers` and speaker/reporting spans; returns the sources.
pub fn attribute(sentences: &mut [Sentence], doc: DocInfo, lexicon: &Lexicon) -> Vec<Source> {
    let gaz = Gazetteer::embedded();
    let full_text: String = sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut reg = Registry::new(gaz, doc, &full_text);
    let mut prev: Option<(usize, Attribution, bool)> = None; // paragraph, attribution, open quote
    for s in sentences.iter_mut() {
        let mut a = explicit(&s.text, lexicon, &mut reg, doc.format);
        let open_quote_before = prev.as_ref().is_some_and(|p| p.2);
        let same_para = prev.as_ref().is_some_and(|p| p.0 == s.paragraph);
        if doc.format == Format::Transcript {
            if let Some(turn) = &s.turn {
                let id = reg.turn_speaker(turn);
                a.speakers.insert(0, id);
            }
        } else if a.speakers.is_empty()
            && let Some((_, p, _)) = &prev
        {
            let quoted = starts_with_quote(&s.text) || open_quote_before;
            if !p.speakers.is_empty() && ((same_para && p.carries) || (quoted && same_para)) {
                a.speakers = p.speakers.clone();
                a.carries = true;
            }
        }
        dedup(&mut a.speakers);
        for &id in &a.speakers {
            reg.touch(id);
        }
        s.speakers = a.speakers.clone();
        s.spans.extend(a.spans.iter().copied());
        let open = open_quote_after(&s.text, open_quote_before);
        prev = Some((s.paragraph, a, open));
    }
    reg.into_sources()
}

fn dedup(ids: &mut Vec<usize>) {
    let mut seen = Vec::new();
    ids.retain(|id| {
        let fresh = !seen.contains(id);
        seen.push(*id);
        fresh
    });
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['“', '"', '‘', '«'])
}

/// Whether a quotation is still open at the end of this sentence.
fn open_quote_after(text: &str, open_before: bool) -> bool {
    let opens = text.matches(['“', '«']).count() as i64;
    let closes = text.matches(['”', '»']).count() as i64;
    let straight = text.matches('"').count() as i64;
    let mut depth = i64::from(open_before) + opens - closes;
    if straight % 2 == 1 {
        depth += if open_before { -1 } else { 1 };
    }
    depth > 0
}

/// Explicit attribution inside one sentence.
fn explicit(text: &str, lexicon: &Lexicon, reg: &mut Registry, format: Format) -> Attribution {
    let toks = tokenize(text);
    let mut a = Attribution::default();
    let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let intro_statement = {
        let l = text.to_lowercase();
        [
            "in a statement",
            "in remarks",
            "in an interview",
            "in a speech",
            "in a joint statement",
        ]
        .iter()
        .any(|p| l.contains(p))
    };
    for hit in lexicon.reporting(text) {
        let Some(vi) = toks.iter().position(|t| t.start == hit.start) else {
            continue;
        };
        let vend = toks.iter().position(|t| t.end >= hit.end).unwrap_or(vi);
        if hit.value == Reporting::Before {
            // "according to X": the speaker follows.
            if let Some((a0, b0)) = np_forward(text, &toks, &lower, vend + 1) {
                record(text, &toks, a0, b0, hit.start, hit.end, reg, &mut a, format);
            }
            continue;
        }
        if is_noun_use(&lower, vi, vend) {
            continue;
        }
        let found = subject_before(text, &toks, &lower, vi, lexicon).or_else(|| {
            // “...,” said X  /  ..., said X.
            let before = skip_between(&lower, vi);
            let quote_or_comma = before > 0
                && (toks[before - 1].is(text, ',') || closing_quote(text, &toks[before - 1]));
            if quote_or_comma && INVERTED.contains(&lower[vi].as_str()) {
                np_forward(text, &toks, &lower, vend + 1).map(|(x, y)| (x, y, true))
            } else {
                None
            }
        });
        let Some((a0, b0, main)) = found else {
            continue;
        };
        let carries = main && (hit.value != Reporting::Act || intro_statement);
        if record(text, &toks, a0, b0, hit.start, hit.end, reg, &mut a, format) {
            a.carries |= carries;
        }
    }
    subject_of_reporting_noun(text, &toks, &lower, reg, &mut a, format);
    a
}

/// Adds the speakers of the noun phrase `toks[a0..b0]` and the spans; false if it named none.
#[allow(clippy::too_many_arguments)]
fn record(
    text: &str,
    toks: &[Tok],
    a0: usize,
    b0: usize,
    vstart: usize,
    vend: usize,
    reg: &mut Registry,
    a: &mut Attribution,
    format: Format,
) -> bool {
    let ids = reg.resolve(text, &toks[a0..b0], format);
    if ids.is_empty() {
        return false;
    }
    a.speakers.extend(ids);
    a.spans.push(Span {
        kind: SpanKind::Speaker,
        start: toks[a0].start,
        end: toks[b0 - 1].end,
    });
    a.spans.push(Span {
        kind: SpanKind::Reporting,
        start: vstart,
        end: vend,
    });
    true
}

fn closing_quote(text: &str, t: &Tok) -> bool {
    t.is(text, '”') || t.is(text, '"') || t.is(text, '’') || t.is(text, '»')
}

/// A reporting word used as a noun ("Western claims about", "its calls on").
fn is_noun_use(lower: &[String], vi: usize, vend: usize) -> bool {
    let ambiguous = matches!(
        lower[vi].as_str(),
        "claims"
            | "reports"
            | "calls"
            | "notes"
            | "states"
            | "estimates"
            | "fears"
            | "warning"
            | "denials"
            | "demands"
            | "requests"
            | "says"
    );
    if !ambiguous {
        return false;
    }
    let next = lower.get(vend + 1).map(String::as_str).unwrap_or("");
    let prev = if vi > 0 { lower[vi - 1].as_str() } else { "" };
    matches!(
        next,
        "about" | "of" | "on" | "for" | "from" | "by" | "in" | "," | "." | "and"
    ) || matches!(
        prev,
        "its" | "their" | "his" | "her" | "the" | "these" | "those" | "such" | "any" | "our"
    )
}

/// Index of the first token before `vi` that is not an auxiliary or adverb.
fn skip_between(lower: &[String], vi: usize) -> usize {
    let mut i = vi;
    while i > 0 && BETWEEN.contains(&lower[i - 1].as_str()) {
        i -= 1;
    }
    i
}

/// The subject noun phrase before a reporting verb at `vi`: `(start, end, main_clause)`.
fn subject_before(
    text: &str,
    toks: &[Tok],
    lower: &[String],
    vi: usize,
    lexicon: &Lexicon,
) -> Option<(usize, usize, bool)> {
    let mut i = skip_between(lower, vi);
    // "Pyongyang’s reported troop support": a participle inside a noun phrase.
    if i == 0
        || toks[i - 1].possessive()
        || matches!(
            lower[i - 1].as_str(),
            "its" | "their" | "his" | "her" | "our" | "the" | "a" | "an"
        )
    {
        return None;
    }
    // An appositive or parenthetical between commas: "X, at a meeting, rejected".
    if toks[i - 1].is(text, ',') {
        let j = (0..i - 1).rev().take(10).find(|&j| toks[j].is(text, ','))?;
        let inner = (j + 1, i - 1);
        let chunk = &text[toks[inner.0.min(i - 1)].start..toks[i - 1].start];
        if (inner.0..inner.1).any(|k| {
            !toks[k].word
                && !toks[k].is(text, '-')
                && !toks[k].is(text, '(')
                && !toks[k].is(text, ')')
        }) || !lexicon.reporting(chunk).is_empty()
        {
            return None;
        }
        let (s1, e1) = np_backward(text, toks, lower, j)?;
        // "the U.S. Deputy Ambassador to the U.N., Robert Wood, emphasized": title, then name.
        let name_like = inner.1 > inner.0
            && inner.1 - inner.0 <= 4
            && (inner.0..inner.1).all(|k| toks[k].capitalized(text));
        let end = if name_like && phrase::has_title(text, &toks[s1..e1]) {
            i - 1
        } else {
            e1
        };
        return Some((s1, end, main_clause(text, toks, lower, s1)));
    }
    i = i.min(vi);
    let (s, e) = np_backward(text, toks, lower, i)?;
    Some((s, e, main_clause(text, toks, lower, s)))
}

/// Whether a subject starting at token `s` is the sentence's main clause subject.
fn main_clause(text: &str, toks: &[Tok], lower: &[String], s: usize) -> bool {
    if s == 0 || (s == 1 && !toks[0].word) {
        return true;
    }
    let before = &lower[s - 1];
    if matches!(
        before.as_str(),
        "that" | "which" | "who" | "whom" | "whose" | "if" | "whether"
    ) {
        return false;
    }
    toks[s - 1].is(text, ',') && INTRO.contains(&lower[0].as_str())
        || (s == 1
            && matches!(
                lower[0].as_str(),
                "but" | "and" | "yet" | "so" | "meanwhile" | "however"
            ))
}

/// The noun phrase ending just before token `end`, walking backwards.
fn np_backward(text: &str, toks: &[Tok], lower: &[String], end: usize) -> Option<(usize, usize)> {
    if end > 0 && phrase::is_pronoun(&lower[end - 1]) {
        return Some((end - 1, end));
    }
    let mut s = end;
    while s > 0 {
        let t = &toks[s - 1];
        let w = lower[s - 1].as_str();
        if t.word && phrase::is_np_word(text, t, w) {
            s -= 1;
            // "the Ambassador to the U.N.": a determiner after a connector is inside the name.
            let inside = s > 0
                && matches!(
                    lower[s - 1].as_str(),
                    "to" | "of" | "for" | "from" | "at" | "in" | "on"
                );
            if phrase::is_determiner(w) && !inside {
                break;
            }
        } else if !t.word && (t.is(text, '(') || t.is(text, ')')) {
            s -= 1;
        } else {
            break;
        }
    }
    trim_np(text, toks, lower, s, end)
}

/// The noun phrase starting at token `start`, walking forwards ("according to X", "said X").
fn np_forward(text: &str, toks: &[Tok], lower: &[String], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < toks.len() {
        let t = &toks[e];
        let w = lower[e].as_str();
        let ok = if t.word {
            phrase::is_np_word(text, t, w)
                && !(e > start && phrase::is_determiner(w) && !matches!(w, "the" | "a" | "an"))
        } else {
            t.is(text, '(') || t.is(text, ')')
        };
        if !ok {
            break;
        }
        e += 1;
    }
    trim_np(text, toks, lower, start, e)
}

/// Drops connectors and unbalanced brackets from the ends; requires a head word.
fn trim_np(
    text: &str,
    toks: &[Tok],
    lower: &[String],
    mut s: usize,
    mut e: usize,
) -> Option<(usize, usize)> {
    while s < e && (phrase::is_connector(&lower[s]) || toks[s].is(text, ')')) {
        s += 1;
    }
    while e > s
        && (phrase::is_connector(&lower[e - 1])
            || phrase::is_determiner(&lower[e - 1])
            || toks[e - 1].is(text, '('))
    {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    let head = &toks[e - 1];
    if e - s == 1 && phrase::is_pronoun(&lower[s]) {
        return Some((s, e));
    }
    let head_ok = head.capitalized(text) || phrase::is_role(&lower[e - 1]) || head.is(text, ')');
    head_ok.then_some((s, e))
}

/// "the Administration has stayed firm in its allegation that": the subject of a clause whose
/// object is the speaker's own allegation, assessment or claim.
fn subject_of_reporting_noun(
    text: &str,
    toks: &[Tok],
    lower: &[String],
    reg: &mut Registry,
    a: &mut Attribution,
    format: Format,
) {
    for i in 1..toks.len() {
        if !matches!(
            lower[i].as_str(),
            "allegation"
                | "assessment"
                | "claim"
                | "accusation"
                | "finding"
                | "findings"
                | "allegations"
                | "assertion"
        ) || !matches!(lower[i - 1].as_str(), "its" | "their")
        {
            continue;
        }
        // Walk back over at most six lower-case words to a capitalised subject.
        let mut j = i - 1;
        let mut steps = 0;
        while j > 0 && steps < 6 && toks[j - 1].word && !toks[j - 1].capitalized(text) {
            j -= 1;
            steps += 1;
        }
        if j == 0 || !toks[j - 1].capitalized(text) {
            continue;
        }
        if let Some((s, e)) = np_backward(text, toks, lower, j) {
            let ids = reg.resolve(text, &toks[s..e], format);
            if !ids.is_empty() {
                a.spans.push(Span {
                    kind: SpanKind::Speaker,
                    start: toks[s].start,
                    end: toks[e - 1].end,
                });
                a.speakers.extend(ids);
            }
        }
    }
}

/// The kind of source a transcript label names.
pub fn label_kind(label: &str) -> SourceKind {
    match label.to_uppercase().as_str() {
        "Q" | "QUESTION" | "REPORTER" | "PRESS" | "JOURNALIST" | "AUDIENCE MEMBER" => {
            SourceKind::Press
        }
        _ => SourceKind::Person,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn doc(paragraphs: &[&[&str]], format: Format) -> (Vec<Sentence>, Vec<Source>) {
        let mut sentences = Vec::new();
        for (p, sents) in paragraphs.iter().enumerate() {
            for s in *sents {
                sentences.push(Sentence {
                    id: sentences.len(),
                    paragraph: p,
                    text: (*s).to_owned(),
                    section: Section::Context,
                    speakers: vec![],
                    cues: vec![],
                    spans: vec![],
                    likelihood: None,
                    turn: None,
                });
            }
        }
        let info = DocInfo {
            format,
            ..DocInfo::default()
        };
        let sources = attribute(&mut sentences, info, &Lexicon::default());
        (sentences, sources)
    }

    /// (name, party) of each sentence's speakers.
    fn who(paragraphs: &[&[&str]]) -> Vec<Vec<(String, Option<String>)>> {
        let (sentences, sources) = doc(paragraphs, Format::Article);
        sentences
            .iter()
            .map(|s| {
                s.speakers
                    .iter()
                    .map(|&i| (sources[i].name.clone(), sources[i].party.clone()))
                    .collect()
            })
            .collect()
    }

    fn names(paragraphs: &[&[&str]]) -> Vec<Vec<String>> {
        who(paragraphs)
            .into_iter()
            .map(|v| v.into_iter().map(|x| x.0).collect())
            .collect()
    }

    #[test]
    fn coordinated_countries_deny() {
        assert_eq!(
            names(&[&["Both Chile and Peru have denied the allegations of troop movements."]]),
            [["Chile", "Peru"]]
        );
    }
}

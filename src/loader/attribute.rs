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
use super::lexicon::{Hit, Reporting, Scan};
use super::tokens::{Tok, WordSet, tokenize_into};
use crate::model::{Format, Sentence, Source, SourceKind, Span, SpanKind};
use phrase::Registry;
use std::sync::LazyLock;

/// What attribution knows about the document besides its sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocInfo<'a> {
    pub format: Format,
    pub title: Option<&'a str>,
    /// Where it was published (a URL), from front matter.
    pub source: Option<&'a str>,
}

/// Words skipped between a speaker and its verb: auxiliaries and adverbs.
static BETWEEN: WordSet = WordSet::new(&[
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
    "involved",
    "concerned",
    "himself",
    "herself",
    "themselves",
    "itself",
]);

/// Openers of a sentence-initial phrase after which the clause's subject comes.
static INTRO: WordSet = WordSet::new(&[
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
]);

/// Verbs that may come before their speaker: "“...,” said the minister".
static INVERTED: WordSet = WordSet::new(&[
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
]);

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
/// `scans` holds each sentence's lexicon matches, found once by the caller.
pub fn attribute(sentences: &mut [Sentence], scans: &[Scan], doc: DocInfo) -> Vec<Source> {
    let gaz = Gazetteer::embedded();
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let mut reg = Registry::new(gaz, doc, &texts);
    let mut found: Vec<Attribution> = Vec::with_capacity(sentences.len());
    let mut prev: Option<(usize, usize, bool)> = None; // index, paragraph, open quote
    let mut buffers = Buffers::default();
    for (i, s) in sentences.iter().enumerate() {
        let mut a = explicit(
            &s.text,
            &scans[i].reporting(),
            &mut reg,
            doc.format,
            &mut buffers,
        );
        let open_quote_before = prev.is_some_and(|p| p.2);
        let same_para = prev.is_some_and(|p| p.1 == s.paragraph);
        if doc.format == Format::Transcript {
            if let Some(turn) = &s.turn {
                let id = reg.turn_speaker(turn);
                a.speakers.insert(0, id);
            }
        } else if a.speakers.is_empty()
            && let Some((pi, _, _)) = prev
        {
            let p = &found[pi];
            let quoted = starts_with_quote(&s.text) || open_quote_before;
            // "Hamas did not comment.": a sentence about another named party is not the
            // previous speaker's continuation.
            let other_subject = !quoted && reg.opens_with_other_entity(&s.text, &p.speakers);
            if !p.speakers.is_empty() && same_para && (p.carries || quoted) && !other_subject {
                a.speakers = p.speakers.clone();
                a.carries = true;
            }
        }
        dedup(&mut a.speakers);
        for &id in &a.speakers {
            reg.touch(id);
        }
        prev = Some((i, s.paragraph, open_quote_after(&s.text, open_quote_before)));
        found.push(a);
    }
    let sources = reg.into_sources();
    for (s, a) in sentences.iter_mut().zip(found) {
        s.speakers = a.speakers;
        if s.spans.is_empty() {
            s.spans = a.spans;
        } else {
            s.spans.extend(a.spans);
        }
    }
    sources
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
    let (mut opens, mut closes, mut straight) = (0i64, 0i64, 0i64);
    for (_, c) in super::tokens::quote_marks(text) {
        match c {
            '"' => straight += 1,
            '“' | '«' => opens += 1,
            _ => closes += 1,
        }
    }
    let mut depth = i64::from(open_before) + opens - closes;
    if straight % 2 == 1 {
        depth += if open_before { -1 } else { 1 };
    }
    depth > 0
}

/// Buffers kept from one sentence to the next.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    folded: String,
}

/// Explicit attribution inside one sentence.
fn explicit(
    text: &str,
    hits: &[Hit<Reporting>],
    reg: &mut Registry,
    format: Format,
    buffers: &mut Buffers,
) -> Attribution {
    // With no reporting verb, only a speaker's own allegation, claim or report can attribute.
    if hits.is_empty() && !mentions_a_report(text) {
        return Attribution::default();
    }
    let Buffers { toks, folded } = buffers;
    tokenize_into(text, toks);
    let toks = &toks[..];
    let mut a = Attribution::default();
    folded.clear();
    folded.push_str(text);
    folded.make_ascii_lowercase();
    let folded = folded.as_str();
    let lower: Vec<&str> = toks.iter().map(|t| &folded[t.start..t.end]).collect();
    // Only asked for a speech act in a main clause: found once, when first needed.
    let intro_statement = std::cell::OnceCell::new();
    let intro_statement = || {
        *intro_statement.get_or_init(|| {
            [
                "in a statement",
                "in remarks",
                "in an interview",
                "in a speech",
                "in a joint statement",
            ]
            .iter()
            .any(|p| folded.contains(p))
        })
    };
    for hit in hits {
        // "the United States": a capitalised word inside a sentence is a name, not a verb.
        if hit.start > 0 && text[hit.start..].starts_with(char::is_uppercase) {
            continue;
        }
        // Tokens are sorted and disjoint: look the verb up instead of scanning the sentence,
        // so a huge sentence full of reporting verbs stays linear.
        let Ok(vi) = toks.binary_search_by_key(&hit.start, |t| t.start) else {
            continue;
        };
        let vend = toks[vi..]
            .iter()
            .position(|t| t.end >= hit.end)
            .map_or(vi, |k| vi + k);
        if hit.value == Reporting::Before {
            // "according to X": the speaker follows.
            if let Some((a0, b0)) = np_forward(text, toks, &lower, vend + 1) {
                record(text, toks, a0, b0, hit.start, hit.end, reg, &mut a, format);
            }
            continue;
        }
        if is_noun_use(&lower, vi, vend) {
            continue;
        }
        let found = subject_before(text, toks, &lower, vi, hits).or_else(|| {
            // “...,” said X  /  ..., said X.
            let before = skip_between(&lower, vi);
            let quote_or_comma = before > 0
                && (toks[before - 1].is(text, ',') || closing_quote(text, &toks[before - 1]));
            if quote_or_comma && INVERTED.contains(&lower[vi]) {
                np_forward(text, toks, &lower, vend + 1).map(|(x, y)| (x, y, true))
            } else {
                None
            }
        });
        let Some((a0, b0, main)) = found else {
            continue;
        };
        let carries = main && (hit.value != Reporting::Act || intro_statement());
        if record(text, toks, a0, b0, hit.start, hit.end, reg, &mut a, format) {
            a.carries |= carries;
        }
    }
    subject_of_reporting_noun(text, toks, &lower, reg, &mut a, format);
    if a.speakers.is_empty() {
        subject_report(text, toks, &lower, reg, &mut a, format);
    }
    a
}

/// "The CCTV allegations were ...": a sentence whose subject is a known speaker's allegations,
/// claims or report.
fn subject_report(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    reg: &mut Registry,
    a: &mut Attribution,
    format: Format,
) {
    let start = usize::from(lower.first().is_some_and(|w| *w == "the"));
    let Some(noun) = (start + 1..toks.len().min(start + 6)).find(|&i| {
        matches!(
            lower[i],
            "allegations"
                | "claims"
                | "accusations"
                | "report"
                | "reports"
                | "statement"
                | "assessment"
        )
    }) else {
        return;
    };
    if !(start..noun).all(|i| toks[i].capitalized(text)) {
        return;
    }
    if reg.is_known_entity(text, &toks[start..noun]) {
        let ids = reg.resolve(text, &toks[start..noun], format);
        a.spans.push(Span::new(
            SpanKind::Speaker,
            toks[start].start,
            toks[noun - 1].end,
        ));
        a.speakers.extend(ids);
    }
}

/// True when the sentence names an allegation, claim, report, statement or assessment.
fn mentions_a_report(text: &str) -> bool {
    static NOUNS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "allegation",
                "assessment",
                "claim",
                "accusation",
                "finding",
                "assertion",
                "report",
                "statement",
            ])
            .expect("report nouns")
    });
    NOUNS.is_match(text)
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
    a.spans.push(Span::new(
        SpanKind::Speaker,
        toks[a0].start,
        toks[b0 - 1].end,
    ));
    a.spans.push(Span::new(SpanKind::Reporting, vstart, vend));
    true
}

fn closing_quote(text: &str, t: &Tok) -> bool {
    t.is(text, '”') || t.is(text, '"') || t.is(text, '’') || t.is(text, '»')
}

/// A reporting word used as a noun ("Western claims about", "its calls on").
fn is_noun_use(lower: &[&str], vi: usize, vend: usize) -> bool {
    let ambiguous = matches!(
        lower[vi],
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
    let next = lower.get(vend + 1).copied().unwrap_or("");
    let prev = if vi > 0 { lower[vi - 1] } else { "" };
    matches!(
        next,
        "about" | "of" | "on" | "for" | "from" | "by" | "in" | "," | "." | "and"
    ) || matches!(
        prev,
        "its" | "their" | "his" | "her" | "the" | "these" | "those" | "such" | "any" | "our"
    )
}

/// Index of the first token before `vi` that is not an auxiliary or adverb.
fn skip_between(lower: &[&str], vi: usize) -> usize {
    let mut i = vi;
    while i > 0 && BETWEEN.contains(&lower[i - 1]) {
        i -= 1;
    }
    i
}

/// The subject noun phrase before a reporting verb at `vi`: `(start, end, main_clause)`.
fn subject_before(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    vi: usize,
    hits: &[Hit<Reporting>],
) -> Option<(usize, usize, bool)> {
    let mut i = skip_between(lower, vi);
    // "Pyongyang’s reported troop support": a participle inside a noun phrase.
    if i == 0
        || toks[i - 1].possessive()
        || matches!(
            lower[i - 1],
            "its" | "their" | "his" | "her" | "our" | "the" | "a" | "an"
        )
    {
        return None;
    }
    // An appositive or parenthetical between commas: "X, at a meeting, rejected".
    if toks[i - 1].is(text, ',') {
        let j = (0..i - 1).rev().take(10).find(|&j| toks[j].is(text, ','))?;
        let inner = (j + 1, i - 1);
        // A clause, not an appositive: "..., South Korean officials condemned X, labeling".
        let (from, to) = (toks[inner.0.min(i - 1)].start, toks[i - 1].start);
        let clause =
            toks[inner.0].capitalized(text) && hits.iter().any(|h| h.start >= from && h.end <= to);
        if clause
            || (inner.0..inner.1).any(|k| {
                !toks[k].word
                    && !toks[k].is(text, '-')
                    && !toks[k].is(text, '(')
                    && !toks[k].is(text, ')')
            })
        {
            return participle_subject(text, toks, lower, vi);
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

/// ", denying that ...": a participle after a comma speaks for the sentence's subject, the
/// named phrase that opens it (after a conjunction such as "Yet").
fn participle_subject(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    vi: usize,
) -> Option<(usize, usize, bool)> {
    if !lower[vi].ends_with("ing") || vi == 0 || !toks[vi - 1].is(text, ',') {
        return None;
    }
    let mut s = 0;
    while s < vi
        && matches!(
            lower[s],
            "yet" | "but" | "and" | "so" | "still" | "both" | "the"
        )
    {
        s += 1;
    }
    let mut e = s;
    while e < vi && toks[e].word && phrase::is_np_word(text, &toks[e], lower[e]) {
        e += 1;
    }
    let (s, e) = trim_np(text, toks, lower, s, e)?;
    toks[s].capitalized(text).then_some((s, e, true))
}

/// Whether a subject starting at token `s` is the sentence's main clause subject.
fn main_clause(text: &str, toks: &[Tok], lower: &[&str], s: usize) -> bool {
    if s == 0 || (s == 1 && !toks[0].word) {
        return true;
    }
    let before = &lower[s - 1];
    if matches!(
        *before,
        "that" | "which" | "who" | "whom" | "whose" | "if" | "whether"
    ) {
        return false;
    }
    toks[s - 1].is(text, ',') && INTRO.contains(&lower[0])
        || (s == 1
            && matches!(
                lower[0],
                "but" | "and" | "yet" | "so" | "meanwhile" | "however"
            ))
}

/// The noun phrase ending just before token `end`, walking backwards.
fn np_backward(text: &str, toks: &[Tok], lower: &[&str], end: usize) -> Option<(usize, usize)> {
    if end > 0 && phrase::is_pronoun(lower[end - 1]) {
        return Some((end - 1, end));
    }
    let mut s = end;
    while s > 0 {
        let t = &toks[s - 1];
        let w = lower[s - 1];
        if t.word && phrase::is_np_word(text, t, w) {
            s -= 1;
            // "the Ambassador to the U.N.": a determiner after a connector is inside the name.
            let inside = s > 0
                && matches!(
                    lower[s - 1],
                    "to" | "of" | "for" | "from" | "at" | "in" | "on" | "and" | "or"
                );
            if phrase::is_determiner(w) && !inside {
                break;
            }
        } else if !t.word && (t.is(text, '(') || t.is(text, ')')) {
            s -= 1;
        } else if t.word
            && s < end
            && s >= 2
            && phrase::is_role(lower[s])
            && !t.capitalized(text)
            && (phrase::is_determiner(lower[s - 2]) || toks[s - 2].capitalized(text))
        {
            // A noun modifier before a role: "his newsroom colleagues".
            s -= 1;
        } else {
            break;
        }
    }
    // "he and his colleagues": take in the pronoun, whose part then speaks alone.
    let f = if s < end && matches!(lower[s], "and" | "or") {
        s + 1
    } else {
        s
    };
    if f < end
        && f >= 2
        && matches!(lower[f], "his" | "her" | "their")
        && lower[f - 1] == "and"
        && phrase::is_pronoun(lower[f - 2])
    {
        s = f - 2;
    }
    let (s, mut e) = trim_np(text, toks, lower, s, end)?;
    // "the Health Ministry in Gaza": a place after "in" or "at" is not part of the name.
    // A bare role keeps its place ("officials in Minsk"), which says whom it speaks for.
    let named = |k: usize| (s..k).any(|j| toks[j].capitalized(text) && !phrase::is_role(lower[j]));
    if let Some(k) = (s + 1..e)
        .find(|&k| matches!(lower[k], "in" | "at") && toks[k - 1].capitalized(text) && named(k))
    {
        e = k;
    }
    trim_np(text, toks, lower, s, e)
}

/// The noun phrase starting at token `start`, walking forwards ("according to X", "said X").
fn np_forward(text: &str, toks: &[Tok], lower: &[&str], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < toks.len() {
        let t = &toks[e];
        let w = lower[e];
        // A lower-case noun before a role: "the Kyrgyz border service".
        let compound = e > start
            && !t.capitalized(text)
            && lower.get(e + 1).is_some_and(|n| phrase::is_role(n));
        let ok = if t.word {
            (compound || phrase::is_np_word(text, t, w))
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
    lower: &[&str],
    mut s: usize,
    mut e: usize,
) -> Option<(usize, usize)> {
    while s < e && (phrase::is_connector(lower[s]) || toks[s].is(text, ')')) {
        s += 1;
    }
    while e > s
        && (phrase::is_connector(lower[e - 1])
            || phrase::is_determiner(lower[e - 1])
            || toks[e - 1].is(text, '('))
    {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    let head = &toks[e - 1];
    if e - s == 1 && phrase::is_pronoun(lower[s]) {
        return Some((s, e));
    }
    let head_ok = head.capitalized(text) || phrase::is_role(lower[e - 1]) || head.is(text, ')');
    head_ok.then_some((s, e))
}

/// "the Administration has stayed firm in its allegation that": the subject of a clause whose
/// object is the speaker's own allegation, assessment or claim.
fn subject_of_reporting_noun(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    reg: &mut Registry,
    a: &mut Attribution,
    format: Format,
) {
    for i in 1..toks.len() {
        if !matches!(
            lower[i],
            "allegation"
                | "assessment"
                | "claim"
                | "accusation"
                | "finding"
                | "findings"
                | "allegations"
                | "assertion"
        ) || !matches!(lower[i - 1], "its" | "their")
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
                a.spans
                    .push(Span::new(SpanKind::Speaker, toks[s].start, toks[e - 1].end));
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
    use crate::loader::Lexicon;

    fn run(sentences: &mut [Sentence], info: DocInfo) -> Vec<Source> {
        let lx = Lexicon::default();
        let scans: Vec<_> = sentences.iter().map(|s| lx.scan(&s.text)).collect();
        attribute(sentences, &scans, info)
    }
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
                    correction: None,
                });
            }
        }
        let info = DocInfo {
            format,
            ..DocInfo::default()
        };
        let sources = run(&mut sentences, info);
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

    fn one(sentence: &str) -> Vec<(String, Option<String>)> {
        who(&[&[sentence]]).remove(0)
    }

    fn sp(name: &str, party: &str) -> (String, Option<String>) {
        (name.to_owned(), Some(party.to_owned()))
    }

    #[test]
    fn subject_before_the_verb() {
        assert_eq!(
            one("Egypt’s Foreign Minister Karim Haddad said the talks had failed."),
            [sp("Karim Haddad", "Egypt")]
        );
        assert_eq!(
            one("French officials have repeatedly warned that the deal is at risk."),
            [sp("French officials", "France")]
        );
    }

    #[test]
    fn inverted_and_according_to() {
        assert_eq!(
            one("“We will not move,” said Colonel Anna Berg."),
            [("Anna Berg".to_owned(), None)]
        );
        assert_eq!(
            one("According to Reuters, the convoy left at dawn."),
            [sp("Reuters", "media")]
        );
    }

    #[test]
    fn appositives_and_interruptions() {
        assert_eq!(
            one("Germany’s U.N. Ambassador Lena Vogt, at a closed meeting, rejected the charge."),
            [sp("Lena Vogt", "Germany")]
        );
        assert_eq!(
            one(
                "Meanwhile, the Japanese Deputy Ambassador to the U.N., Ken Mori, stressed the risks."
            ),
            [sp("Ken Mori", "Japan")]
        );
    }

    #[test]
    fn a_move_someone_has_called() {
        let got = names(&[&[
            "Ministers pledged tanks, a move NATO Secretary General Piet Kroon has called “a turning point.”",
        ]]);
        assert!(got[0].contains(&"Piet Kroon".to_owned()), "{got:?}");
    }

    #[test]
    fn possessive_pronoun_parts_are_not_speakers() {
        let got = names(&[&[
            "Reporter Ama Owusu said the story was true.",
            "He and his newsroom colleagues totally reject the charges.",
        ]]);
        assert_eq!(got[1], ["Ama Owusu"]);
    }

    #[test]
    fn continuation_pronouns_and_quotes() {
        let got = names(&[
            &[
                "Defence Minister Tomas Varga said on Monday that the border was calm.",
                "He added that patrols would continue.",
                "Nothing else has changed.",
            ],
            &[
                "“The reports are false,” Varga said.",
                "“We have nothing to hide.”",
                "Roads reopened in the afternoon.",
            ],
        ]);
        assert_eq!(got[0], ["Tomas Varga"]);
        assert_eq!(got[1], ["Tomas Varga"], "He added");
        assert_eq!(
            got[2],
            ["Tomas Varga"],
            "unmarked continuation after 'said that'"
        );
        assert_eq!(got[3], ["Tomas Varga"], "surname joins the full name");
        assert_eq!(got[4], ["Tomas Varga"], "a quote continuing the speaker");
        assert_eq!(
            got[5],
            ["Tomas Varga"],
            "unmarked continuation in the same paragraph"
        );
    }

    #[test]
    fn another_named_party_ends_a_continuation() {
        let got = names(&[&[
            "Israel’s military said that its forces had struck a depot.",
            "Hamas did not immediately comment.",
        ]]);
        assert_eq!(got[0], ["Israel’s military"]);
        assert_eq!(got[1], ["Hamas"]);
    }

    #[test]
    fn a_role_in_a_place_speaks_for_its_country() {
        assert_eq!(
            one("Officials in Minsk denied the report."),
            [sp("Officials in Minsk", "Belarus")]
        );
    }

    #[test]
    fn a_place_after_in_is_not_part_of_the_name() {
        assert_eq!(
            one("The Palestinian Health Ministry in Gaza said 30 people were killed.")[0].0,
            "Palestinian Health Ministry"
        );
    }

    #[test]
    fn acts_do_not_carry_over() {
        let got = names(&[&[
            "Hamas claimed responsibility for the attack.",
            "The group controls the area.",
        ]]);
        assert_eq!(got[0], ["Hamas"]);
        assert!(got[1].is_empty(), "{got:?}");
    }

    #[test]
    fn the_writers_voice_has_no_speaker() {
        let got = names(&[&[
            "Egypt has joined the sanctions and sent aid to Gaza.",
            "We believe the talks will resume.",
        ]]);
        assert!(got[0].is_empty() && got[1].is_empty(), "{got:?}");
    }

    #[test]
    fn role_phrases_corefer() {
        let got = names(&[
            &["Kenyan officials said the camp was safe."],
            &["Tension is rising, with some officials now suggesting a delay."],
        ]);
        assert_eq!(got[1], ["Kenyan officials"]);
    }

    #[test]
    fn acronyms_expand_from_the_document() {
        let got = names(&[&[
            "Analysts at Global Arms Survey published a study.",
            "The debris that GAS has presented as evidence shows a foreign origin.",
        ]]);
        assert_eq!(got[1], ["Global Arms Survey"]);
    }

    #[test]
    fn capitals_and_seats_speak_for_their_country() {
        assert_eq!(
            one("Moscow has denied the report."),
            [sp("Russia", "Russia")]
        );
        assert_eq!(
            one("The Kremlin dismissed the claims as fiction.")[0]
                .1
                .as_deref(),
            Some("Russia")
        );
    }

    #[test]
    fn names_are_not_verbs() {
        assert!(one("Officials in the United States were absent.").is_empty());
    }

    #[test]
    fn transcript_turns() {
        let mut sentences = vec![];
        for (i, (turn, text)) in [
            ("QUESTION", "Did they deny it?"),
            ("MR. HALE", "Yes."),
            ("MR. HALE", "They denied it."),
        ]
        .iter()
        .enumerate()
        {
            sentences.push(Sentence {
                id: i,
                paragraph: i,
                text: (*text).into(),
                section: Section::Context,
                speakers: vec![],
                cues: vec![],
                spans: vec![],
                likelihood: None,
                turn: Some((*turn).into()),
                correction: None,
            });
        }
        let info = DocInfo {
            format: Format::Transcript,
            title: Some("Department of State Press Briefing with Spokesperson Ned Hale"),
            source: None,
        };
        let sources = run(&mut sentences, info);
        let first = &sources[sentences[0].speakers[0]];
        assert_eq!(
            (first.name.as_str(), first.party.as_deref()),
            ("Reporter", Some("press"))
        );
        let hale = &sources[sentences[1].speakers[0]];
        assert_eq!(
            (hale.name.as_str(), hale.party.as_deref()),
            ("Ned Hale", Some("United States"))
        );
        assert_eq!(sentences[2].speakers[0], hale.id);
    }

    #[test]
    fn coordinated_countries_deny() {
        assert_eq!(
            names(&[&["Both Chile and Peru have denied the allegations of troop movements."]]),
            [["Chile", "Peru"]]
        );
    }
}

//! Attribution: who says each sentence, and which party each speaker speaks for.
//!
//! Explicit attribution comes from reporting verbs and phrases (see [`super::lexicon`]): the
//! noun phrase before the verb (or after it, in `“...,” said X`, and after `according to`)
//! is the speaker. [`phrase`] turns that noun phrase into a speaker mention with a canonical
//! name and a party; [`Registry`] merges mentions of one speaker. In articles an unmarked
//! sentence continues the speaker of the sentence before it in the same paragraph when that
//! one introduced content; in transcripts each sentence belongs to its turn's speaker.

mod continuation;
pub mod issuer;
mod names;
mod np;
pub mod phrase;
mod reports;
mod stance;
mod words;

use super::gazetteer::Gazetteer;
use super::lexicon::{Hit, Reporting, Scan};
use super::tokens::{Tok, WordSet, tokenize_into};
use crate::model::{Format, Sentence, Source, SourceKind, Span, SpanKind};
use continuation::{
    first_person_opening, introduced_person, is_rebuttal, open_quote_after, opening_institution,
    opens_in_own_voice, opens_with_other_role, starts_with_quote,
};
use np::{np_forward, skip_between, subject_before};
use phrase::Registry;
use reports::{
    convenes, is_noun_use, makers_of_allegations, mentions_a_report, subject_of_reporting_noun,
    subject_report,
};

/// What attribution knows about the document besides its sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocInfo<'a> {
    pub format: Format,
    pub title: Option<&'a str>,
    /// Where it was published (a URL), from front matter.
    pub source: Option<&'a str>,
    /// Its licence, from front matter (`U.S. government work`).
    pub license: Option<&'a str>,
}

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
    let press = |s: &&Sentence| {
        s.turn
            .as_deref()
            .is_some_and(|t| label_kind(t) == SourceKind::Press || is_outlet_label(gaz, t))
    };
    let officials = sentences
        .iter()
        .filter(|s| s.turn.is_some() && !press(s))
        .map(|s| s.text.as_str());
    let questions = sentences.iter().filter(press).map(|s| s.text.as_str());
    let home = issuer::home_party(gaz, doc, officials, questions);
    let mut reg = Registry::new(gaz, doc, &texts, home.clone());
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
            // "The Ministry can confirm ...", "the Department is announcing ...": in a turn,
            // the bare name of a body is the briefer's own institution, whose voice the turn's
            // speaker already is.
            a.speakers.retain(|&id| !reg.is_bare_body(id));
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
            let other_subject = !quoted
                && (reg.opens_with_other_entity(&s.text, &p.speakers)
                    || opens_with_other_role(&s.text, &reg, &p.speakers, &mut buffers)
                    || is_rebuttal(&s.text)
                    || opens_in_own_voice(&s.text)
                    || first_person_opening(&s.text)
                        && !p
                            .speakers
                            .iter()
                            .any(|&id| home.is_some() && reg.party(id) == home.as_deref()));
            if !p.speakers.is_empty() && same_para && (p.carries || quoted) && !other_subject {
                a.speakers = p.speakers.clone();
                a.carries = true;
            }
        }
        dedup(&mut a.speakers);
        reg.next_sentence(&a.speakers);
        for &id in &a.speakers {
            reg.touch(id);
        }
        let opener = (a.speakers.is_empty() && doc.format == Format::Article)
            .then(|| opening_institution(&s.text, &reg, &mut buffers))
            .flatten();
        reg.set_opener(opener);
        if a.speakers.is_empty() && doc.format == Format::Article {
            introduced_person(&s.text, &mut reg, &mut buffers);
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
    if hits.is_empty() && !mentions_a_report(text) && !stance::mentions_a_position(text) {
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
        if is_noun_use(text, toks, &lower, vi, vend, reg)
            || convenes(&lower, vend)
            || is_passive(&lower, vi)
        {
            continue;
        }
        let found = subject_before(text, toks, &lower, vi, hits).or_else(|| {
            // “...,” said X  /  ..., said X.
            let before = skip_between(&lower, vi);
            let quote_or_comma = before > 0
                && (toks[before - 1].is(text, ',') || closing_quote(text, &toks[before - 1]));
            if quote_or_comma && INVERTED.contains(&lower[vi]) {
                // "..., said the minister." but not "..., said two witnesses had seen it":
                // the phrase ends the clause.
                np_forward(text, toks, &lower, vend + 1)
                    .filter(|&(_, y)| {
                        toks.get(y)
                            .is_none_or(|t| !t.word || matches!(lower[y], "in" | "on" | "at"))
                    })
                    .map(|(x, y)| (x, y, true))
            } else {
                None
            }
        });
        let Some((a0, b0, main)) = found else {
            continue;
        };
        // "Does the Commission consider it one?": a question asks what X holds; it does not
        // report it (but "Did Iran deny it?" asks about an act of speech).
        if a0 > 0 && holds_a_view(lower[vi]) && asks_about_subject(text, &lower, a0) {
            continue;
        }
        let carries = main && (hit.value != Reporting::Act || intro_statement());
        if record(text, toks, a0, b0, hit.start, hit.end, reg, &mut a, format) {
            a.carries |= carries;
        }
    }
    if a.speakers.is_empty()
        && let Some((s, e, p)) = stance::institution_position(text, toks, &lower, reg)
    {
        let (ps, pe) = (toks[p].start, toks[p].end);
        record(text, toks, s, e, ps, pe, reg, &mut a, format);
    }
    subject_of_reporting_noun(text, toks, &lower, reg, &mut a, format);
    makers_of_allegations(text, toks, &lower, hits, reg, &mut a, format);
    if a.speakers.is_empty() {
        subject_report(text, toks, &lower, reg, &mut a, format);
    }
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
    a.spans.push(Span::new(
        SpanKind::Speaker,
        toks[a0].start,
        toks[b0 - 1].end,
    ));
    a.spans.push(Span::new(SpanKind::Reporting, vstart, vend));
    true
}

/// "Kenya's police have been accused of ...", "he was told that ...": a reporting verb in
/// the passive, whose grammatical subject is not its speaker.
fn is_passive(lower: &[&str], vi: usize) -> bool {
    let w = lower[vi];
    let participle = (w.len() > 3 && w.ends_with("ed"))
        || matches!(
            w,
            "found" | "told" | "said" | "held" | "seen" | "shown" | "known" | "thought" | "cited"
        );
    if !participle {
        return false;
    }
    let mut i = vi;
    while i > 0
        && matches!(
            lower[i - 1],
            "also" | "reportedly" | "repeatedly" | "widely" | "previously" | "publicly" | "not"
        )
    {
        i -= 1;
    }
    i > 0
        && matches!(
            lower[i - 1],
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
}

/// Verbs of holding a view rather than of saying it.
fn holds_a_view(w: &str) -> bool {
    matches!(
        w,
        "believe"
            | "consider"
            | "think"
            | "assess"
            | "regard"
            | "expect"
            | "accept"
            | "see"
            | "view"
            | "fear"
            | "agree"
    )
}

/// True when the subject starting at `a0` follows an inverted auxiliary in a question:
/// "Does the Commission consider ...?", "Who does the United States believe?".
fn asks_about_subject(text: &str, lower: &[&str], a0: usize) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with('?')
        && matches!(
            lower[a0 - 1],
            "does"
                | "do"
                | "did"
                | "will"
                | "would"
                | "can"
                | "could"
                | "has"
                | "have"
                | "is"
                | "are"
                | "should"
        )
}

fn closing_quote(text: &str, t: &Tok) -> bool {
    t.is(text, '”') || t.is(text, '"') || t.is(text, '’') || t.is(text, '»')
}

/// Whether a transcript label is a news outlet's name (`REUTERS:`, `BLOOMBERG:`): a
/// reporter's turn, as some foreign ministries print their questions.
pub fn is_outlet_label(gaz: &Gazetteer, label: &str) -> bool {
    let found = gaz.find(label);
    found.len() == 1
        && found[0].start == 0
        && found[0].end == label.trim_end().len()
        && gaz.entity(found[0].entity).kind == super::gazetteer::EntityKind::Media
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
mod tests;

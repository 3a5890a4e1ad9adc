//! Whether an unmarked sentence goes on with the previous sentence's speaker: open quotations,
//! and what ends a continuation (another group of people as the subject, a rebuttal, the
//! writer's own voice); and people introduced by name for a later `he` or `she`.

use super::Buffers;
use super::np::np_forward;
use super::phrase::{self, Registry};
use crate::loader::tokens::tokenize_into;

/// "Independent investigators have found no trace": a sentence whose subject is a group of
/// people by their role (investigators, experts, officials) that is none of `speakers`
/// speaks of them, not for the previous speaker.
pub(super) fn opens_with_other_role(
    text: &str,
    reg: &Registry,
    speakers: &[usize],
    buffers: &mut Buffers,
) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    if phrase::is_pronoun(&first.to_ascii_lowercase()) {
        return false;
    }
    let toks = &mut buffers.toks;
    tokenize_into(text, toks);
    let lower: Vec<String> = toks
        .iter()
        .take(8)
        .map(|t| t.text(text).to_ascii_lowercase())
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let toks = &toks[..lower.len()];
    let Some((s, e)) = np_forward(text, toks, &lower, 0) else {
        return false;
    };
    let head = lower[e - 1];
    if !phrase::is_role(head) || !head.ends_with('s') || e >= lower.len() {
        return false;
    }
    // The clause goes on with a verb of its own (not `, ...` or `and`).
    if !toks[e].word || matches!(lower[e], "and" | "or" | "of") {
        return false;
    }
    let phrase = text[toks[s].start..toks[e - 1].end].to_lowercase();
    let role = head.trim_end_matches('s');
    !speakers
        .iter()
        .any(|&id| reg.source_matches(id, &phrase, role))
}

/// "Make no mistake: ...", "Let me be clear: ...": the writer speaking in their own voice.
pub(super) fn opens_in_own_voice(text: &str) -> bool {
    let head = text.get(..text.floor_char_boundary(24)).unwrap_or(text);
    let head = head.to_ascii_lowercase();
    [
        "make no mistake",
        "let me be clear",
        "let us be clear",
        "let's be clear",
        "let’s be clear",
        "to be clear",
        "i want to be clear",
        "let me say",
        "i want to",
        "i would",
        "i will",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

/// "We respectfully disagree.", "Our embassy has asked ...", "I take these claims
/// seriously": outside quotation marks, the first person is the writer's (the issuer of a
/// statement); it goes on for the last speaker reported only when that one speaks for the
/// issuer (`The Intelligence Community is confident ... We believe ...`).
pub(super) fn first_person_opening(text: &str) -> bool {
    let head = text.get(..text.floor_char_boundary(12)).unwrap_or(text);
    let head = head.to_ascii_lowercase();
    let first = head
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    matches!(
        first,
        "we" | "our" | "i" | "my" | "we're" | "we’re" | "we've" | "we’ve" | "i'm" | "i’m"
    )
}

/// "That is simply false.", "This is absurd.": the writer judging the claim just reported,
/// not its speaker going on.
pub(super) fn is_rebuttal(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        return false;
    }
    let mut w = words.iter().copied();
    let subject = matches!(w.next(), Some("that" | "this" | "these" | "such" | "which"));
    let mut rest =
        w.skip_while(|x| matches!(*x, "claim" | "claims" | "allegations" | "accusation"));
    let verb = matches!(rest.next(), Some("is" | "are" | "was" | "were"));
    subject
        && verb
        && rest
            .find(|x| {
                !matches!(
                    *x,
                    "simply"
                        | "patently"
                        | "completely"
                        | "totally"
                        | "utterly"
                        | "just"
                        | "of"
                        | "course"
                        | "a"
                        | "an"
                        | "not"
                )
            })
            .is_some_and(|x| {
                matches!(
                    x,
                    "false"
                        | "untrue"
                        | "absurd"
                        | "lie"
                        | "lies"
                        | "nonsense"
                        | "ridiculous"
                        | "baseless"
                        | "wrong"
                        | "true"
                        | "preposterous"
                        | "outrageous"
                        | "fiction"
                        | "fabrication"
                        | "propaganda"
                        | "disinformation"
                )
            })
}

/// "Yang Min is a scholar at ...", "Ana Ruiz, a lawyer for the family, ...": a sentence that
/// opens by introducing a person by name, for a `he` or `she` after it.
pub(super) fn introduced_person(text: &str, reg: &mut Registry, buffers: &mut Buffers) {
    // Cheap test first: a capitalised word, another, then `is a`, `was the`, `, an`...
    let mut words = text.split_whitespace();
    let two_names = words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !two_names {
        return;
    }
    let toks = &mut buffers.toks;
    tokenize_into(text, toks);
    let k = toks
        .iter()
        .take(5)
        .position(|t| !t.capitalized(text) || !t.word)
        .unwrap_or(0);
    if k < 2 {
        return;
    }
    let lower = |i: usize| toks.get(i).map(|t| t.text(text).to_ascii_lowercase());
    let linked = matches!(lower(k).as_deref(), Some("is" | "was" | ","));
    if !linked || !matches!(lower(k + 1).as_deref(), Some("a" | "an" | "the")) {
        return;
    }
    let names = toks[..k].to_vec();
    let description = &text[toks[k + 1].start..];
    reg.introduce(text, &names, description);
}

pub(super) fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['“', '"', '‘', '«'])
}

/// Whether a quotation is still open at the end of this sentence.
pub(super) fn open_quote_after(text: &str, open_before: bool) -> bool {
    let (mut opens, mut closes, mut straight) = (0i64, 0i64, 0i64);
    for (_, c) in crate::loader::tokens::quote_marks(text) {
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

/// The institution that opens a sentence that quotes no one (`The UN refugee agency
/// published a report on Tuesday.`): a next sentence's `It said`, `The statement said` or
/// `The group said` means it.
pub(super) fn opening_institution(
    text: &str,
    reg: &Registry,
    buffers: &mut Buffers,
) -> Option<super::phrase::Mention> {
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    let toks = &mut buffers.toks;
    tokenize_into(text, toks);
    let folded = text[..text.floor_char_boundary(text.len().min(300))].to_ascii_lowercase();
    let lower: Vec<&str> = toks
        .iter()
        .take_while(|t| t.end <= folded.len())
        .map(|t| &folded[t.start..t.end])
        .collect();
    let (a, b) = super::np::np_forward(text, &toks[..lower.len()], &lower, 0)?;
    // The phrase is the subject of a verb of publishing: `it` after "The army has shown no
    // restraint." is the writer's narration, after "The agency published a report." the
    // report's voice.
    let published = lower.iter().skip(b).take(4).any(|w| {
        matches!(
            *w,
            "published"
                | "released"
                | "issued"
                | "put"
                | "presented"
                | "submitted"
                | "circulated"
                | "posted"
                | "unveiled"
                | "sent"
                | "publishes"
                | "releases"
                | "issues"
        )
    });
    if !published || a != 0 {
        return None;
    }
    reg.institution_mention(text, &toks[a..b])
}

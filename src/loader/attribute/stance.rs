//! An institution taking a position in its own name: `The United States remains gravely
//! concerned`, `Japan does not recognize the annexation`, `NATO calls for restraint`, `The
//! Kremlin is committed to the talks`. The institution (a country, its capital or seat, a
//! government body or an organisation) that opens the main clause is the sentence's speaker.
//! Acts (`Egypt has joined the sanctions`) and allegations in the writer's voice (`Iran
//! supports the militia`) are not positions and name no speaker.

use super::np::np_forward;
use super::phrase::Registry;
use crate::loader::patterns;
use crate::loader::tokens::{Tok, WordSet};

/// A cheap test, run on sentences with no reporting verb: whether one of the position words
/// occurs at all.
pub(super) fn mentions_a_position(text: &str) -> bool {
    crate::loader::dfa::POSITION.is_match(text)
}

/// Adjectives of a position after `is`, `are`, `remains`, `has been`: `remains concerned`.
static POSITION_ADJECTIVES: WordSet = WordSet::new(patterns::POSITION_ADJECTIVES);

/// Verbs of a position in the present tense: `recognizes`, `calls for`.
static POSITION_VERBS: WordSet = WordSet::new(patterns::POSITION_VERBS);

/// Adverbs and auxiliaries between the institution and its predicate.
static SKIPPED: WordSet = WordSet::new(&[
    "also",
    "still",
    "now",
    "again",
    "does",
    "do",
    "not",
    "never",
    "has",
    "have",
    "been",
    "continues",
    "continue",
    "to",
    "deeply",
    "gravely",
    "very",
    "fully",
    "firmly",
    "strongly",
    "increasingly",
    "particularly",
    "especially",
    "extremely",
    "seriously",
    "greatly",
    "always",
    "once",
    "more",
    "therefore",
    "thus",
    "equally",
]);

/// Words that may open a sentence before its subject: `And`, `Today,`.
static OPENING: WordSet = WordSet::new(&[
    "and",
    "but",
    "so",
    "yet",
    "today",
    "now",
    "again",
    "still",
    "first",
    "finally",
    "moreover",
    "furthermore",
    "indeed",
    "therefore",
    "meanwhile",
]);

/// An institution taking a position in the sentence's main clause: the token range of its
/// name and the index of the predicate's head word.
pub(super) fn institution_position(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    reg: &Registry,
) -> Option<(usize, usize, usize)> {
    // `Let me be clear: the United States stands with ...`: the clause after a colon.
    let mut s = toks
        .iter()
        .take(7)
        .position(|t| t.is(text, ':'))
        .map_or(0, |c| c + 1);
    while s < toks.len().min(s + 4) && (OPENING.contains(&lower[s]) || toks[s].is(text, ',')) {
        s += 1;
    }
    let (a0, b0) = np_forward(text, toks, lower, s)?;
    let first = if lower[a0] == "the" { a0 + 1 } else { a0 };
    if first >= b0 || !toks[first].capitalized(text) {
        return None;
    }
    if !reg.is_institution(text, &toks[first..b0]) {
        return None;
    }
    let mut j = b0;
    while j < toks.len() && j < b0 + 6 && SKIPPED.contains(&lower[j]) {
        j += 1;
    }
    let w = *lower.get(j)?;
    let next = lower.get(j + 1).copied().unwrap_or("");
    let position = match w {
        "is" | "are" | "remains" | "remain" | "was" | "were" | "feels" | "feel" => {
            let mut k = j + 1;
            while k < toks.len() && k < j + 4 && SKIPPED.contains(&lower[k]) {
                k += 1;
            }
            lower
                .get(k)
                .is_some_and(|a| POSITION_ADJECTIVES.contains(a))
        }
        _ if POSITION_ADJECTIVES.contains(&w) => lower[b0..j].contains(&"been"),
        "calls" | "call" => matches!(next, "for" | "on" | "upon"),
        "stands" | "stand" => {
            matches!(next, "with" | "by" | "behind" | "united" | "firm" | "ready")
                || next == "in" && lower.get(j + 2) == Some(&"solidarity")
        }
        // "The Presidency notes with dismay", "has learned with great concern".
        "notes" | "note" | "learned" | "learnt" | "learns" => next == "with",
        "looks" | "look" => next == "forward",
        _ => POSITION_VERBS.contains(&w),
    };
    position.then_some((first, b0, j))
}

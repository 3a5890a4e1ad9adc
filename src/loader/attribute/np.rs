//! Noun phrases around a reporting verb: the subject before it (over auxiliaries, adverbs and
//! appositives), the phrase after it (`said X`, `according to X`), and their trimming.

use super::{phrase, words};
use crate::loader::lexicon::{Hit, Reporting};
use crate::loader::tokens::{Tok, WordSet};

/// Words skipped between a speaker and its verb: auxiliaries and adverbs.
pub(super) static BETWEEN: WordSet = WordSet::new(&[
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
    "falsely",
    "wrongly",
    "baselessly",
    "here",
    "himself",
    "herself",
    "themselves",
    "itself",
    "consistently",
    "persistently",
    "formally",
    "initially",
    "originally",
    "jointly",
    "independently",
    "increasingly",
    "routinely",
    "regularly",
    "frequently",
    "often",
    "usually",
    "widely",
    "emphatically",
    "unequivocally",
    "specifically",
    "directly",
    "clearly",
    "even",
    "ever",
]);

/// Openers of a sentence-initial phrase after which the clause's subject comes.
pub(super) static INTRO: WordSet = WordSet::new(&[
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

/// Index of the first token before `vi` that is not an auxiliary, an adverb or a time
/// adverbial (`Sudan on Sunday denied`, `the agency Monday said`, `officials last week said`).
pub(super) fn skip_between(lower: &[&str], vi: usize) -> usize {
    let mut i = vi;
    while i > 0 {
        let w = lower[i - 1];
        if BETWEEN.contains(&w) || is_day_word(w) {
            i -= 1;
            // `on Sunday`, `last Monday`, `late Friday`
            if is_day_word(w)
                && i > 0
                && matches!(lower[i - 1], "on" | "last" | "this" | "late" | "early")
            {
                i -= 1;
            }
        } else if i >= 2
            && w == "to"
            && matches!(
                lower[i - 2],
                "continue"
                    | "continues"
                    | "continued"
                    | "keep"
                    | "keeps"
                    | "kept"
                    | "began"
                    | "begin"
                    | "begins"
                    | "seem"
                    | "seems"
                    | "seemed"
                    | "appear"
                    | "appears"
                    | "appeared"
                    | "tend"
                    | "tends"
                    | "went"
                    | "go"
                    | "goes"
                    | "want"
                    | "wants"
                    | "wanted"
                    | "wish"
                    | "wishes"
                    | "would"
                    | "like"
                    | "chose"
                    | "choose"
                    | "declined"
                    | "declines"
                    | "refused"
                    | "refuses"
            )
        {
            // `continue to lie`, `would like to stress`: the verb's subject is the phrase's.
            i -= 2;
        } else if i >= 3 && w == "past" && lower[i - 2] == "the" && lower[i - 3] == "in" {
            // `Ankara has in the past rejected`
            i -= 3;
        } else if i >= 2
            && matches!(w, "week" | "month" | "year" | "night" | "weekend")
            && matches!(lower[i - 2], "last" | "this" | "earlier" | "later")
        {
            i -= 2;
        } else {
            break;
        }
    }
    i
}

/// A weekday or a day word that can stand between a subject and its verb.
fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "overnight"
    )
}

/// A word that reads as a verb in the past tense (`arrested`, `met`): an object follows it.
fn is_past_verb(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(
            w,
            "met"
                | "sent"
                | "held"
                | "took"
                | "gave"
                | "made"
                | "left"
                | "saw"
                | "seized"
                | "caught"
                | "shot"
                | "struck"
                | "hit"
                | "put"
                | "set"
                | "sought"
                | "brought"
                | "fought"
                | "won"
                | "lost"
                | "began"
                | "led"
                | "told"
        )
}

/// The subject noun phrase before a reporting verb at `vi`: `(start, end, main_clause)`.
pub(super) fn subject_before(
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
    let (mut s, mut e) = np_backward(text, toks, lower, i)?;
    // "Georgia arrested four officers and accused them": the phrase before `and` is the
    // object of an earlier verb, whose subject also speaks the second one.
    if e < i
        && matches!(lower[e], "and" | "then")
        && s > 0
        && toks[s - 1].word
        && is_past_verb(lower[s - 1])
    {
        let k = skip_between(lower, s - 1);
        (s, e) = np_backward(text, toks, lower, k)?;
    }
    // "Regardless of what Russia has said": a free relative after a preposition names no
    // speaker of the sentence (but "what George said was that ..." does).
    if s >= 2
        && matches!(lower[s - 1], "what" | "whatever")
        && matches!(
            lower[s - 2],
            "of" | "to" | "despite" | "about" | "from" | "than" | "with" | "unlike" | "beyond"
        )
    {
        return None;
    }
    Some((s, e, main_clause(text, toks, lower, s)))
}

/// ", denying that ...": a participle after a comma speaks for the sentence's subject, the
/// named phrase that opens it (after a conjunction such as "Yet").
pub(super) fn participle_subject(
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
pub(super) fn main_clause(text: &str, toks: &[Tok], lower: &[&str], s: usize) -> bool {
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
pub(super) fn np_backward(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    end: usize,
) -> Option<(usize, usize)> {
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
        } else if t.word
            && s < end
            && s >= 3
            && phrase::is_role(lower[s])
            && !t.capitalized(text)
            && toks[s - 2].word
            && !toks[s - 2].capitalized(text)
            && !phrase::is_determiner(lower[s - 2])
            && !phrase::is_connector(lower[s - 2])
            && (phrase::is_determiner(lower[s - 3]) || toks[s - 3].possessive())
        {
            // Two noun modifiers: "the EU's foreign policy service".
            s -= 2;
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
pub(super) fn np_forward(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    start: usize,
) -> Option<(usize, usize)> {
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
pub(super) fn trim_np(
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
    let head_ok = head.capitalized(text)
        || words::is_article_name(head.text(text))
        || phrase::is_role(lower[e - 1])
        || head.is(text, ')');
    head_ok.then_some((s, e))
}

//! Reporting words as nouns and their owners: `Western claims about` is no verb, `called this
//! meeting` no saying; a subject's own allegations, claims or report (`The CCTV allegations
//! were ...`, `its allegation that`), and the makers of allegations (`allegations by X`, `X is
//! trading accusations`).

use super::np::{np_backward, np_forward, subject_before};
use super::phrase::{self, Registry};
use super::{Attribution, record};
use crate::loader::lexicon::{Hit, Reporting};
use crate::loader::tokens::Tok;
use crate::model::{Format, Span, SpanKind};

/// "The CCTV allegations were ...": a sentence whose subject is a known speaker's allegations,
/// claims or report.
pub(super) fn subject_report(
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
pub(super) fn mentions_a_report(text: &str) -> bool {
    crate::loader::dfa::REPORT_NOUNS.is_match(text)
}

/// `called this meeting`, `calls a referendum`: convening something, not saying something.
pub(super) fn convenes(lower: &[&str], vend: usize) -> bool {
    if !matches!(lower[vend], "call" | "calls" | "called" | "calling") {
        return false;
    }
    // Over determiners and adjectives (`an extraordinary session`); `called for a meeting`
    // is a demand, and `called it ...`, `called on` are no convening.
    let mut k = vend + 1;
    if matches!(
        lower.get(k),
        Some(&("for" | "on" | "upon" | "it" | "them" | "him" | "her"))
    ) {
        return false;
    }
    while k < lower.len()
        && k < vend + 5
        && lower[k].chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            lower[k],
            "meeting" | "session" | "election" | "elections" | "referendum" | "vote" | "summit"
        )
    {
        k += 1;
    }
    lower.get(k).is_some_and(|w| {
        matches!(
            *w,
            "meeting"
                | "meetings"
                | "session"
                | "sessions"
                | "election"
                | "elections"
                | "referendum"
                | "vote"
                | "summit"
                | "conference"
                | "strike"
                | "strikes"
                | "halt"
                | "off"
                | "council"
                | "briefing"
        )
    })
}

/// A reporting word used as a noun ("Western claims about", "its calls on", "Russian calls
/// for"), not as a verb after an auxiliary ("have been warning about") or after a named
/// subject ("The United States calls for").
pub(super) fn is_noun_use(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    vi: usize,
    vend: usize,
    reg: &Registry,
) -> bool {
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
            | "claim"
            | "report"
            | "note"
            | "demand"
            | "request"
            | "welcome"
            | "estimate"
            | "praise"
            | "caution"
            | "blame"
            | "promises"
            | "pledges"
            | "orders"
    );
    if !ambiguous {
        return false;
    }
    let next = lower.get(vend + 1).copied().unwrap_or("");
    let prev = if vi > 0 { lower[vi - 1] } else { "" };
    if matches!(
        prev,
        "its" | "their" | "his" | "her" | "the" | "these" | "those" | "such" | "any" | "our"
    ) {
        return true;
    }
    let auxiliary = matches!(
        prev,
        "been"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "am"
            | "has"
            | "have"
            | "had"
            | "also"
            | "still"
            | "now"
            | "again"
            | "repeatedly"
            | "publicly"
            | "to"
            | "will"
            | "would"
            | "may"
            | "might"
            | "can"
            | "could"
            | "not"
            | "did"
            | "does"
            | "do"
    );
    let named_subject = vi > 0 && {
        let p = &toks[vi - 1];
        let from = toks[vi.saturating_sub(3)].start;
        p.capitalized(text)
            && !p.possessive()
            && phrase::is_np_word(text, p, prev)
            && !reg.ends_with_demonym(&text[from..p.end])
    };
    // "reports indicated", "claims are": the verb comes next.
    let verb_next = matches!(
        next,
        "say"
            | "said"
            | "indicate"
            | "indicated"
            | "indicates"
            | "suggest"
            | "suggested"
            | "show"
            | "showed"
            | "are"
            | "were"
            | "have"
            | "had"
    );
    if verb_next {
        return true;
    }
    if auxiliary {
        return false;
    }
    // "the CCTV report.", "UN claims of": a noun whatever name stands before it.
    if matches!(
        next,
        "about" | "of" | "from" | "by" | "in" | "," | "." | "and"
    ) {
        return true;
    }
    // A base form after one name is a noun ("the UN report", "a Bolivian demand"); after
    // two coordinated names, a verb ("Peru and Chile claim").
    let base_form = !lower[vi].ends_with('s') && !lower[vi].ends_with("ing");
    let coordinated = vi >= 3 && lower[..vi - 1].iter().rev().take(3).any(|w| *w == "and");
    // "The Houthis claim that ...": a plural subject and a clause after the base form.
    let plural_subject = prev.ends_with('s') && !prev.ends_with("ss") && next == "that";
    if named_subject {
        return base_form && !coordinated && !plural_subject;
    }
    matches!(next, "on" | "for")
}

/// The sources of allegations the sentence names: `allegations by X`, `accusations from X`,
/// and the subject of `X has leveled a series of allegations`, `X and Y are trading
/// accusations`, `X continues to make phony claims`.
pub(super) fn makers_of_allegations(
    text: &str,
    toks: &[Tok],
    lower: &[&str],
    hits: &[Hit<Reporting>],
    reg: &mut Registry,
    a: &mut Attribution,
    format: Format,
) {
    for i in 0..toks.len() {
        if !matches!(
            lower[i],
            "allegations" | "allegation" | "accusations" | "accusation" | "claims" | "claim"
        ) {
            continue;
        }
        let (ns, ne) = (toks[i].start, toks[i].end);
        if matches!(lower.get(i + 1), Some(&("by" | "from")))
            && let Some((s, e)) = np_forward(text, toks, lower, i + 2)
        {
            record(text, toks, s, e, ns, ne, reg, a, format);
        }
        // "rejected U.S. accusations that ...", "Moscow's claims of ...": a named owner of
        // the content that follows (not a demonym: "Western claims").
        if i > 0
            && matches!(lower.get(i + 1), Some(&("that" | "of" | "about")))
            && toks[i - 1].capitalized(text)
            && let Some((s, e)) = np_backward(text, toks, lower, i)
            && reg.is_known_entity(text, &toks[s..e])
            && !reg.ends_with_demonym(&text[toks[s].start..toks[e - 1].end])
        {
            record(text, toks, s, e, ns, ne, reg, a, format);
        }
        // Back over a few modifiers (`a series of`, `phony`, `new`) to a verb of making.
        let mut v = i;
        while v > 0 && i - v < 5 && toks[v - 1].word && !toks[v - 1].capitalized(text) {
            v -= 1;
            if matches!(
                lower[v],
                "make"
                    | "makes"
                    | "made"
                    | "making"
                    | "level"
                    | "levels"
                    | "leveled"
                    | "levelled"
                    | "leveling"
                    | "levelling"
                    | "trade"
                    | "trades"
                    | "traded"
                    | "trading"
                    | "repeat"
                    | "repeats"
                    | "repeated"
                    | "renewed"
                    | "spread"
                    | "spreads"
                    | "spreading"
            ) {
                // `continues to make`: the subject is that of `continues`.
                let mut k = v;
                if k >= 2
                    && lower[k - 1] == "to"
                    && matches!(
                        lower[k - 2],
                        "continue" | "continues" | "continued" | "keeps"
                    )
                {
                    k -= 2;
                }
                if let Some((s, e, _)) = subject_before(text, toks, lower, k, hits) {
                    record(text, toks, s, e, ns, ne, reg, a, format);
                }
                break;
            }
        }
    }
}

/// "the Administration has stayed firm in its allegation that": the subject of a clause whose
/// object is the speaker's own allegation, assessment or claim.
pub(super) fn subject_of_reporting_noun(
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

//! Classification: each sentence's section, the cues that decided it, and the claim spans
//! (quotes, reported claims, hedges, figures) the reader highlights.
//!
//! Sections are scored from weighted cue words (see `assets/lexicon.toml`). A strong denial cue
//! that is not negated makes a denial; otherwise the best-scoring section wins, ties going to
//! the first of denial, allegation, response, context. A sentence with no cue that continues
//! the previous sentence's denial (same speakers, same paragraph) stays a denial; other
//! sentences with no cue are context.

use super::lexicon::{Hit, Reporting, Scan, Weight};
use crate::model::{Cue, Likelihood, Section, Sentence, Span, SpanKind};
use regex::Regex;
use std::sync::LazyLock;

/// Words that negate a cue standing just after them.
const NEGATIONS: &[&str] = &["not", "never", "no", "n't", "nor", "without", "neither"];

/// Cue words that a preceding negation cancels ("did not deny").
const NEGATABLE: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "rejected",
    "reject",
    "rejects",
    "dismissed",
    "refuted",
    "disputed",
    "disputes",
    "accused",
    "alleged",
    "blamed",
    "condemned",
    "urged",
    "violated",
    "confirmed",
];

/// Openers of a background sentence.
const BACKGROUND_OPENERS: &[&str] = &[
    "since ",
    "historically",
    "for years",
    "for decades",
    "in the past",
    "previously",
    "until ",
];

/// "X says it did not ...": a speaker's claim that it did not do something.
static SELF_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:say|says|said|insist|insists|insisted|maintain|maintains|maintained|claim|claims|claimed|argue|argues|argued)\s+(?:that\s+)?(?:it|they|he|she|we|i)\s+(?:(?:did|had|has|have|was|were|is|are)(?:\s+not|n(?u:['’])t)|never|had\s+no|has\s+no|played\s+no)\b")
        .expect("self-denial regex")
});

/// Sets each sentence's section, cues, likelihood and highlight spans.
/// `scans` holds each sentence's lexicon matches (reporting verbs, cues, hedges).
pub fn classify(sentences: &mut [Sentence], scans: Vec<Scan>) {
    let mut prev: Option<(usize, Vec<usize>, Section)> = None;
    // Each sentence's verbs are dropped as soon as it is done, to keep the peak low.
    for (s, scan) in sentences.iter_mut().zip(scans) {
        let hits = live_cues(&s.text, &scan);
        let (section, cues) = decide(&s.text, &hits);
        let continues_denial = prev.as_ref().is_some_and(|(para, speakers, sec)| {
            // In a transcript every sentence of a turn has the same speaker: no signal there.
            let explicit = s.text.starts_with(['“', '"'])
                || s.spans.iter().any(|sp| sp.kind == SpanKind::Speaker);
            explicit
                && s.turn.is_none()
                && *para == s.paragraph
                && *sec == Section::Denial
                && !s.speakers.is_empty()
                && *speakers == s.speakers
        });
        // A reporter's question asking for a reaction, with no accusation in it, is context.
        let press_question =
            s.turn.as_deref().is_some_and(|t| {
                super::attribute::label_kind(t) == crate::model::SourceKind::Press
            }) && s.text.trim_end_matches(['”', '"', ')', ' ']).ends_with('?');
        let (section, cues) = if press_question && section == Section::Response {
            let rule = "a reporter's question asking for a reaction";
            (Section::Context, vec![Cue::rule(Section::Context, rule)])
        } else {
            (section, cues)
        };
        let (section, cues) = if cues.is_empty() && continues_denial {
            (
                Section::Denial,
                vec![Cue::rule(Section::Denial, "continues the speaker's denial")],
            )
        } else {
            (section, cues)
        };
        for h in &hits {
            if h.value.0 == section {
                s.spans.push(Span::new(SpanKind::Cue, h.start, h.end));
            }
        }
        s.section = section;
        s.cues = cues;
        claim_spans(s, &scan);
        prev = Some((s.paragraph, s.speakers.clone(), section));
    }
}

/// The cues of a sentence, without those a negation cancels.
fn live_cues(text: &str, scan: &Scan) -> Vec<Hit<(Section, Weight)>> {
    let mut hits = scan.cues();
    let negative = has_negation(text);
    hits.extend(
        SELF_DENIAL
            .find_iter(if negative { text } else { "" })
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                value: (Section::Denial, 3),
            }),
    );
    hits.retain(|h| {
        let word = &text[h.start..h.end];
        let negatable = NEGATABLE.iter().any(|n| n.eq_ignore_ascii_case(word));
        !(negatable && negated(text, h.start))
    });
    hits
}

/// True when one of the three words before `at` is a negation.
fn negated(text: &str, at: usize) -> bool {
    let window = &text[text.floor_char_boundary(at.saturating_sub(48))..at];
    window
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| {
            // "didn't", "don’t", "n't": a word ending in n't, either apostrophe, any case.
            let n_t = ["'t", "'T", "’t", "’T"]
                .iter()
                .find_map(|end| w.strip_suffix(end))
                .is_some_and(|stem| stem.ends_with(['n', 'N']));
            n_t || NEGATIONS.iter().any(|n| n.eq_ignore_ascii_case(w))
        })
}

/// How a cue of `weight` for `section` is described to the reader.
fn rule_name(section: Section, weight: Weight) -> &'static str {
    const NAMES: [[&str; 3]; 4] = [
        [
            "weak allegation cue",
            "allegation cue",
            "strong allegation cue",
        ],
        ["weak denial cue", "denial cue", "strong denial cue"],
        ["weak response cue", "response cue", "strong response cue"],
        ["weak context cue", "context cue", "strong context cue"],
    ];
    NAMES[section.index()][usize::from(weight.clamp(1, 3)) - 1]
}

/// Whether `text` contains "not", "n't", "n’t", "never" or " no ": one pass over its `n`s.
fn has_negation(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'n', b).any(|i| {
        let rest = &b[i + 1..];
        rest.starts_with(b"ot")
            || rest.starts_with(b"'t")
            || rest.starts_with("’t".as_bytes())
            || rest.starts_with(b"ever")
            || i > 0 && b[i - 1] == b' ' && rest.starts_with(b"o ")
    })
}

/// The section and the cues that decided it.
fn decide(text: &str, hits: &[Hit<(Section, Weight)>]) -> (Section, Vec<Cue>) {
    let mut score = [0u32; 4];
    let subordinate = if hits.is_empty() {
        text.len()
    } else {
        subordinate_start(text)
    };
    for h in hits {
        let w = u32::from(h.value.1);
        // Cues in a subordinate clause ("..., which violated ...") count half.
        score[h.value.0.index()] += if h.start >= subordinate { w / 2 } else { w };
    }
    // Weak cues alone ("the attack came during Ramadan") do not make a section.
    if hits.iter().all(|h| h.value.1 < 2) {
        score = [0; 4];
    }
    let opening = text.trim_start_matches(['“', '"', '(']);
    let lower = opening[..opening.floor_char_boundary(24)].to_ascii_lowercase();
    let background = BACKGROUND_OPENERS.iter().find(|o| lower.starts_with(*o));
    if background.is_some() {
        score[Section::Context.index()] += 6;
    }
    let strong_denial = hits.iter().any(|h| h.value == (Section::Denial, 3));
    let section = if strong_denial {
        Section::Denial
    } else {
        // Ties go to the earlier section in Section::ALL.
        let best = Section::ALL.iter().copied().max_by(|a, b| {
            score[a.index()]
                .cmp(&score[b.index()])
                .then(b.index().cmp(&a.index()))
        });
        match best {
            Some(s) if score[s.index()] > 0 => s,
            _ => Section::Context,
        }
    };
    let mut cues: Vec<Cue> = hits
        .iter()
        .filter(|h| h.value.0 == section)
        .map(|h| Cue::new(section, h.start..h.end, rule_name(section, h.value.1)))
        .collect();
    if let Some(o) = background {
        cues.insert(0, {
            let start = text.len() - text.trim_start().len();
            let end = start + o.trim_end().len();
            Cue::new(Section::Context, start..end, "opens with background")
        });
    }
    (section, cues)
}

/// Where a subordinate clause begins ("in response to reports that ...", ", which ..."), or
/// the end of the text when there is none.
fn subordinate_start(text: &str) -> usize {
    static MARKERS: LazyLock<CasedPhrases> = LazyLock::new(|| {
        CasedPhrases::new(&[
            ", which ",
            ", who ",
            " in response to ",
            " following ",
            " amid ",
            " because of ",
            " after reports",
        ])
    });
    MARKERS.find_end(text).unwrap_or(text.len())
}

/// Whether `text` has one of the words of an amount without digits ("dozens", "millions").
fn has_amount_word(text: &str) -> bool {
    static WORDS: LazyLock<CasedPhrases> = LazyLock::new(|| {
        CasedPhrases::new(&["dozens", "hundreds", "thousands", "millions", "billions"])
    });
    WORDS.find_end(text).is_some()
}

/// Lower-case phrases found as written in running text, in a title (first word or every
/// word capitalised) and in capitals. Listing the cases, rather than matching
/// case-insensitively, lets a vectorised (SIMD) searcher look for them; a case-insensitive
/// automaton would stop at every space. The automaton is the fallback where that searcher
/// cannot be built.
enum CasedPhrases {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl CasedPhrases {
    fn new(phrases: &[&str]) -> CasedPhrases {
        let title = |m: &str, every: bool| {
            let mut out = String::new();
            let mut at_word = true;
            let mut first = true;
            for c in m.chars() {
                if c.is_alphabetic() && at_word && (first || every) {
                    out.push(c.to_ascii_uppercase());
                    first = false;
                } else {
                    out.push(c);
                }
                at_word = !c.is_alphabetic();
            }
            out
        };
        let mut variants: Vec<String> = phrases
            .iter()
            .flat_map(|m| {
                [
                    m.to_string(),
                    title(m, false),
                    title(m, true),
                    m.to_uppercase(),
                ]
            })
            .collect();
        variants.dedup();
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(&variants)
            .build();
        match packed {
            Some(searcher) => CasedPhrases::Packed(searcher),
            None => CasedPhrases::Automaton(
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .build(variants)
                    .expect("phrase automaton"),
            ),
        }
    }

    /// Where the leftmost phrase found ends.
    fn find_end(&self, text: &str) -> Option<usize> {
        match self {
            CasedPhrases::Packed(s) => s.find(text),
            CasedPhrases::Automaton(a) => a.find(text),
        }
        .map(|m| m.end())
    }
}

/// Quotes, reported claims, hedges and figures.
fn claim_spans(s: &mut Sentence, scan: &Scan) {
    let text = s.text.as_str();
    let verbs = scan.reporting();
    let mut spans = quotes(text);
    // The content clause of a reporting verb: "said that ...".
    for r in &verbs {
        if r.value == Reporting::Before {
            continue;
        }
        let rest = &text[r.end..];
        let lead = rest.len() - rest.trim_start().len();
        let next = rest.trim_start();
        if next
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("that "))
        {
            let start = r.end + lead + "that ".len();
            let end = text.trim_end_matches(['.', '?', '!', '”', '"', ' ']).len();
            if end > start {
                spans.push(Span::new(SpanKind::Claim, start, end));
            }
        }
    }
    let mut best: Option<Likelihood> = None;
    for h in scan.hedges() {
        spans.push(Span::new(SpanKind::Hedge, h.start, h.end));
        if let Some(l) = h.value {
            let strength = |l: Likelihood| (l as i32 - Likelihood::RoughlyEvenChance as i32).abs();
            if best.is_none_or(|b| strength(l) > strength(b)) {
                best = Some(l);
            }
        }
    }
    s.likelihood = best;
    static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i-u)(?:[$]\s?)?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|(?:[$]\s?)?\b\d+(?:\.\d+)?\b(?:\s?(?:%|percent|per cent|million|billion|thousand|trillion))?|\b(?:dozens|hundreds|thousands|millions|billions)\b").expect("figure regex")
    });
    let numeric = super::tokens::has_digit(text) || has_amount_word(text);
    for m in FIGURE.find_iter(if numeric { text } else { "" }) {
        spans.push(Span::new(SpanKind::Figure, m.start(), m.end()));
    }
    s.spans.extend(spans);
}

/// Direct quotations, quote marks included; an unclosed one runs to the end of the sentence.
fn quotes(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let marks = super::tokens::quote_marks(text);
    for (i, c) in marks {
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((i, c)),
            (Some((start, o)), '”' | '»' | '"')
                if matches!(
                    (o, c),
                    ('“', '”') | ('«', '»') | ('"', '"') | ('“', '"') | ('"', '”')
                ) =>
            {
                spans.push(Span::new(SpanKind::Quote, start, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        spans.push(Span::new(SpanKind::Quote, start, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Lexicon;

    fn section(text: &str) -> Section {
        let lx = Lexicon::default();
        decide(text, &live_cues(text, &lx.scan(text))).0
    }

    #[test]
    fn strong_denial_wins() {
        assert_eq!(
            section("The ministry rejected the accusations as groundless."),
            Section::Denial
        );
        assert_eq!(
            section("Officials dismissed the claims and condemned the report."),
            Section::Denial
        );
    }

    #[test]
    fn amounts_in_words_are_found_in_any_usual_case() {
        for t in [
            "Dozens were hurt",
            "by the THOUSANDS",
            "millions of dollars",
            "x billions",
        ] {
            assert!(super::has_amount_word(t), "{t}");
        }
        for t in ["A dozen were hurt", "no amount", "Hundred"] {
            assert!(!super::has_amount_word(t), "{t}");
        }
    }

    #[test]
    fn subordinate_clauses_start_after_their_marker() {
        use super::subordinate_start;
        let t = "Seoul acted in response to reports that Pyongyang, which denied it, fired.";
        assert_eq!(
            &t[subordinate_start(t)..],
            "reports that Pyongyang, which denied it, fired."
        );
        let t = "The talks, WHICH failed, ended. Amid protests";
        assert_eq!(&t[subordinate_start(t)..], "failed, ended. Amid protests");
        let t = "Talks In Response To The Strike";
        assert_eq!(&t[subordinate_start(t)..], "The Strike");
        let t = "Officials condemned the launch.";
        assert_eq!(subordinate_start(t), t.len());
    }

    #[test]
    fn negation_looks_at_the_three_words_before() {
        for (text, word) in [
            ("They didn’t deny it", "deny"),
            ("They DIDN'T deny it", "deny"),
            ("It was never denied", "denied"),
            ("Not denied, officials said", "denied"),
            ("no one has denied it", "denied"),
            ("neither confirmed", "confirmed"),
        ] {
            assert!(super::negated(text, text.find(word).unwrap()), "{text}");
        }
        for (text, word) in [
            ("They did deny it", "deny"),
            ("Not that, but later they firmly denied", "denied"),
            ("The nation denied it", "denied"),
            ("The Don’t-Panic group denied", "denied"),
        ] {
            let negated = super::negated(text, text.find(word).unwrap());
            assert_eq!(negated, text.contains("Don’t"), "{text}");
        }
    }

    #[test]
    fn negated_denial_is_not_a_denial() {
        assert_ne!(
            section("The ministry did not deny that troops had crossed the border."),
            Section::Denial
        );
    }

    #[test]
    fn allegations_responses_and_context() {
        assert_eq!(
            section("Investigators accused the militia of smuggling weapons."),
            Section::Allegation
        );
        assert_eq!(
            section("The council urged both sides to show restraint."),
            Section::Response
        );
        assert_eq!(
            section("Since 2019, the two states have traded grain."),
            Section::Context
        );
        assert_eq!(section("The river floods every spring."), Section::Context);
    }

    #[test]
    fn saying_one_did_not_is_a_denial() {
        assert_eq!(
            section("The militia says it did not attack the camp."),
            Section::Denial
        );
        assert_eq!(
            section("Officials insisted they hadn’t fired first."),
            Section::Denial
        );
        assert_ne!(
            section("The militia says it attacked the camp."),
            Section::Denial
        );
    }

    #[test]
    fn refusal_to_attribute_is_a_denial() {
        assert_eq!(
            section("We are not now in a position to attribute this activity to them."),
            Section::Denial
        );
    }

    #[test]
    fn negation_is_found_where_a_substring_search_finds_it() {
        for text in [
            "It is not true.",
            "They didn't.",
            "They didn’t.",
            "It never happened.",
            "There is no evidence.",
            "Nothing.",
            "cannot",
            "no ",
            "It is NOT true.",
            "a no-go",
            "n",
            "",
        ] {
            let substring = ["not", "n't", "n’t", "never", " no "]
                .iter()
                .any(|n| text.contains(n));
            assert_eq!(has_negation(text), substring, "{text:?}");
        }
    }

    #[test]
    fn quotes_claims_hedges_and_figures() {
        let mut s = Sentence {
            id: 0,
            paragraph: 0,
            text:
                "Officials said that 1,500 troops were “almost certainly” sent, allegedly by sea."
                    .into(),
            section: Section::Context,
            speakers: vec![],
            cues: vec![],
            spans: vec![],
            likelihood: None,
            turn: None,
            correction: None,
        };
        let lx = Lexicon::default();
        let scan = lx.scan(&s.text);
        claim_spans(&mut s, &scan);
        let kinds: Vec<(SpanKind, &str)> = s
            .spans
            .iter()
            .map(|sp| (sp.kind, &s.text[sp.range()]))
            .collect();
        assert!(
            kinds.contains(&(SpanKind::Quote, "“almost certainly”")),
            "{kinds:?}"
        );
        assert!(kinds.contains(&(SpanKind::Figure, "1,500")), "{kinds:?}");
        assert!(kinds.contains(&(SpanKind::Hedge, "allegedly")), "{kinds:?}");
        assert!(
            kinds
                .iter()
                .any(|k| k.0 == SpanKind::Claim && k.1.starts_with("1,500 troops")),
            "{kinds:?}"
        );
        assert_eq!(s.likelihood, Some(Likelihood::AlmostCertain));
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let q = quotes("likening it to “a criminal organization.");
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].range().end,
            "likening it to “a criminal organization.".len()
        );
    }
}

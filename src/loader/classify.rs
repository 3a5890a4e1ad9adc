//! Classification: each sentence's section, the features that decided it, and the claim
//! spans (quotes, reported claims, hedges, figures) the reader highlights.
//!
//! The section is the best of the four scores of the trained model ([`SectionModel`]) over
//! the sentence's features ([`super::features`]), decided in document order so that each
//! sentence sees the section decided for the one before. The strongest contributing
//! features are kept as the sentence's cues, lexicon cues first, so the reader can show why.

use super::features::{Context, CueHit, Extractor, Kind, Sink, cue_hits, cue_sections};
use super::lexicon::{Hit, Reporting, Scan, Weight};
use super::sections::SectionModel;
use crate::model::{Cue, Format, Likelihood, Section, Sentence, Source, Span, SpanKind};
use std::ops::Range;
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

/// How many features a sentence keeps as the reasons for its section.
const REASONS: usize = 3;

/// A feature is kept as a reason only when it adds at least this share of what the strongest
/// one adds to the sentence's section (over the mean of the other three): the strongest is
/// always kept, and a long tail of features that barely moved the decision is not shown as
/// if it had made it.
const REASON_SHARE: f32 = 2.0 / 3.0;

/// Sets each sentence's section, cues, likelihood and highlight spans.
/// `scans` holds each sentence's lexicon matches (reporting verbs, cues, hedges).
pub fn classify(
    sentences: &mut [Sentence],
    scans: Vec<Scan>,
    sources: &[Source],
    format: Format,
    model: &SectionModel,
) {
    let mut extractor = Extractor::default();
    let mut scorer = model.scorer();
    let home = home_party(sentences, sources);
    let mut previous: Option<Section> = None;
    let mut index_in_paragraph = 0;
    // Each sentence's matches are dropped as soon as it is done, to keep the peak low; the
    // next sentence's are worked out one step ahead (the model looks at its cues).
    let mut scans = scans.into_iter().enumerate();
    let with_cues = |sentences: &[Sentence], (i, scan): (usize, Scan)| {
        let cues = live_cues(&sentences[i].text, &scan);
        (i, scan, cues)
    };
    let mut current = scans.next().map(|x| with_cues(sentences, x));
    while let Some((i, scan, cues)) = current.take() {
        let next = scans.next().map(|x| with_cues(sentences, x));
        let next_cues = next_cues(sentences, i, next.as_ref().map(|(_, _, c)| c.as_slice()));
        let ctx = context(
            sentences,
            i,
            sources,
            format,
            previous,
            &mut index_in_paragraph,
        );
        let ctx = Context {
            home_party: home,
            next_cues,
            ..ctx
        };
        let s = &sentences[i];
        scorer.reset();
        sentence_features(s, &scan, &cues, &ctx, &mut extractor, &mut scorer);
        let section = scorer.best();
        let reasons = reasons(&scorer, section, &cues);
        let s = &mut sentences[i];
        for c in cues.iter().filter(|c| c.section == section && !c.negated) {
            s.spans.push(Span::new(SpanKind::Cue, c.start, c.end));
        }
        s.section = section;
        s.cues = reasons;
        claim_spans(s, &scan);
        previous = Some(section);
        current = next;
    }
}

/// What sentence `i` sees of the one after it, whose lexicon cues are `next`: the sections of
/// their main-clause cues when it stands in the same paragraph, nothing otherwise.
pub fn next_cues(sentences: &[Sentence], i: usize, next: Option<&[CueHit]>) -> Option<u8> {
    let same_paragraph = sentences
        .get(i + 1)
        .is_some_and(|n| n.paragraph == sentences[i].paragraph);
    next.filter(|_| same_paragraph).map(cue_sections)
}

/// The context of sentence `i` for feature extraction; `index_in_paragraph` is carried from
/// one call to the next (call in document order, starting at 0).
pub fn context<'a>(
    sentences: &[Sentence],
    i: usize,
    sources: &'a [Source],
    format: Format,
    previous: Option<Section>,
    index_in_paragraph: &mut usize,
) -> Context<'a> {
    let before = i.checked_sub(1).map(|p| &sentences[p]);
    let s = &sentences[i];
    let same_paragraph = before.is_some_and(|p| p.paragraph == s.paragraph);
    *index_in_paragraph = if same_paragraph {
        *index_in_paragraph + 1
    } else {
        0
    };
    let same_voice_as_previous = before
        .is_some_and(|p| same_paragraph && !s.speakers.is_empty() && p.speakers == s.speakers);
    Context {
        sources,
        format,
        previous,
        same_voice_as_previous,
        index_in_paragraph: *index_in_paragraph,
        home_party: None,
        next_cues: None,
    }
}

/// The party a briefing mostly speaks for: that of the sources of the most sentences
/// (reporters and news outlets aside).
pub fn home_party<'a>(sentences: &[Sentence], sources: &'a [Source]) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in sentences {
        for src in s.speakers.iter().filter_map(|&id| sources.get(id)) {
            let Some(p) = src.party.as_deref() else {
                continue;
            };
            if matches!(p, "press" | "media") {
                continue;
            }
            match counts.iter_mut().find(|(q, _)| *q == p) {
                Some((_, n)) => *n += 1,
                None => counts.push((p, 1)),
            }
        }
    }
    // The first party to reach the highest count: the earliest of equals.
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.0)
}

/// Sends every feature of `s` to `sink`: the one extraction training and prediction share.
pub fn sentence_features(
    s: &Sentence,
    scan: &Scan,
    cues: &[CueHit],
    ctx: &Context,
    extractor: &mut Extractor,
    sink: &mut dyn Sink,
) {
    let self_denial = if has_negation(&s.text) {
        super::dfa::SELF_DENIAL.find(&s.text).map(|m| m.range())
    } else {
        None
    };
    extractor.extract(s, scan, cues, self_denial, ctx, sink);
}

/// The reasons kept for a decision: the strongest contributing features, each with its
/// words where it has some.
fn reasons(scorer: &super::sections::Scorer, section: Section, cues: &[CueHit]) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    // Where in the paragraph a sentence stands says nothing a reader would call a reason.
    let strongest = scorer.strongest(section, REASONS * 3);
    let shown = strongest.iter().filter(|c| c.kind != Kind::Position);
    let floor = shown
        .clone()
        .next()
        .map_or(0.0, |c| c.weight * REASON_SHARE);
    for c in shown.take_while(|c| c.weight >= floor) {
        if out.len() == REASONS {
            break;
        }
        let at: Range<usize> = c.at.clone().unwrap_or(0..0);
        // A lexicon cue's phrase and its weight class name the same words: keep one.
        if !at.is_empty() && out.iter().any(|o| o.start as usize == at.start) {
            continue;
        }
        let rule = if matches!(c.kind, Kind::Cue | Kind::CuePhrase) {
            cues.iter()
                .find(|h| h.start == at.start)
                .map_or(c.kind.describe(), |h| rule_name(h.section, h.weight))
        } else if c.kind == Kind::Reporting && at.is_empty() {
            "no reporting verb"
        } else if c.kind == Kind::WordClass && at.is_empty() {
            "kinds of words together"
        } else {
            c.kind.describe()
        };
        out.push(Cue::new(section, at, rule));
    }
    // Lexicon cues first: they are what a reader recognises.
    out.sort_by_key(|c| !rule_is_cue(c.rule));
    out
}

fn rule_is_cue(rule: &str) -> bool {
    rule.ends_with(" cue")
}

/// The cues of a sentence, with negation and clause marked.
pub fn live_cues(text: &str, scan: &Scan) -> Vec<CueHit> {
    let hits: Vec<Hit<(Section, Weight)>> = scan.cues();
    let subordinate = if hits.is_empty() {
        text.len()
    } else {
        subordinate_start(text)
    };
    cue_hits(
        text,
        &hits,
        |start| {
            // The hits are in order: a binary search, not a scan per hit (one sentence may
            // hold a great many).
            let at = hits.partition_point(|h| h.start < start);
            let hit = match hits.get(at) {
                Some(h) if h.start == start => Some(h),
                _ => hits.iter().find(|h| h.start == start),
            };
            let end = hit.map_or(start, |h| h.end);
            let word = &text[start..end];
            NEGATABLE.iter().any(|n| n.eq_ignore_ascii_case(word)) && negated(text, start)
        },
        subordinate,
    )
}

/// True when one of the three words before `at` is a negation.
pub fn negated(text: &str, at: usize) -> bool {
    let window = &text[text.floor_char_boundary(at.saturating_sub(48))..at];
    // Every negation has an n: most windows are ruled out at one look.
    if memchr::memchr2(b'n', b'N', window.as_bytes()).is_none() {
        return false;
    }
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

/// How a lexicon cue of `weight` for `section` is described to the reader.
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
    let numeric = super::tokens::has_digit(text) || has_amount_word(text);
    for m in super::dfa::FIGURE.find_iter(if numeric { text } else { "" }) {
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

    /// The feature names a sentence of `text` gets when the one after it has `next` cues.
    fn features_with_next(text: &str, next: Option<u8>) -> Vec<String> {
        struct Names(Vec<String>);
        impl Sink for Names {
            fn feature(&mut self, _: Kind, parts: &[&str], _: f32, _: Option<Range<usize>>) {
                self.0.push(parts.concat());
            }
        }
        let b = crate::loader::load(text.as_bytes(), &crate::loader::Options::default())
            .expect("loads");
        let lexicon = Lexicon::default();
        let s = &b.sentences[0];
        let scan = lexicon.scan(&s.text);
        let cues = live_cues(&s.text, &scan);
        let ctx = Context {
            next_cues: next,
            ..context(&b.sentences, 0, &b.sources, b.format, None, &mut 0)
        };
        let mut names = Names(Vec::new());
        sentence_features(s, &scan, &cues, &ctx, &mut Extractor::default(), &mut names);
        names.0
    }

    #[test]
    fn a_reason_carries_a_real_share_of_the_decision() {
        let options = crate::loader::Options::default();
        let text = "The ministry flatly denied the report on Tuesday, calling it a fabrication. \
            Officials said the convoy had crossed the border overnight. \
            Such activity is not new: the same units have used similar tactics before. \
            The council will meet again next week to discuss new sanctions.";
        let b = crate::loader::load(text.as_bytes(), &options).expect("loads");
        let lexicon = Lexicon::default();
        let mut weak_left_out = 0;
        for (i, s) in b.sentences.iter().enumerate() {
            let scan = lexicon.scan(&s.text);
            let cues = live_cues(&s.text, &scan);
            let ctx = context(&b.sentences, i, &b.sources, b.format, None, &mut 0);
            let mut scorer = options.model.scorer();
            sentence_features(
                s,
                &scan,
                &cues,
                &ctx,
                &mut Extractor::default(),
                &mut scorer,
            );
            let section = scorer.best();
            let strongest: Vec<_> = scorer
                .strongest(section, REASONS * 3)
                .into_iter()
                .filter(|c| c.kind != Kind::Position)
                .collect();
            let Some(top) = strongest.first() else {
                continue;
            };
            let strong = strongest
                .iter()
                .filter(|c| c.weight >= top.weight * REASON_SHARE)
                .count();
            let shown = reasons(&scorer, section, &cues);
            assert!(
                !shown.is_empty(),
                "the strongest is always kept: {:?}",
                s.text
            );
            assert!(shown.len() <= strong, "{:?}: {shown:?}", s.text);
            if strong < REASONS.min(strongest.len()) {
                weak_left_out += 1;
            }
        }
        assert!(
            weak_left_out > 0,
            "no sentence had a weak feature to leave out"
        );
    }

    #[test]
    fn the_next_sentence_of_the_paragraph_lends_its_cues() {
        let b = crate::loader::load(
            b"The ministry flatly denied the report on Tuesday.",
            &crate::loader::Options::default(),
        )
        .expect("loads");
        let s = &b.sentences[0];
        let denial = cue_sections(&live_cues(&s.text, &Lexicon::default().scan(&s.text)));
        assert_eq!(denial, 1 << Section::Denial.index());
        let text = "Officials met in the capital on Monday.";
        let with = features_with_next(text, Some(denial));
        assert!(with.iter().any(|f| f == "nb+:cue:denial"), "{with:?}");
        assert!(!with.iter().any(|f| f == "nb+:none"), "{with:?}");
        // Which sentence sees which: the next in its paragraph, none across a blank line.
        let b = crate::loader::load(
            b"Officials met on Monday. The ministry flatly denied the report.\n\nTalks resume.",
            &crate::loader::Options::default(),
        )
        .expect("loads");
        let cues: Vec<_> = b
            .sentences
            .iter()
            .map(|s| live_cues(&s.text, &Lexicon::default().scan(&s.text)))
            .collect();
        let seen = |i: usize| next_cues(&b.sentences, i, cues.get(i + 1).map(Vec::as_slice));
        assert_eq!(b.sentences.len(), 3);
        assert_eq!(seen(0), Some(denial));
        assert_eq!(seen(1), None, "the next sentence is in another paragraph");
        assert_eq!(seen(2), None, "no sentence after the last");
        let last = features_with_next(text, None);
        assert!(last.iter().any(|f| f == "nb+:none"), "{last:?}");
        assert!(!last.iter().any(|f| f.starts_with("nb+:cue")), "{last:?}");
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

//! Lexicons: reporting verbs, section cues and hedges, embedded defaults merged with the user's.
//!
//! The defaults live in `assets/lexicon.toml`; the `[lexicon]` part of `config.toml` adds words.
//! All lists are compiled into one anchored Aho-Corasick automaton, walked from each word
//! start, so one pass over a sentence finds the matches of every list: ASCII-case-insensitive,
//! on word boundaries, with `'` and `’` treated alike.

use crate::model::{Likelihood, Section};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const DEFAULTS: &str = include_str!("../../assets/lexicon.toml");

/// The `[lexicon]` part of `config.toml`: words the user adds to the embedded defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexiconConfig {
    /// Reporting verbs and phrases ("said", "according to").
    pub reporting: Vec<String>,
    /// Cues of a denial ("denied", "groundless").
    pub denial: Vec<String>,
    /// Cues of an allegation ("accused", "intelligence says").
    pub allegation: Vec<String>,
    /// Cues of a response ("condemned", "sanctions").
    pub response: Vec<String>,
    /// Cues of background ("since 2022", "historically").
    pub context: Vec<String>,
    /// Hedges ("allegedly", "reportedly").
    pub hedges: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    reporting: ReportingLists,
    denial: CueLists,
    allegation: CueLists,
    response: CueLists,
    context: CueLists,
    hedges: HedgeList,
    likelihood: HashMap<String, Likelihood>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportingLists {
    speech: Vec<String>,
    stance: Vec<String>,
    act: Vec<String>,
    before: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueLists {
    strong: Vec<String>,
    cues: Vec<String>,
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HedgeList {
    words: Vec<String>,
}

/// How a reporting verb or phrase attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporting {
    /// Introduces content ("said", "reported"); an unmarked next sentence continues it.
    Speech,
    /// A position taken ("consider", "fear").
    Stance,
    /// An act of speech with an object ("denied the reports", "urged restraint").
    Act,
    /// The speaker follows the phrase ("according to X").
    Before,
}

/// A match of a lexicon entry in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<T> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

/// What a lexicon phrase means in one of the three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Reporting(Reporting),
    Cue(Section, Weight),
    Hedge(Option<Likelihood>),
    /// A word that may start a time expression (see [`TIME_WORDS`]); `capital` if it only
    /// counts capitalised ("May", not "may").
    Time {
        capital: bool,
    },
}

impl Meaning {
    /// The list the meaning belongs to: matches in one list never overlap.
    fn list(self) -> usize {
        match self {
            Meaning::Reporting(_) => 0,
            Meaning::Cue(..) => 1,
            Meaning::Hedge(_) => 2,
            Meaning::Time { .. } => 3,
        }
    }
}

/// Words every time expression without a digit starts with or contains: month, weekday and
/// holiday names (capitalised), and words of relative time. They are matched as word
/// prefixes ("Jan" finds "January", "Monday" finds "Mondays"), to rule out quickly the
/// sentences the timeline need not look at.
const TIME_WORDS: (&[&str], &[&str]) = (
    &[
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Christmas",
        "Easter",
        "Ramadan",
        "Eid",
        "Thanksgiving",
        "Passover",
        "Hanukkah",
        "Diwali",
        "Nowruz",
        "New Year",
        "Good Friday",
    ],
    &[
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "ago",
        "last",
        "next",
        "this",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ],
);

/// One lexicon match, compact: a sentence's matches are kept until it is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    start: u32,
    end: u32,
    meaning: Meaning,
}

/// Every lexicon match in one text, found in a single pass: in each list (reporting,
/// cues, hedges) the leftmost-longest matches on word boundaries, not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    found: Vec<Found>,
}

impl Scan {
    fn hits<T>(&self, pick: impl Fn(Meaning) -> Option<T>) -> Vec<Hit<T>> {
        self.found
            .iter()
            .filter_map(|f| {
                pick(f.meaning).map(|value| Hit {
                    start: f.start as usize,
                    end: f.end as usize,
                    value,
                })
            })
            .collect()
    }

    /// Reporting verbs and phrases.
    pub fn reporting(&self) -> Vec<Hit<Reporting>> {
        self.hits(|m| match m {
            Meaning::Reporting(r) => Some(r),
            _ => None,
        })
    }

    /// Section cues, with their weights.
    pub fn cues(&self) -> Vec<Hit<(Section, Weight)>> {
        self.hits(|m| match m {
            Meaning::Cue(s, w) => Some((s, w)),
            _ => None,
        })
    }

    /// Hedges, with their place on the ICD 203 scale where they have one.
    pub fn hedges(&self) -> Vec<Hit<Option<Likelihood>>> {
        self.hits(|m| match m {
            Meaning::Hedge(l) => Some(l),
            _ => None,
        })
    }

    /// Whether the text has a word that may start a time expression with no digit in it.
    pub fn has_time_word(&self) -> bool {
        self.found
            .iter()
            .any(|f| matches!(f.meaning, Meaning::Time { .. }))
    }
}

/// Every phrase of every list compiled into one automaton (a compact NFA: it stays in a core's
/// cache, where a DFA of the same phrases takes 1.8 MB), walked anchored from each
/// word start: one pass over a text finds the matches of all lists.
#[derive(Debug, Clone)]
struct Phrases {
    nfa: NFA,
    /// Per pattern: its meaning in each list it belongs to (at most one per list).
    meanings: Vec<Vec<Meaning>>,
    /// The first two bytes (ASCII lower-cased) some pattern starts with, as a bit set:
    /// a word that starts otherwise is skipped without walking the automaton.
    openings: Box<[u64; 1024]>,
}

/// The bit of the pair of bytes `a`, `b` in [`Phrases::openings`].
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let k = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
    (k / 64, 1 << (k % 64))
}

impl Phrases {
    fn new(entries: Vec<(String, Meaning)>) -> Phrases {
        let mut patterns: Vec<String> = Vec::new();
        let mut meanings: Vec<Vec<Meaning>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (phrase, meaning) in entries {
            let phrase = phrase.trim().to_ascii_lowercase();
            if phrase.is_empty() {
                continue;
            }
            let mut variants = vec![phrase.replace('’', "'")];
            if phrase.contains(['\'', '’']) {
                variants.push(phrase.replace('\'', "’"));
            }
            for v in variants {
                let i = *index.entry(v.clone()).or_insert_with(|| {
                    patterns.push(v);
                    meanings.push(Vec::new());
                    patterns.len() - 1
                });
                // The first entry of a list wins, so user additions cannot silently
                // change the kind of a built-in entry.
                if !meanings[i].iter().any(|m| m.list() == meaning.list()) {
                    meanings[i].push(meaning);
                }
            }
        }
        let nfa = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("lexicon automaton builds");
        let mut openings = Box::new([0u64; 1024]);
        for p in &patterns {
            let p = p.as_bytes();
            // A one-byte pattern may be followed by anything.
            let seconds = match p.get(1) {
                Some(&b) => b..=b,
                None => 0..=255,
            };
            for b in seconds {
                let (word, bit) = pair_bit(p[0], b);
                openings[word] |= bit;
            }
        }
        Phrases {
            nfa,
            meanings,
            openings,
        }
    }

    fn scan(&self, text: &str) -> Scan {
        const LISTS: usize = 4;
        let bytes = text.as_bytes();
        let start = self
            .nfa
            .start_state(Anchored::Yes)
            .expect("the automaton is anchored");
        let mut found = Vec::new();
        // Per list: where the last match ended (matches of a list do not overlap).
        let mut free = [0usize; LISTS];
        let mut prev_alnum = false;
        let mut i = 0;
        while i < bytes.len() {
            let (alnum, width) = char_at(text, i);
            let opens = || match bytes.get(i + 1) {
                Some(&next) => {
                    let (word, bit) = pair_bit(bytes[i], next);
                    self.openings[word] & bit != 0
                }
                None => true,
            };
            if !prev_alnum && opens() {
                // The longest match of each list starting here and ending on a boundary.
                let mut best: [Option<(usize, Meaning)>; LISTS] = [None; LISTS];
                let mut sid = start;
                for (j, &b) in bytes.iter().enumerate().skip(i) {
                    sid = self.nfa.next_state(Anchored::Yes, sid, b);
                    if self.nfa.is_dead(sid) {
                        break;
                    }
                    if !self.nfa.is_match(sid) {
                        continue;
                    }
                    let boundary = j + 1 == bytes.len() || !char_at(text, j + 1).0;
                    for k in 0..self.nfa.match_len(sid) {
                        let pid = self.nfa.match_pattern(sid, k);
                        if self.nfa.pattern_len(pid) != j + 1 - i {
                            continue;
                        }
                        for &m in &self.meanings[pid.as_usize()] {
                            let fits = match m {
                                Meaning::Time { capital } => {
                                    !capital || bytes[i].is_ascii_uppercase()
                                }
                                _ => boundary,
                            };
                            if fits {
                                best[m.list()] = Some((j + 1, m));
                            }
                        }
                    }
                }
                for (list, b) in best.into_iter().enumerate() {
                    if let Some((end, meaning)) = b
                        && i >= free[list]
                    {
                        free[list] = end;
                        found.push(Found {
                            start: i as u32,
                            end: end as u32,
                            meaning,
                        });
                    }
                }
            }
            prev_alnum = alnum;
            i += width;
        }
        Scan { found }
    }
}

/// Whether the character at byte `i` (a character boundary) is a letter or digit, and its
/// length in bytes. A byte inside a character counts as part of a word.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    // General punctuation (U+2000-U+206F: curly quotes, dashes) is common and never a letter.
    if b == 0xE2 && matches!(text.as_bytes().get(i + 1), Some(0x80 | 0x81)) {
        return (false, 3);
    }
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (true, 1),
    }
}

/// A section cue's weight.
pub type Weight = u8;

/// The word lists the analysis uses, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    phrases: Phrases,
}

static EMBEDDED: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::with_additions(&LexiconConfig::default()));

impl Default for Lexicon {
    /// The embedded defaults.
    fn default() -> Lexicon {
        EMBEDDED.clone()
    }
}

impl Lexicon {
    /// The embedded defaults with the user's additions merged in. A user's cue is weighed
    /// like a built-in one ("cues", weight 2).
    pub fn with_additions(extra: &LexiconConfig) -> Lexicon {
        let d: Defaults = toml::from_str(DEFAULTS).expect("embedded lexicon parses");
        let mut entries = Vec::new();
        for (list, kind) in [
            (&d.reporting.speech, Reporting::Speech),
            (&d.reporting.stance, Reporting::Stance),
            (&d.reporting.act, Reporting::Act),
            (&d.reporting.before, Reporting::Before),
            (&extra.reporting, Reporting::Speech),
        ] {
            entries.extend(list.iter().map(|w| (w.clone(), Meaning::Reporting(kind))));
        }
        for (section, lists, user) in [
            (Section::Denial, &d.denial, &extra.denial),
            (Section::Allegation, &d.allegation, &extra.allegation),
            (Section::Response, &d.response, &extra.response),
            (Section::Context, &d.context, &extra.context),
        ] {
            for (list, weight) in [
                (&lists.strong, 3),
                (&lists.cues, 2),
                (&lists.weak, 1),
                (user, 2),
            ] {
                entries.extend(
                    list.iter()
                        .map(|w| (w.clone(), Meaning::Cue(section, weight))),
                );
            }
        }

        let likely = |w: &str| d.likelihood.get(&w.to_ascii_lowercase()).copied();
        for (words, capital) in [(TIME_WORDS.0, true), (TIME_WORDS.1, false)] {
            entries.extend(
                words
                    .iter()
                    .map(|w| (w.to_string(), Meaning::Time { capital })),
            );
        }
        entries.extend(
            d.hedges
                .words
                .iter()
                .chain(&extra.hedges)
                .map(|w| (w.clone(), Meaning::Hedge(likely(w)))),
        );
        Lexicon {
            phrases: Phrases::new(entries),
        }
    }

    /// Every match of every list in `text`, in one pass.
    pub fn scan(&self, text: &str) -> Scan {
        self.phrases.scan(text)
    }

    /// Reporting verbs and phrases in `text`.
    pub fn reporting(&self, text: &str) -> Vec<Hit<Reporting>> {
        self.scan(text).reporting()
    }

    /// Section cues in `text`, with their weights.
    pub fn cues(&self, text: &str) -> Vec<Hit<(Section, Weight)>> {
        self.scan(text).cues()
    }

    /// Hedges in `text`, with their place on the ICD 203 scale where they have one.
    pub fn hedges(&self, text: &str) -> Vec<Hit<Option<Likelihood>>> {
        self.scan(text).hedges()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses_and_matches() {
        let lx = Lexicon::default();
        let hits = lx.reporting("Officials SAID on Monday, according to Yonhap.");
        let kinds: Vec<_> = hits.iter().map(|h| h.value).collect();
        assert_eq!(kinds, [Reporting::Speech, Reporting::Before]);
        assert_eq!(hits[0].start, 10);
    }

    #[test]
    fn word_boundaries_are_respected() {
        let lx = Lexicon::default();
        assert!(lx.reporting("unsaid saidx").is_empty());
        assert!(lx.hedges("mayor").is_empty());
    }

    #[test]
    fn one_pass_finds_every_list_and_each_list_keeps_its_longest_match() {
        let lx = Lexicon::default();
        let scan = lx.scan("The ministry denied the report and allegedly said so.");
        let reporting: Vec<_> = scan.reporting().iter().map(|h| (h.start, h.end)).collect();
        let cues: Vec<_> = scan.cues().iter().map(|h| (h.start, h.end)).collect();
        // "denied" is both a reporting verb and a denial cue.
        assert!(reporting.contains(&(13, 19)), "{reporting:?}");
        assert!(cues.contains(&(13, 19)), "{cues:?}");
        assert_eq!(scan.hedges().len(), 1);
        assert_eq!(
            scan,
            lx.scan("The ministry denied the report and allegedly said so.")
        );
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_one_that_starts_a_word() {
        let extra = LexiconConfig {
            hedges: vec!["ab".into(), "bcd".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        // "ab" in "xab" is glued to a letter; "bcd" starts after a space.
        let hits = lx.hedges("xab bcd");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end), (4, 7));
        // The longest entry that ends on a word boundary wins.
        let extra = LexiconConfig {
            hedges: vec!["no doubt".into(), "no doubtful".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        let hits = lx.hedges("no doubts, no doubt.");
        assert_eq!(
            hits.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>(),
            [(11, 19)]
        );
    }

    #[test]
    fn non_ascii_letters_are_word_characters() {
        let extra = LexiconConfig {
            hedges: vec!["vermutlich".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        assert!(lx.hedges("ävermutlich").is_empty());
        assert!(lx.hedges("vermutliché").is_empty());
        assert_eq!(lx.hedges("« vermutlich »").len(), 1);
    }

    #[test]
    fn longest_cue_wins_and_carries_its_section() {
        let lx = Lexicon::default();
        let hits = lx.cues("They were deeply concerned.");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].value, (Section::Response, 3));
    }

    #[test]
    fn hedges_map_to_the_likelihood_scale() {
        let lx = Lexicon::default();
        let hits = lx.hedges("It will almost certainly fail; it may not.");
        let values: Vec<_> = hits.iter().map(|h| h.value).collect();
        assert_eq!(
            values,
            [
                Some(Likelihood::AlmostCertain),
                Some(Likelihood::RoughlyEvenChance)
            ]
        );
    }

    #[test]
    fn user_additions_are_merged() {
        let extra = LexiconConfig {
            denial: vec!["hogwash".into()],
            reporting: vec!["quipped".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        assert_eq!(lx.cues("Pure hogwash.")[0].value, (Section::Denial, 2));
        assert_eq!(lx.reporting("he quipped")[0].value, Reporting::Speech);
    }

    #[test]
    fn typographic_apostrophes_match_plain_ones() {
        let extra = LexiconConfig {
            context: vec!["it's history".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        assert_eq!(lx.cues("it’s history")[0].value.0, Section::Context);
    }
}

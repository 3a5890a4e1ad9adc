//! Lexicons: reporting verbs, section cues and hedges, embedded defaults merged with the user's.
//!
//! The defaults live in `assets/lexicon.toml`; the `[lexicon]` part of `config.toml` adds words.
//! Every list becomes one Aho-Corasick automaton matched ASCII-case-insensitively on word
//! boundaries, with `'` and `’` treated alike.

use crate::model::{Likelihood, Section};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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

/// A phrase list compiled to one automaton.
#[derive(Debug, Clone)]
struct Matcher<T> {
    automaton: AhoCorasick,
    values: Vec<T>,
}

impl<T: Clone> Matcher<T> {
    fn new(entries: Vec<(String, T)>) -> Matcher<T> {
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        let mut seen = HashMap::new();
        for (phrase, value) in entries {
            let phrase = phrase.trim().to_ascii_lowercase();
            if phrase.is_empty() {
                continue;
            }
            let mut variants = vec![phrase.replace('’', "'")];
            if phrase.contains(['\'', '’']) {
                variants.push(phrase.replace('\'', "’"));
            }
            for v in variants {
                // The first list a phrase appears in wins, so user additions cannot
                // silently change the kind of a built-in entry.
                if seen.insert(v.clone(), ()).is_none() {
                    patterns.push(v);
                    values.push(value.clone());
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("lexicon automaton builds");
        Matcher { automaton, values }
    }

    fn find(&self, text: &str) -> Vec<Hit<T>> {
        self.automaton
            .find_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                value: self.values[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}

/// True when `start..end` is not glued to a letter or digit on either side.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A section cue's weight.
pub type Weight = u8;

/// The word lists the analysis uses, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    reporting: Matcher<Reporting>,
    cues: Matcher<(Section, Weight)>,
    hedges: Matcher<Option<Likelihood>>,
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
        let mut reporting = Vec::new();
        let tag = |list: &[String], kind: Reporting, out: &mut Vec<(String, Reporting)>| {
            out.extend(list.iter().map(|w| (w.clone(), kind)));
        };
        tag(&d.reporting.speech, Reporting::Speech, &mut reporting);
        tag(&d.reporting.stance, Reporting::Stance, &mut reporting);
        tag(&d.reporting.act, Reporting::Act, &mut reporting);
        tag(&d.reporting.before, Reporting::Before, &mut reporting);
        tag(&extra.reporting, Reporting::Speech, &mut reporting);

        let mut cues = Vec::new();
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
                cues.extend(list.iter().map(|w| (w.clone(), (section, weight))));
            }
        }

        let likely = |w: &str| d.likelihood.get(&w.to_ascii_lowercase()).copied();
        let hedges = d
            .hedges
            .words
            .iter()
            .chain(&extra.hedges)
            .map(|w| (w.clone(), likely(w)))
            .collect();
        Lexicon {
            reporting: Matcher::new(reporting),
            cues: Matcher::new(cues),
            hedges: Matcher::new(hedges),
        }
    }

    /// Reporting verbs and phrases in `text`.
    pub fn reporting(&self, text: &str) -> Vec<Hit<Reporting>> {
        self.reporting.find(text)
    }

    /// Section cues in `text`, with their weights.
    pub fn cues(&self, text: &str) -> Vec<Hit<(Section, Weight)>> {
        self.cues.find(text)
    }

    /// Hedges in `text`, with their place on the ICD 203 scale where they have one.
    pub fn hedges(&self, text: &str) -> Vec<Hit<Option<Likelihood>>> {
        self.hedges.find(text)
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

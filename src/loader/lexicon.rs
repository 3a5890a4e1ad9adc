//! Lexicons: reporting verbs, section cues and hedges, embedded defaults merged with the user's.
//!
//! The defaults live in `assets/lexicon.toml`; the `[lexicon]` part of `config.toml` adds words.
//! All lists are indexed together by each phrase's first run of letters and digits, and one
//! pass over a sentence looks each word up, so it finds the matches of every list:
//! ASCII-case-insensitive, on word boundaries, with `'` and `’` treated alike.

use super::tokens::ASCII_WORD;
use crate::model::{Likelihood, Section};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The shipped lists, read from `assets/lexicon.toml` by `build.rs` (no TOML parse at
/// start-up): `SPEECH`, `STANCE`, `ACT`, `BEFORE`, `CUES`, `HEDGES`, `LIKELIHOOD`.
mod shipped {
    use crate::model::Likelihood;
    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

#[cfg(test)]
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

/// `assets/lexicon.toml` as serde reads it: what the tests check `build.rs`'s tables against.
#[cfg(test)]
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

#[cfg(test)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportingLists {
    speech: Vec<String>,
    stance: Vec<String>,
    act: Vec<String>,
    before: Vec<String>,
}

#[cfg(test)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueLists {
    strong: Vec<String>,
    cues: Vec<String>,
    weak: Vec<String>,
}

#[cfg(test)]
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
        "weekend",
        "overnight",
        "later",
        "earlier",
        "following",
        "previous",
        "new year",
        "year",
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

/// Every phrase of every list, indexed by its first run of letters and digits (a bit set and
/// a small bucket table that stay in a core's cache): one pass over a text, looking up each
/// word, finds the matches of all lists. An automaton of all the phrases is built only for a
/// phrase that starts with punctuation, which no word lookup would find.
#[derive(Debug, Clone)]
struct Phrases {
    /// The phrases, ASCII lower-cased, `'` and `’` each in its own variant.
    patterns: Vec<String>,
    /// Per pattern: its meaning in each list it belongs to (at most one per list).
    meanings: Vec<Vec<Meaning>>,
    /// The patterns by the first two bytes and length of their first run of letters and
    /// digits (those that mean something other than a time word).
    by_run: RunIndex,
    /// The time words (which match as word prefixes) by their first three bytes.
    by_prefix: RunIndex,
    /// Some phrase starts with a character that is not a letter or digit (or a time word
    /// with fewer than three): the scan must then try every position after a non-word
    /// character, walking an automaton of all the phrases.
    odd_openings: bool,
    /// That automaton, built when first needed.
    nfa: std::sync::OnceLock<NFA>,
    /// The first two bytes (ASCII lower-cased) some pattern starts with, as a bit set:
    /// a position that starts otherwise is skipped without walking the automaton.
    openings: Box<[u64; 1024]>,
}

/// The bit of the pair of bytes `a`, `b` in [`Phrases::openings`].
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let k = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
    (k / 64, 1 << (k % 64))
}

impl Phrases {
    fn new(entries: Vec<(String, Meaning)>) -> Phrases {
        let mut meanings: Vec<Vec<Meaning>> = Vec::new();
        // Each pattern is kept once, as its key here (its id the value).
        let mut index: HashMap<String, usize> = HashMap::with_capacity(entries.len());
        for (phrase, meaning) in entries {
            let phrase = phrase.trim().to_ascii_lowercase();
            if phrase.is_empty() {
                continue;
            }
            let (straight, curly) = if phrase.contains(['\'', '’']) {
                (phrase.replace('’', "'"), Some(phrase.replace('\'', "’")))
            } else {
                (phrase, None)
            };
            for v in std::iter::once(straight).chain(curly) {
                let i = *index.entry(v).or_insert_with(|| {
                    meanings.push(Vec::new());
                    meanings.len() - 1
                });
                // The first entry of a list wins, so user additions cannot silently
                // change the kind of a built-in entry.
                if !meanings[i].iter().any(|m| m.list() == meaning.list()) {
                    meanings[i].push(meaning);
                }
            }
        }
        let mut patterns = vec![String::new(); meanings.len()];
        for (p, i) in index {
            patterns[i] = p;
        }
        let (mut by_run, mut by_prefix) = (Vec::new(), Vec::new());
        let mut odd_openings = false;
        let mut openings = Box::new([0u64; 1024]);
        for (pid, p) in patterns.iter().enumerate() {
            let run = first_run(p).as_bytes();
            odd_openings |= run.is_empty();
            for m in &meanings[pid] {
                match m {
                    Meaning::Time { .. } if run.len() >= 3 => {
                        by_prefix.push((RunKey::prefix(run), pid));
                    }
                    Meaning::Time { .. } => odd_openings = true,
                    _ => by_run.push((RunKey::of(run), pid)),
                }
            }
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
            patterns,
            meanings,
            by_run: RunIndex::new(by_run),
            by_prefix: RunIndex::new(by_prefix),
            odd_openings,
            nfa: std::sync::OnceLock::new(),
            openings,
        }
    }

    /// The automaton of every phrase, for [`Phrases::scan_every_start`].
    fn nfa(&self) -> &NFA {
        self.nfa.get_or_init(|| {
            NFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&self.patterns)
                .expect("lexicon automaton builds")
        })
    }

    fn scan(&self, text: &str) -> Scan {
        let mut scan = Scanning::default();
        if self.odd_openings {
            self.scan_every_start(text, &mut scan);
        } else {
            self.scan_words(text, &mut scan);
        }
        Scan { found: scan.found }
    }

    /// Walks the automaton only from the words some phrase may start with, judged by the
    /// first two bytes and the length of the word's first run of letters and digits (for
    /// the time words, matched as prefixes, by the first three bytes). Most words are ruled
    /// out by one look at a small bit set.
    fn scan_words(&self, text: &str, scan: &mut Scanning) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !ASCII_WORD[usize::from(b)] {
                    i += 1;
                    continue;
                }
            } else {
                let (alnum, width) = char_at(text, i);
                if !alnum {
                    i += width;
                    continue;
                }
            }
            let start = i;
            loop {
                while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] >= 0x80 {
                    let (alnum, width) = char_at(text, i);
                    if alnum {
                        i += width;
                        continue;
                    }
                }
                break;
            }
            let run = &bytes[start..i];
            let mut best: [Option<(usize, Meaning)>; LISTS] = [None; LISTS];
            let pids = self.by_run.candidates(RunKey::of(run));
            if !pids.is_empty() {
                self.try_patterns(text, start, pids, &mut best);
            }
            if run.len() >= 3 {
                let pids = self.by_prefix.candidates(RunKey::prefix(run));
                if !pids.is_empty() {
                    self.try_patterns(text, start, pids, &mut best);
                }
            }
            scan.record(start, best);
        }
    }

    /// The plain way, for a lexicon with a phrase that starts with punctuation: walks from
    /// every position after a non-word character whose first two bytes some phrase has.
    fn scan_every_start(&self, text: &str, scan: &mut Scanning) {
        let bytes = text.as_bytes();
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
                self.walk(text, i, scan);
            }
            prev_alnum = alnum;
            i += width;
        }
    }

    /// Which of `pids` match at `i`: each list keeps its longest match that fits (ending
    /// on a word boundary, or anywhere for a time word).
    fn try_patterns(
        &self,
        text: &str,
        i: usize,
        pids: &[u32],
        best: &mut [Option<(usize, Meaning)>; LISTS],
    ) {
        let bytes = text.as_bytes();
        for &pid in pids {
            let pid = pid as usize;
            let p = self.patterns[pid].as_bytes();
            let end = i + p.len();
            let same = bytes.get(i..end).is_some_and(|t| {
                t[0].to_ascii_lowercase() == p[0] && t[1..].eq_ignore_ascii_case(&p[1..])
            });
            if !same {
                continue;
            }
            let boundary = end == bytes.len() || !char_at(text, end).0;
            for &m in &self.meanings[pid] {
                if fits(m, boundary, bytes[i]) && best[m.list()].is_none_or(|(e, _)| e < end) {
                    best[m.list()] = Some((end, m));
                }
            }
        }
    }

    /// [`Phrases::try_patterns`] for every pattern, by walking the automaton from `i`.
    fn walk(&self, text: &str, i: usize, scan: &mut Scanning) {
        let bytes = text.as_bytes();
        let nfa = self.nfa();
        let start = nfa
            .start_state(Anchored::Yes)
            .expect("the automaton is anchored");
        let mut best: [Option<(usize, Meaning)>; LISTS] = [None; LISTS];
        let mut sid = start;
        for (j, &b) in bytes.iter().enumerate().skip(i) {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                break;
            }
            if !nfa.is_match(sid) {
                continue;
            }
            let boundary = j + 1 == bytes.len() || !char_at(text, j + 1).0;
            for k in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, k);
                if nfa.pattern_len(pid) != j + 1 - i {
                    continue;
                }
                for &m in &self.meanings[pid.as_usize()] {
                    if fits(m, boundary, bytes[i]) {
                        best[m.list()] = Some((j + 1, m));
                    }
                }
            }
        }
        scan.record(i, best);
    }
}

/// Whether a match with meaning `m` counts: a time word anywhere (capitalised if it must
/// be: `first` is the match's first byte), anything else only on a word boundary.
fn fits(m: Meaning, boundary: bool, first: u8) -> bool {
    match m {
        Meaning::Time { capital } => !capital || first.is_ascii_uppercase(),
        _ => boundary,
    }
}

/// The number of lists: reporting, cues, hedges, time words.
const LISTS: usize = 4;

/// A scan in progress.
#[derive(Default)]
struct Scanning {
    found: Vec<Found>,
    /// Per list: where its last match ended (matches of a list do not overlap).
    free: [usize; LISTS],
}

impl Scanning {
    /// Keeps each list's best match starting at `i` unless it overlaps that list's last one.
    fn record(&mut self, i: usize, best: [Option<(usize, Meaning)>; LISTS]) {
        for (list, b) in best.into_iter().enumerate() {
            if let Some((end, meaning)) = b
                && i >= self.free[list]
            {
                self.free[list] = end;
                self.found.push(Found {
                    start: i as u32,
                    end: end as u32,
                    meaning,
                });
            }
        }
    }
}

/// What [`RunBits`] knows of a word's first run: its first two bytes (ASCII lower-cased)
/// and its length, or for a time word its first three bytes.
#[derive(Debug, Clone, Copy)]
struct RunKey(u32);

impl RunKey {
    #[inline]
    fn of(run: &[u8]) -> RunKey {
        let byte = |k: usize| u32::from(run.get(k).map_or(0, u8::to_ascii_lowercase));
        RunKey(byte(0) << 16 | byte(1) << 8 | (run.len().min(255) as u32))
    }

    #[inline]
    fn prefix(run: &[u8]) -> RunKey {
        let byte = |k: usize| u32::from(run[k].to_ascii_lowercase());
        RunKey(byte(0) << 16 | byte(1) << 8 | byte(2))
    }
}

/// Patterns by a [`RunKey`]: one bit per hashed key rules most words out at one look;
/// behind a set bit, a small bucket lists the patterns to compare (keys that share a bucket
/// included, so every candidate is compared in full).
#[derive(Debug, Clone)]
struct RunIndex {
    bits: Box<[u64; RunIndex::WORDS]>,
    /// Per bucket, where its patterns start in `pids` (one more entry than buckets).
    starts: Box<[u32]>,
    pids: Box<[u32]>,
}

impl RunIndex {
    const BITS: u32 = 15;
    const WORDS: usize = 1 << (Self::BITS - 6);
    /// Four bits share a bucket.
    const BUCKET_SHIFT: u32 = 2;

    fn new(keys: Vec<(RunKey, usize)>) -> RunIndex {
        let mut bits = Box::new([0; Self::WORDS]);
        let buckets = 1 << (Self::BITS - Self::BUCKET_SHIFT);
        // (bucket, pattern id) packed in one word, so one plain sort orders them.
        let mut packed: Vec<u64> = keys
            .iter()
            .map(|&(k, pid)| {
                let h = Self::hash(k);
                bits[h >> 6] |= 1 << (h & 63);
                let pid = u32::try_from(pid).expect("fewer than 4 billion phrases");
                ((h >> Self::BUCKET_SHIFT) as u64) << 32 | u64::from(pid)
            })
            .collect();
        packed.sort_unstable();
        packed.dedup();
        let mut starts = vec![0u32; buckets + 1];
        for &p in &packed {
            starts[(p >> 32) as usize + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        RunIndex {
            bits,
            starts: starts.into(),
            pids: packed.iter().map(|&p| p as u32).collect(),
        }
    }

    #[inline]
    fn hash(k: RunKey) -> usize {
        (k.0.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS)) as usize
    }

    /// The patterns that may have key `k` (often none).
    #[inline]
    fn candidates(&self, k: RunKey) -> &[u32] {
        let h = Self::hash(k);
        if self.bits[h >> 6] & (1 << (h & 63)) == 0 {
            return &[];
        }
        let b = h >> Self::BUCKET_SHIFT;
        &self.pids[self.starts[b] as usize..self.starts[b + 1] as usize]
    }
}

/// The first run of letters and digits of `phrase` (the whole phrase when it has no
/// other character), by the same measure the scan uses.
fn first_run(phrase: &str) -> &str {
    let mut i = 0;
    while i < phrase.len() {
        let (alnum, width) = char_at(phrase, i);
        if !alnum {
            break;
        }
        i += width;
    }
    &phrase[..i]
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
        let mut entries = Vec::new();
        fn user(list: &[String]) -> Vec<&str> {
            list.iter().map(String::as_str).collect()
        }
        let reporting = user(&extra.reporting);
        let lists: [(&[&str], Reporting); 5] = [
            (shipped::SPEECH, Reporting::Speech),
            (shipped::STANCE, Reporting::Stance),
            (shipped::ACT, Reporting::Act),
            (shipped::BEFORE, Reporting::Before),
            (&reporting, Reporting::Speech),
        ];
        for (list, kind) in lists {
            entries.extend(
                list.iter()
                    .map(|w| (w.to_string(), Meaning::Reporting(kind))),
            );
        }
        for (section, lists, added) in [
            (Section::Denial, &shipped::CUES[0], &extra.denial),
            (Section::Allegation, &shipped::CUES[1], &extra.allegation),
            (Section::Response, &shipped::CUES[2], &extra.response),
            (Section::Context, &shipped::CUES[3], &extra.context),
        ] {
            let added = user(added);
            let weighed: [(&[&str], Weight); 4] =
                [(lists[0], 3), (lists[1], 2), (lists[2], 1), (&added, 2)];
            for (list, weight) in weighed {
                entries.extend(
                    list.iter()
                        .map(|w| (w.to_string(), Meaning::Cue(section, weight))),
                );
            }
        }

        let likely = |w: &str| {
            let w = w.to_ascii_lowercase();
            shipped::LIKELIHOOD
                .iter()
                .find(|(k, _)| *k == w)
                .map(|&(_, l)| l)
        };
        for (words, capital) in [(TIME_WORDS.0, true), (TIME_WORDS.1, false)] {
            entries.extend(
                words
                    .iter()
                    .map(|w| (w.to_string(), Meaning::Time { capital })),
            );
        }
        entries.extend(
            shipped::HEDGES
                .iter()
                .copied()
                .chain(extra.hedges.iter().map(String::as_str))
                .map(|w| (w.to_owned(), Meaning::Hedge(likely(w)))),
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
    fn the_compiled_tables_are_the_lexicon_file() {
        let d: Defaults = toml::from_str(DEFAULTS).expect("embedded lexicon parses");
        let same = |ours: &[&str], theirs: &[String]| {
            assert_eq!(ours, theirs.iter().map(String::as_str).collect::<Vec<_>>());
        };
        same(shipped::SPEECH, &d.reporting.speech);
        same(shipped::STANCE, &d.reporting.stance);
        same(shipped::ACT, &d.reporting.act);
        same(shipped::BEFORE, &d.reporting.before);
        for (ours, theirs) in
            shipped::CUES
                .iter()
                .zip([&d.denial, &d.allegation, &d.response, &d.context])
        {
            same(ours[0], &theirs.strong);
            same(ours[1], &theirs.cues);
            same(ours[2], &theirs.weak);
        }
        same(shipped::HEDGES, &d.hedges.words);
        let mut ours: Vec<(String, Likelihood)> = shipped::LIKELIHOOD
            .iter()
            .map(|&(w, l)| (w.to_owned(), l))
            .collect();
        let mut theirs: Vec<(String, Likelihood)> = d.likelihood.into_iter().collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs);
    }

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

    /// The word filter is only a shortcut: it finds what walking from every position
    /// after a non-word character finds.
    fn same_as_every_start(lx: &Lexicon, text: &str) {
        let mut slow = Scanning::default();
        lx.phrases.scan_every_start(text, &mut slow);
        assert!(!lx.phrases.odd_openings);
        assert_eq!(lx.scan(text).found, slow.found, "{text:?}");
    }

    #[test]
    fn the_word_filter_finds_what_every_start_finds() {
        let lx = Lexicon::default();
        let sample = include_str!("../../assets/briefings/korea-ukraine.txt");
        for line in sample.lines() {
            same_as_every_start(&lx, line);
        }
        let d: Defaults = toml::from_str(DEFAULTS).expect("embedded lexicon parses");
        let lists = [
            &d.reporting.speech,
            &d.reporting.act,
            &d.reporting.before,
            &d.denial.strong,
            &d.allegation.cues,
            &d.response.weak,
            &d.hedges.words,
        ];
        let mut words: Vec<&str> = lists
            .iter()
            .flat_map(|l| l.iter().map(String::as_str))
            .collect();
        words.extend(TIME_WORDS.0.iter().chain(TIME_WORDS.1));
        for w in &words {
            for text in [
                w.to_string(),
                format!("“{w},” x"),
                format!("X {}s and {w}ing.", w.to_uppercase()),
                format!("é{w} {w}é ({w}) {w}’s {w}-{w}"),
                format!("Seit{w} —{w}—, café {w}"),
            ] {
                same_as_every_start(&lx, &text);
            }
        }
        let extra = LexiconConfig {
            hedges: vec![
                "ab".into(),
                "bcd".into(),
                "é x".into(),
                "x-ray".into(),
                "y".repeat(40),
                format!("{} z", "y".repeat(40)),
            ],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        let long = format!("{0} {0}y {0} Z", "Y".repeat(40));
        for text in ["xab bcd", "é x, éx, x-ray, X-Rayed", "aé x", &long] {
            same_as_every_start(&lx, text);
        }
        // A phrase that opens with punctuation is still found, by the plain walk.
        let extra = LexiconConfig {
            hedges: vec!["-ish".into()],
            ..LexiconConfig::default()
        };
        let lx = Lexicon::with_additions(&extra);
        assert!(lx.phrases.odd_openings);
        assert_eq!(lx.hedges("big -ish thing").len(), 1);
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

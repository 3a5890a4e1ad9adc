//! The analyst's corrections: a sentence's section or speakers changed, two sources merged,
//! a note added; kept beside the briefing in `NAME.debrief.toml` and applied to every
//! analysis of it.
//!
//! Corrections are applied after the loader, to a finished [`Briefing`], so they do not
//! depend on how the analysis decides anything: each names its sentence by the hash of its
//! text and by an anchor, a few of its words ([`key`]), and is found again after the
//! briefing's text changes or the analysis improves. One whose sentence is gone is kept and
//! reported as orphaned, never dropped. [`apply`] does the work; [`file`] reads and writes
//! the file (atomically); [`edit`] makes the reader's changes and keeps their undo history;
//! [`gold`] turns the corrected reading into a gold file for retraining.
//! Nothing here touches the terminal.

mod apply;
pub mod edit;
pub mod file;
pub mod gold;
pub mod key;

pub use apply::{apply, machine_reading};
pub use edit::History;

use crate::model::{Briefing, Section, Speaker};

/// Everything the analyst corrected in one briefing: the file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    /// Corrections of single sentences, in the order they were first made.
    pub sentences: Vec<Fix>,
    /// Sources merged into others (or renamed), applied in order before the sentences.
    pub merges: Vec<Merge>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty() && self.merges.is_empty()
    }

    /// How many corrections there are, sentences and merges.
    pub fn len(&self) -> usize {
        self.sentences.len() + self.merges.len()
    }
}

/// How a correction finds its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// A few words of the sentence, as written, that no other sentence held when the
    /// correction was made: found again when the text changed.
    pub anchor: String,
    /// The hash of the sentence's whole text ([`key::hash`]); `None` in a hand-written entry,
    /// which is found by its anchor.
    pub hash: Option<u64>,
    /// Which of several sentences with the same text (0: the first).
    pub occurrence: usize,
}

/// The correction of one sentence. A field left `None` keeps the machine's reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub key: Key,
    pub section: Option<Section>,
    /// The sentence's speakers; `Some(vec![])` is the writer's own voice.
    pub speakers: Option<Vec<Speaker>>,
    pub note: Option<String>,
}

impl Fix {
    /// Whether it still changes or says anything.
    pub fn is_empty(&self) -> bool {
        self.section.is_none() && self.speakers.is_none() && self.note.is_none()
    }
}

/// A source merged into another: every sentence of `from` is spoken by `into`. When the
/// briefing has no `into`, `from` is renamed to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    pub from: Speaker,
    pub into: Speaker,
}

/// What applying found: the sentence each correction applies to, and which merges found
/// their source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Per [`Corrections::sentences`] entry: the sentence id it applies to, `None` when
    /// orphaned (its sentence is gone).
    pub fixes: Vec<Option<usize>>,
    /// Per [`Corrections::merges`] entry: whether its `from` source was found.
    pub merges: Vec<bool>,
}

impl Report {
    /// Indices of the sentence corrections whose sentence is gone.
    pub fn orphaned_fixes(&self) -> impl Iterator<Item = usize> + '_ {
        self.fixes
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_none())
            .map(|(i, _)| i)
    }

    /// How many corrections are orphaned, sentences and merges.
    pub fn orphans(&self) -> usize {
        self.fixes.iter().filter(|s| s.is_none()).count()
            + self.merges.iter().filter(|m| !**m).count()
    }

    /// The correction (index into [`Corrections::sentences`]) applied to a sentence; the
    /// last one when several name it.
    pub fn fix_of(&self, sentence: usize) -> Option<usize> {
        self.fixes.iter().rposition(|s| *s == Some(sentence))
    }
}

/// Corrections applied to a briefing, kept on it ([`Briefing::corrections`]) so that they
/// can be changed and applied again.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The machine's reading, before any correction.
    pub machine: Briefing,
    pub corrections: Corrections,
    pub report: Report,
}

/// The corrections a briefing carries (empty when none).
pub fn of(briefing: &Briefing) -> Corrections {
    briefing
        .corrections
        .as_ref()
        .map(|a| a.corrections.clone())
        .unwrap_or_default()
}

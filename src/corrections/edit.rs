//! The reader's changes to the corrections, and their undo history. Each change takes the
//! corrections a briefing carries and returns new ones; applying them is [`super::apply`].

use super::{Corrections, Fix, Key, Merge, key};
use crate::model::{Briefing, Section, Speaker};

/// What to change about one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Section(Section),
    /// The speakers; an empty list is the writer's own voice.
    Speakers(Vec<Speaker>),
    /// The note; `None` (or an empty one) removes it.
    Note(Option<String>),
}

/// The key that names sentence `id` of `briefing` now.
pub fn key_for(briefing: &Briefing, id: usize) -> Key {
    let text = &briefing.sentences[id].text;
    let hash = key::hash(text);
    let occurrence = briefing.sentences[..id]
        .iter()
        .filter(|s| key::hash(&s.text) == hash)
        .count();
    Key {
        anchor: key::anchor_for(briefing, id),
        hash: Some(hash),
        occurrence,
    }
}

/// The corrections of `briefing` (as it is shown, with its corrections) after `change` to
/// sentence `id`. A correction that comes back to the machine's reading, with no note, is
/// removed: the file holds only what differs.
pub fn change(briefing: &Briefing, id: usize, change: Change) -> Corrections {
    let mut c = super::of(briefing);
    let Some(sentence) = briefing.sentences.get(id) else {
        return c;
    };
    let fix_at = briefing
        .corrections
        .as_ref()
        .and_then(|a| a.report.fix_of(id));
    let at = match fix_at {
        Some(i) => i,
        None => {
            c.sentences.push(Fix {
                key: key_for(briefing, id),
                section: None,
                speakers: None,
                note: None,
            });
            c.sentences.len() - 1
        }
    };
    let machine = super::machine_reading(briefing);
    let original = sentence.correction.as_ref().map(|c| c.original.clone());
    let (m_section, m_speakers) = match &original {
        Some(o) => (o.section, o.speakers.clone()),
        None => (
            machine
                .sentences
                .get(id)
                .map_or(sentence.section, |s| s.section),
            sentence
                .speakers
                .iter()
                .filter_map(|&i| briefing.sources.get(i))
                .map(Speaker::of)
                .collect(),
        ),
    };
    let fix = &mut c.sentences[at];
    match change {
        Change::Section(s) => fix.section = (s != m_section).then_some(s),
        Change::Speakers(list) => fix.speakers = (list != m_speakers).then_some(list),
        Change::Note(n) => fix.note = n.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
    }
    if fix.is_empty() {
        c.sentences.remove(at);
    }
    c
}

/// The corrections of `briefing` after merging the source `from` into `into` (both ids into
/// its sources). Merging a source into itself changes nothing.
pub fn merge(briefing: &Briefing, from: usize, into: usize) -> Corrections {
    let mut c = super::of(briefing);
    if let (Some(f), Some(i)) = (briefing.sources.get(from), briefing.sources.get(into))
        && from != into
    {
        c.merges.push(Merge {
            from: Speaker::of(f),
            into: Speaker::of(i),
        });
    }
    c
}

/// How many changes the history keeps.
pub const HISTORY: usize = 1000;

/// Undo and redo: the corrections before each change, and the ones undone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Corrections>,
    redo: Vec<Corrections>,
}

impl History {
    /// Notes a change from `before`; whatever was undone can no longer be redone.
    pub fn record(&mut self, before: Corrections) {
        self.undo.push(before);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The corrections to go back to from `current`, if there is a change to undo.
    pub fn undo(&mut self, current: Corrections) -> Option<Corrections> {
        let back = self.undo.pop()?;
        self.redo.push(current);
        Some(back)
    }

    /// The corrections to go forward to from `current`, if a change was undone.
    pub fn redo(&mut self, current: Corrections) -> Option<Corrections> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

//! The source filter: which voices are shown. Pure functions over the briefing, no terminal.

use crate::model::{Briefing, Sentence};
use std::collections::BTreeSet;

/// Someone a sentence can be attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voice {
    /// The writer's own voice: a sentence with no speakers.
    Writer,
    /// A source, by id into [`Briefing::sources`].
    Source(usize),
}

/// The voices hidden from view; empty shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFilter {
    /// Voices whose sentences are hidden.
    pub hidden: BTreeSet<Voice>,
}

/// The voices of a sentence: its speakers, or the writer.
pub fn voices(sentence: &Sentence) -> Vec<Voice> {
    if sentence.speakers.is_empty() {
        vec![Voice::Writer]
    } else {
        sentence
            .speakers
            .iter()
            .map(|&id| Voice::Source(id))
            .collect()
    }
}

/// Every voice of the briefing: the writer first, then the sources in id order.
pub fn all_voices(briefing: &Briefing) -> Vec<Voice> {
    std::iter::once(Voice::Writer)
        .chain(briefing.sources.iter().map(|s| Voice::Source(s.id)))
        .collect()
}

impl SourceFilter {
    /// Everything shown.
    pub fn all() -> SourceFilter {
        SourceFilter::default()
    }

    /// Only the given voices shown.
    pub fn only(briefing: &Briefing, shown: &[Voice]) -> SourceFilter {
        let hidden = all_voices(briefing)
            .into_iter()
            .filter(|v| !shown.contains(v))
            .collect();
        SourceFilter { hidden }
    }

    /// Whether a sentence passes: at least one of its voices is shown.
    pub fn matches(&self, sentence: &Sentence) -> bool {
        // Without building the voices: this runs once per sentence on every filter change.
        if sentence.speakers.is_empty() {
            !self.hidden.contains(&Voice::Writer)
        } else {
            sentence
                .speakers
                .iter()
                .any(|&id| !self.hidden.contains(&Voice::Source(id)))
        }
    }

    /// Whether nothing is filtered out.
    pub fn is_all(&self) -> bool {
        self.hidden.is_empty()
    }

    /// One line for the status bar: `all sources`, `only Robert Wood`, `7 of 14 sources`.
    pub fn describe(&self, briefing: &Briefing) -> String {
        let all = all_voices(briefing);
        let shown: Vec<Voice> = all
            .iter()
            .copied()
            .filter(|v| !self.hidden.contains(v))
            .collect();
        match shown.as_slice() {
            _ if shown.len() == all.len() => "all sources".to_owned(),
            [] => "no sources".to_owned(),
            [one] => format!("only {}", voice_name(briefing, *one)),
            _ => format!("{} of {} sources", shown.len(), all.len()),
        }
    }
}

/// The name of a voice as the reader shows it.
pub fn voice_name(briefing: &Briefing, voice: Voice) -> &str {
    match voice {
        Voice::Writer => "the writer",
        Voice::Source(id) => briefing.sources.get(id).map_or("?", |s| s.name.as_str()),
    }
}

/// Ids of the sentences that pass the filter, in document order.
pub fn visible(briefing: &Briefing, filter: &SourceFilter) -> Vec<usize> {
    if filter.is_all() {
        return (0..briefing.sentences.len()).collect();
    }
    briefing
        .sentences
        .iter()
        .filter(|s| filter.matches(s))
        .map(|s| s.id)
        .collect()
}

/// Indices into [`Briefing::timeline`] whose sentence passes the filter.
pub fn visible_timeline(briefing: &Briefing, filter: &SourceFilter) -> Vec<usize> {
    briefing
        .timeline
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            briefing
                .sentences
                .get(t.sentence)
                .is_some_and(|s| filter.matches(s))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A row of the source filter popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A party heading: toggling it toggles all its speakers.
    Party { name: String, members: Vec<Voice> },
    /// One voice.
    Voice(Voice),
}

/// The popup's rows: the writer's voice, then each party (in order of first appearance) with
/// its speakers beneath it; sources without a party come last under "unknown party".
pub fn entries(briefing: &Briefing) -> Vec<Entry> {
    let mut parties: Vec<(Option<&str>, Vec<Voice>)> = Vec::new();
    for s in &briefing.sources {
        let party = s.party.as_deref();
        match parties.iter_mut().find(|(p, _)| *p == party) {
            Some((_, members)) => members.push(Voice::Source(s.id)),
            None => parties.push((party, vec![Voice::Source(s.id)])),
        }
    }
    // Stable sort: parties keep their order of appearance, the unknown one goes last.
    parties.sort_by_key(|(p, _)| p.is_none());
    let mut rows = vec![Entry::Voice(Voice::Writer)];
    for (party, members) in parties {
        rows.push(Entry::Party {
            name: party.unwrap_or("unknown party").to_owned(),
            members: members.clone(),
        });
        rows.extend(members.into_iter().map(Entry::Voice));
    }
    rows
}

/// How many sentences each entry's voices speak (a sentence counts once per entry), in one
/// pass over the sentences: the same as [`count`] for every entry.
pub fn counts(briefing: &Briefing, entries: &[Entry]) -> Vec<usize> {
    // The rows each voice counts for (its own and its party's), by voice: the writer first,
    // then the sources by id.
    let slot = |v: &Voice| match v {
        Voice::Writer => 0,
        Voice::Source(id) => id + 1,
    };
    let mut rows_of: Vec<Vec<usize>> = vec![Vec::new(); briefing.sources.len() + 1];
    for (row, entry) in entries.iter().enumerate() {
        let members: &[Voice] = match entry {
            Entry::Party { members, .. } => members,
            Entry::Voice(v) => std::slice::from_ref(v),
        };
        for m in members {
            if let Some(rows) = rows_of.get_mut(slot(m)) {
                rows.push(row);
            }
        }
    }
    let mut counts = vec![0; entries.len()];
    let mut rows = Vec::new();
    for s in &briefing.sentences {
        let one = match s.speakers.as_slice() {
            [] => Some(0),
            [id] => Some(id + 1),
            _ => None,
        };
        if let Some(v) = one {
            // One voice: its rows are distinct already.
            for &r in rows_of.get(v).into_iter().flatten() {
                counts[r] += 1;
            }
            continue;
        }
        rows.clear();
        for id in &s.speakers {
            rows.extend(rows_of.get(id + 1).into_iter().flatten().copied());
        }
        rows.sort_unstable();
        rows.dedup();
        for &r in &rows {
            counts[r] += 1;
        }
    }
    counts
}

/// How many sentences an entry's voices speak (a sentence counts once per entry).
pub fn count(briefing: &Briefing, entry: &Entry) -> usize {
    let members: &[Voice] = match entry {
        Entry::Party { members, .. } => members,
        Entry::Voice(v) => std::slice::from_ref(v),
    };
    briefing
        .sentences
        .iter()
        .filter(|s| voices(s).iter().any(|v| members.contains(v)))
        .count()
}

/// Toggles an entry in a (pending) filter: a voice flips; a party shows all its members
/// unless all are shown already, in which case it hides them all.
pub fn toggle(filter: &mut SourceFilter, entry: &Entry) {
    match entry {
        Entry::Voice(v) => {
            if !filter.hidden.remove(v) {
                filter.hidden.insert(*v);
            }
        }
        Entry::Party { members, .. } => {
            if members.iter().all(|m| !filter.hidden.contains(m)) {
                filter.hidden.extend(members.iter().copied());
            } else {
                for m in members {
                    filter.hidden.remove(m);
                }
            }
        }
    }
}

//! Views across the library: the merged timeline and the source index.
//!
//! Both hold ids ([`DocId`], sentence ids, indices into a briefing's timeline), never
//! borrowed text, so a reader can keep them next to the [`Library`] and rebuild them when
//! [`Library::generation`] moves.

use super::{DocId, Library, SectionCounts, Selection};
use crate::model::{Source, SourceKind, TimeRef};
use std::collections::HashMap;

/// One dated (or undatable) reference on the merged timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub doc: DocId,
    /// Index into that briefing's [`crate::model::Briefing::timeline`].
    pub index: usize,
    /// The sentence the reference stands in.
    pub sentence: usize,
    /// The resolved value, copied for sorting and display (`None`: undated).
    pub value: Option<String>,
}

impl TimelineEntry {
    /// The sentence to open when this entry is picked.
    pub fn selection(&self) -> Selection {
        Selection {
            doc: self.doc,
            sentence: self.sentence,
        }
    }
}

/// Who a speaker is across documents: the canonical name and the party, compared without
/// regard to case, runs of white space or the kind of apostrophe.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceKey {
    pub name: String,
    pub party: Option<String>,
}

impl SourceKey {
    pub fn of(source: &Source) -> Self {
        SourceKey {
            name: fold(&source.name),
            party: source.party.as_deref().map(fold),
        }
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
}

/// A speaker in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInDoc {
    pub doc: DocId,
    /// Its id in that briefing's [`crate::model::Briefing::sources`].
    pub source: usize,
    /// Its statements per section.
    pub counts: SectionCounts,
    /// Ids of the sentences it speaks, in document order.
    pub sentences: Vec<usize>,
}

/// A speaker merged across the library: who said what, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    pub key: SourceKey,
    /// The name as the first document (in library order) writes it.
    pub name: String,
    pub party: Option<String>,
    pub kind: SourceKind,
    /// One per document it speaks in, in library order.
    pub docs: Vec<SourceInDoc>,
    /// Statements per section, all documents together.
    pub counts: SectionCounts,
}

impl SourceEntry {
    /// Every statement, grouped by document in library order.
    pub fn statements(&self) -> impl Iterator<Item = Selection> + '_ {
        self.docs.iter().flat_map(|d| {
            d.sentences.iter().map(move |&sentence| Selection {
                doc: d.doc,
                sentence,
            })
        })
    }
}

impl Library {
    /// Every time reference of every loaded briefing on one timeline: sorted by value
    /// (undated last), then by the documents' library order, then by position.
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        let mut items = Vec::new();
        for (rank, doc) in self.order().into_iter().enumerate() {
            let Some(b) = self.briefing(doc) else {
                continue;
            };
            for (index, t) in b.timeline.iter().enumerate() {
                items.push((
                    rank,
                    t.start,
                    TimelineEntry {
                        doc,
                        index,
                        sentence: t.sentence,
                        value: t.value.clone(),
                    },
                ));
            }
        }
        items.sort_by(|(ra, sa, a), (rb, sb, b)| {
            (a.value.is_none(), &a.value, ra, a.sentence, sa).cmp(&(
                b.value.is_none(),
                &b.value,
                rb,
                b.sentence,
                sb,
            ))
        });
        items.into_iter().map(|(_, _, t)| t).collect()
    }

    /// The time reference a merged timeline entry points to.
    pub fn time_ref(&self, entry: &TimelineEntry) -> Option<&TimeRef> {
        self.briefing(entry.doc)?.timeline.get(entry.index)
    }

    /// Every speaker of every loaded briefing, merged by [`SourceKey`]: most statements
    /// first, then by name.
    pub fn sources(&self) -> Vec<SourceEntry> {
        let mut merged: Vec<SourceEntry> = Vec::new();
        let mut by_key: HashMap<SourceKey, usize> = HashMap::new();
        for doc in self.order() {
            let Some(b) = self.briefing(doc) else {
                continue;
            };
            let mut here: Vec<SourceInDoc> = b
                .sources
                .iter()
                .map(|s| SourceInDoc {
                    doc,
                    source: s.id,
                    counts: SectionCounts::default(),
                    sentences: Vec::new(),
                })
                .collect();
            let slot: HashMap<usize, usize> = b
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect();
            for s in &b.sentences {
                for id in &s.speakers {
                    if let Some(h) = slot.get(id).and_then(|&i| here.get_mut(i)) {
                        h.counts.add(s.section);
                        h.sentences.push(s.id);
                    }
                }
            }
            for (source, h) in b.sources.iter().zip(here) {
                let key = SourceKey::of(source);
                let at = *by_key.entry(key.clone()).or_insert_with(|| {
                    merged.push(SourceEntry {
                        key,
                        name: source.name.clone(),
                        party: source.party.clone(),
                        kind: source.kind,
                        docs: Vec::new(),
                        counts: SectionCounts::default(),
                    });
                    merged.len() - 1
                });
                let entry = &mut merged[at];
                for (total, n) in entry.counts.0.iter_mut().zip(h.counts.0) {
                    *total += n;
                }
                // Two speakers of one document with the same key become one.
                match entry.docs.last_mut() {
                    Some(last) if last.doc == doc => {
                        for (a, n) in last.counts.0.iter_mut().zip(h.counts.0) {
                            *a += n;
                        }
                        last.sentences.extend(h.sentences);
                        last.sentences.sort_unstable();
                        last.sentences.dedup();
                    }
                    _ => entry.docs.push(h),
                }
            }
        }
        merged.sort_by(|a, b| {
            b.counts
                .total()
                .cmp(&a.counts.total())
                .then_with(|| a.key.cmp(&b.key))
        });
        merged
    }
}

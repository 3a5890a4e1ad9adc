//! Applying corrections to a finished briefing: sources merged first, then each sentence's
//! correction found by its key and laid over the machine's reading.

use super::{Applied, Corrections, Fix, Merge, Report, key};
use crate::model::{Briefing, Correction, Reading, Source, SourceKind, Speaker};
use std::collections::HashMap;
use std::sync::Arc;

/// The machine's reading of a briefing, corrected or not.
pub fn machine_reading(briefing: &Briefing) -> &Briefing {
    match &briefing.corrections {
        Some(a) => &a.machine,
        None => briefing,
    }
}

/// The briefing as corrected: `machine` (the loader's reading; a briefing already corrected
/// is taken back to its machine reading first) with `corrections` applied. The result keeps
/// the machine's reading and the corrections in [`Briefing::corrections`], and carries a
/// warning when some corrections are orphaned. With no corrections it is `machine` itself.
pub fn apply(machine: Briefing, corrections: &Corrections) -> Briefing {
    let machine = match machine.corrections {
        Some(a) => Arc::unwrap_or_clone(a).machine,
        None => machine,
    };
    if corrections.is_empty() {
        return machine;
    }
    let mut b = machine.clone();
    let report = apply_to(&mut b, corrections);
    if let Some(w) = orphan_warning(corrections, &report) {
        b.warnings.push(w);
    }
    b.corrections = Some(Arc::new(Applied {
        machine,
        corrections: corrections.clone(),
        report,
    }));
    b
}

/// One line about the corrections that found nothing, if any.
fn orphan_warning(c: &Corrections, report: &Report) -> Option<String> {
    let n = report.orphans();
    if n == 0 {
        return None;
    }
    let mut named: Vec<String> = report
        .orphaned_fixes()
        .map(|i| short(&c.sentences[i].key.anchor))
        .collect();
    named.extend(
        c.merges
            .iter()
            .zip(&report.merges)
            .filter(|(_, found)| !**found)
            .map(|(m, _)| format!("merge of {}", short(&m.from.name))),
    );
    let shown = named.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    let more = if named.len() > 3 { ", ..." } else { "" };
    let (noun, verb) = if n == 1 {
        ("correction", "finds")
    } else {
        ("corrections", "find")
    };
    Some(format!(
        "{n} {noun} {verb} nothing to apply to (orphaned, kept in the corrections file): {shown}{more}"
    ))
}

fn short(s: &str) -> String {
    let s: String = s.chars().take(40).collect();
    format!("\u{201c}{s}\u{201d}")
}

/// Whether a source is the speaker named (name compared folded and without case; the
/// party too, when the speaker gives one).
pub(super) fn is(source: &Source, who: &Speaker) -> bool {
    let same = |a: &str, b: &str| key::fold(a).to_lowercase() == key::fold(b).to_lowercase();
    same(&source.name, &who.name)
        && who
            .party
            .as_deref()
            .is_none_or(|p| source.party.as_deref().is_some_and(|q| same(p, q)))
}

/// Whether a speaker named by a correction is the one a merge names.
fn same_speaker(who: &Speaker, named: &Speaker) -> bool {
    let probe = Source {
        id: 0,
        name: who.name.clone(),
        party: who.party.clone(),
        kind: SourceKind::Person,
        mentions: Vec::new(),
    };
    is(&probe, named)
}

fn apply_to(b: &mut Briefing, c: &Corrections) -> Report {
    let fixes = find_sentences(b, &c.sentences);
    // The machine's reading of each corrected sentence, before the merges change names.
    let originals: Vec<Option<Reading>> = fixes
        .iter()
        .map(|id| {
            id.map(|id| {
                let s = &b.sentences[id];
                Reading {
                    section: s.section,
                    speakers: s
                        .speakers
                        .iter()
                        .filter_map(|&i| b.sources.get(i))
                        .map(Speaker::of)
                        .collect(),
                }
            })
        })
        .collect();
    let mut merges = merge_sources(b, &c.merges);
    // A merge of a speaker that only a correction names (one the analyst added) is not
    // orphaned: it applies as the correction's speakers are looked up.
    for (found, m) in merges.iter_mut().zip(&c.merges) {
        *found |= c
            .sentences
            .iter()
            .zip(&fixes)
            .filter(|(_, id)| id.is_some())
            .filter_map(|(f, _)| f.speakers.as_ref())
            .flatten()
            .any(|who| same_speaker(who, &m.from));
    }
    for ((fix, id), original) in c.sentences.iter().zip(&fixes).zip(originals) {
        let (Some(id), Some(original)) = (id, original) else {
            continue;
        };
        correct(b, *id, fix, original, &c.merges);
    }
    Report { fixes, merges }
}

/// The sentence each correction names: by hash (the given occurrence), else the first
/// sentence holding the anchor that no other correction took.
fn find_sentences(b: &Briefing, fixes: &[Fix]) -> Vec<Option<usize>> {
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    if fixes.iter().any(|f| f.key.hash.is_some()) {
        for s in &b.sentences {
            by_hash.entry(key::hash(&s.text)).or_default().push(s.id);
        }
    }
    let mut found: Vec<Option<usize>> = fixes
        .iter()
        .map(|f| {
            let ids = by_hash.get(&f.key.hash?)?;
            ids.get(f.key.occurrence).or(ids.last()).copied()
        })
        .collect();
    if found.iter().all(Option::is_some) {
        return found;
    }
    let folded: Vec<String> = b.sentences.iter().map(|s| key::fold(&s.text)).collect();
    let mut taken: std::collections::HashSet<usize> = found.iter().flatten().copied().collect();
    for (f, slot) in fixes.iter().zip(found.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let anchor = key::fold(&f.key.anchor);
        if anchor.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(anchor.as_bytes());
        let holding = || {
            folded
                .iter()
                .enumerate()
                .filter(|(_, t)| finder.find(t.as_bytes()).is_some())
                .map(|(i, _)| i)
        };
        let pick = holding().find(|i| !taken.contains(i)).or(holding().next());
        if let Some(i) = pick {
            taken.insert(i);
            *slot = Some(i);
        }
    }
    found
}

/// Applies the merges: each `from` source's sentences go to `into` (or `from` is renamed
/// when there is no `into`); the merged-away sources are dropped and the others numbered
/// again. Returns which merges found their source.
fn merge_sources(b: &mut Briefing, merges: &[Merge]) -> Vec<bool> {
    if merges.is_empty() {
        return Vec::new();
    }
    let n = b.sources.len();
    let mut into: Vec<usize> = (0..n).collect();
    let mut alive = vec![true; n];
    let mut found = Vec::with_capacity(merges.len());
    for m in merges {
        let from: Vec<usize> = (0..n)
            .filter(|&i| alive[i] && is(&b.sources[i], &m.from))
            .collect();
        let Some(&first) = from.first() else {
            found.push(false);
            continue;
        };
        found.push(true);
        let target = (0..n).find(|&i| alive[i] && !from.contains(&i) && is(&b.sources[i], &m.into));
        let (target, gone) = match target {
            Some(t) => (t, &from[..]),
            None => {
                let s = &mut b.sources[first];
                s.name.clone_from(&m.into.name);
                if m.into.party.is_some() {
                    s.party.clone_from(&m.into.party);
                }
                (first, &from[1..])
            }
        };
        for &g in gone {
            alive[g] = false;
            into[g] = target;
            let mut mentions = vec![b.sources[g].name.clone()];
            mentions.append(&mut b.sources[g].mentions);
            add_mentions(&mut b.sources[target], mentions);
        }
        let name = b.sources[target].name.clone();
        add_mentions(&mut b.sources[target], vec![name]);
    }
    // Follow each source to where it ended, then number the survivors again.
    let root = |mut i: usize| {
        while into[i] != i {
            i = into[i];
        }
        i
    };
    let mut new_id = vec![usize::MAX; n];
    let mut kept = Vec::new();
    for (i, s) in std::mem::take(&mut b.sources).into_iter().enumerate() {
        if alive[i] {
            new_id[i] = kept.len();
            kept.push(Source {
                id: kept.len(),
                ..s
            });
        }
    }
    b.sources = kept;
    for s in &mut b.sentences {
        if s.speakers.is_empty() {
            continue;
        }
        let mut ids: Vec<usize> = Vec::with_capacity(s.speakers.len());
        for &old in &s.speakers {
            let id = old.min(n.saturating_sub(1));
            let nid = new_id[root(id)];
            if !ids.contains(&nid) {
                ids.push(nid);
            }
        }
        s.speakers = ids;
    }
    found
}

fn add_mentions(source: &mut Source, mentions: Vec<String>) {
    for m in mentions {
        if !source.mentions.contains(&m) {
            source.mentions.push(m);
        }
    }
}

/// A speaker named by a correction, taken through the merges.
fn through_merges(mut who: Speaker, merges: &[Merge]) -> Speaker {
    for m in merges {
        if same_speaker(&who, &m.from) {
            // No party in `into` matches the source of that name whatever its party.
            who = m.into.clone();
        }
    }
    who
}

/// Lays one correction over its sentence.
fn correct(b: &mut Briefing, id: usize, fix: &Fix, original: Reading, merges: &[Merge]) {
    if let Some(speakers) = &fix.speakers {
        let mut ids = Vec::with_capacity(speakers.len());
        for who in speakers {
            let who = through_merges(who.clone(), merges);
            let sid = match b.sources.iter().position(|s| is(s, &who)) {
                Some(i) => i,
                None => {
                    let sid = b.sources.len();
                    b.sources.push(Source {
                        id: sid,
                        name: who.name.clone(),
                        party: who.party.clone(),
                        kind: SourceKind::Person,
                        mentions: vec![who.name.clone()],
                    });
                    sid
                }
            };
            if !ids.contains(&sid) {
                ids.push(sid);
            }
        }
        b.sentences[id].speakers = ids;
    }
    let s = &mut b.sentences[id];
    if let Some(section) = fix.section {
        s.section = section;
    }
    // A second correction of the same sentence keeps the first one's record of the machine.
    let original = s.correction.take().map_or(original, |c| c.original);
    s.correction = Some(Box::new(Correction {
        original,
        note: fix.note.clone(),
    }));
}

//! The library: several briefings read together, with no terminal in sight.
//!
//! A [`Library`] holds one [`Entry`] per briefing file, each identified by a [`DocId`] that
//! never changes (entries are never removed: a deleted file is marked [`EntryState::Gone`]).
//! It orders the briefings newest first, counts each one's sections, and builds the views
//! that span documents: the merged [`timeline`](Library::timeline) and the
//! [`source index`](Library::sources). [`discover`] finds the files, [`load`] analyses them on
//! every core and reports each through a channel, and [`watch`] reports changes on disk,
//! which [`Library::note_change`] and [`Library::apply`] turn into reloads that keep the
//! reader's selection on the same sentence.

pub mod discover;
pub mod index;
pub mod load;
pub mod watch;

pub use discover::{DiscoverError, Discovery, EXTENSIONS, SkipReason, Skipped, discover};
pub use index::{SourceEntry, SourceInDoc, SourceKey, TimelineEntry};
pub use load::{Loaded, Reading, analyze_file, analyze_file_as, load_all, spawn, spawn_as};

use crate::model::{Briefing, Section};
use std::cmp::Reverse;
use std::path::{Path, PathBuf};

/// A briefing's place in the [`Library`]: an index into [`Library::entries`], stable for the
/// library's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub usize);

/// Where a briefing's analysis stands.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    /// Not analysed yet.
    Loading,
    Loaded(Briefing),
    /// Could not be read or analysed; the one-line reason.
    Failed(String),
    /// The file was deleted.
    Gone,
}

/// One briefing file of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub state: EntryState,
}

impl Entry {
    /// The analysis, once loaded.
    pub fn briefing(&self) -> Option<&Briefing> {
        match &self.state {
            EntryState::Loaded(b) => Some(b),
            _ => None,
        }
    }

    /// The briefing's title, or its file name while it has none.
    pub fn title(&self) -> String {
        self.briefing()
            .and_then(|b| b.title.clone())
            .unwrap_or_else(|| {
                self.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| self.path.display().to_string())
            })
    }

    /// The briefing's date (`YYYY-MM-DD`), if loaded and dated.
    pub fn date(&self) -> Option<&str> {
        self.briefing().and_then(|b| b.date.as_deref())
    }

    /// Sentences per section, once loaded.
    pub fn counts(&self) -> Option<SectionCounts> {
        self.briefing().map(SectionCounts::of)
    }
}

/// A number per section, indexed as [`Section::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionCounts(pub [usize; 4]);

impl SectionCounts {
    /// The sentences of each section of a briefing.
    pub fn of(briefing: &Briefing) -> Self {
        let mut counts = Self::default();
        for s in &briefing.sentences {
            counts.add(s.section);
        }
        counts
    }

    pub fn get(&self, section: Section) -> usize {
        self.0[section.index()]
    }

    pub fn add(&mut self, section: Section) {
        self.0[section.index()] += 1;
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

/// A sentence of one briefing: what the reader has selected, or where a view points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Selection {
    pub doc: DocId,
    /// [`crate::model::Sentence::id`] in that briefing.
    pub sentence: usize,
}

/// How far loading has got: entries no longer [`EntryState::Loading`], out of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Entries whose analysis is over (loaded, failed or deleted).
    pub done: usize,
    pub total: usize,
    /// Entries that could not be analysed.
    pub failed: usize,
    /// Entries deleted on disk.
    pub gone: usize,
}

impl Progress {
    /// `3 briefings`, `1 briefing · 1 failed · 2 deleted`, `loaded 2/5`: files that failed or
    /// were deleted are not counted as briefings.
    pub fn describe(&self) -> String {
        if self.done < self.total {
            return format!("loaded {}/{}", self.done, self.total);
        }
        let n = self.total - self.failed - self.gone;
        let mut out = format!("{n} briefing{}", if n == 1 { "" } else { "s" });
        if self.failed > 0 {
            out.push_str(&format!(" · {} failed", self.failed));
        }
        if self.gone > 0 {
            out.push_str(&format!(" · {} deleted", self.gone));
        }
        out
    }
}

/// What a change on disk asks of the reader, from [`Library::note_change`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Analyse this document (again), e.g. with [`spawn`], then [`Library::apply`] the result.
    Load(DocId, PathBuf),
    /// The file was deleted; the entry is now [`EntryState::Gone`].
    Gone(DocId),
    /// Nothing to do (a deleted file the library never had).
    Ignored,
}

/// The briefings of a folder or of several files.
#[derive(Debug, Clone, Default)]
pub struct Library {
    entries: Vec<Entry>,
    /// Folder entries discovery did not take, for the notes the reader shows.
    pub skipped: Vec<Skipped>,
    generation: u64,
}

impl Library {
    /// A library of these files, all still [`EntryState::Loading`], in this order of ids.
    pub fn new(paths: impl IntoIterator<Item = PathBuf>) -> Self {
        Library {
            entries: paths
                .into_iter()
                .map(|path| Entry {
                    path,
                    state: EntryState::Loading,
                })
                .collect(),
            skipped: Vec::new(),
            generation: 0,
        }
    }

    /// The library of what [`discover`] found.
    pub fn from_discovery(found: Discovery) -> Self {
        let mut library = Library::new(found.files);
        library.skipped = found.skipped;
        library
    }

    /// Every entry, indexed by [`DocId`] (discovery order, then files added later).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, doc: DocId) -> Option<&Entry> {
        self.entries.get(doc.0)
    }

    /// The analysis of one document, if loaded.
    pub fn briefing(&self, doc: DocId) -> Option<&Briefing> {
        self.get(doc).and_then(Entry::briefing)
    }

    /// The entry of a path, as discovery or [`watch`] spell it.
    pub fn find(&self, path: &Path) -> Option<DocId> {
        self.entries.iter().position(|e| e.path == path).map(DocId)
    }

    /// Bumped by every change, so a view built from the library knows when to rebuild.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The documents waiting for analysis, as jobs for [`spawn`].
    pub fn pending(&self) -> Vec<(DocId, PathBuf)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.state == EntryState::Loading)
            .map(|(i, e)| (DocId(i), e.path.clone()))
            .collect()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self
                .entries
                .iter()
                .filter(|e| e.state != EntryState::Loading)
                .count(),
            total: self.entries.len(),
            failed: self
                .entries
                .iter()
                .filter(|e| matches!(e.state, EntryState::Failed(_)))
                .count(),
            gone: self
                .entries
                .iter()
                .filter(|e| e.state == EntryState::Gone)
                .count(),
        }
    }

    /// The documents as the library lists them: by date, newest first; undated ones (and
    /// those not loaded) last; then by title (ignoring case), then by path.
    pub fn order(&self) -> Vec<DocId> {
        let mut keyed: Vec<_> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let date = e.date().map(str::to_owned);
                ((date.is_none(), Reverse(date), e.title().to_lowercase()), i)
            })
            .collect();
        keyed.sort_by(|(a, i), (b, j)| {
            a.cmp(b)
                .then_with(|| self.entries[*i].path.cmp(&self.entries[*j].path))
                .then(i.cmp(j))
        });
        keyed.into_iter().map(|(_, i)| DocId(i)).collect()
    }

    /// Sets a document's state directly (a first load, a failure).
    pub fn set(&mut self, doc: DocId, state: EntryState) {
        if let Some(e) = self.entries.get_mut(doc.0) {
            e.state = state;
            self.generation += 1;
        }
    }

    /// Takes a loader's result for its document, and returns where `selection` should now
    /// be: unchanged if it is in another document; on the same sentence text if the
    /// reloaded briefing still has it (the occurrence nearest the old position); else on the
    /// nearest sentence that exists; `None` if the document now has no sentence.
    pub fn apply(&mut self, loaded: Loaded, selection: Option<Selection>) -> Option<Selection> {
        let state = match loaded.result {
            Ok(b) => EntryState::Loaded(b),
            Err(e) => EntryState::Failed(e),
        };
        let Some(sel) = selection.filter(|s| s.doc == loaded.doc) else {
            self.set(loaded.doc, state);
            return selection;
        };
        let text = self
            .briefing(sel.doc)
            .and_then(|b| b.sentences.get(sel.sentence))
            .map(|s| s.text.clone());
        self.set(loaded.doc, state);
        let new = self.briefing(sel.doc)?;
        reselect(new, text.as_deref(), sel.sentence).map(|sentence| Selection {
            doc: sel.doc,
            sentence,
        })
    }

    /// Adds a file that appeared, as [`EntryState::Loading`]; a known path is only set back
    /// to loading if it was gone.
    pub fn add(&mut self, path: PathBuf) -> DocId {
        if let Some(doc) = self.find(&path) {
            if self.entries[doc.0].state == EntryState::Gone {
                self.set(doc, EntryState::Loading);
            }
            return doc;
        }
        self.entries.push(Entry {
            path,
            state: EntryState::Loading,
        });
        self.generation += 1;
        DocId(self.entries.len() - 1)
    }

    /// Marks a deleted file's entry gone.
    pub fn mark_gone(&mut self, doc: DocId) {
        self.set(doc, EntryState::Gone);
    }

    /// Decides what a change to `path` on disk means: a file that exists is (re)loaded,
    /// keeping its old analysis on show until the new one is [applied](Library::apply); a
    /// deleted one is marked gone.
    pub fn note_change(&mut self, path: &Path) -> Change {
        let exists = path.is_file();
        match (self.find(path), exists) {
            (Some(doc), false) => {
                if self.entries[doc.0].state == EntryState::Gone {
                    return Change::Ignored;
                }
                self.mark_gone(doc);
                Change::Gone(doc)
            }
            (Some(doc), true) => {
                if self.entries[doc.0].state == EntryState::Gone {
                    self.set(doc, EntryState::Loading);
                }
                Change::Load(doc, path.to_path_buf())
            }
            (None, true) => Change::Load(self.add(path.to_path_buf()), path.to_path_buf()),
            (None, false) => Change::Ignored,
        }
    }
}

/// Where a selection on sentence `old` (whose text was `text`) lands in a new analysis: the
/// sentence with the same text nearest `old`, else the nearest existing one.
pub fn reselect(new: &Briefing, text: Option<&str>, old: usize) -> Option<usize> {
    if new.sentences.is_empty() {
        return None;
    }
    let same = text.and_then(|t| {
        new.sentences
            .iter()
            .filter(|s| s.text == t)
            .min_by_key(|s| (s.id.abs_diff(old), s.id))
            .map(|s| s.id)
    });
    Some(same.unwrap_or(old.min(new.sentences.len() - 1)))
}

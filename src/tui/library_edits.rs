//! Corrections across the library: merging two speakers of the source index in every
//! briefing the first one speaks in (each briefing's corrections in its own file), and
//! undoing or redoing such a merge. Corrections of one sentence are made in the opened
//! briefing (`edits.rs`), which the library takes back after each change.

use super::action::Action;
use super::app::Effect;
use super::library::{LibraryApp, Screen};
use crate::corrections::{self, Corrections, Merge, file};
use crate::library::{DocId, EntryState, SourceKey};
use crate::model::Speaker;

/// Each briefing's corrections before one library-wide change.
type Step = Vec<(DocId, Corrections)>;

/// The source picked to be merged, and the merges that can be undone or redone.
#[derive(Debug, Clone, Default)]
pub struct MergeState {
    /// The source index's speaker picked to be merged into another.
    pub from: Option<SourceKey>,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl LibraryApp {
    /// The name a merge in progress shows in the status bar.
    pub fn merging_name(&self) -> Option<String> {
        let key = self.merges.from.as_ref()?;
        let found = self.sources.iter().find(|s| &s.key == key);
        Some(found.map_or_else(|| key.name.clone(), |s| s.name.clone()))
    }

    /// `m`, `u` and ctrl-r in the library views.
    pub(super) fn edit_sources(&mut self, action: Action) -> Effect {
        match action {
            Action::Undo | Action::Redo => self.undo_merge(action == Action::Undo),
            _ if self.screen != Screen::Sources => {
                self.message = Some("merge speakers in the source index".into());
                Effect::Redraw
            }
            _ => {
                let Some(here) = self.sources.get(self.sources_list.selected).cloned() else {
                    return Effect::None;
                };
                match self.merges.from.take() {
                    Some(from) if from != here.key => {
                        let into = Speaker {
                            name: here.name.clone(),
                            party: here.party.clone(),
                        };
                        self.merge_everywhere(&from, into)
                    }
                    _ => {
                        self.merges.from = Some(here.key);
                        Effect::Redraw
                    }
                }
            }
        }
    }

    /// Esc while a merge is in progress cancels it; true if it did.
    pub(super) fn cancel_merge(&mut self) -> bool {
        self.merges.from.take().is_some()
    }

    fn merge_everywhere(&mut self, from: &SourceKey, into: Speaker) -> Effect {
        let mut step = Step::new();
        let mut problems = Vec::new();
        let mut name = from.name.clone();
        for i in 0..self.library.len() {
            let doc = DocId(i);
            let Some(b) = self.library.briefing(doc) else {
                continue;
            };
            let merged: Vec<Speaker> = b
                .sources
                .iter()
                .filter(|s| &SourceKey::of(s) == from)
                .map(Speaker::of)
                .collect();
            if merged.is_empty() {
                continue;
            }
            name.clone_from(&merged[0].name);
            let before = corrections::of(b);
            let mut next = before.clone();
            next.merges.extend(merged.into_iter().map(|m| Merge {
                from: m,
                into: into.clone(),
            }));
            step.push((doc, before));
            problems.extend(self.set_corrections(doc, next));
        }
        let n = step.len();
        self.merges.undo.push(step);
        self.merges.redo.clear();
        self.message = Some(match problems.first() {
            None => format!(
                "merged {name} into {} in {n} briefing{} · saved · u undoes",
                into.name,
                if n == 1 { "" } else { "s" }
            ),
            Some(p) => format!("merged {name} into {}, but {p}", into.name),
        });
        Effect::Redraw
    }

    fn undo_merge(&mut self, undo: bool) -> Effect {
        let step = if undo {
            self.merges.undo.pop()
        } else {
            self.merges.redo.pop()
        };
        let Some(step) = step else {
            let what = if undo { "undo" } else { "redo" };
            self.message = Some(format!("nothing to {what} in the library"));
            return Effect::Redraw;
        };
        let mut back = Step::new();
        let mut problems = Vec::new();
        for (doc, c) in step {
            let now = self
                .library
                .briefing(doc)
                .map(corrections::of)
                .unwrap_or_default();
            back.push((doc, now));
            problems.extend(self.set_corrections(doc, c));
        }
        if undo {
            self.merges.redo.push(back);
        } else {
            self.merges.undo.push(back);
        }
        let done = if undo { "undone" } else { "redone" };
        self.message = Some(match problems.first() {
            None => format!("{done} · saved"),
            Some(p) => format!("{done}, but {p}"),
        });
        Effect::Redraw
    }

    /// Applies a briefing's new corrections and saves them in its file; what went wrong.
    fn set_corrections(&mut self, doc: DocId, next: Corrections) -> Option<String> {
        let entry = self.library.get(doc)?;
        let path = entry.path.clone();
        let b = entry.briefing()?.clone();
        self.library
            .set(doc, EntryState::Loaded(corrections::apply(b, &next)));
        let target = file::path_for(&path)?;
        if let Err(e) = file::read(&target)
            .map(|_| ())
            .or_else(|e| if target.is_file() { Err(e) } else { Ok(()) })
        {
            return Some(format!("{} is damaged and was not overwritten", e.file));
        }
        file::save(&target, &next, &path)
            .err()
            .map(|e| format!("{} cannot be saved: {e}", crate::shown::shown_path(&target)))
    }
}

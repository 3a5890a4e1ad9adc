//! The library reader's state: the list of briefings, the views across them (every
//! briefing's sections, the merged timeline, the source index and one source's statements)
//! and the briefing opened from them, which is an ordinary [`App`]. It changes only in
//! [`LibraryApp::update`], [`LibraryApp::apply_loaded`] and [`LibraryApp::note_changes`];
//! no terminal and no threads here (those are in `events.rs`), so tests drive it directly.

use super::action::Action;
use super::app::{App, Effect, ListState};
use super::keymap::Keymap;
use super::theme::Theme;
use crate::config::Config;
use crate::library::{
    Change, DocId, EntryState, Library, Loaded, Selection, SourceEntry, SourceKey, TimelineEntry,
};
use crate::model::{Briefing, Section, Sentence};
use std::path::PathBuf;

/// Which library view is on screen (under the opened briefing, if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The briefings, newest first.
    List,
    /// The four section panes across every briefing.
    All,
    /// Every dated reference of every briefing.
    Timeline,
    /// Every speaker across the library.
    Sources,
    /// One speaker's statements, grouped by briefing.
    Statements,
}

/// The all-briefings view: section panes over every loaded briefing.
#[derive(Debug, Clone)]
pub struct AllState {
    /// Each section's sentences, briefing by briefing in library order.
    pub items: [Vec<Selection>; 4],
    pub panes: [ListState; 4],
    pub focus: Section,
    /// Only this speaker's statements (the source filter across the library).
    pub only: Option<SourceKey>,
}

impl Default for AllState {
    fn default() -> AllState {
        AllState {
            items: Default::default(),
            panes: Default::default(),
            focus: Section::Allegation,
            only: None,
        }
    }
}

/// A briefing opened from the library.
#[derive(Debug, Clone)]
pub struct Opened {
    pub doc: DocId,
    pub app: App,
    /// The reader's correction count when the library last took its briefing.
    pub seen: u64,
}

/// Where a library view is: its screen, the focused section of the all-briefings view, and
/// the selected row of the view's list (restored when a search is cancelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub screen: Screen,
    pub section: Section,
    pub row: usize,
}

/// The whole state of the library reader.
#[derive(Debug, Clone)]
pub struct LibraryApp {
    pub library: Library,
    pub(super) config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    pub color: bool,
    pub ascii: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub screen: Screen,
    /// The briefings in library order, and the selected row.
    pub order: Vec<DocId>,
    pub list: ListState,
    /// Whether the person moved in the list; until then the top row stays selected while
    /// briefings arrive.
    pub(super) list_moved: bool,
    pub all: AllState,
    pub timeline: Vec<TimelineEntry>,
    pub timeline_list: ListState,
    pub sources: Vec<SourceEntry>,
    pub sources_list: ListState,
    /// The speaker whose statements are listed, and the statements.
    pub statements_of: Option<SourceKey>,
    pub statements: Vec<Selection>,
    pub statements_list: ListState,
    pub opened: Option<Opened>,
    /// The help overlay's scroll, when it is open.
    pub help: Option<usize>,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// A count prefix being typed (`5` of `5j`).
    pub count: Option<usize>,
    /// The search prompt, while it is open: where the view was when it opened.
    pub prompt: Option<Spot>,
    /// The search query of the library views; kept for n / N after the prompt closes.
    pub query: String,
    /// The folder every briefing is in (at some depth): the list shows file paths from here,
    /// so the rows of `--recursive` show their subfolders.
    pub file_base: PathBuf,
    /// The library generation each view was built at (list, all, timeline, sources).
    pub(super) built: [Option<u64>; 4],
    /// Merges across the library: the picked source, and the undo history.
    pub merges: super::library_edits::MergeState,
}

/// Rows of the screen the library views take: everything but the status bar, and the
/// sentence box under the lists that show sentences.
pub fn body_rows(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(1)
}

/// Height of the sentence box under the all-briefings view, the timeline and statements.
pub fn detail_rows(size: (u16, u16)) -> u16 {
    let body = body_rows(size);
    if body >= 20 { body * 3 / 10 } else { 0 }
}

impl LibraryApp {
    /// A reader over `library` (usually still loading) at the given terminal size.
    pub fn new(
        library: Library,
        config: &Config,
        color: bool,
        ascii: bool,
        size: (u16, u16),
    ) -> LibraryApp {
        let mut app = LibraryApp {
            library,
            config: config.clone(),
            keymap: config.keymap.clone(),
            theme: Theme::new(&config.theme, color, ascii, &Briefing::default()),
            color,
            ascii,
            size,
            screen: Screen::List,
            order: Vec::new(),
            list: ListState::default(),
            list_moved: false,
            all: AllState::default(),
            timeline: Vec::new(),
            timeline_list: ListState::default(),
            sources: Vec::new(),
            sources_list: ListState::default(),
            statements_of: None,
            statements: Vec::new(),
            statements_list: ListState::default(),
            opened: None,
            help: None,
            message: None,
            count: None,
            prompt: None,
            query: String::new(),
            file_base: PathBuf::new(),
            built: [None; 4],
            merges: Default::default(),
        };
        app.refresh();
        app
    }

    /// The selected briefing of the list.
    pub fn selected_doc(&self) -> Option<DocId> {
        self.order.get(self.list.selected).copied()
    }

    /// The sentence a view points at: the selected row of the all-briefings view, the
    /// timeline or the statements.
    pub fn selected_sentence(&self) -> Option<Selection> {
        match self.screen {
            Screen::All => {
                let i = self.all.focus.index();
                self.all.items[i].get(self.all.panes[i].selected).copied()
            }
            Screen::Timeline => self
                .timeline
                .get(self.timeline_list.selected)
                .map(TimelineEntry::selection),
            Screen::Statements => self.statements.get(self.statements_list.selected).copied(),
            Screen::List | Screen::Sources => None,
        }
    }

    /// A sentence of the library, if its briefing is loaded.
    pub fn sentence(&self, sel: Selection) -> Option<&Sentence> {
        self.library.briefing(sel.doc)?.sentences.get(sel.sentence)
    }

    /// A briefing's title cut to `width` columns, for tagging rows.
    pub fn short_title(&self, doc: DocId, width: usize) -> String {
        let title = self.library.get(doc).map(|e| e.title()).unwrap_or_default();
        super::text::truncate(&title, width, self.ascii)
    }

    /// Rebuilds the view on screen if the library changed since it was built, keeping each
    /// selection on the same item where it still exists. Cheap when nothing changed; only
    /// the view on screen is built, so loading a large library stays fast.
    pub fn refresh(&mut self) {
        let generation = self.library.generation();
        let slot = match self.screen {
            Screen::List => 0,
            Screen::All => 1,
            Screen::Timeline => 2,
            Screen::Sources | Screen::Statements => 3,
        };
        if self.built[slot] == Some(generation) {
            return;
        }
        self.built[slot] = Some(generation);
        match slot {
            0 => {
                let keep = self.selected_doc();
                self.order = self.library.order();
                self.file_base = common_folder(self.library.entries().iter().map(|e| &e.path));
                if self.list_moved {
                    self.list.selected = place(&self.order, keep, self.list.selected);
                }
            }
            1 => self.build_all(),
            2 => {
                let keep = self
                    .timeline
                    .get(self.timeline_list.selected)
                    .map(|t| (t.doc, t.index));
                self.timeline = self.library.timeline();
                let keys: Vec<_> = self.timeline.iter().map(|t| (t.doc, t.index)).collect();
                self.timeline_list.selected = place(&keys, keep, self.timeline_list.selected);
            }
            _ => {
                let keep = self
                    .sources
                    .get(self.sources_list.selected)
                    .map(|s| s.key.clone());
                self.sources = self.library.sources();
                let keys: Vec<_> = self.sources.iter().map(|s| s.key.clone()).collect();
                self.sources_list.selected = place(&keys, keep, self.sources_list.selected);
                let keep = self.statements.get(self.statements_list.selected).copied();
                self.statements = self
                    .statements_of
                    .as_ref()
                    .and_then(|k| self.sources.iter().find(|s| &s.key == k))
                    .map(|s| s.statements().collect())
                    .unwrap_or_default();
                self.statements_list.selected =
                    place(&self.statements, keep, self.statements_list.selected);
            }
        }
        self.fix_scroll();
    }

    fn build_all(&mut self) {
        let keep: Vec<Option<Selection>> = Section::ALL
            .iter()
            .map(|s| {
                let i = s.index();
                self.all.items[i].get(self.all.panes[i].selected).copied()
            })
            .collect();
        let mut items: [Vec<Selection>; 4] = Default::default();
        for doc in self.library.order() {
            let Some(b) = self.library.briefing(doc) else {
                continue;
            };
            for s in &b.sentences {
                if let Some(key) = &self.all.only
                    && !s
                        .speakers
                        .iter()
                        .filter_map(|&id| b.sources.get(id))
                        .any(|src| &SourceKey::of(src) == key)
                {
                    continue;
                }
                items[s.section.index()].push(Selection {
                    doc,
                    sentence: s.id,
                });
            }
        }
        for s in Section::ALL {
            let i = s.index();
            self.all.panes[i].selected = place(&items[i], keep[i], self.all.panes[i].selected);
        }
        self.all.items = items;
    }

    /// Applies one analysis result from the loader. If it is the opened briefing, the
    /// reader is rebuilt on the new analysis with the selection on the same sentence where
    /// it still exists. Call [`LibraryApp::refresh`] after a batch of these.
    pub fn apply_loaded(&mut self, loaded: Loaded) {
        let doc = loaded.doc;
        let opened = self.opened.as_ref().filter(|o| o.doc == doc);
        let selection = opened.and_then(|o| {
            o.app.current_sentence().map(|s| Selection {
                doc,
                sentence: s.id,
            })
        });
        let was_open = opened.is_some();
        let failed = loaded.result.as_ref().err().cloned();
        let selection = self.library.apply(loaded, selection);
        if !was_open {
            return;
        }
        if let Some(reason) = failed {
            self.set_opened_message(format!("reloading failed: {reason}"));
            return;
        }
        let Some(old) = self.opened.take() else {
            return;
        };
        let mut app = self.new_app(doc).unwrap_or(old.app.clone());
        // The undo history outlives a reload: the corrections are the file's either way.
        app.edits.history = old.app.edits.history.clone();
        app.view = old.app.view;
        app.timeline_shown = old.app.timeline_shown;
        if let Some(sel) = selection {
            app.select_sentence(sel.sentence);
        }
        app.message = Some("reloaded: the file changed on disk".into());
        let seen = app.edits.generation;
        self.opened = Some(Opened { doc, app, seen });
    }

    /// Takes paths the watcher reported: changed and new files are to be analysed (the
    /// returned jobs, for the loader), deleted ones are marked gone.
    pub fn note_changes(&mut self, paths: &[PathBuf]) -> Vec<(DocId, PathBuf)> {
        let mut jobs = Vec::new();
        for path in paths {
            match self.library.note_change(path) {
                Change::Load(doc, path) => {
                    if !jobs.iter().any(|(d, _)| *d == doc) {
                        jobs.push((doc, path));
                    }
                }
                Change::Gone(doc) => {
                    if self.opened.as_ref().is_some_and(|o| o.doc == doc) {
                        self.set_opened_message("this file was deleted on disk".into());
                    }
                }
                Change::Ignored => {}
            }
        }
        jobs
    }

    fn set_opened_message(&mut self, m: String) {
        if let Some(o) = &mut self.opened {
            o.app.message = Some(m);
        }
    }

    fn new_app(&self, doc: DocId) -> Option<App> {
        let entry = self.library.get(doc)?;
        let briefing = entry.briefing()?.clone();
        let name = entry.path.display().to_string();
        let mut app = App::new(
            briefing,
            &name,
            &self.config,
            self.color,
            self.ascii,
            self.size,
        );
        app.in_library = true;
        Some(app.with_corrections_file(
            crate::corrections::file::path_for(&entry.path),
            Some(entry.path.clone()),
        ))
    }

    /// Opens a briefing in the reader, on a sentence if given.
    pub fn open(&mut self, doc: DocId, sentence: Option<usize>) -> Effect {
        let Some(entry) = self.library.get(doc) else {
            return Effect::None;
        };
        let why = match &entry.state {
            EntryState::Loaded(_) => None,
            EntryState::Loading => Some("still being analysed".to_owned()),
            EntryState::Failed(e) => Some(format!("cannot be opened: {e}")),
            EntryState::Gone => Some("was deleted".to_owned()),
        };
        if let Some(why) = why {
            self.message = Some(format!("{} {why}", entry.title()));
            return Effect::Redraw;
        }
        let Some(mut app) = self.new_app(doc) else {
            return Effect::None;
        };
        if let Some(id) = sentence {
            app.select_sentence(id);
        }
        let back = self.keymap.keys_for(&Action::OpenLibrary);
        let back = back.split('/').next().unwrap_or("L");
        app.message = Some(format!("esc or {back}: back to the library"));
        let seen = app.edits.generation;
        self.opened = Some(Opened { doc, app, seen });
        Effect::Redraw
    }

    /// The name of the speaker the all-briefings view is filtered to.
    pub fn only_name(&self) -> Option<String> {
        let key = self.all.only.as_ref()?;
        let found = self.library.entries().iter().find_map(|e| {
            e.briefing()?
                .sources
                .iter()
                .find(|s| &SourceKey::of(s) == key)
                .map(|s| s.name.clone())
        });
        Some(found.unwrap_or_else(|| key.name.clone()))
    }

    /// Rows a list of the current view shows at once.
    pub fn list_rows(&self) -> usize {
        let body = body_rows(self.size) as usize;
        match self.screen {
            // Border and header row.
            Screen::List | Screen::Sources => body.saturating_sub(3),
            Screen::Timeline | Screen::Statements => {
                body.saturating_sub(detail_rows(self.size) as usize + 2)
            }
            Screen::All => {
                let lists = body.saturating_sub(detail_rows(self.size) as usize);
                (lists / 2).saturating_sub(2)
            }
        }
        .max(1)
    }

    /// Keeps each list's selected row in view.
    pub(super) fn fix_scroll(&mut self) {
        let rows = self.list_rows();
        let fix = |l: &mut ListState, len: usize| {
            l.selected = l.selected.min(len.saturating_sub(1));
            if l.selected < l.offset {
                l.offset = l.selected;
            } else if l.selected >= l.offset + rows {
                l.offset = l.selected + 1 - rows;
            }
            l.offset = l.offset.min(len.saturating_sub(rows));
        };
        match self.screen {
            Screen::List => fix(&mut self.list, self.order.len()),
            Screen::All => {
                for s in Section::ALL {
                    let i = s.index();
                    fix(&mut self.all.panes[i], self.all.items[i].len());
                }
            }
            Screen::Timeline => fix(&mut self.timeline_list, self.timeline.len()),
            Screen::Sources => fix(&mut self.sources_list, self.sources.len()),
            Screen::Statements => fix(&mut self.statements_list, self.statements.len()),
        }
    }
}

/// The deepest folder that holds every path (empty when they share none).
fn common_folder<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> PathBuf {
    let mut base: Option<PathBuf> = None;
    for p in paths {
        let parent = p.parent().unwrap_or(std::path::Path::new(""));
        base = Some(match base {
            None => parent.to_path_buf(),
            Some(b) => b
                .components()
                .zip(parent.components())
                .take_while(|(x, y)| x == y)
                .map(|(x, _)| x)
                .collect(),
        });
    }
    base.unwrap_or_default()
}

/// Where a kept item is in a rebuilt list (else the old row, within the list).
fn place<T: PartialEq>(items: &[T], keep: Option<T>, old: usize) -> usize {
    keep.and_then(|k| items.iter().position(|x| *x == k))
        .unwrap_or(old)
        .min(items.len().saturating_sub(1))
}

//! The library reader's state: the list of briefings, the views across them (every
//! briefing's sections, the merged timeline, the source index and one source's statements)
//! and the briefing opened from them, which is an ordinary [`App`]. It changes only in
//! [`LibraryApp::update`], [`LibraryApp::apply_loaded`] and [`LibraryApp::note_changes`];
//! no terminal and no threads here (those are in `events.rs`), so tests drive it directly.

use super::action::Action;
use super::app::{App, Effect, Focus, ListState};
use super::keymap::Keymap;
use super::theme::Theme;
use super::update::move_in;
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

/// The whole state of the library reader.
#[derive(Debug, Clone)]
pub struct LibraryApp {
    pub library: Library,
    config: Config,
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
    list_moved: bool,
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
    /// The library generation each view was built at (list, all, timeline, sources).
    built: [Option<u64>; 4],
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
        let app = App::new(
            briefing,
            &name,
            &self.config,
            self.color,
            self.ascii,
            self.size,
        );
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

    /// Applies one action: to the opened briefing if there is one (except the way back),
    /// else to the library view on screen.
    pub fn update(&mut self, action: Action) -> Effect {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            if let Some(o) = &mut self.opened {
                o.app.update(action);
            }
            self.fix_scroll();
            return Effect::Redraw;
        }
        if action == Action::Quit {
            return Effect::Quit;
        }
        if let Some(o) = &mut self.opened {
            let app = &o.app;
            let nothing_to_close =
                app.overlay.is_none() && app.query.is_empty() && app.focus != Focus::Timeline;
            let back =
                action == Action::OpenLibrary || (action == Action::Close && nothing_to_close);
            if !back {
                let effect = o.app.update(action);
                if o.app.edits.generation != o.seen {
                    // A correction: the library's views show the corrected briefing.
                    o.seen = o.app.edits.generation;
                    let b = o.app.briefing.clone();
                    let doc = o.doc;
                    self.library.set(doc, EntryState::Loaded(b));
                }
                return effect;
            }
            self.opened = None;
            self.refresh();
            return Effect::Redraw;
        }
        let had_message = self.message.take().is_some();
        let effect = match self.help {
            Some(scroll) => self.update_help(action, scroll),
            None => self.update_view(action),
        };
        self.refresh();
        self.fix_scroll();
        match effect {
            Effect::None if had_message => Effect::Redraw,
            e => e,
        }
    }

    fn update_help(&mut self, action: Action, scroll: usize) -> Effect {
        self.help = match action {
            Action::Close | Action::Help => None,
            Action::SelectNext => Some(scroll + 1),
            Action::SelectPrev => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some(scroll + 10),
            Action::PageUp => Some(scroll.saturating_sub(10)),
            Action::SelectFirst => Some(0),
            Action::SelectLast => Some(usize::MAX / 2),
            _ => return Effect::None,
        };
        Effect::Redraw
    }

    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.refresh();
    }

    fn update_view(&mut self, action: Action) -> Effect {
        if action == Action::Close && self.cancel_merge() {
            return Effect::Redraw;
        }
        match action {
            Action::Help => self.help = Some(0),
            Action::OpenLibrary => self.show(Screen::List),
            Action::OpenAllBriefings => self.show(Screen::All),
            Action::OpenMergedTimeline => self.show(Screen::Timeline),
            Action::OpenSources | Action::OpenFilter => self.show(Screen::Sources),
            Action::Close => match self.screen {
                Screen::List => return Effect::None,
                Screen::All if self.all.only.is_some() => self.set_only(None),
                Screen::Statements => self.show(Screen::Sources),
                _ => self.show(Screen::List),
            },
            Action::Activate => return self.activate(),
            Action::MergeSource | Action::Undo | Action::Redo => return self.edit_sources(action),
            Action::OnlySpeaker => return self.only_speaker(),
            Action::FocusNext | Action::FocusPrev if self.screen == Screen::All => {
                let i = self.all.focus.index();
                let next = if action == Action::FocusNext {
                    (i + 1) % 4
                } else {
                    (i + 3) % 4
                };
                self.all.focus = Section::ALL[next];
            }
            Action::FocusAllegations if self.screen == Screen::All => {
                self.all.focus = Section::Allegation
            }
            Action::FocusDenials if self.screen == Screen::All => self.all.focus = Section::Denial,
            Action::FocusResponses if self.screen == Screen::All => {
                self.all.focus = Section::Response
            }
            Action::FocusContext if self.screen == Screen::All => self.all.focus = Section::Context,
            other => {
                let page = self.page_size();
                let moved = match self.screen {
                    Screen::List => {
                        let len = self.order.len();
                        let moved = move_in(&mut self.list, len, &other, page);
                        self.list_moved |= moved;
                        moved
                    }
                    Screen::All => {
                        let i = self.all.focus.index();
                        let len = self.all.items[i].len();
                        move_in(&mut self.all.panes[i], len, &other, page)
                    }
                    Screen::Timeline => {
                        let len = self.timeline.len();
                        move_in(&mut self.timeline_list, len, &other, page)
                    }
                    Screen::Sources => {
                        let len = self.sources.len();
                        move_in(&mut self.sources_list, len, &other, page)
                    }
                    Screen::Statements => {
                        let len = self.statements.len();
                        move_in(&mut self.statements_list, len, &other, page)
                    }
                };
                if !moved {
                    return Effect::None;
                }
            }
        }
        Effect::Redraw
    }

    fn activate(&mut self) -> Effect {
        match self.screen {
            Screen::List => match self.selected_doc() {
                Some(doc) => self.open(doc, None),
                None => Effect::None,
            },
            Screen::Sources => {
                let Some(s) = self.sources.get(self.sources_list.selected) else {
                    return Effect::None;
                };
                self.statements_of = Some(s.key.clone());
                self.statements = s.statements().collect();
                self.statements_list = ListState::default();
                self.screen = Screen::Statements;
                Effect::Redraw
            }
            _ => match self.selected_sentence() {
                Some(sel) => self.open(sel.doc, Some(sel.sentence)),
                None => Effect::None,
            },
        }
    }

    /// "Only this speaker" across the library: in the source index or a statement, that
    /// source; in the all-briefings view, the selected sentence's first speaker (again:
    /// everyone).
    fn only_speaker(&mut self) -> Effect {
        let key = match self.screen {
            Screen::Sources => self
                .sources
                .get(self.sources_list.selected)
                .map(|s| s.key.clone()),
            Screen::Statements => self.statements_of.clone(),
            Screen::All => {
                let Some(sel) = self.selected_sentence() else {
                    return Effect::None;
                };
                let b = self.library.briefing(sel.doc);
                let first = b.and_then(|b| {
                    let s = b.sentences.get(sel.sentence)?;
                    b.sources.get(*s.speakers.first()?)
                });
                match first.map(SourceKey::of) {
                    Some(k) if self.all.only.as_ref() != Some(&k) => Some(k),
                    _ => None,
                }
            }
            _ => return Effect::None,
        };
        if key.is_none() && self.screen != Screen::All {
            return Effect::None;
        }
        self.screen = Screen::All;
        self.set_only(key);
        Effect::Redraw
    }

    /// Sets the all-briefings view's source filter and rebuilds it.
    pub fn set_only(&mut self, key: Option<SourceKey>) {
        self.all.only = key;
        self.built[1] = None;
        if self.all.only.is_some() {
            // Focus the first section the speaker has statements in.
            self.refresh();
            if let Some(s) = Section::ALL
                .into_iter()
                .find(|s| !self.all.items[s.index()].is_empty())
            {
                self.all.focus = s;
            }
        }
        self.refresh();
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

    fn page_size(&self) -> usize {
        (self.list_rows() / 2).max(1)
    }

    /// Keeps each list's selected row in view.
    fn fix_scroll(&mut self) {
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

/// Where a kept item is in a rebuilt list (else the old row, within the list).
fn place<T: PartialEq>(items: &[T], keep: Option<T>, old: usize) -> usize {
    keep.and_then(|k| items.iter().position(|x| *x == k))
        .unwrap_or(old)
        .min(items.len().saturating_sub(1))
}

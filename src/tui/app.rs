//! The reader's state: what is shown, focused, selected and filtered. It changes only in
//! [`App::update`] (see `update.rs`); widgets read it through `&App`.

use super::filter::{self, Entry, SourceFilter};
use super::keymap::Keymap;
use super::text::{Query, SearchIndex};
use super::theme::Theme;
use crate::config::Config;
use crate::model::{Briefing, Section, Sentence};

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A section pane (in the document view: the document).
    Pane(Section),
    /// The timeline sidebar.
    Timeline,
}

/// The main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The four section panes.
    Panes,
    /// The whole briefing in reading order.
    Document,
}

/// Selection and scroll of one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first row shown (for the document: the first line).
    pub offset: usize,
}

/// The source filter popup while it is open: it edits a copy of the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterState {
    pub entries: Vec<Entry>,
    /// Sentence count of each entry.
    pub counts: Vec<usize>,
    pub list: ListState,
    /// The filter being edited; applied on Enter, dropped on Esc.
    pub pending: SourceFilter,
}

/// Where the reader was when the search prompt opened, restored when it is cancelled.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub focus: Focus,
    pub panes: [ListState; 4],
    pub document: ListState,
    pub sentence: Option<usize>,
}

/// An overlay over the reader; the topmost gets the keys first.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Key bindings and the highlighting legend.
    Help { scroll: usize },
    /// The source filter popup.
    Filter(FilterState),
    /// The search prompt: the query is typed into [`App::query`].
    Search(Snapshot),
    /// A correction being made: a picker or a prompt (see `edits.rs`).
    Edit(super::edits::Picker),
}

/// What the event loop should do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed: do not redraw.
    None,
    /// Something changed: redraw.
    Redraw,
    /// Copy `text` to the clipboard, then say what was copied (`what`: "sentence 4").
    Copy { text: String, what: String },
    /// Give the terminal back to the shell until it continues the reader (ctrl-z).
    Suspend,
    /// Leave the reader.
    Quit,
}

/// The whole state of the reader.
#[derive(Debug, Clone)]
pub struct App {
    pub briefing: Briefing,
    /// What the status bar calls the document when it has no title (its path).
    pub name: String,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Whether mouse events are acted on.
    pub mouse: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub focus: Focus,
    pub view: View,
    /// The pane focus returns to from the timeline.
    pub last_pane: Section,
    /// Whether the timeline sidebar is shown; `None` until toggled: shown when wide enough.
    pub timeline_shown: Option<bool>,
    pub panes: [ListState; 4],
    pub document: ListState,
    pub timeline: ListState,
    /// The applied source filter.
    pub filter: SourceFilter,
    /// Visible sentence ids of each section, in document order.
    pub section_items: [Vec<usize>; 4],
    /// Visible sentence ids in document order.
    pub doc_items: Vec<usize>,
    /// Visible indices into the briefing's timeline.
    pub timeline_items: Vec<usize>,
    pub overlay: Option<Overlay>,
    /// The search query; matches stay highlighted after the prompt closes, until Esc.
    pub query: String,
    /// Sentence ids matching the query among the visible ones, kept by `update`.
    pub matches: Vec<usize>,
    /// A one-off message for the status bar ("copied").
    pub message: Option<String>,
    /// Lines of the document view's first block (`document.offset`) scrolled above the top.
    pub document_skip: usize,
    /// Indices into the briefing's timeline in sentence order, so the detail pane finds a
    /// sentence's time references without going through the whole timeline.
    pub times_by_sentence: Vec<usize>,
    /// The sentences folded for searching, built on the first search.
    pub search_index: Option<SearchIndex>,
    /// The source filter popup's rows and their sentence counts, counted when it first opens.
    pub filter_rows: Option<(Vec<Entry>, Vec<usize>)>,
    /// The analyst's corrections: where they are saved, their undo history.
    pub edits: super::edits::EditState,
    /// A count prefix being typed (`5` of `5j`).
    pub count: Option<usize>,
    /// Lines of the detail pane scrolled above its top (back to 0 for another sentence).
    pub detail_scroll: usize,
    /// Whether this reader was opened from the library (its help lists the way back).
    pub in_library: bool,
}

impl App {
    /// The same reader with its colours brought to what the terminal shows.
    pub fn with_color_depth(mut self, depth: super::caps::ColorDepth) -> App {
        self.theme.depth = depth;
        self
    }

    /// A reader over `briefing` at the given terminal size.
    pub fn new(
        briefing: Briefing,
        name: &str,
        config: &Config,
        color: bool,
        ascii: bool,
        size: (u16, u16),
    ) -> App {
        let theme = Theme::new(&config.theme, color, ascii, &briefing);
        let first = Section::ALL
            .into_iter()
            .find(|&s| briefing.in_section(s).next().is_some())
            .unwrap_or(Section::Allegation);
        let mut app = App {
            briefing,
            name: name.to_owned(),
            keymap: config.keymap.clone(),
            theme,
            mouse: config.mouse,
            size,
            focus: Focus::Pane(first),
            view: View::Panes,
            last_pane: first,
            timeline_shown: None,
            panes: [ListState::default(); 4],
            document: ListState::default(),
            timeline: ListState::default(),
            filter: SourceFilter::all(),
            section_items: Default::default(),
            doc_items: Vec::new(),
            timeline_items: Vec::new(),
            overlay: None,
            query: String::new(),
            matches: Vec::new(),
            message: None,
            document_skip: 0,
            times_by_sentence: Vec::new(),
            search_index: None,
            filter_rows: None,
            edits: Default::default(),
            count: None,
            detail_scroll: 0,
            in_library: false,
        };
        let mut times: Vec<usize> = (0..app.briefing.timeline.len()).collect();
        times.sort_by_key(|&i| app.briefing.timeline[i].sentence);
        app.times_by_sentence = times;
        app.refresh_items();
        app
    }

    /// Recomputes the visible lists from the filter (selection is fixed up by the caller).
    pub(super) fn refresh_items(&mut self) {
        self.doc_items = filter::visible(&self.briefing, &self.filter);
        // One pass over the sentences for all four sections.
        for items in &mut self.section_items {
            items.clear();
        }
        for &id in &self.doc_items {
            let section = self.briefing.sentences[id].section;
            self.section_items[section.index()].push(id);
        }
        self.timeline_items = filter::visible_timeline(&self.briefing, &self.filter);
        self.refresh_matches();
    }

    /// A sentence's time references, in timeline order.
    pub fn times_of(&self, id: usize) -> impl Iterator<Item = &crate::model::TimeRef> {
        let timeline = &self.briefing.timeline;
        let by = &self.times_by_sentence;
        let from = by.partition_point(|&i| timeline[i].sentence < id);
        by[from..]
            .iter()
            .map(|&i| &timeline[i])
            .take_while(move |t| t.sentence == id)
    }

    /// Whether the timeline sidebar is on screen: when focused, when the user asked for it
    /// (`t`), and by default in the panes of a wide screen. The document view is full width
    /// by default, so its scrolling moves whole rows (see `tui::paint`) and nothing beside it
    /// has to be drawn again.
    pub fn timeline_visible(&self) -> bool {
        self.focus == Focus::Timeline
            || self
                .timeline_shown
                .unwrap_or(self.size.0 >= 100 && self.view == View::Panes)
    }

    /// The sentence the detail pane shows and the keys act on.
    pub fn current_sentence(&self) -> Option<&Sentence> {
        let id = match (self.focus, self.view) {
            (Focus::Timeline, _) => {
                let i = *self.timeline_items.get(self.timeline.selected)?;
                self.briefing.timeline.get(i)?.sentence
            }
            (Focus::Pane(_), View::Document) => *self.doc_items.get(self.document.selected)?,
            (Focus::Pane(s), View::Panes) => {
                *self.section_items[s.index()].get(self.panes[s.index()].selected)?
            }
        };
        self.briefing.sentences.get(id)
    }

    /// The selected sentence of a section pane.
    pub fn pane_selected(&self, section: Section) -> Option<usize> {
        let i = section.index();
        self.section_items[i].get(self.panes[i].selected).copied()
    }

    /// The section pane that is focused, or that focus returns to from the timeline.
    pub fn active_pane(&self) -> Section {
        match self.focus {
            Focus::Pane(s) => s,
            Focus::Timeline => self.last_pane,
        }
    }

    /// Sentence ids matching the search query, in document order.
    pub fn search_matches(&self) -> &[usize] {
        &self.matches
    }

    /// Recomputes the matches after the query or the visible sentences changed.
    pub(super) fn refresh_matches(&mut self) {
        self.matches.clear();
        if self.query.is_empty() {
            return;
        }
        let sentences = &self.briefing.sentences;
        let index = self
            .search_index
            .get_or_insert_with(|| SearchIndex::new(sentences));
        let found = index.find(&Query::new(&self.query));
        self.matches = if self.filter.is_all() {
            found
        } else {
            // Both in id order: keep the matches the filter shows.
            let mut visible = self.doc_items.iter().peekable();
            found
                .into_iter()
                .filter(|&id| {
                    while visible.next_if(|&&v| v < id).is_some() {}
                    visible.peek() == Some(&&id)
                })
                .collect()
        };
    }

    /// Narrows the matches after a character was added to the query: a sentence that did not
    /// match the shorter query cannot match the longer one, so only the matches are searched.
    pub(super) fn narrow_matches(&mut self) {
        let Some(index) = self.search_index.as_ref() else {
            return self.refresh_matches();
        };
        if self.query.chars().count() <= 1 {
            return self.refresh_matches();
        }
        let query = Query::new(&self.query);
        self.matches.retain(|&id| index.contains(id, &query));
    }

    /// The query to highlight, if any.
    pub fn highlight_query(&self) -> Option<&str> {
        (!self.query.is_empty()).then_some(self.query.as_str())
    }
}

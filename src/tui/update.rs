//! `App::update`: every state change, driven by an [`Action`]. No terminal here.

use super::action::Action;
use super::app::{App, Effect, FilterState, Focus, ListState, Overlay, Snapshot, View};
use super::filter::{self, SourceFilter};
use crate::model::Section;

/// Rows a timeline entry takes in the sidebar.
pub const TIMELINE_ROWS: usize = 2;

impl App {
    /// Applies one action. The topmost overlay sees it first.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Resize(w, h) => {
                if self.size == (w, h) {
                    return Effect::None;
                }
                self.size = (w, h);
                self.fix_scroll();
                return Effect::Redraw;
            }
            Action::QuitNow => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Notify(m) => {
                self.message = Some(m);
                return Effect::Redraw;
            }
            Action::ClearMessage => {
                return match self.message.take() {
                    Some(_) => Effect::Redraw,
                    None => Effect::None,
                };
            }
            Action::Digit(d) => {
                self.count = Some(push_digit(self.count, d));
                return Effect::Redraw;
            }
            _ => {}
        }
        let count = self.count.take();
        let had_message = self.message.take().is_some();
        let before = self.current_sentence().map(|s| s.id);
        // The document view stays where it is unless the selection moved (a line scroll
        // moves the view itself, and the selection only to keep it on screen).
        let line_scroll = self.overlay.is_none()
            && self.view == View::Document
            && self.focus != Focus::Timeline
            && matches!(action, Action::SelectNext | Action::SelectPrev);
        let doc_before = (self.document.selected, self.doc_items.len());
        let effect = match self.overlay.take() {
            Some(Overlay::Search(snap)) => self.update_search(action, snap),
            Some(Overlay::Filter(state)) => self.update_filter(action, state, count),
            Some(Overlay::Help { scroll }) => self.update_help(action, scroll),
            Some(Overlay::Edit(picker)) => self.update_edit(action, picker),
            None if action == Action::Quit => return Effect::Quit,
            None => self.update_reader(action, count),
        };
        if self.current_sentence().map(|s| s.id) != before {
            self.detail_scroll = 0;
        }
        self.fix_scroll_as(
            line_scroll || (self.document.selected, self.doc_items.len()) == doc_before,
        );
        match effect {
            Effect::None if had_message || count.is_some() => Effect::Redraw,
            e => e,
        }
    }

    fn update_help(&mut self, action: Action, scroll: usize) -> Effect {
        let scroll = match action {
            Action::Close | Action::Help | Action::Quit => return Effect::Redraw,
            Action::SelectNext => scroll + 1,
            Action::SelectPrev => scroll.saturating_sub(1),
            Action::PageDown | Action::PageForward => scroll + 10,
            Action::PageUp | Action::PageBack => scroll.saturating_sub(10),
            Action::SelectFirst => 0,
            Action::SelectLast => usize::MAX / 2,
            _ => {
                self.overlay = Some(Overlay::Help { scroll });
                return Effect::None;
            }
        };
        self.overlay = Some(Overlay::Help { scroll });
        Effect::Redraw
    }

    fn update_filter(
        &mut self,
        action: Action,
        mut state: FilterState,
        count: Option<usize>,
    ) -> Effect {
        let len = state.entries.len();
        match action {
            // esc or q with a source picked to merge: the pick is the level they close.
            Action::Close | Action::Quit if self.edits.merge_from.take().is_some() => {}
            Action::Close | Action::OpenFilter | Action::Quit => {
                self.edits.merge_from = None;
                return Effect::Redraw;
            }
            Action::MergeSource => return self.merge_in_filter(state),
            Action::Activate => {
                self.apply_filter(state.pending);
                return Effect::Redraw;
            }
            Action::ToggleEntry => {
                if let Some(e) = state.entries.get(state.list.selected) {
                    filter::toggle(&mut state.pending, e);
                }
            }
            Action::SelectAll => state.pending = SourceFilter::all(),
            Action::SelectNone => state.pending = SourceFilter::only(&self.briefing, &[]),
            Action::Click(..) | Action::Scroll(..) => {}
            other => {
                if !move_in(&mut state.list, len, &other, 10, count) {
                    self.overlay = Some(Overlay::Filter(state));
                    return Effect::None;
                }
            }
        }
        self.overlay = Some(Overlay::Filter(state));
        Effect::Redraw
    }

    fn update_search(&mut self, action: Action, snap: Snapshot) -> Effect {
        match action {
            Action::Input(c) => {
                self.query.push(c);
                self.narrow_matches();
            }
            Action::DeleteChar => {
                self.query.pop();
                self.refresh_matches();
            }
            Action::Activate => return Effect::Redraw, // keep the query for n / N
            Action::Close => {
                self.query.clear();
                self.refresh_matches();
                self.focus = snap.focus;
                self.panes = snap.panes;
                self.document = snap.document;
                return Effect::Redraw;
            }
            _ => {
                self.overlay = Some(Overlay::Search(snap));
                return Effect::None;
            }
        }
        // Incremental: jump to the first match at or after where the search started.
        let start = snap.sentence.unwrap_or(0);
        let matches = self.search_matches();
        let target = matches
            .get(matches.partition_point(|&id| id < start))
            .or(matches.first());
        if let Some(&id) = target {
            self.select_sentence(id);
        } else {
            self.focus = snap.focus;
            self.panes = snap.panes;
            self.document = snap.document;
        }
        self.overlay = Some(Overlay::Search(snap));
        Effect::Redraw
    }

    fn update_reader(&mut self, action: Action, count: Option<usize>) -> Effect {
        let page = self.page_rows();
        match action {
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::OpenFilter => {
                // The rows and their counts depend on the briefing alone: counted once.
                let briefing = &self.briefing;
                let (entries, counts) = self
                    .filter_rows
                    .get_or_insert_with(|| {
                        let entries = filter::entries(briefing);
                        let counts = filter::counts(briefing, &entries);
                        (entries, counts)
                    })
                    .clone();
                self.overlay = Some(Overlay::Filter(FilterState {
                    entries,
                    counts,
                    list: ListState::default(),
                    pending: self.filter.clone(),
                }));
            }
            Action::Search => {
                self.overlay = Some(Overlay::Search(Snapshot {
                    focus: self.focus,
                    panes: self.panes,
                    document: self.document,
                    sentence: self.current_sentence().map(|s| s.id),
                }));
                self.query.clear();
                self.refresh_matches();
            }
            Action::SearchNext | Action::SearchPrev => {
                if self.matches.is_empty() {
                    self.message = Some(if self.query.is_empty() {
                        "no search".to_owned()
                    } else {
                        format!("no match for {:?}", self.query)
                    });
                    return Effect::Redraw;
                }
                let forward = action == Action::SearchNext;
                let mut cur = self.current_sentence().map_or(0, |s| s.id);
                let mut wrapped = false;
                for _ in 0..count.unwrap_or(1).min(self.matches.len()) {
                    if let Some((id, w)) = next_match(&self.matches, cur, forward) {
                        wrapped |= w;
                        cur = id;
                    }
                }
                self.select_sentence(cur);
                if wrapped {
                    self.message = Some(wrap_notice(forward).into());
                }
            }
            Action::Close => {
                if !self.query.is_empty() {
                    self.query.clear();
                    self.refresh_matches();
                } else if self.focus == Focus::Timeline {
                    self.focus = Focus::Pane(self.last_pane);
                } else {
                    return Effect::None;
                }
            }
            Action::ToggleTimeline => {
                if self.focus == Focus::Timeline {
                    self.timeline_shown = Some(false);
                    self.focus = Focus::Pane(self.last_pane);
                } else {
                    self.timeline_shown = Some(true);
                    self.focus = Focus::Timeline;
                }
            }
            Action::ToggleDocument => {
                let cur = self.current_sentence().map(|s| s.id);
                self.view = match self.view {
                    View::Panes => View::Document,
                    View::Document => View::Panes,
                };
                if self.focus == Focus::Timeline {
                    self.focus = Focus::Pane(self.last_pane);
                }
                if let Some(id) = cur {
                    self.select_sentence(id);
                }
            }
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusAllegations => self.focus_pane(Section::Allegation),
            Action::FocusDenials => self.focus_pane(Section::Denial),
            Action::FocusResponses => self.focus_pane(Section::Response),
            Action::FocusContext => self.focus_pane(Section::Context),
            Action::OnlySpeaker => {
                let Some(s) = self.current_sentence() else {
                    return Effect::None;
                };
                let only = SourceFilter::only(&self.briefing, &filter::voices(s));
                let next = if self.filter == only {
                    SourceFilter::all()
                } else {
                    only
                };
                self.apply_filter(next);
            }
            Action::Copy => {
                let Some(s) = self.current_sentence() else {
                    return Effect::None;
                };
                return Effect::Copy {
                    text: s.text.clone(),
                    what: format!("sentence {}", s.id + 1),
                };
            }
            Action::Activate => {
                if self.focus != Focus::Timeline {
                    return Effect::None;
                }
                let Some(&i) = self.timeline_items.get(self.timeline.selected) else {
                    return Effect::None;
                };
                let id = self.briefing.timeline[i].sentence;
                self.select_sentence(id);
            }
            Action::EditSection
            | Action::EditSpeakers
            | Action::AddNote
            | Action::Undo
            | Action::Redo
            | Action::SaveCorrectionsAs => return self.start_edit(action),
            Action::DetailDown => {
                let before = self.detail_scroll;
                self.detail_scroll = before.saturating_add(count.unwrap_or(1));
                self.fix_scroll();
                if self.detail_scroll == before {
                    return Effect::None;
                }
            }
            Action::DetailUp => {
                if self.detail_scroll == 0 {
                    return Effect::None;
                }
                self.detail_scroll = self.detail_scroll.saturating_sub(count.unwrap_or(1));
            }
            Action::Scroll(x, y, dir) => return self.mouse_scroll(x, y, dir),
            Action::Click(x, y) => return self.mouse_click(x, y),
            Action::SelectNext | Action::SelectPrev
                if self.view == View::Document && self.focus != Focus::Timeline =>
            {
                // A line at a time, as less scrolls: the terminal moves the view's rows and
                // only the line that comes in is sent.
                let n = count.unwrap_or(1);
                if !self.scroll_document(action == Action::SelectNext, n) {
                    return Effect::None;
                }
            }
            other => {
                let (list, len) = self.focused_list();
                if !move_in(list, len, &other, page, count) {
                    return Effect::None;
                }
            }
        }
        Effect::Redraw
    }

    /// The focused list and its length.
    pub(super) fn focused_list(&mut self) -> (&mut ListState, usize) {
        match (self.focus, self.view) {
            (Focus::Timeline, _) => (&mut self.timeline, self.timeline_items.len()),
            (Focus::Pane(_), View::Document) => (&mut self.document, self.doc_items.len()),
            (Focus::Pane(s), View::Panes) => {
                let i = s.index();
                (&mut self.panes[i], self.section_items[i].len())
            }
        }
    }

    pub(super) fn focus_pane(&mut self, section: Section) {
        self.view = View::Panes;
        self.focus = Focus::Pane(section);
        self.last_pane = section;
    }

    fn cycle_focus(&mut self, forward: bool) {
        let mut ring: Vec<Focus> = Vec::new();
        if self.timeline_visible() {
            ring.push(Focus::Timeline);
        }
        match self.view {
            View::Panes => ring.extend(Section::ALL.map(Focus::Pane)),
            View::Document => ring.push(Focus::Pane(self.last_pane)),
        }
        let cur = ring.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = ring.len();
        let next = ring[if forward {
            (cur + 1) % n
        } else {
            (cur + n - 1) % n
        }];
        self.focus = next;
        if let Focus::Pane(s) = next {
            self.last_pane = s;
        }
    }

    /// Selects a sentence where it is shown: in the document view, or in its section's pane,
    /// which gets the focus. Sentences hidden by the filter are left alone.
    pub fn select_sentence(&mut self, id: usize) {
        let Some(sentence) = self.briefing.sentences.get(id) else {
            return;
        };
        let section = sentence.section;
        match self.view {
            View::Document => {
                // The lists are in document order, which is id order.
                if let Ok(pos) = self.doc_items.binary_search(&id) {
                    self.document.selected = pos;
                    self.focus = Focus::Pane(self.last_pane);
                }
            }
            View::Panes => {
                let i = section.index();
                if let Ok(pos) = self.section_items[i].binary_search(&id) {
                    self.panes[i].selected = pos;
                    self.focus_pane(section);
                }
            }
        }
        self.fix_scroll();
    }

    /// Replaces the applied filter, keeping each list's selection on the same sentence or the
    /// next one still shown.
    pub fn apply_filter(&mut self, next: SourceFilter) {
        let keep = |items: &[usize], sel: usize| items.get(sel).copied();
        let old_panes: Vec<Option<usize>> = Section::ALL
            .iter()
            .map(|s| {
                keep(
                    &self.section_items[s.index()],
                    self.panes[s.index()].selected,
                )
            })
            .collect();
        let old_doc = keep(&self.doc_items, self.document.selected);
        let old_tl = keep(&self.timeline_items, self.timeline.selected);
        self.filter = next;
        self.refresh_items();
        let place = |items: &[usize], old: Option<usize>| {
            old.map_or(0, |o| items.partition_point(|&x| x < o))
                .min(items.len().saturating_sub(1))
        };
        for s in Section::ALL {
            let i = s.index();
            self.panes[i].selected = place(&self.section_items[i], old_panes[i]);
        }
        self.document.selected = place(&self.doc_items, old_doc);
        self.timeline.selected = place(&self.timeline_items, old_tl);
        // A pane the filter emptied hands the focus to the first one it left something in.
        if let Focus::Pane(s) = self.focus
            && self.view == View::Panes
            && self.section_items[s.index()].is_empty()
            && let Some(next) = Section::ALL
                .into_iter()
                .find(|x| !self.section_items[x.index()].is_empty())
        {
            self.focus_pane(next);
        }
    }
}

/// The largest count a prefix can build (more rows than any list holds).
pub const MAX_COUNT: usize = 1_000_000;

/// A count prefix with one more digit typed.
pub fn push_digit(count: Option<usize>, digit: u8) -> usize {
    (count.unwrap_or(0) * 10 + usize::from(digit)).min(MAX_COUNT)
}

/// The match after (or before) sentence `cur` among `matches` (in id order), wrapping around;
/// true with it when it wrapped.
fn next_match(matches: &[usize], cur: usize, forward: bool) -> Option<(usize, bool)> {
    if forward {
        let k = matches.partition_point(|&id| id <= cur);
        match matches.get(k) {
            Some(&id) => Some((id, false)),
            None => matches.first().map(|&id| (id, true)),
        }
    } else {
        let k = matches.partition_point(|&id| id < cur);
        match k.checked_sub(1).and_then(|k| matches.get(k)) {
            Some(&id) => Some((id, false)),
            None => matches.last().map(|&id| (id, true)),
        }
    }
}

/// The status note when a search went past the end and went on from the other one.
pub fn wrap_notice(forward: bool) -> &'static str {
    if forward {
        "search wrapped: past the last match, on from the top"
    } else {
        "search wrapped: before the first match, on from the bottom"
    }
}

/// Moves a list's selection for a movement action, `count` times (a count on `g` / `G` picks
/// the row); `rows` is the height of the list on screen. False if `action` is not a move or
/// nothing moved.
pub(super) fn move_in(
    list: &mut ListState,
    len: usize,
    action: &Action,
    rows: usize,
    count: Option<usize>,
) -> bool {
    let last = len.saturating_sub(1);
    let before = list.selected;
    let n = count.unwrap_or(1);
    let half = (rows / 2).max(1).saturating_mul(n);
    let full = rows.max(1).saturating_mul(n);
    list.selected = match action {
        Action::SelectNext | Action::NextSentence => list.selected.saturating_add(n).min(last),
        Action::SelectPrev | Action::PrevSentence => list.selected.saturating_sub(n),
        Action::SelectFirst => count.map_or(0, |n| n.saturating_sub(1).min(last)),
        Action::SelectLast => count.map_or(last, |n| n.saturating_sub(1).min(last)),
        Action::PageDown => list.selected.saturating_add(half).min(last),
        Action::PageUp => list.selected.saturating_sub(half),
        Action::PageForward => list.selected.saturating_add(full).min(last),
        Action::PageBack => list.selected.saturating_sub(full),
        _ => return false,
    };
    // Nothing moved (the end of the list): nothing to draw.
    list.selected != before
}

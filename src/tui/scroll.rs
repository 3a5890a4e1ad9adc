//! Keeping selections in view (from the layout at the current size) and the mouse.

use super::action::Action;
use super::app::{App, Effect, Focus, ListState, Overlay, View};
use super::layout::{self, Areas};
use super::update::{TIMELINE_ROWS, move_in};
use super::widgets::{detail, document};
use crate::model::Section;

impl App {
    /// The height of the focused list in rows, at least 1.
    pub(super) fn page_rows(&self) -> usize {
        let a = layout::areas(self);
        let rect = match (self.focus, self.view) {
            (Focus::Timeline, _) => a.sidebar,
            (Focus::Pane(_), View::Document) => a.document,
            (Focus::Pane(s), View::Panes) => a.panes[s.index()],
        };
        let borders = if rect == a.document { 1 } else { 2 };
        let rows = rect.map_or(2, |r| r.height.saturating_sub(borders) as usize);
        let rows = if self.focus == Focus::Timeline {
            rows / TIMELINE_ROWS
        } else {
            rows
        };
        rows.max(1)
    }

    /// Scrolls the document view `n` lines down or up (see [`document::scroll_lines`]).
    pub(super) fn scroll_document(&mut self, down: bool, n: usize) -> bool {
        match layout::areas(self).document {
            Some(r) => {
                let inner = layout::document_inner(r);
                document::scroll_lines(self, inner.width.into(), inner.height.into(), down, n)
            }
            None => false,
        }
    }

    /// Keeps every list's selection inside its viewport.
    pub(super) fn fix_scroll(&mut self) {
        self.fix_scroll_as(false);
    }

    /// As [`App::fix_scroll`]; `lenient` leaves the document view where it is while its
    /// selected sentence is partly on screen (after the view was scrolled by lines, or an
    /// action that did not move the selection).
    pub(super) fn fix_scroll_as(&mut self, lenient: bool) {
        let a: Areas = layout::areas(self);
        if a.too_small {
            return;
        }
        let rows =
            |r: Option<ratatui::layout::Rect>| r.map(|r| r.height.saturating_sub(2) as usize);
        for s in Section::ALL {
            let i = s.index();
            let len = self.section_items[i].len();
            clamp_list(&mut self.panes[i], len, rows(a.panes[i]), true);
        }
        let tl_len = self.timeline_items.len();
        clamp_list(
            &mut self.timeline,
            tl_len,
            rows(a.sidebar).map(|r| r / TIMELINE_ROWS),
            true,
        );
        if self.detail_scroll > 0 {
            // No further than the last row of the sentence's particulars at the top.
            self.detail_scroll = match a.detail {
                Some(r) => {
                    let inner = layout::inner(r);
                    let h = usize::from(inner.height);
                    let want = self.detail_scroll + h;
                    let n = detail::rows(self, inner.width.into(), want).len();
                    self.detail_scroll.min(n.saturating_sub(h))
                }
                None => 0,
            };
        }
        let doc_len = self.doc_items.len();
        self.document.selected = self.document.selected.min(doc_len.saturating_sub(1));
        if let Some(r) = a.document {
            let inner = layout::document_inner(r);
            document::keep_selection_in_view(
                self,
                inner.width.into(),
                inner.height.into(),
                lenient,
            );
        }
        if let Some(Overlay::Filter(f)) = &mut self.overlay {
            let len = f.entries.len();
            clamp_list(
                &mut f.list,
                len,
                a.overlay.map(|r| r.height.saturating_sub(4) as usize),
                false,
            );
        }
    }

    pub(super) fn mouse_scroll(&mut self, x: u16, y: u16, dir: i8) -> Effect {
        if !self.mouse || self.overlay.is_some() {
            return Effect::None;
        }
        let a = layout::areas(self);
        if let Some(s) = layout::pane_at(&a, x, y) {
            self.focus_pane(s);
        }
        let action = if dir > 0 {
            Action::SelectNext
        } else {
            Action::SelectPrev
        };
        let (list, len) = self.focused_list();
        move_in(list, len, &action, 1, None);
        Effect::Redraw
    }

    pub(super) fn mouse_click(&mut self, x: u16, y: u16) -> Effect {
        if !self.mouse || self.overlay.is_some() {
            return Effect::None;
        }
        let a = layout::areas(self);
        let pos = ratatui::layout::Position { x, y };
        if let Some(s) = layout::pane_at(&a, x, y) {
            self.focus_pane(s);
            let r = a.panes[s.index()].unwrap_or_default();
            let i = s.index();
            let row = (y.saturating_sub(r.y + 1)) as usize + self.panes[i].offset;
            if row < self.section_items[i].len() {
                self.panes[i].selected = row;
            }
        } else if let Some(r) = a.sidebar.filter(|r| r.contains(pos)) {
            self.focus = Focus::Timeline;
            let row = (y.saturating_sub(r.y + 1)) as usize / TIMELINE_ROWS + self.timeline.offset;
            if row < self.timeline_items.len() {
                self.timeline.selected = row;
            }
        } else {
            return Effect::None;
        }
        Effect::Redraw
    }
}

/// Clamps a selection to the list and scrolls it into a viewport of `rows` rows. With `jump`
/// a selection that leaves the view scrolls the list by half a page, not one row: a list
/// beside another pane cannot be moved with the terminal's scrolling (a scroll region spans
/// the screen's width), so each scroll redraws the whole list, and over a slow link half a
/// page at a time costs a fraction of a redraw per key.
fn clamp_list(list: &mut ListState, len: usize, rows: Option<usize>, jump: bool) {
    list.selected = list.selected.min(len.saturating_sub(1));
    let Some(rows) = rows.filter(|&r| r > 0) else {
        return;
    };
    let step = if jump { (rows / 2).max(1) } else { 1 };
    if list.selected < list.offset {
        list.offset = list.selected.min(list.offset.saturating_sub(step));
    } else if list.selected >= list.offset + rows {
        list.offset = (list.selected + 1 - rows).max(list.offset + step);
    }
    list.offset = list.offset.min(len.saturating_sub(rows));
}

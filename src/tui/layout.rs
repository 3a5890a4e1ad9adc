//! Where everything goes at a given terminal size: shared by rendering and by `update`
//! (which needs pane heights to keep the selection in view).

use super::app::{App, Overlay, View};
use crate::model::Section;
use ratatui::layout::Rect;

/// One of the two-way splits the reader uses, worked out as ratatui's constraint solver
/// works them out (a test checks every size against `Layout`), without running the solver:
/// on a first frame it was a million instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// `[Min(min), Length(len)]`: the second part gets its length where the first keeps its
    /// minimum.
    MinThenLength(u16, u16),
    /// `[Length(len), Min(min)]`.
    LengthThenMin(u16, u16),
    /// `[Ratio(1, 2), Ratio(1, 2)]`: an odd cell to the first half.
    Halves,
}

impl Split {
    /// The size of the first part of `n` cells.
    fn first(self, n: u16) -> u16 {
        match self {
            Split::MinThenLength(min, len) => n.saturating_sub(len).max(min).min(n),
            Split::LengthThenMin(len, min) => len.min(n.saturating_sub(min)),
            Split::Halves => n.div_ceil(2),
        }
    }

    /// `area` cut into a top and a bottom part.
    fn vertical(self, area: Rect) -> [Rect; 2] {
        let f = self.first(area.height);
        [
            Rect::new(area.x, area.y, area.width, f),
            Rect::new(area.x, area.y + f, area.width, area.height - f),
        ]
    }

    /// `area` cut into a left and a right part.
    fn horizontal(self, area: Rect) -> [Rect; 2] {
        let f = self.first(area.width);
        [
            Rect::new(area.x, area.y, f, area.height),
            Rect::new(area.x + f, area.y, area.width - f, area.height),
        ]
    }
}

/// Below this size the reader shows only a "terminal too small" message.
pub const MIN_SIZE: (u16, u16) = (40, 10);
/// From this width on the timeline is shown by default and the panes form a 2x2 grid.
pub const WIDE: u16 = 100;

/// The screen's areas for the current state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub sidebar: Option<Rect>,
    /// The tab bar that replaces the grid on narrow screens.
    pub tabs: Option<Rect>,
    /// Each section pane's area, when shown.
    pub panes: [Option<Rect>; 4],
    pub document: Option<Rect>,
    pub detail: Option<Rect>,
    pub status: Rect,
    /// The overlay's area, if one is open (the search prompt lives in the status bar).
    pub overlay: Option<Rect>,
}

/// Computes the areas of `app` at its size.
pub fn areas(app: &App) -> Areas {
    let (w, h) = app.size;
    let full = Rect::new(0, 0, w, h);
    let mut a = Areas::default();
    if w < MIN_SIZE.0 || h < MIN_SIZE.1 {
        a.too_small = true;
        return a;
    }
    let [body, status] = Split::MinThenLength(1, 1).vertical(full);
    a.status = status;
    let main = if app.timeline_visible() {
        let side_w = if w >= WIDE { 34 } else { (w / 3).clamp(20, 30) };
        let [side, main] = Split::LengthThenMin(side_w, 1).horizontal(body);
        a.sidebar = Some(side);
        main
    } else {
        body
    };
    match app.view {
        View::Document => a.document = Some(main),
        View::Panes => {
            let detail_h = if h >= 30 {
                h * 3 / 10
            } else if h >= 18 {
                // Short screens: the sentence in full matters more than more list rows.
                (h - 1) * 9 / 20
            } else {
                0
            };
            let [lists, detail] = Split::MinThenLength(3, detail_h).vertical(main);
            if detail_h > 0 {
                a.detail = Some(detail);
            }
            if w >= WIDE && lists.height >= 12 {
                let empty = app.section_items.each_ref().map(Vec::is_empty);
                a.panes = grid(lists, empty).map(Some);
            } else {
                let [tabs, pane] = Split::LengthThenMin(1, 1).vertical(lists);
                a.tabs = Some(tabs);
                a.panes[app.active_pane().index()] = Some(pane);
            }
        }
    }
    a.overlay = match &app.overlay {
        Some(Overlay::Help { .. }) => Some(centered(full, 104, h.saturating_sub(2))),
        Some(Overlay::Filter(f)) => {
            let rows = f.entries.len() as u16 + 4;
            Some(centered(full, 70, rows.min(h.saturating_sub(2))))
        }
        Some(Overlay::Edit(p)) => Some(centered(full, 64, p.rows().min(h.saturating_sub(2)))),
        Some(Overlay::Search(_)) | None => None,
    };
    a
}

/// Rows an empty pane keeps in the grid (its border and "nothing here"), and its columns
/// when the pane beside it has sentences.
const EMPTY_PANE: (u16, u16) = (3, 22);

/// The 2x2 grid of section panes (Allegations and Denials above, Responses and Context
/// below). A pane with nothing to show gives its room to the others: a row of two empty
/// panes shrinks to their titles, an empty pane beside a full one to a narrow column; when
/// everything is empty the grid stays even.
fn grid(area: Rect, empty: [bool; 4]) -> [Rect; 4] {
    let even = Split::Halves;
    let all_empty = empty.iter().all(|&e| e);
    let row_empty = [empty[0] && empty[1], empty[2] && empty[3]];
    let rows = match row_empty {
        _ if all_empty => even,
        [true, false] => Split::LengthThenMin(EMPTY_PANE.0, 3),
        [false, true] => Split::MinThenLength(3, EMPTY_PANE.0),
        _ => even,
    };
    let [top, bottom] = rows.vertical(area);
    let split = |r: Rect, left: bool, right: bool| -> [Rect; 2] {
        let cols = match (left, right) {
            _ if all_empty => even,
            (true, false) => Split::LengthThenMin(EMPTY_PANE.1, 3),
            (false, true) => Split::MinThenLength(3, EMPTY_PANE.1),
            _ => even,
        };
        cols.horizontal(r)
    };
    let [tl, tr] = split(top, empty[0], empty[1]);
    let [bl, br] = split(bottom, empty[2], empty[3]);
    [tl, tr, bl, br]
}

/// A rectangle of at most `w` x `h`, centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The inside of the document view: all of its width, under its title rule. The view has no
/// side borders: a line scrolled in is its text alone, as in a pager.
pub fn document_inner(r: Rect) -> Rect {
    Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1))
}

/// Which section pane contains a point.
pub fn pane_at(a: &Areas, x: u16, y: u16) -> Option<Section> {
    Section::ALL.into_iter().find(|s| {
        a.panes[s.index()].is_some_and(|r| r.contains(ratatui::layout::Position { x, y }))
    })
}

#[cfg(test)]
mod tests {
    use super::Split;
    use ratatui::layout::{Constraint, Layout, Rect};

    #[test]
    fn the_splits_are_the_solvers() {
        // The solver is slow in a debug build: every size up to 60, then some larger ones.
        for at in [0, 7] {
            for n in (0..=60).chain([79, 80, 99, 100, 120, 121, 255]) {
                let area = Rect::new(at, at + 2, n, n);
                let mut splits = vec![Split::Halves];
                for len in (0..=36).chain([50, 90, 200]) {
                    for min in [1, 3] {
                        splits.push(Split::MinThenLength(min, len));
                        splits.push(Split::LengthThenMin(len, min));
                    }
                }
                for split in splits {
                    let constraints = match split {
                        Split::MinThenLength(min, len) => {
                            [Constraint::Min(min), Constraint::Length(len)]
                        }
                        Split::LengthThenMin(len, min) => {
                            [Constraint::Length(len), Constraint::Min(min)]
                        }
                        Split::Halves => [Constraint::Ratio(1, 2); 2],
                    };
                    let v: [Rect; 2] = Layout::vertical(constraints).areas(area);
                    assert_eq!(split.vertical(area), v, "{split:?} of {area:?}");
                    let h: [Rect; 2] = Layout::horizontal(constraints).areas(area);
                    assert_eq!(split.horizontal(area), h, "{split:?} of {area:?}");
                }
            }
        }
    }
}

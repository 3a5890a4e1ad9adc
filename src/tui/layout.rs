//! Where everything goes at a given terminal size: shared by rendering and by `update`
//! (which needs pane heights to keep the selection in view).

use super::app::{App, Overlay, View};
use crate::model::Section;
use ratatui::layout::{Constraint, Layout, Rect};

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
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(full);
    a.status = status;
    let main = if app.timeline_visible() {
        let side_w = if w >= WIDE { 34 } else { (w / 3).clamp(20, 30) };
        let [side, main] =
            Layout::horizontal([Constraint::Length(side_w), Constraint::Min(1)]).areas(body);
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
            let [lists, detail] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(main);
            if detail_h > 0 {
                a.detail = Some(detail);
            }
            if w >= WIDE && lists.height >= 12 {
                let empty = app.section_items.each_ref().map(Vec::is_empty);
                a.panes = grid(lists, empty).map(Some);
            } else {
                let [tabs, pane] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(lists);
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
    let even = [Constraint::Ratio(1, 2); 2];
    let all_empty = empty.iter().all(|&e| e);
    let row_empty = [empty[0] && empty[1], empty[2] && empty[3]];
    let rows = match row_empty {
        _ if all_empty => even,
        [true, false] => [Constraint::Length(EMPTY_PANE.0), Constraint::Min(3)],
        [false, true] => [Constraint::Min(3), Constraint::Length(EMPTY_PANE.0)],
        _ => even,
    };
    let [top, bottom] = Layout::vertical(rows).areas(area);
    let split = |r: Rect, left: bool, right: bool| -> [Rect; 2] {
        let cols = match (left, right) {
            _ if all_empty => even,
            (true, false) => [Constraint::Length(EMPTY_PANE.1), Constraint::Min(3)],
            (false, true) => [Constraint::Min(3), Constraint::Length(EMPTY_PANE.1)],
            _ => even,
        };
        Layout::horizontal(cols).areas(r)
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

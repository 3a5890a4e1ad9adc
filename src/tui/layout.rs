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
                let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(lists);
                let [tl, tr] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
                let [bl, br] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
                a.panes = [Some(tl), Some(tr), Some(bl), Some(br)];
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

/// Which section pane contains a point.
pub fn pane_at(a: &Areas, x: u16, y: u16) -> Option<Section> {
    Section::ALL.into_iter().find(|s| {
        a.panes[s.index()].is_some_and(|r| r.contains(ratatui::layout::Position { x, y }))
    })
}

//! The four section panes (a 2x2 grid, or tabs on narrow screens).

use super::{fit, pane_block};
use crate::model::Section;
use crate::tui::app::{App, Focus, View};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The pane title: `Allegations (3)`, in the section's colour.
pub fn title(app: &App, section: Section, focused: bool) -> Line<'static> {
    let n = app.section_items[section.index()].len();
    let mut style = app.theme.section(section).add_modifier(Modifier::BOLD);
    if focused {
        style = style.add_modifier(Modifier::REVERSED);
    }
    Line::from(vec![
        Span::raw(" "),
        Span::styled(format!("{} ({n})", section.title()), style),
        Span::raw(" "),
    ])
}

/// The tab bar that stands in for the grid on narrow screens: `1 Allegations (2) …`.
pub fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let active = app.active_pane();
    let short = area.width < 70;
    let mut spans = Vec::new();
    for s in Section::ALL {
        let n = app.section_items[s.index()].len();
        let name = if short { &s.title()[..3] } else { s.title() };
        let mut style = app.theme.section(s);
        if s == active {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        spans.push(Span::styled(
            format!(" {} {name} ({n}) ", s.index() + 1),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    fit(spans, area.width as usize, app.theme.ascii).render(area, buf);
}

/// One section pane: each visible sentence on a row, its speaker in front.
pub fn render_pane(app: &App, section: Section, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Pane(section) && app.view == View::Panes;
    let block = pane_block(app, title(app, section, focused), focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let i = section.index();
    let items = &app.section_items[i];
    let state = app.panes[i];
    if items.is_empty() {
        let note = if app.briefing.sentences.is_empty() {
            "  no sentences"
        } else {
            "  nothing here"
        };
        Line::styled(note, app.theme.muted()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    for (row, &id) in items
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(inner.height as usize)
    {
        let selected = row == state.selected;
        let line = sentence_row(app, id, selected && focused, selected, width);
        let y = inner.y + (row - state.offset) as u16;
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// A sentence on one row: selection mark, speaker, text; cut to `width`.
pub fn sentence_row(
    app: &App,
    id: usize,
    highlighted: bool,
    marked: bool,
    width: usize,
) -> Line<'static> {
    let t: &Theme = &app.theme;
    let s = &app.briefing.sentences[id];
    // The selection is a mark in front of the row, not a bar over it: moving the selection
    // rewrites two cells of each row it leaves and enters (a slow link carries that), and the
    // row keeps its highlights. In the focused pane the mark is reversed and bold, a block
    // that stands out at the row's start; in the others a plain `›`.
    let mark = match (marked, highlighted, t.ascii) {
        (true, true, true) => Span::styled("> ", t.selected()),
        (true, true, false) => Span::styled("▶ ", t.selected()),
        (true, false, false) => Span::raw("› "),
        _ => Span::raw("  "),
    };
    let mut spans = vec![mark];
    spans.extend(super::corrections::row_mark(t, s));
    spans.extend(speaker_spans(app, id));
    spans.push(Span::raw(": "));
    // One row shows the start of the sentence: style no more of it than fits.
    let end = text::prefix_for_width(&s.text, width);
    let runs = text::styled_runs_upto(
        &app.briefing,
        s,
        t,
        Style::new(),
        app.highlight_query(),
        end,
    );
    spans.extend(
        runs.into_iter()
            .map(|(r, st)| Span::styled(s.text[r].to_owned(), st)),
    );
    fit(spans, width, t.ascii)
}

/// A sentence's speakers, each bold in its party's colour; `writer` (dim) for none.
pub fn speaker_spans(app: &App, id: usize) -> Vec<Span<'static>> {
    let s = &app.briefing.sentences[id];
    if s.speakers.is_empty() {
        return vec![Span::styled(
            "writer",
            app.theme.muted().add_modifier(Modifier::ITALIC),
        )];
    }
    let mut out = Vec::new();
    for (k, &sid) in s.speakers.iter().enumerate() {
        let Some(src) = app.briefing.sources.get(sid) else {
            continue;
        };
        if k > 0 {
            out.push(Span::raw(", "));
        }
        out.push(Span::styled(
            src.name.clone(),
            app.theme.speaker(src.party.as_deref()),
        ));
    }
    out
}

//! The document view: the whole briefing in reading order, paragraph by paragraph, each
//! sentence with its section in the gutter and its speaker.

use super::pane_block;
use super::sections::speaker_spans;
use crate::tui::app::{App, Focus};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::ops::Range;

/// Columns the gutter takes (`A │ `).
const GUTTER: usize = 4;

/// The document's lines at `width` columns, and the line range of each visible sentence.
pub fn build(app: &App, width: usize) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let t: &Theme = &app.theme;
    let text_w = width.saturating_sub(GUTTER).max(1);
    let bar = if t.ascii { "|" } else { "│" };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut ranges = Vec::new();
    let mut last_para: Option<usize> = None;
    for (pos, &id) in app.doc_items.iter().enumerate() {
        let s = &app.briefing.sentences[id];
        if last_para != Some(s.paragraph) {
            if last_para.is_some() {
                lines.push(Line::raw(""));
            }
            for h in app
                .briefing
                .headings
                .iter()
                .filter(|h| h.paragraph == s.paragraph)
            {
                let head = format!("{} {}", "#".repeat(h.level), h.text);
                lines.push(Line::styled(
                    head,
                    Style::new().add_modifier(Modifier::BOLD),
                ));
            }
            last_para = Some(s.paragraph);
        }
        let start = lines.len();
        let selected = pos == app.document.selected;
        let mut head = speaker_spans(app, id);
        head.push(Span::raw(":"));
        let runs = text::styled_runs(&app.briefing, s, t, Style::new(), app.highlight_query());
        let mut body = vec![super::fit(head, text_w, t.ascii)];
        body.extend(text::wrap_runs(&s.text, &runs, text_w));
        let section = t.section(s.section).add_modifier(Modifier::BOLD);
        for (k, mut line) in body.into_iter().enumerate() {
            let mark = if k == 0 {
                Theme::section_mark(s.section)
            } else {
                " "
            };
            let mut gutter = vec![
                Span::styled(mark.to_owned(), section),
                Span::styled(format!(" {bar} "), t.muted()),
            ];
            if selected {
                gutter[1] = Span::styled(format!(" {bar} "), t.selected());
                if k == 0 {
                    line = line.patch_style(Style::new().add_modifier(Modifier::REVERSED));
                }
            }
            gutter.extend(line.spans);
            lines.push(Line::from(gutter));
        }
        ranges.push(start..lines.len());
    }
    (lines, ranges)
}

/// Each visible sentence's line range at `width` (used to scroll the selection into view).
pub fn line_ranges(app: &App, width: usize) -> Vec<Range<usize>> {
    build(app, width).1
}

/// Draws the document view.
pub fn render_document(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus != Focus::Timeline;
    let n = app.doc_items.len();
    let title = Line::from(vec![Span::styled(
        format!(" Document ({n} sentences) "),
        if focused {
            app.theme.focused()
        } else {
            app.theme.muted()
        },
    )]);
    let block = pane_block(app, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let (lines, _) = build(app, inner.width as usize);
    for (k, line) in lines
        .into_iter()
        .skip(app.document.offset)
        .take(inner.height as usize)
        .enumerate()
    {
        line.render(Rect::new(inner.x, inner.y + k as u16, inner.width, 1), buf);
    }
}

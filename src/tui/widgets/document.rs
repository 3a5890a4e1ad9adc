//! The document view: the whole briefing in reading order, paragraph by paragraph, each
//! sentence with its section in the gutter and its speaker.
//!
//! Each visible sentence is a block: a blank line and headings when a paragraph starts, the
//! speaker line, then the wrapped text. Block heights are counted without styling (and cached
//! by `update`), so drawing styles only the blocks on screen.

use super::pane_block;
use super::sections::speaker_spans;
use crate::tui::app::{App, Focus};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::ops::Range;

/// Columns the gutter takes (`A │ `).
const GUTTER: usize = 4;

/// Lines before a sentence's own lines: a blank line and headings when its paragraph starts.
fn prefix_lines(app: &App, pos: usize) -> Vec<Line<'static>> {
    let id = app.doc_items[pos];
    let s = &app.briefing.sentences[id];
    let prev = pos
        .checked_sub(1)
        .map(|p| app.briefing.sentences[app.doc_items[p]].paragraph);
    if prev == Some(s.paragraph) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if prev.is_some() {
        out.push(Line::raw(""));
    }
    for h in app
        .briefing
        .headings
        .iter()
        .filter(|h| h.paragraph == s.paragraph)
    {
        let head = format!("{} {}", "#".repeat(h.level), h.text);
        out.push(Line::styled(
            head,
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    out
}

/// The text columns at a view width.
fn text_width(width: usize) -> usize {
    width.saturating_sub(GUTTER).max(1)
}

/// The line range of each visible sentence (its speaker line and text, not the blank line
/// and headings before it) at `width` columns. Counts only: no styling.
pub fn line_ranges(app: &App, width: usize) -> Vec<Range<usize>> {
    let text_w = text_width(width);
    let mut at = 0;
    let mut out = Vec::with_capacity(app.doc_items.len());
    for (pos, &id) in app.doc_items.iter().enumerate() {
        at += prefix_lines(app, pos).len();
        let n = 1 + text::wrap_ranges(&app.briefing.sentences[id].text, text_w).len();
        out.push(at..at + n);
        at += n;
    }
    out
}

/// One sentence's block, styled: prefix lines, then the speaker line and the text.
fn block(app: &App, pos: usize, width: usize) -> Vec<Line<'static>> {
    let t: &Theme = &app.theme;
    let text_w = text_width(width);
    let bar = if t.ascii { "|" } else { "│" };
    let id = app.doc_items[pos];
    let s = &app.briefing.sentences[id];
    let selected = pos == app.document.selected;
    let mut lines = prefix_lines(app, pos);
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
    lines
}

/// Draws the document view from its scroll offset.
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
    let block_widget = pane_block(app, title, focused);
    let inner = block_widget.inner(area);
    block_widget.render(area, buf);
    if let Some(note) = super::empty_note(app) {
        Paragraph::new(Line::styled(note, app.theme.muted()))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let cached;
    let ranges: &[Range<usize>] = match &app.doc_lines {
        Some((w, r)) if *w == inner.width => r,
        _ => {
            cached = line_ranges(app, width);
            &cached
        }
    };
    let offset = app.document.offset;
    // The first block that reaches the offset (its prefix lines may start before it).
    let first = ranges.partition_point(|r| r.end <= offset);
    let mut y = 0usize;
    let height = inner.height as usize;
    for (pos, range) in ranges.iter().enumerate().skip(first) {
        let lines = block(app, pos, width);
        let start = range.end - lines.len();
        for (k, line) in lines.into_iter().enumerate() {
            if start + k < offset {
                continue;
            }
            if y >= height {
                return;
            }
            line.render(Rect::new(inner.x, inner.y + y as u16, inner.width, 1), buf);
            y += 1;
        }
    }
}

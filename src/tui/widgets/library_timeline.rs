//! The merged timeline: every dated reference of every briefing, one per row, tagged with
//! its briefing; Enter opens that briefing at that sentence.

use super::rows::{block, cell, clean, mark, render_row};
use super::timeline::format_date;
use crate::model::{Section, SpanKind};
use crate::tui::library::LibraryApp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the merged timeline.
pub fn render_merged_timeline(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let n = lib.timeline.len();
    let b = block(t, format!("Merged timeline ({n}) · all briefings"), true);
    let inner = b.inner(area);
    b.render(area, buf);
    if n == 0 {
        Line::styled("  no time references", t.muted()).render(inner, buf);
        return;
    }
    let state = lib.timeline_list;
    for (row, entry) in lib
        .timeline
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(inner.height as usize)
    {
        let selected = row == state.selected;
        let mut spans = vec![Span::raw(mark(t, selected))];
        if let Some(tr) = lib.library.time_ref(entry) {
            spans.push(Span::styled(
                cell(&format_date(tr), 16, t.ascii),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::styled(
                cell(super::timeline::expression(tr), 18, t.ascii),
                t.span(SpanKind::Time, Section::Context, None),
            ));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(
            cell(&clean(&lib.short_title(entry.doc, 24)), 24, t.ascii),
            t.muted(),
        ));
        spans.push(Span::raw(" "));
        if let Some(b) = lib.library.briefing(entry.doc)
            && let Some(s) = b.sentences.get(entry.sentence)
        {
            let who = b.speaker_names(s);
            let who = if who.is_empty() {
                "writer".to_owned()
            } else {
                who
            };
            spans.push(Span::styled(format!("{who}: "), t.muted()));
            spans.push(Span::raw(s.text.clone()));
        }
        let y = inner.y + (row - state.offset) as u16;
        render_row(
            t,
            spans,
            selected,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
    }
}

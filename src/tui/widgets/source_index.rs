//! The source index: every speaker across the library, merged by name and party, with
//! counts per section and the briefings they speak in; and one speaker's statements,
//! grouped by briefing.

use super::rows::{block, cell, clean, mark, render_row, sentence_spans};
use crate::model::Section;
use crate::tui::library::LibraryApp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the source index.
pub fn render_sources(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let n = lib.sources.len();
    let b = block(t, format!("Sources ({n}) · who said what, where"), true);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height < 2 {
        return;
    }
    // The Briefings column keeps at least a third of the row: the speaker column narrows,
    // and the per-section counts go first on a narrow screen.
    let width = inner.width as usize;
    let who_w = (width * 2 / 5).clamp(16, 40);
    let sections_w = if width >= 100 { 20 } else { 0 };
    let mut head = format!(
        "  {}  {}",
        cell("Speaker (party)", who_w, t.ascii),
        cell("All", 4, t.ascii),
    );
    if sections_w > 0 {
        head.push_str(&format!(
            "  {}",
            cell("A    D    R    C", sections_w, t.ascii)
        ));
    }
    head.push_str("  Briefings");
    Line::styled(head, t.muted().add_modifier(Modifier::BOLD))
        .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    if n == 0 {
        Line::styled("  no speakers yet", t.muted())
            .render(Rect::new(inner.x, inner.y + 1, inner.width, 1), buf);
        return;
    }
    let state = lib.sources_list;
    for (row, s) in lib
        .sources
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(inner.height as usize - 1)
    {
        let selected = row == state.selected;
        let who = match &s.party {
            Some(p) => format!("{} ({p})", s.name),
            None => s.name.clone(),
        };
        let counts = Section::ALL
            .iter()
            .map(|&sec| format!("{:<4}", s.counts.get(sec)))
            .collect::<Vec<_>>()
            .join(" ");
        let docs = s
            .docs
            .iter()
            .map(|d| {
                format!(
                    "{} ({})",
                    clean(&lib.short_title(d.doc, 28)),
                    d.counts.total()
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut spans = vec![
            Span::raw(mark(t, selected)),
            Span::styled(cell(&who, who_w, t.ascii), t.speaker(s.party.as_deref())),
            Span::raw("  "),
            Span::raw(cell(&s.counts.total().to_string(), 4, t.ascii)),
        ];
        if sections_w > 0 {
            spans.push(Span::raw("  "));
            spans.push(Span::raw(cell(&counts, sections_w, t.ascii)));
        }
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("{} · {docs}", s.docs.len()),
            t.muted(),
        ));
        let y = inner.y + 1 + (row - state.offset) as u16;
        render_row(
            t,
            spans,
            selected,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
    }
}

/// Draws one speaker's statements, grouped by briefing (the title on each group's first
/// row).
pub fn render_statements(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let entry = lib
        .statements_of
        .as_ref()
        .and_then(|k| lib.sources.iter().find(|s| &s.key == k));
    let name = entry.map_or_else(String::new, |s| s.name.clone());
    let n = lib.statements.len();
    let docs = entry.map_or(0, |e| e.docs.len());
    let b = block(
        t,
        format!("Statements of {name} ({n}, in {docs} briefings)"),
        true,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    let state = lib.statements_list;
    for (row, &sel) in lib
        .statements
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(inner.height as usize)
    {
        let selected = row == state.selected;
        let first_of_group = row == state.offset
            || lib.statements.get(row.wrapping_sub(1)).map(|p| p.doc) != Some(sel.doc);
        let mut spans = sentence_spans(lib, sel, selected, 28);
        if !first_of_group {
            spans[1] = Span::raw(" ".repeat(28));
        }
        if let Some(s) = lib.sentence(sel) {
            spans.insert(
                2,
                Span::styled(format!(" {:<11}", s.section.title()), t.section(s.section)),
            );
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

//! The row helpers the library screens share: the bordered block, the selection mark, a
//! padded cell, a cleaned file name, one highlighted row, and a sentence laid out on one row.
//! The list, the merged timeline and the source index all draw their rows with these, so
//! each of them imports this module and none imports another.

use super::fit;
use crate::library::Selection;
use crate::tui::library::LibraryApp;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// A bordered block with a title, heavier and in the accent colour when focused.
pub fn block(theme: &Theme, title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        theme.focused()
    } else {
        theme.muted()
    };
    Block::bordered()
        .border_set(theme.border_set(focused))
        .border_style(style)
        .title(Line::styled(format!(" {title} "), style))
}

/// Replaces control characters (a file name can hold any) so they never reach the terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// The selection mark in front of a row.
pub fn mark(theme: &Theme, selected: bool) -> &'static str {
    match (selected, theme.ascii) {
        (true, true) => "> ",
        (true, false) => "▶ ",
        _ => "  ",
    }
}

/// Draws a row, padded and highlighted when selected.
pub fn render_row(
    theme: &Theme,
    spans: Vec<Span<'static>>,
    selected: bool,
    r: Rect,
    buf: &mut Buffer,
) {
    let width = r.width as usize;
    let mut line = fit(spans, width, theme.ascii);
    if selected {
        let pad = width.saturating_sub(line.width());
        line.spans.push(Span::raw(" ".repeat(pad)));
        line = line.patch_style(theme.selected());
    }
    line.render(r, buf);
}

/// Pads or cuts `s` to exactly `width` columns.
pub fn cell(s: &str, width: usize, ascii: bool) -> String {
    let s = text::truncate(s, width, ascii);
    let pad = width.saturating_sub(text::width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// A sentence on one row: mark, its briefing's short title, speaker, text.
pub fn sentence_spans(
    lib: &LibraryApp,
    sel: Selection,
    selected: bool,
    tag_width: usize,
) -> Vec<Span<'static>> {
    let t = &lib.theme;
    let mut spans = vec![
        Span::raw(mark(t, selected)),
        Span::styled(
            cell(
                &clean(&lib.short_title(sel.doc, tag_width)),
                tag_width,
                t.ascii,
            ),
            t.muted(),
        ),
        Span::raw(" "),
    ];
    let Some(b) = lib.library.briefing(sel.doc) else {
        return spans;
    };
    let Some(s) = b.sentences.get(sel.sentence) else {
        return spans;
    };
    spans.extend(super::corrections::row_mark(t, s));
    let who = b.speaker_names(s);
    if !who.is_empty() {
        let party = s.speakers.first().and_then(|&id| b.sources.get(id));
        let party = party.and_then(|src| src.party.as_deref());
        spans.push(Span::styled(format!("{who}: "), t.speaker(party)));
    }
    // No row is wider than a terminal can be: a sentence of megabytes is not copied whole.
    let end = text::prefix_for_width(&s.text, u16::MAX.into());
    spans.push(Span::raw(s.text[..end].to_owned()));
    spans
}

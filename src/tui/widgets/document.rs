//! The document view: the whole briefing in reading order, paragraph by paragraph, each
//! sentence with its section in the gutter and its speaker.
//!
//! Each visible sentence is a block: a blank line and headings when a paragraph starts, the
//! speaker line, then the wrapped text. The view is scrolled by an anchor, the first block on
//! screen and how many of its lines are above the top, never by an absolute line number, so
//! drawing and scrolling count and wrap only the blocks on screen: a briefing of a million
//! sentences costs what a short one does.

use super::pane_block;
use super::sections::speaker_spans;
use crate::tui::app::{App, Focus};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph, Widget, Wrap};

/// Columns the gutter takes (`A ▌ `: the section's letter, the bar on the selected sentence's
/// lines).
const GUTTER: usize = 4;

/// Whether the block at `pos` opens a paragraph, and the headings of that paragraph.
fn paragraph_start(app: &App, pos: usize) -> Option<&[crate::model::Heading]> {
    let s = &app.briefing.sentences[app.doc_items[pos]];
    let prev = pos
        .checked_sub(1)
        .map(|p| app.briefing.sentences[app.doc_items[p]].paragraph);
    if prev == Some(s.paragraph) {
        return None;
    }
    // Headings are in paragraph order.
    let h = &app.briefing.headings;
    let from = h.partition_point(|h| h.paragraph < s.paragraph);
    let to = from + h[from..].partition_point(|h| h.paragraph == s.paragraph);
    Some(&h[from..to])
}

/// How many lines come before the block's own lines: a blank line between paragraphs, then
/// the paragraph's headings.
fn prefix_count(app: &App, pos: usize) -> usize {
    paragraph_start(app, pos).map_or(0, |h| usize::from(pos > 0) + h.len())
}

/// Lines before a sentence's own lines: a blank line and headings when its paragraph starts.
fn prefix_lines(app: &App, pos: usize) -> Vec<Line<'static>> {
    let Some(headings) = paragraph_start(app, pos) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if pos > 0 {
        out.push(Line::raw(""));
    }
    for h in headings {
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

/// A sentence's own lines (its speaker line and text) at `width` columns of view, counted up
/// to `cap`: a sentence of megabytes is not wrapped past what a screen can show.
fn own_count(app: &App, pos: usize, width: usize, cap: usize) -> usize {
    let text = &app.briefing.sentences[app.doc_items[pos]].text;
    let wrapped = text::wrap_ranges_upto(text, text_width(width), cap.max(2) - 1).len();
    (1 + wrapped).min(cap)
}

/// All the lines of the block at `pos` (prefix and own lines), counted up to `cap`.
fn block_count(app: &App, pos: usize, width: usize, cap: usize) -> usize {
    let prefix = prefix_count(app, pos);
    (prefix + own_count(app, pos, width, cap.saturating_sub(prefix))).min(cap)
}

/// Moves the anchor (`document.offset`, the first block shown, and `document_skip`, its
/// lines above the top) so the selected sentence is on screen in a view of `width` x `height`.
/// Going up, the selected sentence comes in at the top with its headings; going down, at the
/// bottom; one taller than the view shows its first lines. Counts only the blocks between the
/// anchor and the selection, and no more of them than fill a screen.
/// With `lenient`, a selected sentence whose start is on screen is left where it is (a view
/// scrolled by lines keeps its place until the selection moves).
pub fn keep_selection_in_view(app: &mut App, width: usize, height: usize, lenient: bool) {
    let len = app.doc_items.len();
    if len == 0 || height == 0 {
        app.document.offset = 0;
        app.document_skip = 0;
        return;
    }
    let sel = app.document.selected.min(len - 1);
    let top = app.document.offset.min(len - 1);
    let skip = app.document_skip;
    let skip = skip.min(block_count(app, top, width, skip + 1) - 1);
    app.document.selected = sel;
    if lenient && selection_shown(app, (top, skip), width, height) {
        (app.document.offset, app.document_skip) = (top, skip);
        return;
    }
    // Enough to compare with the height.
    let screen = height + 1;
    let (prefix, own) = (prefix_count(app, sel), own_count(app, sel, width, screen));
    let blank = usize::from(sel > 0 && prefix > 0);
    let anchor = if sel < top || (sel == top && skip > prefix) {
        // Above the view: at the top, with its headings if they fit (not the blank line).
        if prefix - blank + own <= height {
            (sel, blank)
        } else {
            (sel, prefix)
        }
    } else {
        // Where the selected block ends, counted from the top (stopping past the bottom).
        let mut end = block_count(app, top, width, skip + screen) - skip;
        let mut pos = top;
        while pos < sel && end <= height {
            pos += 1;
            end += block_count(app, pos, width, screen);
        }
        if pos == sel && end <= height {
            (top, skip)
        } else if own >= height {
            (sel, prefix)
        } else {
            // Below the view: its last line at the bottom, blocks above it filling the rest.
            let mut room = height - own;
            if prefix >= room {
                (sel, prefix - room)
            } else {
                room -= prefix;
                let mut anchor = (sel, 0);
                while room > 0 && anchor.0 > 0 {
                    let above = anchor.0 - 1;
                    // The block the top falls in is counted in full: its hidden lines are
                    // counted from its start.
                    let h = block_count(app, above, width, usize::MAX);
                    anchor = (above, h.saturating_sub(room));
                    room = room.saturating_sub(h);
                }
                anchor
            }
        }
    };
    app.document.selected = sel;
    (app.document.offset, app.document_skip) = anchor;
}

/// The sentences with at least one of their own lines (speaker line or text) in a view of
/// `width` x `height` whose top is at `anchor`, in order: their positions, and whether their
/// start (the speaker line and the first line of text) is on screen.
fn shown(app: &App, anchor: (usize, usize), width: usize, height: usize) -> Vec<(usize, bool)> {
    let (top, skip) = anchor;
    let h = height as i64;
    let mut out = Vec::new();
    let mut y = -(skip as i64);
    let mut pos = top;
    while pos < app.doc_items.len() && y < h {
        let start = y + prefix_count(app, pos) as i64;
        // Counted up to what reaches past the bottom.
        let own = own_count(app, pos, width, skip + height + 1) as i64;
        if start < h && start + own > 0 {
            out.push((pos, start >= 0 && start + own.min(2) <= h));
        }
        y = start + own;
        pos += 1;
    }
    out
}

/// Whether the selection may stay in the view whose top is at `anchor`: its start is on
/// screen, or no sentence's start is and some of its lines are (one taller than the view).
fn selection_shown(app: &App, anchor: (usize, usize), width: usize, height: usize) -> bool {
    let on_screen = shown(app, anchor, width, height);
    let sel = app.document.selected;
    on_screen.contains(&(sel, true))
        || (on_screen.iter().all(|&(_, start)| !start) && on_screen.iter().any(|&(p, _)| p == sel))
}

/// Whether lines of the view whose top is at `anchor` are below its bottom.
fn lines_below(app: &App, anchor: (usize, usize), width: usize, height: usize) -> bool {
    let (top, skip) = anchor;
    let mut lines = block_count(app, top, width, skip + height + 1).saturating_sub(skip);
    let mut pos = top + 1;
    while lines <= height && pos < app.doc_items.len() {
        lines += block_count(app, pos, width, height + 1);
        pos += 1;
    }
    lines > height
}

/// Scrolls the view of `width` x `height` by `n` lines, down or up, as less does: no further
/// than the last line at the bottom or the first at the top. The selection stays while any
/// its start is on screen; scrolled out, it goes to the first sentence whose start is shown
/// (going down) or the last (going up). False when nothing moved.
pub fn scroll_lines(app: &mut App, width: usize, height: usize, down: bool, n: usize) -> bool {
    let len = app.doc_items.len();
    if len == 0 || height == 0 {
        return false;
    }
    let mut top = app.document.offset.min(len - 1);
    let mut skip = app
        .document_skip
        .min(block_count(app, top, width, app.document_skip + 1) - 1);
    let mut moved = false;
    for _ in 0..n {
        if down {
            if !lines_below(app, (top, skip), width, height) {
                break;
            }
            skip += 1;
            if skip >= block_count(app, top, width, skip + 1) {
                (top, skip) = (top + 1, 0);
            }
        } else if skip > 0 {
            skip -= 1;
        } else if top > 0 {
            top -= 1;
            skip = block_count(app, top, width, usize::MAX) - 1;
        } else {
            break;
        }
        moved = true;
    }
    (app.document.offset, app.document_skip) = (top, skip);
    if !selection_shown(app, (top, skip), width, height) {
        // The first (or last) sentence whose start is on screen, or the one filling it.
        let on_screen = shown(app, (top, skip), width, height);
        let starts: Vec<usize> = on_screen.iter().filter(|s| s.1).map(|s| s.0).collect();
        let candidates = if starts.is_empty() {
            on_screen.iter().map(|s| s.0).collect()
        } else {
            starts
        };
        let next = if down {
            candidates.first()
        } else {
            candidates.last()
        };
        if let Some(&pos) = next {
            app.document.selected = pos;
        }
    }
    moved
}

/// The first `max` lines of one sentence's block, styled: prefix lines, then the speaker line
/// and the text (wrapped and styled no further than `max` lines).
fn block(app: &App, pos: usize, width: usize, max: usize) -> Vec<Line<'static>> {
    let t: &Theme = &app.theme;
    let text_w = text_width(width);
    let id = app.doc_items[pos];
    let s = &app.briefing.sentences[id];
    let selected = pos == app.document.selected;
    let mut lines = prefix_lines(app, pos);
    if lines.len() >= max {
        lines.truncate(max);
        return lines;
    }
    let mut head = speaker_spans(app, id);
    head.push(Span::raw(":"));
    let ranges = text::wrap_ranges_upto(&s.text, text_w, max - lines.len() - 1);
    let end = ranges.last().map_or(0, |r| r.end);
    let query = app.highlight_query();
    let runs = text::styled_runs_upto(&app.briefing, s, t, Style::new(), query, end);
    let mut body = vec![super::fit(head, text_w, t.ascii)];
    body.extend(text::lines_of(&s.text, &runs, &ranges));
    let section = t.section(s.section).add_modifier(Modifier::BOLD);
    for (k, mut line) in body.into_iter().enumerate().take(max - lines.len()) {
        // Blank cells of the gutter are left unstyled: the same as the blank a line scrolled in
        // starts as, so the terminal is sent nothing for them.
        let mark = if k == 0 {
            Span::styled(Theme::section_mark(s.section), section)
        } else {
            Span::raw(" ")
        };
        // The gutter: the section's letter on the speaker line, then the bar of the selected
        // sentence (a blank column beside the others, as a pager's margin: a line scrolled in
        // carries its text and little more).
        let mut gutter = vec![mark, Span::raw("   ")];
        if k == 0 && s.correction.is_some() {
            // The corrected mark stands between the section and the bar.
            let mark = super::corrections::glyph(t.ascii);
            gutter[1] = Span::styled(format!("{mark}  "), t.muted());
        }
        if selected {
            // The bar alone marks the selected sentence (beside the corrected mark, if any):
            // moving the selection redraws one column per line, which is all a slow link has
            // to carry. The bar is a reversed blank, a solid block: one byte a line, the same
            // look in every terminal, with or without colour or UTF-8.
            let left = gutter[1].content.chars().next().unwrap_or(' ');
            gutter[1] = Span::styled(left.to_string(), gutter[1].style);
            gutter.push(Span::styled(" ", t.selected()));
            gutter.push(Span::raw(" "));
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
    let style = if focused {
        app.theme.focused()
    } else {
        app.theme.muted()
    };
    // The rule starts before the title, as the panes' top borders do after their corner.
    let rule = app.theme.border_set(focused).horizontal_top;
    let title = Line::from(vec![
        Span::styled(rule, style),
        Span::styled(format!(" Document ({n} sentences) "), style),
    ]);
    // A title rule over the text and no side borders: each line scrolled in is sent without a
    // border at either end.
    let block_widget = pane_block(app, title, focused).borders(Borders::TOP);
    let inner = block_widget.inner(area);
    block_widget.render(area, buf);
    if let Some(note) = super::empty_note(app) {
        Paragraph::new(Line::styled(note, app.theme.muted()))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut y = 0usize;
    let mut skip = app.document_skip;
    for pos in app.document.offset..app.doc_items.len() {
        for line in block(app, pos, width, skip + height - y)
            .into_iter()
            .skip(skip)
        {
            if y >= height {
                return;
            }
            line.render(Rect::new(inner.x, inner.y + y as u16, inner.width, 1), buf);
            y += 1;
        }
        skip = 0;
        if y >= height {
            return;
        }
    }
}

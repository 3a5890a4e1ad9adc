//! Drawing: `impl Widget for &App` lays the screen out and calls each part's `render_*`.

pub mod corrections;
pub mod detail;
pub mod document;
pub mod help;
pub mod library;
pub mod library_timeline;
pub mod rows;
pub mod sections;
pub mod source_filter;
pub mod source_index;
pub mod status_bar;
pub mod timeline;

use super::app::{App, Overlay};
use super::layout::{self, MIN_SIZE};
use super::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let a = layout::areas(self);
        if a.too_small {
            render_too_small(self, area, buf);
            return;
        }
        if let Some(r) = a.sidebar {
            timeline::render_timeline(self, r, buf);
        }
        if let Some(r) = a.tabs {
            sections::render_tabs(self, r, buf);
        }
        for s in crate::model::Section::ALL {
            if let Some(r) = a.panes[s.index()] {
                sections::render_pane(self, s, r, buf);
            }
        }
        if let Some(r) = a.document {
            document::render_document(self, r, buf);
        }
        if let Some(r) = a.detail {
            detail::render_detail(self, r, buf);
        }
        status_bar::render_status_bar(self, a.status, buf);
        match (&self.overlay, a.overlay) {
            (Some(Overlay::Help { scroll }), Some(r)) => help::render_help(self, *scroll, r, buf),
            (Some(Overlay::Filter(f)), Some(r)) => source_filter::render_filter(self, f, r, buf),
            (Some(Overlay::Edit(p)), Some(r)) => corrections::render_picker(self, p, r, buf),
            _ => {}
        }
    }
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "The terminal is too small ({}x{}). debrief needs at least {}x{}; the reader comes back when the window grows. q quits.",
        app.size.0, app.size.1, MIN_SIZE.0, MIN_SIZE.1
    );
    let h = 6.min(area.height);
    let r = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(h) / 2,
        area.width,
        h,
    );
    Paragraph::new(msg)
        .centered()
        .wrap(Wrap { trim: true })
        .render(r, buf);
}

/// What the reader says where there is no sentence to show: the briefing has none at all
/// (an empty or blank file, or only a header or headings), or the source filter hides them
/// all; `None` when there are sentences to show.
pub fn empty_note(app: &App) -> Option<&'static str> {
    if app.briefing.sentences.is_empty() {
        Some("This briefing has no sentences: the file is empty, blank, or only a header.")
    } else if app.doc_items.is_empty() {
        Some("The source filter hides every sentence.")
    } else {
        None
    }
}

/// A bordered block with a title, heavier and in the accent colour when focused.
pub fn pane_block<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let t = &app.theme;
    let style = if focused { t.focused() } else { t.muted() };
    Block::bordered()
        .border_set(t.border_set(focused))
        .border_style(style)
        .title(title)
}

/// Cuts a line of spans to `width` columns, ending with an ellipsis when it is cut.
pub fn fit(spans: Vec<Span<'static>>, width: usize, ascii: bool) -> Line<'static> {
    let total: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if total <= width {
        return Line::from(spans);
    }
    let ell = if ascii { "..." } else { "…" };
    let mut room = width.saturating_sub(text::width(ell));
    let mut out = Vec::new();
    let mut last_style = Style::new();
    for s in spans {
        if room == 0 {
            break;
        }
        let w = text::width(&s.content);
        last_style = s.style;
        if w <= room {
            room -= w;
            out.push(s);
        } else {
            let mut cut = String::new();
            let mut used = 0;
            for c in s.content.chars() {
                let cw = text::width(c.encode_utf8(&mut [0; 4]));
                if used + cw > room {
                    break;
                }
                used += cw;
                cut.push(c);
            }
            room = 0;
            out.push(Span::styled(cut, s.style));
        }
    }
    if width >= text::width(ell) {
        out.push(Span::styled(ell, last_style));
    }
    Line::from(out)
}

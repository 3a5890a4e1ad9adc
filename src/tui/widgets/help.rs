//! The help overlay: the active key bindings and the highlighting legend.

use crate::model::{Section, SpanKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::collections::BTreeMap;

/// The legend: each highlight with a sample and the style that carries it without colour.
pub const LEGEND: [(SpanKind, &str, &str); 8] = [
    (SpanKind::Speaker, "Speaker", "bold, in the party's colour"),
    (SpanKind::Reporting, "said", "reporting words: underlined"),
    (SpanKind::Cue, "denied", "section cue: bold underlined"),
    (
        SpanKind::Quote,
        "\u{201c}quote\u{201d}",
        "direct quote: italic",
    ),
    (SpanKind::Claim, "the claim", "reported claim: dim"),
    (SpanKind::Hedge, "allegedly", "hedge: bold italic"),
    (SpanKind::Figure, "1,500", "figure: italic underlined"),
    (SpanKind::Time, "Tuesday", "time: dim underlined"),
];

/// Key rows of one table: (keys, description).
fn binding_rows(table: &BTreeMap<Action, Vec<Key>>) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter_map(|(action, keys)| {
            let what = action.describe()?;
            let keys = keys
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            Some((keys, what))
        })
        .collect()
}

/// Key rows laid out in one column, or two when `width` allows.
fn key_lines(t: &Theme, rows: &[(String, &'static str)], width: usize) -> Vec<Line<'static>> {
    let cell = |(keys, what): &(String, &'static str), w: usize| {
        let keys = format!("  {keys:<18} ");
        let what = text::truncate(what, w.saturating_sub(text::width(&keys)), t.ascii);
        let pad = w.saturating_sub(text::width(&keys) + text::width(&what));
        vec![
            Span::styled(keys, t.focused()),
            Span::raw(what),
            Span::raw(" ".repeat(pad)),
        ]
    };
    if width < 90 {
        return rows.iter().map(|r| Line::from(cell(r, width))).collect();
    }
    let half = rows.len().div_ceil(2);
    (0..half)
        .map(|i| {
            let mut spans = cell(&rows[i], width / 2);
            if let Some(r) = rows.get(i + half) {
                spans.extend(cell(r, width / 2));
            }
            Line::from(spans)
        })
        .collect()
}

/// The help text at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    lines_for(&app.keymap, &app.theme, width)
}

/// The help text for a key map and theme (the reader's, or the library's).
pub fn lines_for(keymap: &Keymap, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let head = |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD));
    let mut out = vec![head("Keys")];
    out.extend(key_lines(t, &binding_rows(&keymap.reader), width));
    out.push(Line::raw(""));
    out.push(head("In the source filter"));
    out.extend(key_lines(t, &binding_rows(&keymap.filter), width));
    out.push(Line::raw(""));
    out.push(head(
        "In a library (a folder or several files; before the keys above; esc goes back too)",
    ));
    out.extend(key_lines(t, &binding_rows(&keymap.library), width));
    out.push(Line::raw(""));
    out.push(head("Highlighting (the styles read without colour too)"));
    for (kind, sample, what) in LEGEND {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(sample, t.span(kind, Section::Denial, None)),
            Span::raw(" ".repeat(14usize.saturating_sub(text::width(sample)))),
            Span::raw(what),
        ]));
    }
    out.push(Line::raw(""));
    let mut marks = vec![Span::raw("Sections (gutter marks in the document view): ")];
    for s in Section::ALL {
        marks.push(Span::styled(
            Theme::section_mark(s),
            t.section(s).add_modifier(Modifier::BOLD),
        ));
        marks.push(Span::raw(format!(" {}  ", s.title())));
    }
    out.push(Line::from(marks));
    out
}

/// Draws the help overlay, scrolled.
pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    render_help_for(&app.keymap, &app.theme, scroll, area, buf);
}

/// Draws the help overlay of a key map and theme, scrolled.
pub fn render_help_for(
    keymap: &Keymap,
    theme: &Theme,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    Clear.render(area, buf);
    let title = Line::styled(" Help · esc closes · j/k scroll ", theme.focused());
    let block = Block::bordered()
        .border_set(theme.border_set(true))
        .border_style(theme.focused())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = lines_for(keymap, theme, inner.width as usize);
    let max = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .scroll((scroll.min(max) as u16, 0))
        .render(inner, buf);
}

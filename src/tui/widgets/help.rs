//! The help overlay: the active key bindings and the highlighting legend.

use super::pane_block;
use crate::model::{Section, SpanKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Key;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
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
fn key_lines(app: &App, rows: &[(String, &'static str)], width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
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
    let t = &app.theme;
    let head = |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD));
    let mut out = vec![head("Keys")];
    out.extend(key_lines(app, &binding_rows(&app.keymap.reader), width));
    out.push(Line::raw(""));
    out.push(head("In the source filter"));
    out.extend(key_lines(app, &binding_rows(&app.keymap.filter), width));
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
    Clear.render(area, buf);
    let title = Line::styled(" Help · esc closes · j/k scroll ", app.theme.focused());
    let block = pane_block(app, title, true);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = lines(app, inner.width as usize);
    let max = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .scroll((scroll.min(max) as u16, 0))
        .render(inner, buf);
}

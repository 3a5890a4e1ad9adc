//! The help overlay: the active key bindings and the highlighting legend.

use super::pane_block;
use crate::model::{Section, SpanKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

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

/// The help text.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let head = |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD));
    let mut out = vec![head("Keys")];
    let row = |keys: String, what: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<22}"), t.focused()),
            Span::raw(what.to_owned()),
        ])
    };
    let binding_rows =
        |table: &std::collections::BTreeMap<Action, Vec<crate::tui::keymap::Key>>,
         out: &mut Vec<Line<'static>>| {
            for (action, keys) in table {
                let Some(what) = action.describe() else {
                    continue;
                };
                let keys = keys
                    .iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(row(keys, what));
            }
        };
    binding_rows(&app.keymap.reader, &mut out);
    out.push(Line::raw(""));
    out.push(head("In the source filter"));
    binding_rows(&app.keymap.filter, &mut out);
    out.push(Line::raw(""));
    out.push(head("Highlighting"));
    for (kind, sample, what) in LEGEND {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(sample, t.span(kind, Section::Denial, None)),
            Span::raw(format!(
                "{:<width$}{what}",
                "",
                width = 14usize.saturating_sub(crate::tui::text::width(sample))
            )),
        ]));
    }
    out.push(Line::raw(""));
    out.push(head("Sections (gutter marks in the document view)"));
    for s in Section::ALL {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(
                crate::tui::theme::Theme::section_mark(s),
                t.section(s).add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!("  {}", s.title())),
        ]));
    }
    out
}

/// Draws the help overlay, scrolled.
pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let title = Line::styled(" Help · esc closes · j/k scroll ", app.theme.focused());
    let block = pane_block(app, title, true);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = lines(app);
    let max = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .scroll((scroll.min(max) as u16, 0))
        .render(inner, buf);
}

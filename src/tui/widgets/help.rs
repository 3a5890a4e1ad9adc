//! The help overlay: the active key bindings and the highlighting legend.

use crate::model::{Section, SpanKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::library::Screen;
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

/// Where the help is opened: it lists only the keys that work there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpView {
    /// A briefing in the reader; `in_library` when it was opened from the library.
    Reader { in_library: bool },
    /// A library view.
    Library(Screen),
}

/// Whether a key of the reader's table does something in a library view.
fn works_in_library(action: &Action, screen: Screen) -> bool {
    use Action::*;
    match action {
        Quit | QuitNow | Suspend | SelectNext | SelectPrev | SelectFirst | SelectLast
        | PageDown | PageUp | PageForward | PageBack | Search | SearchNext | SearchPrev | Help
        | Close | Activate => true,
        // Undo and redo the library-wide merges of the source index.
        Undo | Redo => true,
        OnlySpeaker => matches!(screen, Screen::All | Screen::Sources | Screen::Statements),
        FocusNext | FocusPrev | FocusAllegations | FocusDenials | FocusResponses | FocusContext => {
            screen == Screen::All
        }
        _ => false,
    }
}

/// Key rows of one table, of the actions `keep` lets through: (keys, description).
fn binding_rows(
    table: &BTreeMap<Action, Vec<Key>>,
    keep: impl Fn(&Action) -> bool,
) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter(|(action, _)| keep(action))
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

/// Key rows laid out in one column, or two when `width` allows; the keys column is as wide
/// as its longest entry (up to 22), and what does not fit ends in an ellipsis.
fn key_lines(t: &Theme, rows: &[(String, &'static str)], width: usize) -> Vec<Line<'static>> {
    let keys_w = rows
        .iter()
        .map(|(k, _)| text::width(k))
        .max()
        .unwrap_or(0)
        .clamp(8, 22);
    let cell = |(keys, what): &(String, &'static str), w: usize| {
        let keys = format!("  {} ", cell_of(keys, keys_w, t.ascii));
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

/// `s` cut or padded to `width` columns.
fn cell_of(s: &str, width: usize, ascii: bool) -> String {
    let s = text::truncate(s, width, ascii);
    let pad = width.saturating_sub(text::width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// The help text at `width` columns.
pub fn lines(app: &App, width: usize, in_library: bool) -> Vec<Line<'static>> {
    lines_for(
        &app.keymap,
        &app.theme,
        width,
        HelpView::Reader { in_library },
    )
}

/// The help text for a key map and theme, with the keys that work in `view`; every line is
/// cut to `width` with an ellipsis.
pub fn lines_for(keymap: &Keymap, t: &Theme, width: usize, view: HelpView) -> Vec<Line<'static>> {
    let head = |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD));
    let mut out = vec![head("Keys")];
    match view {
        HelpView::Reader { in_library } => {
            out.extend(key_lines(t, &binding_rows(&keymap.reader, |_| true), width));
            out.push(Line::raw(""));
            out.push(head("In the source filter"));
            out.extend(key_lines(t, &binding_rows(&keymap.filter, |_| true), width));
            if in_library {
                out.push(Line::raw(""));
                out.push(head("Opened from the library (esc goes back too)"));
                let back = |a: &Action| *a == Action::OpenLibrary;
                out.extend(key_lines(t, &binding_rows(&keymap.library, back), width));
            }
        }
        HelpView::Library(screen) => {
            let keep = |a: &Action| works_in_library(a, screen);
            out.extend(key_lines(t, &binding_rows(&keymap.reader, keep), width));
            out.push(Line::raw(""));
            out.push(head("Library views (before the keys above)"));
            // A merge is made in the source index only.
            let here = |a: &Action| *a != Action::MergeSource || screen == Screen::Sources;
            out.extend(key_lines(t, &binding_rows(&keymap.library, here), width));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::raw(
        "A count in front repeats a move: 5j, 7k, 3 space, 20G goes to row 20, 2n.",
    ));
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
    out.into_iter()
        .map(|l| {
            let style = l.style;
            super::fit(l.spans, width, t.ascii).style(style)
        })
        .collect()
}

/// Draws the reader's help overlay, scrolled.
pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let view = HelpView::Reader {
        in_library: app.in_library,
    };
    render_help_for(&app.keymap, &app.theme, view, scroll, area, buf);
}

/// Draws the help overlay of a key map and theme, scrolled.
pub fn render_help_for(
    keymap: &Keymap,
    theme: &Theme,
    view: HelpView,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    Clear.render(area, buf);
    let title = Line::styled(" Help · esc or q closes · j/k scroll ", theme.focused());
    let block = Block::bordered()
        .border_set(theme.border_set(true))
        .border_style(theme.focused())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = lines_for(keymap, theme, inner.width as usize, view);
    let max = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .scroll((scroll.min(max) as u16, 0))
        .render(inner, buf);
}

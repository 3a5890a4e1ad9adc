//! The status bar: title, date, active filter, position and key hints; the search prompt.

use super::fit;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Overlay, View};
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Widget;

/// Where the selection is: `Denials 2/5`, `Document 7/11`, `Timeline 1/4`.
pub fn position(app: &App) -> String {
    match (app.focus, app.view) {
        (Focus::Timeline, _) => format!(
            "Timeline {}/{}",
            (app.timeline.selected + 1).min(app.timeline_items.len()),
            app.timeline_items.len()
        ),
        (Focus::Pane(_), View::Document) => format!(
            "Document {}/{}",
            (app.document.selected + 1).min(app.doc_items.len()),
            app.doc_items.len()
        ),
        (Focus::Pane(s), View::Panes) => {
            let n = app.section_items[s.index()].len();
            format!(
                "{} {}/{n}",
                s.title(),
                (app.panes[s.index()].selected + 1).min(n)
            )
        }
    }
}

/// The status bar's note that the briefing was damaged on the way in (invalid UTF-8 replaced,
/// a broken header ignored): `⚠ 1 warning: invalid UTF-8 replaced with �`, the first of the
/// loader's messages without its parenthesised details; `None` without warnings.
pub fn warning_summary(warnings: &[String], ascii: bool) -> Option<String> {
    let first = warnings.first()?;
    let mut short = String::new();
    let mut depth = 0usize;
    for c in first.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => short.push(c),
            _ => {}
        }
    }
    let short = short.split_whitespace().collect::<Vec<_>>().join(" ");
    let short = short.replace(" ;", ";");
    let sign = if ascii { "!" } else { "\u{26A0}" };
    let n = warnings.len();
    let noun = if n == 1 { "warning" } else { "warnings" };
    Some(format!("{sign} {n} {noun}: {short}"))
}

/// The search prompt's count: `1 matching sentence · `, `3 matching rows · `; nothing while
/// the query is empty.
pub fn matching(n: usize, query: &str, noun: &str) -> String {
    if query.is_empty() {
        return String::new();
    }
    format!("{n} matching {noun}{} · ", if n == 1 { "" } else { "s" })
}

/// Draws the status bar (or the search prompt while it is open).
pub fn render_status_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    let width = area.width as usize;
    if let Some(Overlay::Search(_)) = &app.overlay {
        let cursor = if t.ascii { "_" } else { "▏" };
        let line = fit(
            vec![
                Span::styled(
                    format!(" /{}{cursor}", app.query),
                    bar.add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!(
                        "   {}enter keep · esc cancel",
                        matching(app.search_matches().len(), &app.query, "sentence")
                    ),
                    bar,
                ),
            ],
            width,
            t.ascii,
        );
        line.render(area, buf);
        return;
    }
    let title = app
        .briefing
        .title
        .clone()
        .unwrap_or_else(|| app.name.clone());
    let date = app
        .briefing
        .date
        .clone()
        .unwrap_or_else(|| "no date".to_owned());
    let mut filter = if app.briefing.sentences.is_empty() {
        "no sentences".to_owned()
    } else {
        app.filter.describe(&app.briefing)
    };
    if !app.query.is_empty() {
        filter.push_str(&format!(" · /{}", app.query));
    }
    if let Some(note) = super::corrections::status_note(app) {
        filter.push_str(&format!(" · {note}"));
    }
    let warning = warning_summary(&app.briefing.warnings, t.ascii);
    let hint = |a: Action, what: &str| {
        format!(
            "{} {what}",
            app.keymap.keys_for(&a).split('/').next().unwrap_or("")
        )
    };
    // A warning takes the room of the longer key hints (they are all in the help).
    let warning_w = warning.as_deref().map_or(0, text::width);
    let (full_hints, short_hints) = (110 + warning_w, 60 + warning_w);
    let right = match (&app.message, app.count) {
        (Some(m), _) => format!(" {m} "),
        (None, Some(n)) => format!(" {} · count {n} ", position(app)),
        (None, None) if width >= full_hints => format!(
            " {} · {}  {}  {}  {} ",
            position(app),
            hint(Action::Help, "help"),
            hint(Action::OpenFilter, "filter"),
            hint(Action::ToggleDocument, "document"),
            hint(Action::Quit, "quit"),
        ),
        (None, None) if width >= short_hints => format!(
            " {} · {}  {} ",
            position(app),
            hint(Action::Help, "help"),
            hint(Action::Quit, "quit"),
        ),
        (None, None) => format!(" {} ", position(app)),
    };
    // A message (what a copy did) may take all but the start of the title; hints half.
    let cap = match app.message {
        Some(_) => width.saturating_sub(16).max(width / 2),
        None => width / 2,
    };
    let right_w = text::width(&right).min(cap);
    let left_w = width - right_w;
    // The filter is cut first, then the title, so a warning stays in sight on a narrow bar.
    let date_part = format!(" · {date}");
    let warn_part = warning.map(|w| format!(" · {w}"));
    let filter_part = format!(" · {filter}");
    let title_w = match &warn_part {
        Some(w) => left_w
            .saturating_sub(text::width(&date_part) + text::width(w))
            .max(12),
        None => left_w.max(2),
    };
    let mut spans = vec![
        Span::styled(
            format!(" {}", text::truncate(&title, title_w - 1, t.ascii)),
            bar.add_modifier(Modifier::BOLD),
        ),
        Span::styled(date_part, bar),
    ];
    if let Some(w) = warn_part {
        spans.push(Span::styled(" · ", bar));
        spans.push(Span::styled(
            w[" · ".len()..].to_owned(),
            bar.patch(t.warning()),
        ));
    }
    spans.push(Span::styled(filter_part, bar));
    let left = fit(spans, left_w, t.ascii);
    left.render(Rect::new(area.x, area.y, left_w as u16, 1), buf);
    let right = fit(vec![Span::styled(right, bar)], right_w, t.ascii);
    right.render(
        Rect::new(area.x + left_w as u16, area.y, right_w as u16, 1),
        buf,
    );
}

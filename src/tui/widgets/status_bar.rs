//! The status bar: title, date, active filter, position and key hints; the search prompt.

use super::fit;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Overlay, View};
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

/// Draws the status bar (or the search prompt while it is open).
pub fn render_status_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    let width = area.width as usize;
    if let Some(Overlay::Search(_)) = &app.overlay {
        let n = app.search_matches().len();
        let cursor = if t.ascii { "_" } else { "▏" };
        let line = fit(
            vec![
                Span::styled(
                    format!(" /{}{cursor}", app.query),
                    bar.add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!("   {n} matching sentences · enter keep · esc cancel"),
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
    let hint = |a: Action, what: &str| {
        format!(
            "{} {what}",
            app.keymap.keys_for(&a).split('/').next().unwrap_or("")
        )
    };
    let right = match &app.message {
        Some(m) => format!(" {m} "),
        None if width >= 110 => format!(
            " {} · {}  {}  {}  {} ",
            position(app),
            hint(Action::Help, "help"),
            hint(Action::OpenFilter, "filter"),
            hint(Action::ToggleDocument, "document"),
            hint(Action::Quit, "quit"),
        ),
        None if width >= 60 => format!(
            " {} · {}  {} ",
            position(app),
            hint(Action::Help, "help"),
            hint(Action::Quit, "quit"),
        ),
        None => format!(" {} ", position(app)),
    };
    let right_w = crate::tui::text::width(&right).min(width / 2);
    let left_w = width - right_w;
    let left = fit(
        vec![
            Span::styled(format!(" {title}"), bar.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" · {date} · {filter}"), bar),
        ],
        left_w,
        t.ascii,
    );
    left.render(Rect::new(area.x, area.y, left_w as u16, 1), buf);
    let right = fit(vec![Span::styled(right, bar)], right_w, t.ascii);
    right.render(
        Rect::new(area.x + left_w as u16, area.y, right_w as u16, 1),
        buf,
    );
}

//! The timeline sidebar: dated references in order, undated last; Enter jumps to the sentence.

use super::{fit, pane_block};
use crate::model::{Precision, TimeRef};
use crate::tui::app::{App, Focus};
use crate::tui::update::TIMELINE_ROWS;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A time value at the precision the text gives: `1990s`, `2022`, `Aug 2023`, `week 1 2015`,
/// `Tue 22 Oct 2024`; `undated` when it could not be resolved.
pub fn format_date(t: &TimeRef) -> String {
    let Some(v) = t.value.as_deref() else {
        return "undated".to_owned();
    };
    let precision = t
        .precision
        .unwrap_or_else(|| crate::loader::precision_of(v));
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match precision {
        Precision::Decade => format!("{}0s", v.get(..3).unwrap_or(v)),
        Precision::Week => match v.split_once("-W") {
            Some((y, w)) => format!("week {} {y}", w.trim_start_matches('0')),
            None => v.to_owned(),
        },
        Precision::Year => v.get(..4).unwrap_or(v).to_owned(),
        Precision::Month => match (v.get(..4), v.get(5..7).and_then(month)) {
            (Some(y), Some(m)) => format!("{m} {y}"),
            _ => v.to_owned(),
        },
        Precision::Day => match v
            .get(..10)
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        {
            Some(d) => {
                let wd = d.strftime("%a").to_string();
                let m = MONTHS[(d.month() as usize).saturating_sub(1) % 12];
                format!("{wd} {} {m} {}", d.day(), d.year())
            }
            None => v.to_owned(),
        },
    }
}

/// The words of a time reference as the row shows them next to its date: none when they say
/// no more than the date (`2022` next to `2022`).
pub fn expression(t: &TimeRef) -> &str {
    let date = format_date(t);
    if t.text.trim().eq_ignore_ascii_case(date.trim()) {
        ""
    } else {
        &t.text
    }
}

/// A short label: the speaker and the first few words of the sentence.
pub fn label(app: &App, t: &TimeRef) -> String {
    let Some(s) = app.briefing.sentences.get(t.sentence) else {
        return String::new();
    };
    let who = app.briefing.speaker_names(s);
    let who = if who.is_empty() {
        "writer".to_owned()
    } else {
        who
    };
    let words: Vec<&str> = s.text.split_whitespace().take(6).collect();
    format!("{who}: {}", words.join(" "))
}

/// Draws the sidebar.
pub fn render_timeline(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Timeline;
    let n = app.timeline_items.len();
    let title_style = if focused {
        app.theme.focused()
    } else {
        app.theme.muted()
    };
    let title = Line::from(Span::styled(format!(" Timeline ({n}) "), title_style));
    let block = pane_block(app, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if n == 0 {
        Line::styled(" no time references", app.theme.muted()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let fits = inner.height as usize / TIMELINE_ROWS;
    let ascii = app.theme.ascii;
    for (row, &i) in app
        .timeline_items
        .iter()
        .enumerate()
        .skip(app.timeline.offset)
        .take(fits)
    {
        let t = &app.briefing.timeline[i];
        let selected = row == app.timeline.selected;
        let mark = match (selected, focused, ascii) {
            (true, true, true) => "> ",
            (true, true, false) => "▶ ",
            (true, false, false) => "› ",
            _ => "  ",
        };
        let date = Span::styled(
            format_date(t),
            ratatui::style::Style::new().add_modifier(Modifier::BOLD),
        );
        let expr = Span::styled(
            format!("  {}", expression(t)),
            app.theme.span(
                crate::model::SpanKind::Time,
                crate::model::Section::Context,
                None,
            ),
        );
        let mut first = fit(vec![Span::raw(mark), date, expr], width, ascii);
        if selected && focused {
            let pad = width.saturating_sub(first.width());
            first.spans.push(Span::raw(" ".repeat(pad)));
            first = first.patch_style(app.theme.selected());
        }
        let second = fit(
            vec![Span::styled(
                format!("    {}", label(app, t)),
                app.theme.muted(),
            )],
            width,
            ascii,
        );
        let y = inner.y + ((row - app.timeline.offset) * TIMELINE_ROWS) as u16;
        first.render(Rect::new(inner.x, y, inner.width, 1), buf);
        second.render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
    }
}

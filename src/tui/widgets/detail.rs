//! The detail pane: the selected sentence in full, highlighted, with its speakers and parties,
//! its section and the cues that decided it, and its time references.

use super::pane_block;
use super::sections::speaker_spans;
use super::timeline::format_date;
use crate::tui::app::App;
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The detail pane's lines at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(s) = app.current_sentence() else {
        let note = super::empty_note(app).unwrap_or("No sentence selected.");
        return vec![Line::styled(note, app.theme.muted())];
    };
    let t = &app.theme;
    let runs = text::styled_runs(&app.briefing, s, t, Style::new(), app.highlight_query());
    let mut out = text::wrap_runs(&s.text, &runs, width);
    let label = |l: &str| Span::styled(format!("{l:<11}"), t.muted());
    out.push(Line::raw(""));
    let mut who = vec![label("Speakers")];
    if s.speakers.is_empty() {
        who.extend(speaker_spans(app, s.id));
        who.push(Span::raw(" (the writer's own voice)"));
    } else {
        for (k, &sid) in s.speakers.iter().enumerate() {
            let Some(src) = app.briefing.sources.get(sid) else {
                continue;
            };
            if k > 0 {
                who.push(Span::raw(", "));
            }
            who.push(Span::styled(
                src.name.clone(),
                t.speaker(src.party.as_deref()),
            ));
            who.push(Span::raw(format!(
                " ({})",
                src.party.as_deref().unwrap_or("party unknown")
            )));
        }
    }
    out.push(Line::from(who));
    let mut sec = vec![
        label("Section"),
        Span::styled(
            section_name(s.section),
            t.section(s.section).add_modifier(Modifier::BOLD),
        ),
    ];
    if s.cues.is_empty() {
        sec.push(Span::styled("  (no cue: default)", t.muted()));
    }
    for (k, c) in s.cues.iter().enumerate() {
        sec.push(Span::raw(if k == 0 { "  because " } else { ", " }));
        sec.push(Span::styled(
            format!("\u{201c}{}\u{201d}", c.text),
            t.span(crate::model::SpanKind::Cue, c.section, None),
        ));
        sec.push(Span::styled(format!(" ({})", c.rule), t.muted()));
    }
    out.push(Line::from(sec));
    let times: Vec<_> = app.times_of(s.id).collect();
    if !times.is_empty() {
        let mut l = vec![label("Time")];
        for (k, tr) in times.iter().enumerate() {
            if k > 0 {
                l.push(Span::raw("; "));
            }
            l.push(Span::raw(format!("{} = {}", tr.text, format_date(tr))));
        }
        out.push(Line::from(l));
    }
    if let Some(lk) = s.likelihood {
        let name = format!("{lk:?}")
            .chars()
            .flat_map(|c| {
                let space = c.is_ascii_uppercase().then_some(' ');
                space
                    .into_iter()
                    .chain(std::iter::once(c.to_ascii_lowercase()))
            })
            .collect::<String>()
            .trim()
            .to_owned();
        out.push(Line::from(vec![label("Likelihood"), Span::raw(name)]));
    }
    if let Some(turn) = &s.turn {
        out.push(Line::from(vec![label("Turn"), Span::raw(turn.clone())]));
    }
    out
}

/// Draws the detail pane.
pub fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let title = match app.current_sentence() {
        Some(s) => format!(
            " Sentence {} of {} ",
            s.id + 1,
            app.briefing.sentences.len()
        ),
        None => " Sentence ".to_owned(),
    };
    let block = pane_block(
        app,
        Line::from(Span::styled(title, app.theme.muted())),
        false,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = lines(app, inner.width as usize);
    if lines.len() > inner.height as usize {
        // Short of room: drop the blank line between the text and its particulars.
        if let Some(blank) = lines.iter().position(|l| l.width() == 0) {
            lines.remove(blank);
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// The singular, capitalised name of a section (`Allegation`).
fn section_name(section: crate::model::Section) -> String {
    let name = section.as_str();
    let mut c = name.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}

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

/// The detail pane's lines at `width` columns, the sentence's text wrapped to no more than
/// `max_text` lines (what the pane can show of a very long sentence).
pub fn lines(app: &App, width: usize, max_text: usize) -> Vec<Line<'static>> {
    let Some(s) = app.current_sentence() else {
        let note = super::empty_note(app).unwrap_or("No sentence selected.");
        return vec![Line::styled(note, app.theme.muted())];
    };
    let t = &app.theme;
    let ranges = text::wrap_ranges_upto(&s.text, width, max_text);
    let end = ranges.last().map_or(0, |r| r.end);
    let query = app.highlight_query();
    let runs = text::styled_runs_upto(&app.briefing, s, t, Style::new(), query, end);
    let mut out = text::lines_of(&s.text, &runs, &ranges);
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
        sec.push(Span::styled(
            "  (no strong reason: the model's prior)",
            t.muted(),
        ));
    }
    // A long sentence may hold thousands of cues and dates: each line lists what three rows
    // can show and counts the rest.
    let room = 3 * width;
    let mut used = 0;
    for (k, c) in s.cues.iter().enumerate() {
        if used > room {
            let more = format!(", and {} more", s.cues.len() - k);
            sec.push(Span::styled(more, t.muted()));
            break;
        }
        sec.push(Span::raw(if k == 0 { "  because " } else { ", " }));
        // A reason without words of its own ("the sentence before") is named by its rule.
        let words = c.text(&s.text);
        if words.is_empty() {
            used += text::width(c.rule) + 10;
            sec.push(Span::styled(c.rule.to_owned(), t.muted()));
            continue;
        }
        let quoted = format!("\u{201c}{words}\u{201d}");
        let rule = format!(" ({})", c.rule);
        used += text::width(&quoted) + text::width(&rule) + 10;
        sec.push(Span::styled(
            quoted,
            t.span(crate::model::SpanKind::Cue, c.section, None),
        ));
        sec.push(Span::styled(rule, t.muted()));
    }
    out.push(Line::from(sec));
    let (mut l, mut shown, mut total) = (vec![label("Time")], 0, 0);
    used = 11;
    for tr in app.times_of(s.id) {
        total += 1;
        if used > room {
            continue;
        }
        let item = format!(
            "{}{} = {}",
            if shown > 0 { "; " } else { "" },
            tr.text,
            format_date(tr)
        );
        used += text::width(&item);
        l.push(Span::raw(item));
        shown += 1;
    }
    if total > shown {
        l.push(Span::styled(
            format!("; and {} more", total - shown),
            t.muted(),
        ));
    }
    if total > 0 {
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
    let mut lines = lines(app, inner.width as usize, inner.height as usize);
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

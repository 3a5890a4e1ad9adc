//! Drawing the analyst's corrections: the pickers and prompts, the mark on a corrected
//! sentence (a glyph, so it reads without colour), the detail pane's account of the
//! correction, and the status bar's note about unsaved corrections.

use super::{fit, pane_block};
use crate::model::{Section, Sentence};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::edits::{Picker, SpeakerRow, first_key};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

/// The mark of a sentence the analyst corrected or annotated.
pub fn glyph(ascii: bool) -> &'static str {
    if ascii { "*" } else { "\u{270e}" }
}

/// The mark and a space in front of a corrected sentence's row; nothing for others.
pub fn row_mark(theme: &Theme, s: &Sentence) -> Option<Span<'static>> {
    s.correction.as_ref()?;
    Some(Span::styled(
        format!("{} ", glyph(theme.ascii)),
        Style::new().add_modifier(Modifier::BOLD),
    ))
}

/// The detail pane's lines about a correction: by whom, the machine's reading, the note.
pub fn detail_lines(app: &App, s: &Sentence) -> Vec<Line<'static>> {
    let Some(c) = &s.correction else {
        return Vec::new();
    };
    let t = &app.theme;
    let label = |l: &str| Span::styled(format!("{l:<11}"), t.muted());
    let who = if c.original.speakers.is_empty() {
        "the writer's own voice".to_owned()
    } else {
        c.original
            .speakers
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = vec![Line::from(vec![
        label("Corrected"),
        Span::styled(
            format!("{} by you", glyph(t.ascii)),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(
            "; the machine read: {}, {who}",
            c.original.section.title()
        )),
    ])];
    if let Some(n) = &c.note {
        out.push(Line::from(vec![label("Note"), Span::raw(clean(n))]));
    }
    out
}

/// What the status bar adds while corrections are not saved to a file.
pub fn status_note(app: &App) -> Option<String> {
    app.edits.unsaved.then(|| {
        format!(
            "{} corrections not saved ({} saves)",
            glyph(app.theme.ascii),
            first_key(app, &Action::SaveCorrectionsAs)
        )
    })
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Draws a picker or prompt over the reader.
pub fn render_picker(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let t = &app.theme;
    let title = match picker {
        Picker::Section { sentence, .. } => format!(" Section of sentence {} ", sentence + 1),
        Picker::Speakers(s) => format!(" Speakers of sentence {} ", s.sentence + 1),
        Picker::Note { sentence, .. } => format!(" Note on sentence {} ", sentence + 1),
        Picker::SaveAs { .. } => " Save the corrections to ".to_owned(),
    };
    let block = pane_block(app, Line::styled(title, t.focused()), true);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let cursor = if t.ascii { "_" } else { "\u{258f}" };
    let (mut lines, selected, hint): (Vec<Line<'static>>, Option<usize>, String) = match picker {
        Picker::Section { list, .. } => {
            let lines = Section::ALL
                .iter()
                .map(|s| {
                    Line::from(vec![
                        Span::raw(format!("  {} ", s.index() + 1)),
                        Span::styled(
                            format!("{} ", s.as_str().chars().next().unwrap_or(' ')),
                            t.focused(),
                        ),
                        Span::styled(s.title(), t.section(*s).add_modifier(Modifier::BOLD)),
                    ])
                })
                .collect();
            (
                lines,
                Some(list.selected),
                "a/d/r/c or 1-4 pick · enter picks the row · esc cancels".into(),
            )
        }
        Picker::Speakers(st) => {
            let mut lines = Vec::new();
            for (row, checked) in st.rows.iter().zip(&st.checked) {
                let mark = if *checked { "[x] " } else { "[ ] " };
                let line = match row {
                    SpeakerRow::Writer => Line::from(vec![
                        Span::raw(mark),
                        Span::styled(
                            "the writer's own voice (no speakers)",
                            Style::new().add_modifier(Modifier::ITALIC),
                        ),
                    ]),
                    SpeakerRow::Source(id) => {
                        let src = app.briefing.sources.get(*id);
                        let party = src.and_then(|s| s.party.clone());
                        Line::from(vec![
                            Span::raw(mark),
                            Span::styled(
                                src.map_or(String::new(), |s| clean(&s.name)),
                                t.speaker(party.as_deref()),
                            ),
                            Span::styled(
                                format!(
                                    " ({})",
                                    clean(party.as_deref().unwrap_or("party unknown"))
                                ),
                                t.muted(),
                            ),
                        ])
                    }
                    SpeakerRow::New(s) => Line::from(vec![
                        Span::raw(mark),
                        Span::styled(clean(&s.name), Style::new().add_modifier(Modifier::BOLD)),
                        Span::styled(
                            format!(
                                " ({}, new)",
                                clean(s.party.as_deref().unwrap_or("party unknown"))
                            ),
                            t.muted(),
                        ),
                    ]),
                    SpeakerRow::Add => match &st.typing {
                        Some((name, None)) => {
                            Line::from(format!("    name: {}{cursor}", clean(name)))
                        }
                        Some((name, Some(party))) => Line::from(format!(
                            "    {} · party: {}{cursor}",
                            clean(name),
                            clean(party)
                        )),
                        None => Line::styled("    + a new speaker (name, then party)", t.muted()),
                    },
                };
                lines.push(line);
            }
            let hint = if st.typing.is_some() {
                "type · enter next · esc cancels the new speaker".to_owned()
            } else {
                format!(
                    "{} toggle · enter applies · esc cancels",
                    app.keymap
                        .filter
                        .get(&Action::ToggleEntry)
                        .and_then(|k| k.first())
                        .map_or("space".to_owned(), |k| k.to_string())
                )
            };
            (lines, Some(st.list.selected), hint)
        }
        Picker::Note { text, .. } | Picker::SaveAs { text } => {
            let shown = clean(text);
            // The end of a long text stays in sight.
            let room = width.saturating_sub(3);
            let mut start = 0;
            while text::width(&shown[start..]) > room {
                start += shown[start..].chars().next().map_or(1, char::len_utf8);
            }
            let what = if matches!(picker, Picker::Note { .. }) {
                "enter keeps it (empty removes it) · esc cancels"
            } else {
                "a path (~/ for home) · enter saves · esc cancels"
            };
            (
                vec![Line::from(format!(" {}{cursor}", &shown[start..]))],
                None,
                what.to_owned(),
            )
        }
    };
    let rows = inner.height.saturating_sub(1) as usize;
    let offset = selected.map_or(0, |s| (s + 1).saturating_sub(rows));
    for (k, line) in lines.drain(..).enumerate().skip(offset).take(rows) {
        let mut line = fit(line.spans, width, t.ascii);
        if Some(k) == selected {
            let pad = width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(pad)));
            line = line.patch_style(t.selected());
        }
        let y = inner.y + (k - offset) as u16;
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let y = inner.y + inner.height - 1;
    fit(vec![Span::styled(hint, t.muted())], width, t.ascii)
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
}

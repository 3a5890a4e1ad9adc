//! The detail pane: the selected sentence in full, highlighted, with its speakers and parties,
//! its section and the cues that decided it, and its time references.

use super::pane_block;
use super::sections::speaker_spans;
use super::timeline::format_date;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

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
    let label = |l: &str| Span::styled(format!("{l:<11}"), t.muted());
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
    // The speakers and the section head the pane, the text under them: the same rows for
    // every sentence, so the eye finds them in one place, and moving between sentences of one
    // speaker (of one section, in its pane) leaves those rows as they are on the terminal.
    let mut out = vec![
        Line::from(who),
        Line::from(vec![
            label("Section"),
            Span::styled(
                section_name(s.section),
                t.section(s.section).add_modifier(Modifier::BOLD),
            ),
        ]),
    ];
    out.extend(text::lines_of(&s.text, &runs, &ranges));
    out.push(Line::raw(""));
    let mut sec = vec![label("Reasons")];
    if s.cues.is_empty() {
        sec.push(Span::styled("none strong: the model's prior", t.muted()));
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
        // A reason without words of its own ("the sentence before") is named by its rule,
        // once.
        let words = c.text(&s.text);
        if words.is_empty()
            && s.cues[..k]
                .iter()
                .any(|p| p.rule == c.rule && p.text(&s.text).is_empty())
        {
            continue;
        }
        if sec.len() > 1 {
            sec.push(Span::raw(", "));
        }
        if words.is_empty() {
            used += text::width(c.rule) + 10;
            sec.push(Span::styled(c.rule.to_owned(), t.muted()));
            continue;
        }
        // Plain: the words stand highlighted in the text just above, and a key that moves
        // to the next sentence sends fewer colour changes over a slow link.
        let quoted = format!("\u{201c}{words}\u{201d}");
        used += text::width(&quoted) + 10;
        sec.push(Span::raw(quoted));
        // Cues of one rule in a row share its name: `“alleged”, “hacked” (strong
        // allegation cue)`, fewer words to read (and to send over a slow link).
        let shared = s
            .cues
            .get(k + 1)
            .is_some_and(|n| n.rule == c.rule && !n.text(&s.text).is_empty());
        if shared && used <= room {
            continue;
        }
        let rule = format!(" ({})", c.rule);
        used += text::width(&rule);
        sec.push(Span::styled(rule, t.muted()));
    }
    out.push(Line::from(sec));
    out.extend(super::corrections::detail_lines(app, s));
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

/// Columns of the labels in front of the particulars (`Speakers   `); a particular that
/// wraps goes on under its value, past the label.
pub const LABEL: usize = 11;

/// The rows of the detail pane that come before the sentence's text (speakers, section).
pub const HEAD: usize = 2;

/// The detail pane's rows at `width` columns: the speakers and the section, the sentence's
/// text (no more than `max_text` rows of it), then the other particulars, each wrapped under
/// its value column.
pub fn rows(app: &App, width: usize, max_text: usize) -> Vec<Line<'static>> {
    let text_rows = app.current_sentence().map_or(0, |s| {
        text::wrap_ranges_upto(&s.text, width, max_text).len()
    });
    let mut out = Vec::new();
    for (k, line) in lines(app, width, max_text).into_iter().enumerate() {
        if (HEAD..HEAD + text_rows).contains(&k) {
            out.push(line);
        } else {
            out.extend(hang(line, width, LABEL));
        }
    }
    out
}

/// Wraps a line of spans to `width` columns at spaces, each row after the first indented by
/// `indent` columns; a word longer than a row is cut where the row ends.
pub fn hang(line: Line<'static>, width: usize, indent: usize) -> Vec<Line<'static>> {
    if line.width() <= width || width <= indent + 1 {
        return vec![line];
    }
    // Words with the spaces after them, each a run of (text, style) pieces.
    let mut words: Vec<Vec<(String, Style)>> = vec![Vec::new()];
    for span in &line.spans {
        let mut piece = String::new();
        for c in span.content.chars() {
            let ends_word = c == ' ';
            piece.push(c);
            if ends_word {
                words
                    .last_mut()
                    .expect("one word at least")
                    .push((piece, span.style));
                piece = String::new();
                words.push(Vec::new());
            }
        }
        if !piece.is_empty() {
            words
                .last_mut()
                .expect("one word at least")
                .push((piece, span.style));
        }
    }
    let word_width = |w: &[(String, Style)]| w.iter().map(|(t, _)| text::width(t)).sum::<usize>();
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for word in words.into_iter().filter(|w| !w.is_empty()) {
        let w = word_width(&word);
        let trimmed = w - word.last().map_or(0, |(t, _)| t.len() - t.trim_end().len());
        if used > indent && used + trimmed > width {
            rows.push(vec![Span::raw(" ".repeat(indent))]);
            used = indent;
        }
        for (t, style) in word {
            for c in t.chars() {
                let cw = text::width(c.encode_utf8(&mut [0; 4]));
                if used + cw > width && c != ' ' {
                    rows.push(vec![Span::raw(" ".repeat(indent))]);
                    used = indent;
                }
                let row = rows.last_mut().expect("one row at least");
                match row.last_mut() {
                    Some(last) if last.style == style && used > indent => {
                        last.content.to_mut().push(c)
                    }
                    _ => row.push(Span::styled(c.to_string(), style)),
                }
                used += cw;
            }
        }
    }
    rows.into_iter().map(Line::from).collect()
}

/// Draws the detail pane, scrolled by the reader's `detail_scroll` (kept in range by
/// `update`); the bottom border says when there is more to scroll to.
pub fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let title = match app.current_sentence() {
        Some(s) => format!(
            " Sentence {} of {} · JSON id {} ",
            s.id + 1,
            app.briefing.sentences.len(),
            s.id
        ),
        None => " Sentence ".to_owned(),
    };
    let mut block = pane_block(
        app,
        Line::from(Span::styled(title, app.theme.muted())),
        false,
    );
    let inner = block.inner(area);
    let height = inner.height as usize;
    let scroll = app.detail_scroll;
    let mut lines = rows(app, inner.width as usize, scroll + height);
    if scroll == 0 && lines.len() > height {
        // Short of room: drop the blank line between the text and its particulars.
        if let Some(blank) = lines.iter().position(|l| l.width() == 0) {
            lines.remove(blank);
        }
    }
    let more_below = lines.len() > scroll + height;
    if scroll > 0 || more_below {
        let keys = |a: &Action| app.keymap.keys_for(a);
        let (down, up) = (keys(&Action::DetailDown), keys(&Action::DetailUp));
        let arrows = match (scroll > 0, more_below, app.theme.ascii) {
            (true, true, false) => "↑↓",
            (true, true, true) => "^v",
            (true, false, false) => "↑",
            (true, false, true) => "^",
            (false, _, false) => "↓",
            (false, _, true) => "v",
        };
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {arrows} {down}/{up} scroll "),
                app.theme.muted(),
            ))
            .right_aligned(),
        );
    }
    block.render(area, buf);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    Paragraph::new(shown).render(inner, buf);
}

/// The singular, capitalised name of a section (`Allegation`).
fn section_name(section: crate::model::Section) -> String {
    let name = section.as_str();
    let mut c = name.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}

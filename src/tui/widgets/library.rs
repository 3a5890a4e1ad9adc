//! The library screens: the list of briefings, the all-briefings section panes, the status
//! bar with loading progress, and the sentence box shared by the views that list sentences.
//! An opened briefing is drawn by the reader's own widgets.

use super::rows::{block, cell, clean, mark, render_row, sentence_spans};
use super::{fit, help, library_timeline, source_index};
use crate::library::{EntryState, Selection};
use crate::model::Section;
use crate::tui::action::Action;
use crate::tui::layout::{MIN_SIZE, centered};
use crate::tui::library::{LibraryApp, Screen, body_rows, detail_rows};
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

impl Widget for &LibraryApp {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(o) = &self.opened {
            (&o.app).render(area, buf);
            return;
        }
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            let msg = format!(
                "The terminal is too small ({}x{}). debrief needs at least {}x{}. q quits.",
                area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
            );
            Paragraph::new(msg)
                .centered()
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let body = Rect::new(
            area.x,
            area.y,
            area.width,
            body_rows(self.size).min(area.height),
        );
        let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        let detail_h = detail_rows(self.size).min(body.height);
        let [lists, detail] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(body);
        match self.screen {
            Screen::List => render_list(self, body, buf),
            Screen::All => {
                render_all(self, lists, buf);
                render_sentence_box(self, self.selected_sentence(), detail, buf);
            }
            Screen::Timeline => {
                library_timeline::render_merged_timeline(self, lists, buf);
                render_sentence_box(self, self.selected_sentence(), detail, buf);
            }
            Screen::Sources => source_index::render_sources(self, body, buf),
            Screen::Statements => {
                source_index::render_statements(self, lists, buf);
                render_sentence_box(self, self.selected_sentence(), detail, buf);
            }
        }
        render_status(self, status, buf);
        if let Some(scroll) = self.help {
            let r = centered(area, 104, area.height.saturating_sub(2));
            let view = help::HelpView::Library(self.screen);
            help::render_help_for(&self.keymap, &self.theme, view, scroll, r, buf);
        }
    }
}

/// `A 2  D 4  R 9  C 1`.
fn counts(c: crate::library::SectionCounts) -> String {
    Section::ALL
        .iter()
        .map(|&s| format!("{} {:<3}", &s.title()[..1], c.get(s)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The list of briefings, newest first.
pub fn render_list(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let p = lib.library.progress();
    let title = if p.done < p.total {
        format!("Library · {} files · {}", p.total, p.describe())
    } else {
        format!("Library · {}", p.describe())
    };
    let b = block(t, title, true);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    // The title gets the room: the sections column shows only beside a title of 40 columns,
    // and the file column takes no more than its longest path, also beside 40 title columns.
    let file = |e: &crate::library::Entry| {
        let shown = e.path.strip_prefix(&lib.file_base).unwrap_or(&e.path);
        clean(&shown.to_string_lossy())
    };
    let sections_w = if width >= 4 + 10 + 2 + 40 + 2 + 24 {
        24
    } else {
        0
    };
    let room = width.saturating_sub(4 + 10 + 2 + if sections_w > 0 { sections_w + 2 } else { 0 });
    let longest = lib
        .order
        .iter()
        .skip(lib.list.offset)
        .take(inner.height as usize)
        .filter_map(|&d| lib.library.get(d))
        .map(|e| text::width(&file(e)))
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let file_w = if room >= 40 + 2 + longest { longest } else { 0 };
    let title_w = if file_w > 0 { room - 2 - file_w } else { room }.max(8);
    let mut head = format!(
        "    {}  {}",
        cell("Date", 10, t.ascii),
        cell("Title", title_w, t.ascii)
    );
    if sections_w > 0 {
        head.push_str(&format!("  {}", cell("Sections", sections_w, t.ascii)));
    }
    if file_w > 0 {
        head.push_str("  File");
    }
    Line::styled(head, t.muted().add_modifier(Modifier::BOLD))
        .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    let rows = inner.height as usize - 1;
    for (row, &doc) in lib
        .order
        .iter()
        .enumerate()
        .skip(lib.list.offset)
        .take(rows)
    {
        let Some(e) = lib.library.get(doc) else {
            continue;
        };
        let selected = row == lib.list.selected;
        let (state, state_style) = match (&e.state, t.ascii) {
            (EntryState::Loaded(_), _) => (" ", Style::new()),
            (EntryState::Loading, false) => ("…", t.muted()),
            (EntryState::Loading, true) => ("~", t.muted()),
            (EntryState::Failed(_), _) => ("!", Style::new().add_modifier(Modifier::BOLD)),
            (EntryState::Gone, false) => ("✗", Style::new().add_modifier(Modifier::BOLD)),
            (EntryState::Gone, true) => ("x", Style::new().add_modifier(Modifier::BOLD)),
        };
        let date = e.date().unwrap_or(match e.state {
            EntryState::Loaded(_) => "no date",
            _ => "",
        });
        let info = match &e.state {
            EntryState::Loaded(_) => e.counts().map(counts).unwrap_or_default(),
            EntryState::Loading => "loading…".to_owned(),
            EntryState::Failed(why) => format!("failed: {why}"),
            EntryState::Gone => "deleted on disk".to_owned(),
        };
        let mut spans = vec![
            Span::raw(mark(t, selected)),
            Span::styled(state, state_style),
            Span::raw(" "),
            Span::styled(
                cell(date, 10, t.ascii),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw("  "),
            Span::raw(cell(&clean(&e.title()), title_w, t.ascii)),
        ];
        if sections_w > 0 {
            spans.push(Span::raw("  "));
            spans.push(Span::raw(cell(&clean(&info), sections_w, t.ascii)));
        }
        if file_w > 0 {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(file(e), t.muted()));
        }
        let y = inner.y + 1 + (row - lib.list.offset) as u16;
        render_row(
            t,
            spans,
            selected,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
    }
}

/// The four section panes across every briefing, each row tagged with its briefing.
pub fn render_all(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(area);
    let [tl, tr] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
    let [bl, br] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
    for (s, r) in Section::ALL.into_iter().zip([tl, tr, bl, br]) {
        render_all_pane(lib, s, r, buf);
    }
}

fn render_all_pane(lib: &LibraryApp, section: Section, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let i = section.index();
    let focused = lib.all.focus == section;
    let items = &lib.all.items[i];
    let b = block(
        t,
        format!("{} ({}) · all briefings", section.title(), items.len()),
        focused,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    if items.is_empty() {
        Line::styled("  nothing here", t.muted()).render(inner, buf);
        return;
    }
    let state = lib.all.panes[i];
    for (row, &sel) in items
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(inner.height as usize)
    {
        let selected = row == state.selected;
        let y = inner.y + (row - state.offset) as u16;
        let spans = sentence_spans(lib, sel, selected && focused, 18);
        render_row(
            t,
            spans,
            selected && focused,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
    }
}

/// The selected sentence in full, with its briefing, speakers and section.
pub fn render_sentence_box(lib: &LibraryApp, sel: Option<Selection>, area: Rect, buf: &mut Buffer) {
    if area.height < 3 {
        return;
    }
    let t = &lib.theme;
    let found = sel.and_then(|sel| {
        let b = lib.library.briefing(sel.doc)?;
        Some((sel, b, b.sentences.get(sel.sentence)?))
    });
    let Some((sel, b, s)) = found else {
        block(t, "Sentence".into(), false).render(area, buf);
        return;
    };
    let title = format!(
        "{} · sentence {} of {}",
        clean(&lib.short_title(sel.doc, 60)),
        s.id + 1,
        b.sentences.len()
    );
    let bl = block(t, title, false);
    let inner = bl.inner(area);
    bl.render(area, buf);
    let who = b.speaker_names(s);
    let who = if who.is_empty() {
        "the writer".to_owned()
    } else {
        who
    };
    let enter = lib.keymap.keys_for(&Action::Activate);
    // The box shows no more of a long sentence than its rows hold.
    let room = usize::from(inner.width) * usize::from(inner.height);
    let lines = vec![
        Line::raw(s.text[..text::prefix_for_width(&s.text, room)].to_owned()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Speakers ", t.muted()),
            Span::raw(who),
            Span::styled("   Section ", t.muted()),
            Span::styled(
                s.section.title(),
                t.section(s.section).add_modifier(Modifier::BOLD),
            ),
            Span::raw(match s.correction {
                Some(_) => format!(" {} corrected by you", super::corrections::glyph(t.ascii)),
                None => String::new(),
            }),
            Span::styled(
                format!(
                    "   {} opens the briefing here",
                    enter.split('/').next().unwrap_or("enter")
                ),
                t.muted(),
            ),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// The status bar: the view, loading progress, filter, position and key hints.
pub fn render_status(lib: &LibraryApp, area: Rect, buf: &mut Buffer) {
    let t = &lib.theme;
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    let width = area.width as usize;
    if lib.prompt.is_some() {
        let cursor = if t.ascii { "_" } else { "▏" };
        let n = lib.search_matches().len();
        let found = super::status_bar::matching(n, &lib.query, "row");
        fit(
            vec![
                Span::styled(
                    format!(" /{}{cursor}", clean(&lib.query)),
                    bar.add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!("   {found}enter keep · esc cancel"), bar),
            ],
            width,
            t.ascii,
        )
        .render(area, buf);
        return;
    }
    let p = lib.library.progress();
    let (view, pos, len) = match lib.screen {
        Screen::List => ("Library", lib.list.selected, lib.order.len()),
        Screen::All => {
            let i = lib.all.focus.index();
            (
                lib.all.focus.title(),
                lib.all.panes[i].selected,
                lib.all.items[i].len(),
            )
        }
        Screen::Timeline => (
            "Merged timeline",
            lib.timeline_list.selected,
            lib.timeline.len(),
        ),
        Screen::Sources => ("Sources", lib.sources_list.selected, lib.sources.len()),
        Screen::Statements => (
            "Statements",
            lib.statements_list.selected,
            lib.statements.len(),
        ),
    };
    let mut left = format!(" {view}");
    if lib.screen == Screen::All {
        left = format!(" All briefings · {view}");
        if let Some(name) = lib.only_name() {
            left.push_str(&format!(" · only {}", clean(&name)));
        }
    }
    if lib.screen == Screen::Statements
        && let Some(k) = &lib.statements_of
    {
        let name = lib
            .sources
            .iter()
            .find(|s| &s.key == k)
            .map_or(k.name.clone(), |s| s.name.clone());
        left.push_str(&format!(" of {}", clean(&name)));
    }
    if let Some(name) = lib.merging_name() {
        let m = lib.keymap.keys_for(&Action::MergeSource);
        left.push_str(&format!(
            " · merge {} into: pick the speaker, {m} · esc cancels",
            clean(&name)
        ));
    }
    left.push_str(&format!(" · {}", p.describe()));
    if !lib.library.skipped.is_empty() {
        left.push_str(&format!(" · {} skipped", lib.library.skipped.len()));
    }
    let hint = |a: Action, what: &str| {
        format!(
            "{} {what}",
            lib.keymap.keys_for(&a).split('/').next().unwrap_or("")
        )
    };
    let mut position = format!("{}/{len}", (pos + 1).min(len));
    if !lib.query.is_empty() {
        position = format!("/{} · {position}", clean(&lib.query));
    }
    if let Some(n) = lib.count {
        position.push_str(&format!(" · count {n}"));
    }
    let right = match &lib.message {
        Some(m) => format!(" {} ", clean(m)),
        None if width >= 110 => format!(
            " {position} · {}  {}  {}  {}  {}  {} ",
            hint(Action::Activate, "open"),
            hint(Action::OpenAllBriefings, "all"),
            hint(Action::OpenMergedTimeline, "timeline"),
            hint(Action::OpenSources, "sources"),
            hint(Action::Help, "help"),
            hint(Action::Quit, "quit"),
        ),
        None => format!(" {position} · {} ", hint(Action::Help, "help")),
    };
    // The hints give way to the view's name and progress, down to half the bar.
    let keep = match lib.message {
        Some(_) => 16,
        None => width / 2,
    };
    let room = width.saturating_sub(text::width(&left).min(keep));
    let right_w = text::width(&right).min(room);
    let left_w = width - right_w;
    fit(
        vec![Span::styled(left, bar.add_modifier(Modifier::BOLD))],
        left_w,
        t.ascii,
    )
    .render(Rect::new(area.x, area.y, left_w as u16, 1), buf);
    fit(vec![Span::styled(right, bar)], right_w, t.ascii).render(
        Rect::new(area.x + left_w as u16, area.y, right_w as u16, 1),
        buf,
    );
}

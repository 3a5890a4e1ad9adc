//! The source filter popup: every speaker grouped by party, with sentence counts.

use super::{fit, pane_block};
use crate::tui::app::{App, FilterState};
use crate::tui::filter::{Entry, Voice, voice_name};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

/// `[x]`, `[ ]`, or `[~]` for a party only partly shown.
fn checkbox(state: &FilterState, entry: &Entry) -> &'static str {
    let hidden = |v: &Voice| state.pending.hidden.contains(v);
    match entry {
        Entry::Voice(v) if hidden(v) => "[ ]",
        Entry::Voice(_) => "[x]",
        Entry::Party { members, .. } => {
            let n = members.iter().filter(|m| hidden(m)).count();
            if n == 0 {
                "[x]"
            } else if n == members.len() {
                "[ ]"
            } else {
                "[~]"
            }
        }
    }
}

/// Draws the popup over the reader.
pub fn render_filter(app: &App, state: &FilterState, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let t = &app.theme;
    let block = pane_block(app, Line::styled(" Sources ", t.focused()), true);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    let width = inner.width as usize;
    let rows = inner.height as usize - 2;
    for (k, (entry, count)) in state
        .entries
        .iter()
        .zip(&state.counts)
        .enumerate()
        .skip(state.list.offset)
        .take(rows)
    {
        let (indent, name, style) = match entry {
            Entry::Party { name, .. } => (
                "",
                name.clone(),
                ratatui::style::Style::new().add_modifier(Modifier::BOLD),
            ),
            Entry::Voice(Voice::Writer) => (
                "",
                "the writer's own voice".to_owned(),
                ratatui::style::Style::new().add_modifier(Modifier::ITALIC),
            ),
            Entry::Voice(v @ Voice::Source(id)) => {
                let party = app
                    .briefing
                    .sources
                    .get(*id)
                    .and_then(|s| s.party.as_deref());
                (
                    "    ",
                    voice_name(&app.briefing, *v).to_owned(),
                    t.speaker(party),
                )
            }
        };
        let left = format!("{indent}{} ", checkbox(state, entry));
        let n = format!(" {count}");
        let room = width.saturating_sub(crate::tui::text::width(&left) + n.len());
        let name = crate::tui::text::truncate(&name, room, t.ascii);
        let pad = room.saturating_sub(crate::tui::text::width(&name));
        let mut line = Line::from(vec![
            Span::raw(left),
            Span::styled(name, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(n, t.muted()),
        ]);
        if k == state.list.selected {
            line = line.patch_style(t.selected());
        }
        let y = inner.y + (k - state.list.offset) as u16;
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let keys = |a| app.keymap.keys_for(&a);
    use crate::tui::action::Action as A;
    let merging = app.edits.merge_from.map(|id| {
        let name = voice_name(&app.briefing, Voice::Source(id));
        format!(
            "merge {name} into: pick the speaker, {} · esc cancels",
            keys(A::MergeSource)
        )
    });
    let hint = merging.unwrap_or_else(|| {
        format!(
            "{} toggle · {} all · {} none · {} apply · {} cancel · {} merge",
            keys(A::ToggleEntry).split('/').next().unwrap_or(""),
            keys(A::SelectAll),
            keys(A::SelectNone),
            app.keymap
                .filter
                .get(&A::Activate)
                .and_then(|k| k.first())
                .map(|k| k.to_string())
                .unwrap_or_default(),
            app.keymap
                .filter
                .get(&A::Close)
                .and_then(|k| k.first())
                .map(|k| k.to_string())
                .unwrap_or_default(),
            keys(A::MergeSource),
        )
    });
    let y = inner.y + inner.height - 1;
    fit(vec![Span::styled(hint, t.muted())], width, t.ascii)
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
}

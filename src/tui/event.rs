//! Terminal events to actions: the topmost layer's key table is looked up first.

use super::action::Action;
use super::app::{App, Overlay};
use super::keymap::{Key, Layer};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// The action an event asks for, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(Overlay::Search(_)) = app.overlay {
                // The prompt takes text; only Ctrl-c keeps its meaning.
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                return match k.code {
                    KeyCode::Char('c') if ctrl => Some(Action::Quit),
                    KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
                    KeyCode::Backspace => Some(Action::DeleteChar),
                    KeyCode::Enter => Some(Action::Activate),
                    KeyCode::Esc => Some(Action::Close),
                    _ => None,
                };
            }
            if let Some(Overlay::Edit(picker)) = &app.overlay {
                return super::edits::action_for(app, picker, k);
            }
            let key = Key::from_event(*k)?;
            if let Some(Overlay::Filter(_)) = app.overlay
                && let Some(a) = app.keymap.lookup(Layer::Filter, key)
            {
                return Some(a);
            }
            app.keymap.lookup(Layer::Reader, key)
        }
        Event::Mouse(m) if app.mouse => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

//! Terminal events to actions: the topmost layer's key table is looked up first.

use super::action::Action;
use super::app::{App, Overlay};
use super::keymap::{Key, KeyCodeName, Layer};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// A key in a search prompt: the prompt takes text; only ctrl-c keeps its meaning.
pub fn prompt_action(k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Char('c') if ctrl => Some(Action::QuitNow),
        KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
        KeyCode::Backspace => Some(Action::DeleteChar),
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Esc => Some(Action::Close),
        _ => None,
    }
}

/// A digit of a count prefix: a count starts with a digit that is bound to nothing (`5j`; 1-4
/// focus the panes) and goes on with any digit (`12j`).
pub fn count_digit(key: Key, counting: bool, bound: bool) -> Option<Action> {
    let KeyCodeName::Char(c) = key.code else {
        return None;
    };
    let d = c.to_digit(10).filter(|_| !key.ctrl && !key.alt)?;
    let starts = !bound && d != 0;
    (counting || starts).then_some(Action::Digit(d as u8))
}

/// The action an event asks for, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(Overlay::Search(_)) = app.overlay {
                return prompt_action(k);
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
            let bound = app.keymap.lookup(Layer::Reader, key);
            count_digit(key, app.count.is_some(), bound.is_some()).or(bound)
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

//! Key names (`"ctrl-d"`, `"G"`, `"shift-tab"`) and the maps from keys to actions.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A key with its modifiers, as written in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key itself; letters keep their case (`G` is shift-g).
    pub code: KeyCodeName,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// The keys debrief knows by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeName {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
    Insert,
    F(u8),
}

const NAMED: &[(&str, KeyCodeName)] = &[
    ("enter", KeyCodeName::Enter),
    ("esc", KeyCodeName::Esc),
    ("tab", KeyCodeName::Tab),
    ("backtab", KeyCodeName::BackTab),
    ("backspace", KeyCodeName::Backspace),
    ("up", KeyCodeName::Up),
    ("down", KeyCodeName::Down),
    ("left", KeyCodeName::Left),
    ("right", KeyCodeName::Right),
    ("home", KeyCodeName::Home),
    ("end", KeyCodeName::End),
    ("pageup", KeyCodeName::PageUp),
    ("pagedown", KeyCodeName::PageDown),
    ("delete", KeyCodeName::Delete),
    ("insert", KeyCodeName::Insert),
    ("space", KeyCodeName::Char(' ')),
];

impl FromStr for Key {
    type Err = String;

    fn from_str(s: &str) -> Result<Key, String> {
        let bad = || format!("unknown key {s:?}");
        let mut key = Key {
            code: KeyCodeName::Char(' '),
            ctrl: false,
            alt: false,
        };
        let mut rest = s;
        let mut shift = false;
        // A lone "-" is the minus key; otherwise modifiers are prefixes ending in "-".
        while rest.len() > 1 {
            let Some((m, tail)) = rest.split_once('-') else {
                break;
            };
            match m.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => key.ctrl = true,
                "alt" | "a" | "m" => key.alt = true,
                "shift" | "s" => shift = true,
                _ => return Err(bad()),
            }
            rest = tail;
        }
        if rest.is_empty() {
            return Err(bad());
        }
        let mut chars = rest.chars();
        let first = chars.next().ok_or_else(bad)?;
        key.code = if chars.next().is_none() {
            let c = if shift {
                first.to_ascii_uppercase()
            } else {
                first
            };
            KeyCodeName::Char(c)
        } else {
            let lower = rest.to_ascii_lowercase();
            if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                if !(1..=12).contains(&n) {
                    return Err(bad());
                }
                KeyCodeName::F(n)
            } else {
                let code = NAMED
                    .iter()
                    .find(|(name, _)| *name == lower)
                    .map(|&(_, code)| code)
                    .ok_or_else(bad)?;
                if shift && code == KeyCodeName::Tab {
                    KeyCodeName::BackTab
                } else if shift {
                    return Err(bad());
                } else {
                    code
                }
            }
        };
        Ok(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCodeName::Char(' ') => f.write_str("space"),
            KeyCodeName::Char(c) => write!(f, "{c}"),
            KeyCodeName::BackTab => f.write_str("shift-tab"),
            KeyCodeName::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED.iter().find(|(_, c)| *c == code).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Key {
    /// The configuration key for a terminal key event, `None` for keys debrief cannot bind.
    pub fn from_event(ev: KeyEvent) -> Option<Key> {
        let code = match ev.code {
            KeyCode::Char(c) => KeyCodeName::Char(c),
            KeyCode::Enter => KeyCodeName::Enter,
            KeyCode::Esc => KeyCodeName::Esc,
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCodeName::BackTab,
            KeyCode::Tab => KeyCodeName::Tab,
            KeyCode::BackTab => KeyCodeName::BackTab,
            KeyCode::Backspace => KeyCodeName::Backspace,
            KeyCode::Up => KeyCodeName::Up,
            KeyCode::Down => KeyCodeName::Down,
            KeyCode::Left => KeyCodeName::Left,
            KeyCode::Right => KeyCodeName::Right,
            KeyCode::Home => KeyCodeName::Home,
            KeyCode::End => KeyCodeName::End,
            KeyCode::PageUp => KeyCodeName::PageUp,
            KeyCode::PageDown => KeyCodeName::PageDown,
            KeyCode::Delete => KeyCodeName::Delete,
            KeyCode::Insert => KeyCodeName::Insert,
            KeyCode::F(n) => KeyCodeName::F(n),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        })
    }
}

/// Which key table a binding lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The reader itself: panes, document view, timeline, help.
    Reader,
    /// The source filter popup, looked up before the reader's table.
    Filter,
    /// The library's views, looked up before the reader's table when several briefings
    /// are open.
    Library,
}

impl Layer {
    /// The configuration table of this layer.
    pub fn table(self) -> &'static str {
        match self {
            Layer::Reader => "keys",
            Layer::Filter => "filter_keys",
            Layer::Library => "library_keys",
        }
    }
}

/// Keys to actions, one table per layer. Built from the configuration, which has already
/// checked that no key carries two actions within a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    /// `[keys]`: action -> keys, in configuration order.
    pub reader: BTreeMap<Action, Vec<Key>>,
    /// `[filter_keys]`: the source filter popup's own actions.
    pub filter: BTreeMap<Action, Vec<Key>>,
    /// `[library_keys]`: moving between the library's views.
    pub library: BTreeMap<Action, Vec<Key>>,
}

impl Keymap {
    /// The action bound to `key` in one table.
    pub fn lookup(&self, layer: Layer, key: Key) -> Option<Action> {
        let table = match layer {
            Layer::Reader => &self.reader,
            Layer::Filter => &self.filter,
            Layer::Library => &self.library,
        };
        table
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(a, _)| a.clone())
    }

    /// The keys bound to an action, as shown in help and hints (`j/down`).
    pub fn keys_for(&self, action: &Action) -> String {
        let keys = self
            .reader
            .get(action)
            .or_else(|| self.filter.get(action))
            .or_else(|| self.library.get(action))
            .map(|ks| ks.iter().map(Key::to_string).collect::<Vec<_>>().join("/"));
        keys.unwrap_or_default()
    }
}

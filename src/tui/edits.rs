//! The analyst's corrections in the reader: the pickers and prompts (section, speakers,
//! note, save elsewhere), the merge in the source filter, undo and redo, and saving the
//! corrections beside the briefing after each change. The work on the corrections is
//! [`crate::corrections`]; this is the state and the keys around it.

use super::action::Action;
use super::app::{App, Effect, FilterState, ListState, Overlay};
use super::filter::{Entry, SourceFilter, Voice};
use super::keymap::{Key, Layer};
use super::update::move_in;
use crate::corrections::edit::{self, Change};
use crate::corrections::{self, Corrections, History, file};
use crate::model::{Briefing, Section, Speaker};
use crate::shown::shown_path;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// Where the corrections go and what was done to them.
#[derive(Debug, Clone, Default)]
pub struct EditState {
    /// The corrections file (`NAME.debrief.toml`); `None` for standard input and the sample.
    pub file: Option<PathBuf>,
    /// The briefing's own file, named in the corrections file's header.
    pub briefing: Option<PathBuf>,
    pub history: History,
    /// Changes not written to a file (no file, or the last save failed).
    pub unsaved: bool,
    /// Bumped by every change, so a library knows to take the corrected briefing.
    pub generation: u64,
    /// In the source filter: the source picked to be merged into another.
    pub merge_from: Option<usize>,
}

/// A row of the speakers picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRow {
    /// The writer's own voice: no speakers.
    Writer,
    /// A source of the briefing, by id.
    Source(usize),
    /// A speaker typed in, not yet a source.
    New(Speaker),
    /// Type a new speaker.
    Add,
}

/// The speakers picker.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakersState {
    pub sentence: usize,
    pub rows: Vec<SpeakerRow>,
    /// Per row: checked.
    pub checked: Vec<bool>,
    pub list: ListState,
    /// A new speaker being typed: its name, then (once the name is entered) its party.
    pub typing: Option<(String, Option<String>)>,
}

/// A correction being made.
#[derive(Debug, Clone, PartialEq)]
pub enum Picker {
    /// The section picker, on a sentence.
    Section {
        sentence: usize,
        list: ListState,
    },
    Speakers(SpeakersState),
    /// The note prompt, on a sentence.
    Note {
        sentence: usize,
        text: String,
    },
    /// Where to save the corrections.
    SaveAs {
        text: String,
    },
}

/// The letters that pick a section: the first of its name.
const SECTION_KEYS: [char; 4] = ['a', 'd', 'r', 'c'];
/// The longest note or path the prompts take.
const MAX_TEXT: usize = 2000;

impl Picker {
    /// Whether keys are typed as text.
    pub fn typing(&self) -> bool {
        match self {
            Picker::Section { .. } => false,
            Picker::Speakers(s) => s.typing.is_some(),
            Picker::Note { .. } | Picker::SaveAs { .. } => true,
        }
    }

    /// Rows the popup wants (borders and hints included).
    pub fn rows(&self) -> u16 {
        let n = match self {
            Picker::Section { .. } => 4,
            Picker::Speakers(s) => s.rows.len() + 2,
            Picker::Note { .. } | Picker::SaveAs { .. } => 3,
        };
        (n + 4).min(usize::from(u16::MAX)) as u16
    }
}

/// The action a key asks of an open picker: Enter, Esc, Backspace and the arrows keep their
/// meaning; a prompt takes every other character as text; the section picker takes its
/// letters; the rest goes through the key tables (movement, the filter's toggle).
pub fn action_for(app: &App, picker: &Picker, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Char('c') if ctrl => return Some(Action::QuitNow),
        KeyCode::Esc => return Some(Action::Close),
        KeyCode::Enter => return Some(Action::Activate),
        KeyCode::Backspace => return Some(Action::DeleteChar),
        KeyCode::Up => return Some(Action::SelectPrev),
        KeyCode::Down => return Some(Action::SelectNext),
        _ => {}
    }
    if let KeyCode::Char(c) = k.code
        && !ctrl
        && (picker.typing()
            || matches!(picker, Picker::Section { .. }) && SECTION_KEYS.contains(&c))
    {
        return Some(Action::Input(c));
    }
    if picker.typing() {
        return None;
    }
    let key = Key::from_event(*k)?;
    app.keymap
        .lookup(Layer::Filter, key)
        .filter(|a| *a == Action::ToggleEntry)
        .or_else(|| app.keymap.lookup(Layer::Reader, key))
}

/// The first key bound to an action, for hints.
pub fn first_key(app: &App, action: &Action) -> String {
    app.keymap
        .keys_for(action)
        .split('/')
        .next()
        .unwrap_or("")
        .to_owned()
}

impl App {
    /// The same reader saving its corrections to `file` (`None`: kept in memory), for the
    /// briefing read from `briefing`.
    pub fn with_corrections_file(
        mut self,
        file: Option<PathBuf>,
        briefing: Option<PathBuf>,
    ) -> App {
        self.edits.file = file;
        self.edits.briefing = briefing;
        self
    }

    /// Whether a prompt takes the keys as text (the search prompt, a note, a name).
    pub fn is_typing(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Search(_)) => true,
            Some(Overlay::Edit(p)) => p.typing(),
            _ => false,
        }
    }

    /// The keys of the reader that start a correction, undo or redo one, or save them.
    pub(super) fn start_edit(&mut self, action: Action) -> Effect {
        if action == Action::Undo || action == Action::Redo {
            return self.undo_redo(action == Action::Undo);
        }
        if action == Action::SaveCorrectionsAs {
            let text = match &self.edits.file {
                Some(f) => f.display().to_string(),
                None => "corrections.debrief.toml".to_owned(),
            };
            self.overlay = Some(Overlay::Edit(Picker::SaveAs { text }));
            return Effect::Redraw;
        }
        let Some(s) = self.current_sentence() else {
            self.message = Some("no sentence selected".into());
            return Effect::Redraw;
        };
        let sentence = s.id;
        let picker = match action {
            Action::EditSection => Picker::Section {
                sentence,
                list: ListState {
                    selected: s.section.index(),
                    offset: 0,
                },
            },
            Action::EditSpeakers => {
                let mut rows = vec![SpeakerRow::Writer];
                rows.extend(
                    self.briefing
                        .sources
                        .iter()
                        .map(|s| SpeakerRow::Source(s.id)),
                );
                rows.push(SpeakerRow::Add);
                let checked = rows
                    .iter()
                    .map(|r| match r {
                        SpeakerRow::Writer => s.speakers.is_empty(),
                        SpeakerRow::Source(id) => s.speakers.contains(id),
                        _ => false,
                    })
                    .collect();
                Picker::Speakers(SpeakersState {
                    sentence,
                    rows,
                    checked,
                    list: ListState::default(),
                    typing: None,
                })
            }
            _ => Picker::Note {
                sentence,
                text: s
                    .correction
                    .as_ref()
                    .and_then(|c| c.note.clone())
                    .unwrap_or_default(),
            },
        };
        self.overlay = Some(Overlay::Edit(picker));
        Effect::Redraw
    }

    /// Keys inside a picker or prompt.
    pub(super) fn update_edit(&mut self, action: Action, picker: Picker) -> Effect {
        // q closes one level: the picker (a prompt takes q as text and never sees it).
        let action = match action {
            Action::Quit => Action::Close,
            other => other,
        };
        match picker {
            Picker::Section { sentence, mut list } => {
                let pick = match action {
                    Action::Close => return Effect::Redraw,
                    Action::Input(c) => SECTION_KEYS.iter().position(|&k| k == c),
                    Action::FocusAllegations => Some(0),
                    Action::FocusDenials => Some(1),
                    Action::FocusResponses => Some(2),
                    Action::FocusContext => Some(3),
                    Action::Activate => Some(list.selected),
                    other => {
                        let moved = move_in(&mut list, 4, &other, 4, None);
                        self.overlay = Some(Overlay::Edit(Picker::Section { sentence, list }));
                        return if moved { Effect::Redraw } else { Effect::None };
                    }
                };
                match pick.and_then(|i| Section::ALL.get(i)) {
                    Some(&section) => self.correct(sentence, Change::Section(section)),
                    None => {
                        self.overlay = Some(Overlay::Edit(Picker::Section { sentence, list }));
                        Effect::None
                    }
                }
            }
            Picker::Speakers(state) => self.update_speakers(action, state),
            Picker::Note { sentence, mut text } => match action {
                Action::Close => Effect::Redraw,
                Action::Activate => self.correct(sentence, Change::Note(Some(text))),
                other => {
                    let changed = type_into(&mut text, &other);
                    self.overlay = Some(Overlay::Edit(Picker::Note { sentence, text }));
                    if changed {
                        Effect::Redraw
                    } else {
                        Effect::None
                    }
                }
            },
            Picker::SaveAs { mut text } => match action {
                Action::Close => Effect::Redraw,
                Action::Activate => self.save_as(&text),
                other => {
                    let changed = type_into(&mut text, &other);
                    self.overlay = Some(Overlay::Edit(Picker::SaveAs { text }));
                    if changed {
                        Effect::Redraw
                    } else {
                        Effect::None
                    }
                }
            },
        }
    }

    fn update_speakers(&mut self, action: Action, mut st: SpeakersState) -> Effect {
        if let Some((name, party)) = &mut st.typing {
            match action {
                Action::Close => st.typing = None,
                Action::Activate => match party {
                    None if name.trim().is_empty() => st.typing = None,
                    None => *party = Some(String::new()),
                    Some(p) => {
                        let who = Speaker {
                            name: name.trim().to_owned(),
                            party: Some(p.trim().to_owned()).filter(|p| !p.is_empty()),
                        };
                        let at = st.rows.len() - 1;
                        st.rows.insert(at, SpeakerRow::New(who));
                        st.checked.insert(at, true);
                        if let Some(w) = st.checked.first_mut() {
                            *w = false;
                        }
                        st.list.selected = at;
                        st.typing = None;
                    }
                },
                other => {
                    let into = party.as_mut().unwrap_or(name);
                    if !type_into(into, &other) {
                        self.overlay = Some(Overlay::Edit(Picker::Speakers(st)));
                        return Effect::None;
                    }
                }
            }
            self.overlay = Some(Overlay::Edit(Picker::Speakers(st)));
            return Effect::Redraw;
        }
        let row = st.list.selected;
        match action {
            Action::Close => return Effect::Redraw,
            Action::Activate if st.rows.get(row) == Some(&SpeakerRow::Add) => {
                st.typing = Some((String::new(), None));
            }
            Action::Activate => {
                let chosen: Vec<Speaker> = st
                    .rows
                    .iter()
                    .zip(&st.checked)
                    .filter(|(_, c)| **c)
                    .filter_map(|(r, _)| match r {
                        SpeakerRow::Source(id) => self.briefing.sources.get(*id).map(Speaker::of),
                        SpeakerRow::New(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                return self.correct(st.sentence, Change::Speakers(chosen));
            }
            Action::ToggleEntry => match st.rows.get(row) {
                Some(SpeakerRow::Add) => st.typing = Some((String::new(), None)),
                Some(SpeakerRow::Writer) => {
                    st.checked.iter_mut().for_each(|c| *c = false);
                    st.checked[0] = true;
                }
                Some(_) => {
                    st.checked[row] = !st.checked[row];
                    let any = st.checked[1..].iter().any(|c| *c);
                    st.checked[0] = !any;
                }
                None => {}
            },
            other => {
                let len = st.rows.len();
                if !move_in(&mut st.list, len, &other, 5, None) {
                    self.overlay = Some(Overlay::Edit(Picker::Speakers(st)));
                    return Effect::None;
                }
            }
        }
        self.overlay = Some(Overlay::Edit(Picker::Speakers(st)));
        Effect::Redraw
    }

    /// `m` in the source filter: the first press picks the source to merge, the second the
    /// one to merge it into.
    pub(super) fn merge_in_filter(&mut self, state: FilterState) -> Effect {
        let here = match state.entries.get(state.list.selected) {
            Some(Entry::Voice(Voice::Source(id))) => Some(*id),
            _ => None,
        };
        let Some(here) = here else {
            self.overlay = Some(Overlay::Filter(state));
            self.message = Some("merge: pick a speaker, not a party or the writer".into());
            return Effect::Redraw;
        };
        match self.edits.merge_from {
            Some(from) if from != here => {
                self.edits.merge_from = None;
                let names = |id: usize| {
                    self.briefing
                        .sources
                        .get(id)
                        .map_or(String::new(), |s| s.name.clone())
                };
                let what = format!("merged {} into {}", names(from), names(here));
                let next = edit::merge(&self.briefing, from, here);
                self.commit(next, what)
            }
            _ => {
                self.edits.merge_from = Some(here);
                self.overlay = Some(Overlay::Filter(state));
                Effect::Redraw
            }
        }
    }

    /// Makes one change to a sentence's correction.
    fn correct(&mut self, sentence: usize, change: Change) -> Effect {
        let what = match &change {
            Change::Section(s) => format!("sentence {} is now in {}", sentence + 1, s.title()),
            Change::Speakers(l) if l.is_empty() => {
                format!("sentence {} is the writer's own voice", sentence + 1)
            }
            Change::Speakers(l) => format!(
                "sentence {} is spoken by {}",
                sentence + 1,
                l.iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Change::Note(_) => format!("note on sentence {} kept", sentence + 1),
        };
        let next = edit::change(&self.briefing, sentence, change);
        let effect = self.commit(next, what);
        // A pane left empty by the move: follow the sentence to where it went.
        if self.current_sentence().is_none() {
            self.select_sentence(sentence);
        }
        effect
    }

    /// Takes new corrections: recorded for undo, applied, saved.
    fn commit(&mut self, next: Corrections, what: String) -> Effect {
        let before = corrections::of(&self.briefing);
        if next == before {
            self.message = Some("nothing changed: that is the reading already".into());
            return Effect::Redraw;
        }
        self.edits.history.record(before);
        let saved = self.set_corrections(next);
        let undo = first_key(self, &Action::Undo);
        self.message = Some(format!("{what} · {saved} · {undo} undoes"));
        Effect::Redraw
    }

    fn undo_redo(&mut self, undo: bool) -> Effect {
        let current = corrections::of(&self.briefing);
        let next = if undo {
            self.edits.history.undo(current)
        } else {
            self.edits.history.redo(current)
        };
        let Some(next) = next else {
            self.message = Some(format!("nothing to {}", if undo { "undo" } else { "redo" }));
            return Effect::Redraw;
        };
        let saved = self.set_corrections(next);
        let done = if undo { "undone" } else { "redone" };
        self.message = Some(format!("{done} · {saved}"));
        Effect::Redraw
    }

    /// Applies `next` to the machine's reading, shows it (the selection kept on its
    /// sentence, or the next one in its pane) and saves it; returns what the save did.
    fn set_corrections(&mut self, next: Corrections) -> String {
        let machine = corrections::machine_reading(&self.briefing).clone();
        let b = corrections::apply(machine, &next);
        self.replace_briefing(b);
        self.edits.generation += 1;
        self.save()
    }

    /// Shows a new reading of the same briefing (the same sentences).
    pub fn replace_briefing(&mut self, b: Briefing) {
        let filter = remap_filter(&self.filter, &self.briefing, &b);
        self.theme.add_parties(&b);
        self.briefing = b;
        self.filter_rows = None;
        // Re-places each list's selection on the same sentence (or the next one shown).
        self.apply_filter(filter);
    }

    /// Writes the corrections to their file; what happened, for the status bar.
    fn save(&mut self) -> String {
        let c = corrections::of(&self.briefing);
        let save_as = first_key(self, &Action::SaveCorrectionsAs);
        let Some(path) = self.edits.file.clone() else {
            self.edits.unsaved = true;
            return format!("no file for this briefing: kept in memory ({save_as} saves them)");
        };
        let shown = shown_path(&path);
        // A file there that does not parse is the analyst's to mend: never overwritten.
        if let Err(e) = file::read(&path)
            .map(|_| ())
            .or_else(|e| if path.is_file() { Err(e) } else { Ok(()) })
        {
            self.edits.unsaved = true;
            return format!(
                "{} is damaged: not overwritten, kept in memory ({save_as} saves elsewhere)",
                e.file
            );
        }
        let briefing = self
            .edits
            .briefing
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.name));
        match file::save(&path, &c, &briefing) {
            Ok(()) => {
                self.edits.unsaved = false;
                format!("saved in {shown}")
            }
            Err(e) => {
                self.edits.unsaved = true;
                format!("cannot save {shown}: {e}; kept in memory ({save_as} saves elsewhere)")
            }
        }
    }

    fn save_as(&mut self, text: &str) -> Effect {
        let text = text.trim();
        if text.is_empty() {
            return Effect::Redraw;
        }
        let path = match text.strip_prefix("~/") {
            Some(rest) => std::env::var_os("HOME")
                .map_or_else(|| PathBuf::from(text), |h| PathBuf::from(h).join(rest)),
            None => PathBuf::from(text),
        };
        let c = corrections::of(&self.briefing);
        let briefing = self
            .edits
            .briefing
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.name));
        let shown = shown_path(&path);
        self.message = Some(match file::save(&path, &c, &briefing) {
            Ok(()) => {
                self.edits.file = Some(path);
                self.edits.unsaved = false;
                format!(
                    "{} corrections saved in {shown}; later changes go there too",
                    c.len()
                )
            }
            Err(e) => format!("cannot save {shown}: {e}"),
        });
        Effect::Redraw
    }
}

/// Types a character into a prompt's text, or takes one back; false for other actions.
fn type_into(text: &mut String, action: &Action) -> bool {
    match action {
        Action::Input(c) if !c.is_control() && text.chars().count() < MAX_TEXT => {
            text.push(*c);
            true
        }
        Action::DeleteChar => text.pop().is_some(),
        _ => false,
    }
}

/// The filter of one reading carried to another whose sources may be numbered differently
/// (after a merge): each hidden source is found again by name and party.
fn remap_filter(filter: &SourceFilter, old: &Briefing, new: &Briefing) -> SourceFilter {
    if filter.is_all() || old.sources == new.sources {
        return filter.clone();
    }
    let hidden = filter
        .hidden
        .iter()
        .filter_map(|v| match v {
            Voice::Writer => Some(Voice::Writer),
            Voice::Source(id) => {
                let who = Speaker::of(old.sources.get(*id)?);
                new.sources
                    .iter()
                    .position(|s| Speaker::of(s) == who)
                    .map(Voice::Source)
            }
        })
        .collect();
    SourceFilter { hidden }
}

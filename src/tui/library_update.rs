//! `LibraryApp::update`: every change the person makes in the library views, driven by an
//! [`Action`]: moving (with counts), opening, going back one level, and searching the rows
//! of the view on screen (`/`, `n`, `N`). No terminal here.

use super::action::Action;
use super::app::{Effect, Focus, ListState, Overlay};
use super::library::{LibraryApp, Screen, Spot};
use super::text::Query;
use super::update::{move_in, push_digit, wrap_notice};
use super::widgets::timeline::format_date;
use crate::library::{EntryState, Selection, SourceKey};
use crate::model::Section;

impl LibraryApp {
    /// Applies one action: to the opened briefing if there is one (except the ways back),
    /// else to the library view on screen.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                if let Some(o) = &mut self.opened {
                    o.app.update(action);
                }
                self.fix_scroll();
                return Effect::Redraw;
            }
            Action::QuitNow => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            _ => {}
        }
        if let Some(o) = &mut self.opened {
            let app = &o.app;
            let nothing_to_close =
                app.overlay.is_none() && app.query.is_empty() && app.focus != Focus::Timeline;
            // q closes the opened briefing's help, popup or picker first, then the briefing.
            let in_popup = matches!(
                app.overlay,
                Some(Overlay::Help { .. } | Overlay::Filter(_) | Overlay::Edit(_))
            );
            let back = action == Action::OpenLibrary
                || (action == Action::Close && nothing_to_close)
                || (action == Action::Quit && !in_popup);
            if !back {
                let effect = o.app.update(action);
                if o.app.edits.generation != o.seen {
                    // A correction: the library's views show the corrected briefing.
                    o.seen = o.app.edits.generation;
                    let b = o.app.briefing.clone();
                    let doc = o.doc;
                    self.library.set(doc, EntryState::Loaded(b));
                }
                return effect;
            }
            self.opened = None;
            self.refresh();
            return Effect::Redraw;
        }
        match action {
            Action::Notify(m) => {
                self.message = Some(m);
                return Effect::Redraw;
            }
            Action::ClearMessage => {
                return match self.message.take() {
                    Some(_) => Effect::Redraw,
                    None => Effect::None,
                };
            }
            Action::Digit(d) => {
                self.count = Some(push_digit(self.count, d));
                return Effect::Redraw;
            }
            _ => {}
        }
        let count = self.count.take();
        let had_message = self.message.take().is_some();
        let effect = if let Some(spot) = self.prompt.take() {
            self.update_prompt(action, spot)
        } else if let Some(scroll) = self.help {
            self.update_help(action, scroll)
        } else {
            self.update_view(action, count)
        };
        self.refresh();
        self.fix_scroll();
        match effect {
            Effect::None if had_message || count.is_some() => Effect::Redraw,
            e => e,
        }
    }

    fn update_help(&mut self, action: Action, scroll: usize) -> Effect {
        self.help = match action {
            Action::Close | Action::Help | Action::Quit => None,
            Action::SelectNext => Some(scroll + 1),
            Action::SelectPrev => Some(scroll.saturating_sub(1)),
            Action::PageDown | Action::PageForward => Some(scroll + 10),
            Action::PageUp | Action::PageBack => Some(scroll.saturating_sub(10)),
            Action::SelectFirst => Some(0),
            Action::SelectLast => Some(usize::MAX / 2),
            _ => return Effect::None,
        };
        Effect::Redraw
    }

    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.refresh();
    }

    /// One level back: a speaker's statements to the source index, another view (or the
    /// all-briefings view's speaker filter) to the list. False at the list.
    fn back(&mut self, esc: bool) -> bool {
        match self.screen {
            Screen::List => return false,
            Screen::All if esc && self.all.only.is_some() => self.set_only(None),
            Screen::Statements => self.show(Screen::Sources),
            _ => self.show(Screen::List),
        }
        true
    }

    fn update_view(&mut self, action: Action, count: Option<usize>) -> Effect {
        // A source picked to be merged is the level esc and q close first.
        if matches!(action, Action::Close | Action::Quit) && self.cancel_merge() {
            return Effect::Redraw;
        }
        match action {
            Action::Help => self.help = Some(0),
            Action::Quit => {
                if !self.back(false) {
                    return Effect::Quit;
                }
            }
            Action::OpenLibrary => self.show(Screen::List),
            Action::OpenAllBriefings => self.show(Screen::All),
            Action::OpenMergedTimeline => self.show(Screen::Timeline),
            Action::OpenSources | Action::OpenFilter => self.show(Screen::Sources),
            Action::Close => {
                if !self.query.is_empty() {
                    self.query.clear();
                } else if !self.back(true) {
                    return Effect::None;
                }
            }
            Action::Search => {
                self.prompt = Some(self.spot());
                self.query.clear();
            }
            Action::SearchNext | Action::SearchPrev => {
                self.search_step(action == Action::SearchNext, count);
            }
            Action::Activate => return self.activate(),
            Action::MergeSource | Action::Undo | Action::Redo => return self.edit_sources(action),
            Action::OnlySpeaker => return self.only_speaker(),
            Action::FocusNext | Action::FocusPrev if self.screen == Screen::All => {
                let i = self.all.focus.index();
                let next = if action == Action::FocusNext {
                    (i + 1) % 4
                } else {
                    (i + 3) % 4
                };
                self.all.focus = Section::ALL[next];
            }
            Action::FocusAllegations if self.screen == Screen::All => {
                self.all.focus = Section::Allegation
            }
            Action::FocusDenials if self.screen == Screen::All => self.all.focus = Section::Denial,
            Action::FocusResponses if self.screen == Screen::All => {
                self.all.focus = Section::Response
            }
            Action::FocusContext if self.screen == Screen::All => self.all.focus = Section::Context,
            other => {
                let rows = self.list_rows();
                let (list, len) = self.view_list(self.all.focus);
                let moved = move_in(list, len, &other, rows, count);
                if self.screen == Screen::List {
                    self.list_moved |= moved;
                }
                if !moved {
                    return Effect::None;
                }
            }
        }
        Effect::Redraw
    }

    /// The list of the view on screen (in the all-briefings view, `section`'s) and its length.
    fn view_list(&mut self, section: Section) -> (&mut ListState, usize) {
        match self.screen {
            Screen::List => (&mut self.list, self.order.len()),
            Screen::All => {
                let i = section.index();
                (&mut self.all.panes[i], self.all.items[i].len())
            }
            Screen::Timeline => (&mut self.timeline_list, self.timeline.len()),
            Screen::Sources => (&mut self.sources_list, self.sources.len()),
            Screen::Statements => (&mut self.statements_list, self.statements.len()),
        }
    }

    /// Where the view on screen is.
    pub fn spot(&self) -> Spot {
        let row = match self.screen {
            Screen::List => self.list.selected,
            Screen::All => self.all.panes[self.all.focus.index()].selected,
            Screen::Timeline => self.timeline_list.selected,
            Screen::Sources => self.sources_list.selected,
            Screen::Statements => self.statements_list.selected,
        };
        Spot {
            screen: self.screen,
            section: self.all.focus,
            row,
        }
    }

    /// Puts the view on screen at `spot` (its screen is the one on screen).
    fn go_to(&mut self, spot: Spot) {
        if self.screen == Screen::All {
            self.all.focus = spot.section;
        }
        let (list, len) = self.view_list(spot.section);
        list.selected = spot.row.min(len.saturating_sub(1));
        if self.screen == Screen::List {
            self.list_moved = true;
        }
    }

    /// The search prompt takes the keys: typing searches as it goes, from where the prompt
    /// opened; Enter keeps the query for n / N, Esc goes back to where the search started.
    fn update_prompt(&mut self, action: Action, spot: Spot) -> Effect {
        match action {
            Action::Input(c) => self.query.push(c),
            Action::DeleteChar => {
                self.query.pop();
            }
            Action::Activate => return Effect::Redraw,
            Action::Close => {
                self.query.clear();
                self.go_to(spot);
                return Effect::Redraw;
            }
            _ => {
                self.prompt = Some(spot);
                return Effect::None;
            }
        }
        let matches = self.search_matches();
        let at = (spot.section.index(), spot.row);
        let target = matches
            .iter()
            .find(|&&m| m >= at)
            .or(matches.first())
            .copied();
        match target {
            Some((section, row)) => self.go_to(Spot {
                section: Section::ALL[section],
                row,
                ..spot
            }),
            None => self.go_to(spot),
        }
        self.prompt = Some(spot);
        Effect::Redraw
    }

    /// n / N: the next (previous) matching row after the selected one, `count` times,
    /// wrapping around (and saying so).
    fn search_step(&mut self, forward: bool, count: Option<usize>) {
        let matches = self.search_matches();
        if matches.is_empty() {
            self.message = Some(if self.query.is_empty() {
                "no search".to_owned()
            } else {
                format!("no match for {:?} in this view", self.query)
            });
            return;
        }
        let spot = self.spot();
        let mut at = (spot.section.index(), spot.row);
        let mut wrapped = false;
        for _ in 0..count.unwrap_or(1).min(matches.len()) {
            let next = if forward {
                matches.iter().find(|&&m| m > at).copied()
            } else {
                matches.iter().rev().find(|&&m| m < at).copied()
            };
            at = match next {
                Some(m) => m,
                None => {
                    wrapped = true;
                    let end = if forward {
                        matches.first()
                    } else {
                        matches.last()
                    };
                    *end.unwrap_or(&at)
                }
            };
        }
        self.go_to(Spot {
            section: Section::ALL[at.0],
            row: at.1,
            ..spot
        });
        if wrapped {
            self.message = Some(wrap_notice(forward).into());
        }
    }

    /// The rows of the view on screen that match the query, as (section index, row) in
    /// order; the section is 0 outside the all-briefings view.
    pub fn search_matches(&self) -> Vec<(usize, usize)> {
        if self.query.is_empty() {
            return Vec::new();
        }
        let q = Query::new(&self.query);
        let title = |doc| self.library.get(doc).map(|e| e.title()).unwrap_or_default();
        let sentence = |sel: Selection| {
            let Some(b) = self.library.briefing(sel.doc) else {
                return false;
            };
            b.sentences
                .get(sel.sentence)
                .is_some_and(|s| q.is_in(&s.text) || q.is_in(&b.speaker_names(s)))
        };
        let rows = |flags: Vec<bool>, section: usize| -> Vec<(usize, usize)> {
            flags
                .into_iter()
                .enumerate()
                .filter(|(_, hit)| *hit)
                .map(|(row, _)| (section, row))
                .collect()
        };
        match self.screen {
            Screen::List => rows(
                self.order
                    .iter()
                    .map(|&doc| {
                        let e = self.library.get(doc);
                        q.is_in(&title(doc))
                            || e.and_then(|e| e.date()).is_some_and(|d| q.is_in(d))
                            || e.is_some_and(|e| q.is_in(&e.path.to_string_lossy()))
                    })
                    .collect(),
                0,
            ),
            Screen::All => (0..4)
                .flat_map(|i| {
                    rows(
                        self.all.items[i].iter().map(|&sel| sentence(sel)).collect(),
                        i,
                    )
                })
                .collect(),
            Screen::Timeline => rows(
                self.timeline
                    .iter()
                    .map(|t| {
                        let time = self
                            .library
                            .time_ref(t)
                            .is_some_and(|tr| q.is_in(&tr.text) || q.is_in(&format_date(tr)));
                        time || q.is_in(&title(t.doc)) || sentence(t.selection())
                    })
                    .collect(),
                0,
            ),
            Screen::Sources => rows(
                self.sources
                    .iter()
                    .map(|s| {
                        q.is_in(&s.name)
                            || s.party.as_deref().is_some_and(|p| q.is_in(p))
                            || s.docs.iter().any(|d| q.is_in(&title(d.doc)))
                    })
                    .collect(),
                0,
            ),
            Screen::Statements => rows(
                self.statements.iter().map(|&sel| sentence(sel)).collect(),
                0,
            ),
        }
    }

    fn activate(&mut self) -> Effect {
        match self.screen {
            Screen::List => match self.selected_doc() {
                Some(doc) => self.open(doc, None),
                None => Effect::None,
            },
            Screen::Sources => {
                let Some(s) = self.sources.get(self.sources_list.selected) else {
                    return Effect::None;
                };
                self.statements_of = Some(s.key.clone());
                self.statements = s.statements().collect();
                self.statements_list = ListState::default();
                self.screen = Screen::Statements;
                Effect::Redraw
            }
            _ => match self.selected_sentence() {
                Some(sel) => self.open(sel.doc, Some(sel.sentence)),
                None => Effect::None,
            },
        }
    }

    /// "Only this speaker" across the library: in the source index or a statement, that
    /// source; in the all-briefings view, the selected sentence's first speaker (again:
    /// everyone).
    fn only_speaker(&mut self) -> Effect {
        let key = match self.screen {
            Screen::Sources => self
                .sources
                .get(self.sources_list.selected)
                .map(|s| s.key.clone()),
            Screen::Statements => self.statements_of.clone(),
            Screen::All => {
                let Some(sel) = self.selected_sentence() else {
                    return Effect::None;
                };
                let b = self.library.briefing(sel.doc);
                let first = b.and_then(|b| {
                    let s = b.sentences.get(sel.sentence)?;
                    b.sources.get(*s.speakers.first()?)
                });
                match first.map(SourceKey::of) {
                    Some(k) if self.all.only.as_ref() != Some(&k) => Some(k),
                    _ => None,
                }
            }
            _ => return Effect::None,
        };
        if key.is_none() && self.screen != Screen::All {
            return Effect::None;
        }
        self.screen = Screen::All;
        self.set_only(key);
        Effect::Redraw
    }

    /// Sets the all-briefings view's source filter and rebuilds it.
    pub fn set_only(&mut self, key: Option<SourceKey>) {
        self.all.only = key;
        self.built[1] = None;
        if self.all.only.is_some() {
            // Focus the first section the speaker has statements in.
            self.refresh();
            if let Some(s) = Section::ALL
                .into_iter()
                .find(|s| !self.all.items[s.index()].is_empty())
            {
                self.all.focus = s;
            }
        }
        self.refresh();
    }
}

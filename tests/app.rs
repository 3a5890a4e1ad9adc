//! The reader's logic: `update()` driven by actions, no terminal.

mod common;

use debrief::model::Section;
use debrief::tui::action::Action;
use debrief::tui::app::{Effect, Focus, Overlay, View};

fn cur(app: &debrief::tui::App) -> usize {
    app.current_sentence().expect("a sentence is selected").id
}

#[test]
fn starts_on_the_first_non_empty_pane() {
    let app = common::app(common::briefing(), (120, 40), true);
    assert_eq!(app.focus, Focus::Pane(Section::Allegation));
    assert_eq!(cur(&app), 0);
}

#[test]
fn moves_within_a_pane_and_stops_at_the_ends() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    assert_eq!(app.update(Action::SelectNext), Effect::Redraw);
    assert_eq!(cur(&app), 5);
    app.update(Action::SelectNext);
    assert_eq!(cur(&app), 5, "stays on the last row");
    app.update(Action::SelectFirst);
    assert_eq!(cur(&app), 0);
    app.update(Action::SelectLast);
    assert_eq!(cur(&app), 5);
    app.update(Action::PageUp);
    assert_eq!(cur(&app), 0);
}

#[test]
fn cycles_and_jumps_between_panes() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Pane(Section::Denial));
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Pane(Section::Context));
    app.update(Action::FocusNext);
    assert_eq!(
        app.focus,
        Focus::Timeline,
        "the timeline is in the ring when shown"
    );
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Pane(Section::Context));
    app.update(Action::FocusResponses);
    assert_eq!(app.focus, Focus::Pane(Section::Response));
    assert_eq!(cur(&app), 3);
}

#[test]
fn quit_and_unbound_actions() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    assert_eq!(
        app.update(Action::Activate),
        Effect::None,
        "enter does nothing in a pane"
    );
}

#[test]
fn source_filter_popup_edits_then_applies() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::OpenFilter);
    assert!(matches!(app.overlay, Some(Overlay::Filter(_))));
    // Rows: writer, South Korea, Seoul, North Korea, Pyongyang, Russia, Moscow.
    app.update(Action::SelectNone);
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    app.update(Action::ToggleEntry); // Seoul
    assert_eq!(app.doc_items.len(), 6, "nothing changes before Enter");
    app.update(Action::Activate);
    assert!(app.overlay.is_none());
    assert_eq!(app.doc_items, vec![0, 3, 5]);
    assert!(app.section_items[Section::Denial.index()].is_empty());
    assert_eq!(
        app.timeline_items,
        vec![2],
        "the timeline follows the filter"
    );
    assert_eq!(app.filter.describe(&app.briefing), "only Seoul");
}

#[test]
fn source_filter_escape_cancels_and_party_toggles_members() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::OpenFilter);
    app.update(Action::SelectNext); // South Korea (party)
    app.update(Action::ToggleEntry);
    app.update(Action::Close);
    assert!(app.overlay.is_none());
    assert!(app.filter.is_all(), "Esc drops the edit");
    app.update(Action::OpenFilter);
    app.update(Action::SelectNext);
    app.update(Action::ToggleEntry);
    app.update(Action::Activate);
    assert_eq!(
        app.doc_items,
        vec![1, 2, 4],
        "the party hides all its speakers"
    );
}

#[test]
fn only_this_speaker_toggles() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::FocusDenials);
    app.update(Action::OnlySpeaker);
    assert_eq!(app.doc_items, vec![1]);
    assert_eq!(cur(&app), 1, "the selection stays on its sentence");
    app.update(Action::OnlySpeaker);
    assert!(app.filter.is_all());
}

#[test]
fn timeline_enter_jumps_to_the_sentence() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::ToggleTimeline);
    assert_eq!(app.focus, Focus::Timeline);
    app.update(Action::SelectNext); // August 2023, sentence 2
    assert_eq!(cur(&app), 2, "the detail follows the timeline");
    app.update(Action::Activate);
    assert_eq!(app.focus, Focus::Pane(Section::Denial));
    assert_eq!(cur(&app), 2);
    app.update(Action::ToggleTimeline);
    app.update(Action::ToggleTimeline);
    assert!(
        !app.timeline_visible(),
        "t on the focused timeline hides it"
    );
    assert_eq!(app.focus, Focus::Pane(Section::Denial));
}

#[test]
fn search_is_incremental_and_n_cycles() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Search);
    for c in "denied".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.search_matches(), vec![1, 2]);
    assert_eq!(cur(&app), 1);
    app.update(Action::Activate);
    assert!(app.overlay.is_none());
    app.update(Action::SearchNext);
    assert_eq!(cur(&app), 2);
    app.update(Action::SearchNext);
    assert_eq!(cur(&app), 1, "wraps around");
    app.update(Action::SearchPrev);
    assert_eq!(cur(&app), 2);
    app.update(Action::Close);
    assert!(app.query.is_empty(), "Esc clears the highlight");
}

#[test]
fn search_narrows_as_the_query_grows_and_widens_on_backspace() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Search);
    let mut seen = Vec::new();
    for c in "seoul s".chars() {
        app.update(Action::Input(c));
        seen.push(app.search_matches().to_vec());
    }
    assert_eq!(seen[0], vec![0, 1, 2, 3, 4, 5], "s is everywhere");
    assert_eq!(seen[4], vec![0, 3, 5], "seoul");
    assert_eq!(seen[6], vec![5], "seoul s(aid)");
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    assert_eq!(app.search_matches(), vec![0, 3, 5]);
}

#[test]
fn search_finds_only_what_the_filter_shows() {
    use debrief::tui::filter::{SourceFilter, Voice};
    let mut app = common::app(common::briefing(), (120, 40), true);
    let type_query = |app: &mut debrief::tui::App| {
        app.update(Action::Search);
        for c in "PYONGYANG".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Activate);
        app.search_matches().to_vec()
    };
    assert_eq!(type_query(&mut app), vec![0, 1]);
    let only = SourceFilter::only(&app.briefing, &[Voice::Source(1), Voice::Source(2)]);
    app.apply_filter(only);
    assert_eq!(
        app.search_matches(),
        vec![1],
        "the filter applied to the kept search"
    );
    assert_eq!(type_query(&mut app), vec![1]);
}

#[test]
fn search_escape_restores_the_selection() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Search);
    app.update(Action::Input('w'));
    app.update(Action::Input('a'));
    app.update(Action::Input('r'));
    assert_eq!(cur(&app), 4);
    app.update(Action::DeleteChar);
    app.update(Action::Close);
    assert_eq!(cur(&app), 0);
    assert_eq!(app.focus, Focus::Pane(Section::Allegation));
}

#[test]
fn document_view_keeps_the_selected_sentence() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::FocusDenials);
    app.update(Action::SelectNext);
    app.update(Action::ToggleDocument);
    assert_eq!(app.view, View::Document);
    assert_eq!(cur(&app), 2);
    // j scrolls the document view a line; ) goes to the next sentence.
    app.update(Action::NextSentence);
    app.update(Action::ToggleDocument);
    assert_eq!(app.view, View::Panes);
    assert_eq!(app.focus, Focus::Pane(Section::Response));
    assert_eq!(cur(&app), 3);
}

#[test]
fn help_takes_keys_first() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Help);
    app.update(Action::SelectNext);
    assert_eq!(cur(&app), 0, "movement scrolls the help, not the pane");
    app.update(Action::Close);
    assert!(app.overlay.is_none());
}

#[test]
fn copy_hands_the_text_to_the_terminal() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    let Effect::Copy { text, what } = app.update(Action::Copy) else {
        panic!("copy effect expected");
    };
    assert!(text.starts_with("Seoul accused"));
    assert_eq!(
        what, "sentence 1",
        "numbered from 1, as the detail pane shows it"
    );
}

#[test]
fn long_lists_scroll_the_selection_into_view() {
    let mut app = common::app(common::sample(), (80, 24), true);
    for _ in 0..30 {
        app.update(Action::SelectNext);
    }
    let s = app.active_pane().index();
    let st = app.panes[s];
    assert!(st.selected >= st.offset);
    app.update(Action::Resize(30, 8));
    app.update(Action::Resize(120, 40));
    assert!(app.current_sentence().is_some());
}

#[test]
fn osc52_is_base64_and_wrapped_for_tmux() {
    use debrief::tui::clipboard::{Copied, base64, osc52, tmux_passthrough};
    assert_eq!(base64(b"hello"), "aGVsbG8=");
    assert_eq!(base64(b"\x1b[2J"), "G1sySg==");
    assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    assert_eq!(
        tmux_passthrough(&osc52("hi")),
        "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
    );
    // The message claims only what is known.
    assert_eq!(
        Copied::Sent { in_tmux: false }.describe("sentence 2"),
        "sentence 2 sent to the terminal's clipboard (OSC 52)"
    );
    assert!(
        Copied::TmuxBuffer
            .describe("sentence 2")
            .contains("tmux's paste buffer")
    );
}

mod keys {
    use super::common;
    use debrief::config::Config;
    use debrief::tui::App;
    use debrief::tui::action::Action;
    use debrief::tui::event::action_for;
    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };

    fn key(c: KeyCode, m: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(c, m))
    }

    fn ch(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_topmost_layer_gets_keys_first() {
        let mut app = common::app(common::briefing(), (120, 40), true);
        assert_eq!(action_for(&app, &ch('n')), Some(Action::SearchNext));
        assert_eq!(action_for(&app, &ch('j')), Some(Action::SelectNext));
        assert_eq!(
            action_for(&app, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::PageDown)
        );
        assert_eq!(
            action_for(&app, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            action_for(&app, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::SelectLast)
        );
        app.update(Action::OpenFilter);
        assert_eq!(action_for(&app, &ch('n')), Some(Action::SelectNone));
        assert_eq!(action_for(&app, &ch(' ')), Some(Action::ToggleEntry));
        assert_eq!(
            action_for(&app, &ch('j')),
            Some(Action::SelectNext),
            "movement falls through"
        );
        app.update(Action::Close);
        app.update(Action::Search);
        assert_eq!(
            action_for(&app, &ch('q')),
            Some(Action::Input('q')),
            "the prompt takes text"
        );
        assert_eq!(
            action_for(&app, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::QuitNow)
        );
        assert_eq!(
            action_for(&app, &key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Close)
        );
        assert_eq!(
            action_for(&app, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
    }

    #[test]
    fn mouse_only_when_configured() {
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 60,
            row: 2,
            modifiers: KeyModifiers::NONE,
        });
        let app = common::app(common::briefing(), (120, 40), true);
        assert_eq!(action_for(&app, &click), None, "mouse is off by default");
        let config = Config {
            mouse: true,
            ..Config::default()
        };
        let mut app = App::new(common::briefing(), "t", &config, true, false, (120, 40));
        let action = action_for(&app, &click).expect("a click action");
        app.update(action);
        // Column 60, row 2 is the second row of the Allegations pane (after the sidebar).
        assert_eq!(app.current_sentence().unwrap().id, 5);
    }
}

#[test]
fn a_filter_that_empties_the_focused_pane_moves_the_focus() {
    use debrief::tui::filter::{self, SourceFilter};
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::FocusDenials);
    // Only Seoul's voice: the Denials (Pyongyang, Moscow) are all hidden.
    let seoul = filter::voices(&app.briefing.sentences[0]);
    let only = SourceFilter::only(&app.briefing, &seoul);
    app.apply_filter(only);
    assert_eq!(app.focus, Focus::Pane(Section::Allegation));
    assert_eq!(cur(&app), 0);
}

#[test]
fn counts_repeat_moves_and_pick_rows() {
    let mut app = common::app(common::sample(), (120, 40), true);
    app.update(Action::FocusResponses);
    app.update(Action::Digit(3));
    assert_eq!(app.count, Some(3));
    app.update(Action::SelectNext);
    assert_eq!(app.panes[Section::Response.index()].selected, 3);
    assert_eq!(app.count, None, "a count is used once");
    app.update(Action::Digit(2));
    app.update(Action::SelectLast);
    assert_eq!(
        app.panes[Section::Response.index()].selected,
        1,
        "2G: row 2"
    );
    app.update(Action::Digit(9));
    app.update(Action::Digit(9));
    app.update(Action::SelectNext);
    assert_eq!(
        app.panes[Section::Response.index()].selected,
        8,
        "clamped to the last row"
    );
}

#[test]
fn q_closes_the_help_and_the_filter_before_it_quits() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Help);
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    assert!(app.overlay.is_none());
    app.update(Action::OpenFilter);
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    assert!(app.overlay.is_none());
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    app.update(Action::Help);
    assert_eq!(
        app.update(Action::QuitNow),
        Effect::Quit,
        "Q quits from anywhere"
    );
}

#[test]
fn search_wrapping_is_said() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Search);
    for c in "seoul".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    // Sentence 5 is the last of Seoul's: the next match is the first again.
    app.update(Action::SelectLast);
    assert_eq!(cur(&app), 5);
    app.update(Action::SearchNext);
    assert_eq!(cur(&app), 0);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("wrapped"), "{msg:?}");
    app.update(Action::SearchNext);
    assert_eq!(cur(&app), 3);
    assert!(app.message.is_none(), "no wrap, no note");
}

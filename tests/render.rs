//! Drawing: the sample on a `TestBackend` at fixed sizes (insta snapshots), and style checks
//! where style carries meaning (snapshots do not see it).

mod common;

use debrief::tui::App;
use debrief::tui::action::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term
}

/// The screen as text, one line per row.
fn text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    buf.content
        .chunks(w)
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(c.symbol());
                skip = unicode_width::UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Position of the first cell of the first occurrence of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for (y, line) in text(buf).lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{}", text(buf));
}

#[test]
fn sample_120x40() {
    let app = common::app(common::sample(), (120, 40), true);
    let term = draw(&app);
    let screen = text(term.backend().buffer());
    for title in [
        "Allegations (",
        "Denials (",
        "Responses (",
        "Context (",
        "Timeline (",
    ] {
        assert!(screen.contains(title), "{title} missing:\n{screen}");
    }
    // The sample's dated references, at the precision the text gives.
    // "2022" says no more than its date: the row does not repeat it.
    assert!(screen.contains("› 2022   "), "{screen}");
    assert!(!screen.contains("2022  2022"), "{screen}");
    assert!(screen.contains("Aug 2023  since August 2023"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn sample_80x24() {
    let app = common::app(common::sample(), (80, 24), true);
    let term = draw(&app);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn sample_40x12() {
    let app = common::app(common::sample(), (40, 12), true);
    let term = draw(&app);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn too_small_is_calm_and_recovers() {
    let mut app = common::app(common::sample(), (30, 8), true);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("too small"), "{screen}");
    app.update(Action::Resize(120, 40));
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("Allegations"), "{screen}");
}

#[test]
fn sample_document_view_120x40() {
    let mut app = common::app(common::sample(), (120, 40), true);
    app.update(Action::ToggleDocument);
    insta::assert_snapshot!(text(draw(&app).backend().buffer()));
}

#[test]
fn sample_filter_popup_lists_every_speaker() {
    let mut app = common::app(common::sample(), (120, 40), true);
    app.update(Action::OpenFilter);
    let screen = text(draw(&app).backend().buffer());
    for s in &app.briefing.sources {
        assert!(screen.contains(&s.name), "{} missing:\n{screen}", s.name);
    }
    assert!(screen.contains("Nebenzia"));
    assert!(screen.contains("the writer's own voice"));
    insta::assert_snapshot!(screen);
}

#[test]
fn help_lists_bindings_and_legend() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::Help);
    insta::assert_snapshot!(text(draw(&app).backend().buffer()));
}

/// The help of a view as plain text, wide enough for every row on one line.
fn help_text(app: &App, view: debrief::tui::widgets::help::HelpView) -> String {
    debrief::tui::widgets::help::lines_for(&app.keymap, &app.theme, 80, view)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn help_of_each_view_lists_the_corrections_keys_where_they_work() {
    use debrief::tui::library::Screen;
    use debrief::tui::widgets::help::HelpView;
    let app = common::app(common::briefing(), (120, 40), true);
    let reader = help_text(&app, HelpView::Reader { in_library: false });
    for what in [
        "correct the section",
        "correct the speakers",
        "note on the sentence",
        "undo a correction",
        "redo a correction",
        "save the corrections elsewhere",
        "merge this source into another",
        "scroll the sentence down",
        "quit at once",
    ] {
        assert!(reader.contains(what), "{what} missing:\n{reader}");
    }
    // The source index merges speakers across the library and undoes it; the other views
    // only undo (the library's merges); no view corrects a sentence (that is the reader's).
    let sources = help_text(&app, HelpView::Library(Screen::Sources));
    assert!(
        sources.contains("merge this source into another"),
        "{sources}"
    );
    for screen in [
        Screen::List,
        Screen::All,
        Screen::Timeline,
        Screen::Statements,
    ] {
        let help = help_text(&app, HelpView::Library(screen));
        assert!(!help.contains("merge this source"), "{screen:?}:\n{help}");
        assert!(!help.contains("correct the section"), "{screen:?}:\n{help}");
    }
    for screen in [Screen::List, Screen::Sources] {
        let help = help_text(&app, HelpView::Library(screen));
        assert!(help.contains("undo a correction"), "{screen:?}:\n{help}");
        assert!(help.contains("redo a correction"), "{screen:?}:\n{help}");
    }
}

#[test]
fn fixture_120x40_with_timeline() {
    let app = common::app(common::briefing(), (120, 40), true);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("Tue 22 Oct 2024"), "{screen}");
    assert!(screen.contains("Aug 2023"));
    insta::assert_snapshot!(screen);
}

#[test]
fn claim_and_cue_are_highlighted_in_the_detail_pane() {
    let app = common::app(common::briefing(), (120, 40), true);
    let term = draw(&app);
    let buf = term.backend().buffer();
    // The detail pane is the lower part of the screen; the sentence comes under its speakers
    // and section.
    let (_, title_y) = find(buf, "Sentence 1 of 6");
    let detail_y = title_y + debrief::tui::widgets::detail::HEAD as u16;
    let row: String = text(buf)
        .lines()
        .nth(detail_y as usize + 1)
        .unwrap()
        .to_owned();
    let x = unicode_width::UnicodeWidthStr::width(&row[..row.find("accused").unwrap()]) as u16;
    let cue = buf[(x, detail_y + 1)].style();
    assert!(
        cue.add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert_eq!(cue.fg, Some(Color::Red), "cue in the allegation colour");
    let x = unicode_width::UnicodeWidthStr::width(&row[..row.find("Pyongyang of").unwrap()]) as u16;
    let claim = buf[(x, detail_y + 1)].style();
    assert!(
        claim.add_modifier.contains(Modifier::DIM),
        "the claim is dim: {claim:?}"
    );
    let x = unicode_width::UnicodeWidthStr::width(&row[..row.find("1,500").unwrap()]) as u16;
    let fig = buf[(x, detail_y + 1)].style();
    assert!(
        fig.add_modifier
            .contains(Modifier::ITALIC | Modifier::UNDERLINED)
    );
}

#[test]
fn no_color_keeps_the_meaning_in_modifiers() {
    let app = common::app(common::briefing(), (120, 40), false);
    let term = draw(&app);
    let buf = term.backend().buffer();
    for cell in &buf.content {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "no colour under NO_COLOR: {cell:?}"
        );
    }
    // The selected row of the focused pane has a reversed mark in front, its text as it is.
    let (x, y) = find(buf, "▶ Seoul");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(x + 10, y)].modifier.contains(Modifier::REVERSED));
    // The unselected row is not.
    let (x, y) = find(buf, "  Seoul: Seoul said");
    assert!(!buf[(x + 3, y)].modifier.contains(Modifier::REVERSED));
    // The speaker is bold.
    assert!(buf[(x + 2, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn search_matches_are_highlighted() {
    let mut app = common::app(common::briefing(), (120, 40), false);
    app.update(Action::Search);
    for c in "war".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    let term = draw(&app);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "war has");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn wide_text_wraps_by_display_width() {
    use debrief::tui::text::{width, wrap_ranges};
    let s = "대한민국 국가정보원은 북한이 러시아에 병력을 파견했다고 밝혔다";
    for r in wrap_ranges(s, 12) {
        assert!(width(&s[r]) <= 12);
    }
    let cjk = "北朝鮮がロシアに兵士を派遣したと報じられた";
    let lines = wrap_ranges(cjk, 10);
    assert!(lines.len() >= 4);
    assert!(lines.iter().all(|r| width(&cjk[r.clone()]) <= 10));
}

#[test]
fn search_ignores_case_and_keeps_byte_offsets() {
    use debrief::tui::text::find_matches;
    assert_eq!(
        find_matches("Denied, DENIED, denied", "denied"),
        vec![0..6, 8..14, 16..22]
    );
    let s = "Ärger über ÄRGER";
    let m = find_matches(s, "ärger");
    assert_eq!(m.len(), 2);
    assert_eq!(&s[m[1].clone()], "ÄRGER");
    assert_eq!(find_matches("북한 북한", "북한").len(), 2);
    assert!(find_matches("abc", "").is_empty());
}

// ---- empty and damaged briefings ----------------------------------------------------------

/// Every action the reader takes, bound to a key or not.
fn every_action() -> Vec<Action> {
    let mut all = vec![
        Action::SelectNext,
        Action::SelectPrev,
        Action::SelectFirst,
        Action::SelectLast,
        Action::PageDown,
        Action::PageUp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusAllegations,
        Action::FocusDenials,
        Action::FocusResponses,
        Action::FocusContext,
        Action::ToggleTimeline,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::OpenFilter,
        Action::OnlySpeaker,
        Action::ToggleDocument,
        Action::Copy,
        Action::Help,
        Action::Close,
        Action::Activate,
        Action::ToggleEntry,
        Action::SelectAll,
        Action::SelectNone,
        Action::OpenLibrary,
        Action::OpenAllBriefings,
        Action::OpenMergedTimeline,
        Action::OpenSources,
        Action::Input('x'),
        Action::DeleteChar,
        Action::Scroll(50, 5, 1),
        Action::Scroll(50, 5, -1),
        Action::Click(50, 5),
        Action::Click(5, 5),
    ];
    all.extend([(40, 12), (80, 24), (1, 1), (120, 40)].map(|(w, h)| Action::Resize(w, h)));
    all
}

#[test]
fn an_empty_briefing_says_so_in_every_pane() {
    let app = common::app(common::load(b""), (120, 40), true);
    let screen = text(draw(&app).backend().buffer());
    assert!(
        screen.contains("This briefing has no sentences"),
        "{screen}"
    );
    assert_eq!(screen.matches("  no sentences").count(), 4, "{screen}");
    assert!(screen.lines().last().unwrap().contains("no sentences"));
    insta::assert_snapshot!(screen);
    // Whitespace only is the same briefing.
    let blank = common::app(common::load(b"  \n\n\t\r\n \x0c\n"), (120, 40), true);
    assert_eq!(text(draw(&blank).backend().buffer()), screen);
}

#[test]
fn an_empty_briefing_in_the_document_view_80x24() {
    let mut app = common::app(common::load(b"\n\n"), (80, 24), true);
    app.update(Action::ToggleDocument);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("Document (0 sentences)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn every_action_on_an_empty_briefing_is_calm() {
    // Each action from each place an action can be taken: the panes, the document view, the
    // timeline, and the three overlays; the screen is drawn after every one.
    let openers: [&[Action]; 6] = [
        &[],
        &[Action::ToggleDocument],
        &[Action::ToggleTimeline],
        &[Action::Search],
        &[Action::OpenFilter],
        &[Action::Help],
    ];
    let fresh = common::app(common::load(b" \n"), (120, 40), true);
    for opener in openers {
        for action in every_action() {
            let mut app = fresh.clone();
            for a in opener.iter().chain([&action, &Action::SelectLast, &action]) {
                app.update(a.clone());
                draw(&app);
            }
            assert!(app.current_sentence().is_none());
        }
    }
}

#[test]
fn a_filter_hiding_everything_says_so() {
    let mut app = common::app(common::briefing(), (120, 40), true);
    app.update(Action::OpenFilter);
    app.update(Action::SelectNone);
    app.update(Action::Activate);
    let screen = text(draw(&app).backend().buffer());
    assert!(
        screen.contains("The source filter hides every sentence."),
        "{screen}"
    );
    assert_eq!(screen.matches("  nothing here").count(), 4, "{screen}");
}

/// The status bar of a briefing loaded from `bytes`, and the style of its warning sign.
fn warning_bar(bytes: &[u8], color: bool, ascii: bool) -> (String, ratatui::style::Style) {
    let app = App::new(
        common::load(bytes),
        "in.txt",
        &debrief::config::Config::default(),
        color,
        ascii,
        (120, 40),
    );
    let mut term = draw(&app);
    if ascii {
        term.draw(|f| {
            f.render_widget(&app, f.area());
            debrief::tui::terminal::asciify(f.buffer_mut());
        })
        .unwrap();
    }
    let buf = term.backend().buffer();
    let screen = text(buf);
    let sign = if ascii { "! " } else { "\u{26A0} " };
    let (x, y) = find(buf, sign);
    let style = buf[(x, y)].style();
    assert!(
        screen.contains("Sentence 1 of"),
        "the briefing opened:\n{screen}"
    );
    (screen.lines().last().unwrap().to_owned(), style)
}

#[test]
fn warnings_show_in_the_status_bar() {
    let utf8: &[u8] = b"The minister \x80denied it.";
    let cases: [(&[u8], &str); 4] = [
        (utf8, "1 warning: invalid UTF-8 replaced with \u{FFFD}"),
        (
            b"+++\ntitle = \n+++\nThe minister denied it.\n",
            "1 warning: front matter is not valid TOML; ignored",
        ),
        (
            b"+++\ndate = \"next Tuesday\"\n+++\nThe minister denied it.\n",
            "1 warning: front matter date \"next Tuesday\" is not YYYY-MM-DD",
        ),
        (
            b"Title: Talks\nDate: soon\n\nThe minister \xff denied it.\n",
            "2 warnings: invalid UTF-8 replaced with \u{FFFD}",
        ),
    ];
    for (bytes, want) in cases {
        let (bar, sign) = warning_bar(bytes, true, false);
        assert!(bar.contains(&format!("\u{26A0} {want}")), "{want}: {bar}");
        assert_eq!(sign.fg, Some(Color::LightRed), "the warning colour: {bar}");
        assert!(sign.add_modifier.contains(Modifier::BOLD));
    }
    // Without colour it is bold in the reversed bar; in ASCII mode the sign is `!`.
    let (_, sign) = warning_bar(utf8, false, false);
    assert!(matches!(sign.fg, None | Some(Color::Reset)), "{sign:?}");
    assert!(sign.add_modifier.contains(Modifier::BOLD));
    let (bar, _) = warning_bar(utf8, true, true);
    assert!(
        bar.contains("! 1 warning: invalid UTF-8 replaced with ?"),
        "{bar}"
    );
    assert!(bar.is_ascii(), "{bar}");
    // A clean briefing has no warning.
    let clean = common::app(common::load(b"The minister denied it."), (120, 40), true);
    let screen = text(draw(&clean).backend().buffer());
    assert!(!screen.contains("warning"), "{screen}");
}

#[test]
fn a_warning_80x24() {
    let app = common::app(common::load(b"The minister \x80denied it."), (80, 24), true);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("\u{26A0} 1 warning"), "{screen}");
    insta::assert_snapshot!(screen);
}

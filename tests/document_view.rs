//! The document view's scrolling: after every key, what the view shows is an unbroken window
//! of the whole document (drawn at the same width on a screen tall enough to hold it all),
//! with the selected sentence in it; at every width, through headings, paragraphs and a
//! sentence taller than the view, scrolled by lines (j, k) and by sentences (`(`, `)`).

mod common;

use debrief::tui::App;
use debrief::tui::action::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The document view's inner rows, right-trimmed (the view fills the screen but the status
/// bar when the timeline is hidden).
fn view_rows(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = term.backend().buffer();
    // Under the title rule, above the status bar; the view has no side borders.
    (1..h - 1)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            row.trim_end().to_owned()
        })
        .collect()
}

/// Twelve paragraphs under headings, with short, wrapping and one very long sentence, each
/// starting `Item N ` so it can be found on screen.
fn briefing_text() -> String {
    let mut text = String::new();
    let mut n = 0;
    for p in 0..12 {
        if p % 4 == 0 {
            text.push_str(&format!("# Heading {}\n\n", p / 4 + 1));
        }
        for k in 0..3 + p % 3 {
            n += 1;
            let body = match (p, k) {
                (5, 1) => "and the talks went on at length; ".repeat(60),
                (_, 1) => {
                    "the minister said the report was groundless and would be answered in full. "
                        .repeat(2)
                }
                _ => "was denied.".to_owned(),
            };
            text.push_str(&format!("Item {n} {} ", body.trim_end()));
            if !text.ends_with(". ") {
                text.push_str("Done. ");
            }
        }
        text.push_str("\n\n");
    }
    text
}

/// The whole document at `cols` columns, one row per line.
fn whole(b: &debrief::model::Briefing, cols: u16) -> Vec<String> {
    let mut app = common::app(b.clone(), (cols, 2000), true);
    app.timeline_shown = Some(false);
    app.update(Action::ToggleDocument);
    let mut rows = view_rows(&app);
    while rows.last().is_some_and(String::is_empty) {
        rows.pop();
    }
    rows
}

fn check(app: &App, whole: &[String], what: &str) {
    let rows = view_rows(app);
    let start = (0..whole.len()).find(|&t| {
        rows.iter()
            .enumerate()
            .all(|(k, r)| whole.get(t + k).map_or(r.is_empty(), |w| w == r))
    });
    assert!(
        start.is_some(),
        "{what}: not a window of the document:\n{}",
        rows.join("\n")
    );
    let sel = app.current_sentence().expect("a selection");
    let words: String = sel
        .text
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let mark = format!("{words} ");
    // Scrolled by lines into a sentence taller than the view, no sentence starts on screen.
    let no_start = rows.iter().all(|r| !r.contains("Item "));
    assert!(
        rows.iter().any(|r| r.contains(&mark)) || no_start,
        "{what}: {mark:?} not in view:\n{}",
        rows.join("\n")
    );
}

#[test]
fn every_key_shows_a_window_of_the_document_with_the_selection() {
    let b = common::load(briefing_text().as_bytes());
    let n = b.sentences.len();
    assert!(n > 40, "{n} sentences");
    let long = b.sentences.iter().map(|s| s.text.len()).max().unwrap();
    assert!(long > 1500, "a sentence taller than the view: {long}");
    for (cols, rows) in [(80, 24), (60, 14), (130, 40)] {
        let reference = whole(&b, cols);
        let mut app = common::app(b.clone(), (cols, rows), true);
        app.timeline_shown = Some(false);
        app.update(Action::ToggleDocument);
        check(&app, &reference, "start");
        assert!(
            view_rows(&app)[0].starts_with("# Heading 1"),
            "the first heading"
        );
        // j and k scroll by lines, ( and ) go by sentences.
        let mut keys = vec![Action::NextSentence; n];
        keys.extend(vec![Action::PrevSentence; n]);
        keys.extend(vec![Action::SelectNext; 3 * n]);
        keys.extend(vec![Action::PrevSentence; 5]);
        keys.extend(vec![Action::SelectPrev; 3 * n]);
        keys.extend(vec![Action::NextSentence; n / 2]);
        keys.extend([Action::SelectLast, Action::SelectFirst]);
        keys.extend(vec![Action::PageDown; n / 3]);
        keys.extend(vec![Action::PageUp; n / 3]);
        keys.extend([Action::SelectLast, Action::SearchNext]);
        for (i, key) in keys.into_iter().enumerate() {
            app.update(key.clone());
            check(&app, &reference, &format!("{cols}x{rows} key {i} {key:?}"));
        }
        // Going up to the first sentence of a paragraph brings its heading with it.
        app.update(Action::SelectFirst);
        assert!(view_rows(&app)[0].starts_with("# Heading 1"));
    }
}

#[test]
fn a_resize_keeps_the_selection_in_a_window_of_the_document() {
    let b = common::load(briefing_text().as_bytes());
    let mut app = common::app(b.clone(), (80, 24), true);
    app.timeline_shown = Some(false);
    app.update(Action::ToggleDocument);
    for _ in 0..25 {
        app.update(Action::NextSentence);
    }
    for (cols, rows) in [(60, 14), (130, 40), (45, 11), (80, 24)] {
        app.update(Action::Resize(cols, rows));
        check(
            &app,
            &whole(&b, cols),
            &format!("after a resize to {cols}x{rows}"),
        );
    }
}

#[test]
fn j_and_k_scroll_the_view_a_line_as_less_does() {
    let b = common::load(briefing_text().as_bytes());
    let mut app = common::app(b, (80, 24), true);
    app.timeline_shown = Some(false);
    app.update(Action::ToggleDocument);
    let start = view_rows(&app);
    app.update(Action::SelectNext);
    let down = view_rows(&app);
    assert_eq!(down[..down.len() - 1], start[1..], "one line up the screen");
    app.update(Action::SelectPrev);
    assert_eq!(view_rows(&app), start);
    assert_eq!(
        app.update(Action::SelectPrev),
        debrief::tui::app::Effect::None,
        "nothing above the first line"
    );
    // Scrolled past its start, the selection goes to the first sentence starting on screen.
    let first = app.current_sentence().map(|s| s.id);
    for _ in 0..6 {
        app.update(Action::SelectNext);
    }
    assert_ne!(app.current_sentence().map(|s| s.id), first);
    // A count scrolls so many lines; at the end nothing moves.
    app.update(Action::Digit(5));
    app.update(Action::Digit(0));
    app.update(Action::Digit(0));
    app.update(Action::SelectNext);
    let end = view_rows(&app);
    assert_eq!(
        app.update(Action::SelectNext),
        debrief::tui::app::Effect::None
    );
    assert_eq!(view_rows(&app), end);
    assert!(end.iter().any(|r| !r.is_empty()), "the last lines in view");
}

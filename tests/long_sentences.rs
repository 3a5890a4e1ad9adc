//! A sentence of megabytes in the reader: drawing styles and wraps only what the screen shows
//! (a row, the detail pane's height, the document view's lines), with the same result as
//! styling and wrapping it all.

mod common;

use debrief::tui::action::Action;
use debrief::tui::text::{
    lines_of, prefix_for_width, styled_runs, styled_runs_upto, wrap_ranges, wrap_ranges_upto,
    wrap_runs,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// The screen as text, one line per row.
fn screen(app: &debrief::tui::App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = term.backend().buffer();
    buf.content
        .chunks(buf.area.width as usize)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One sentence of about `len` bytes, with dates, figures, quotes and reporting verbs all
/// along it, and no full stop until the end.
fn long_sentence(len: usize) -> String {
    let unit =
        "the minister said that 1,500 troops moved on 3 March 2024 and “officials” denied it, ";
    let mut s = String::from("Seoul said ");
    while s.len() < len {
        s.push_str(unit);
    }
    s.push_str("and nothing more.");
    s
}

proptest! {
    /// The first `max` lines are the first `max` lines of the whole wrapping.
    #[test]
    fn wrapping_the_first_lines_only_agrees_with_wrapping_all(
        text in "([a-z]{1,12}|[가-힣]{1,4}|🙂|x{30,60}| |\n){0,40}",
        width in 1usize..30,
        max in 0usize..12,
    ) {
        let all = wrap_ranges(&text, width);
        let first = wrap_ranges_upto(&text, width, max);
        prop_assert_eq!(&first[..], &all[..all.len().min(max.max(1))]);
    }
}

/// The spans of each line, as the reader laid them out before lines were matched to runs in
/// one pass: every run checked against every line.
fn lines_the_slow_way(
    text: &str,
    runs: &[(std::ops::Range<usize>, Style)],
    width: usize,
) -> Vec<Line<'static>> {
    wrap_ranges(text, width)
        .into_iter()
        .map(|line| {
            Line::from(
                runs.iter()
                    .filter_map(|(r, st)| {
                        let (s, e) = (r.start.max(line.start), r.end.min(line.end));
                        (s < e).then(|| ratatui::text::Span::styled(text[s..e].to_owned(), *st))
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

#[test]
fn styling_a_prefix_agrees_with_styling_it_all() {
    let b = common::load(long_sentence(3_000).as_bytes());
    let app = common::app(b.clone(), (120, 40), true);
    for s in b.sentences.iter().chain(common::sample().sentences.iter()) {
        for query in [None, Some("the"), Some("1,500")] {
            let all = styled_runs(&b, s, &app.theme, Style::new(), query);
            assert_eq!(
                wrap_runs(&s.text, &all, 37),
                lines_the_slow_way(&s.text, &all, 37)
            );
            let style_at = |runs: &[(std::ops::Range<usize>, Style)], i: usize| {
                runs.iter().find(|(r, _)| r.contains(&i)).map(|(_, st)| *st)
            };
            for end in [0, 1, 17, 200, 1_001, s.text.len()] {
                let part = styled_runs_upto(&b, s, &app.theme, Style::new(), query, end);
                let covered = part.last().map_or(0, |(r, _)| r.end);
                let want = end.min(s.text.len());
                assert!(covered <= want && covered + 4 > want, "{covered} for {end}");
                for i in 0..covered {
                    // A search match cut by the end is not highlighted: compare the rest.
                    if query.is_none() || i + 6 < covered {
                        assert_eq!(style_at(&part, i), style_at(&all, i), "byte {i} of {end}");
                    }
                }
            }
        }
    }
    let text = "a 🙂 wide 대한민국 row";
    assert_eq!(prefix_for_width(text, 100), text.len());
    assert_eq!(
        &text[..prefix_for_width(text, 4)],
        "a 🙂 ",
        "four columns and one more"
    );
}

#[test]
fn a_sentence_of_half_a_megabyte_is_drawn_as_far_as_the_screen_goes() {
    let text = long_sentence(500_000);
    let b = common::load(text.as_bytes());
    assert_eq!(b.sentences.len(), 1, "one sentence");
    let dates = b.timeline.len();
    assert!(dates > 1_000, "{dates} dates");
    let mut app = common::app(b, (120, 40), true);
    app.update(Action::FocusResponses);
    app.update(Action::FocusDenials);
    let s = screen(&app);
    // The detail pane shows the sentence under its speakers and section, and lists what room
    // allows of its dates.
    assert!(s.contains("│Section    Denial"), "{s}");
    assert!(
        s.contains("│Seoul said the minister said that 1,500 troops"),
        "{s}"
    );
    assert!(s.contains("…"), "the row is cut: {s}");
    app.update(Action::ToggleDocument);
    let s = screen(&app);
    assert!(s.contains("Document (1 sentences)"), "{s}");
    assert!(s.contains("    Seoul said the minister said"), "{s}");
    let filled = s
        .lines()
        .filter(|l| l.contains("minister said that"))
        .count();
    assert!(
        filled >= 30,
        "the view is full of the sentence: {filled} rows\n{s}"
    );
    // Search highlights the matches on screen.
    app.update(Action::Search);
    for c in "troops".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.search_matches(), vec![0]);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let highlighted = term
        .backend()
        .buffer()
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED) && c.symbol() == "t")
        .count();
    assert!(highlighted > 20, "{highlighted} highlighted cells");
}

#[test]
fn a_sentence_with_thousands_of_dates_and_cues_lists_some_and_counts_the_rest() {
    let b = common::load(long_sentence(100_000).as_bytes());
    let n = b.timeline.len();
    assert!(n > 1_000, "{n} dates");
    let app = common::app(b, (120, 40), true);
    // The speakers and the section, then the text (two rows of it here), then the rest.
    let lines: Vec<String> = debrief::tui::widgets::detail::lines(&app, 84, 2)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(lines[0].starts_with("Speakers "), "{lines:?}");
    assert!(lines[1].starts_with("Section "), "{lines:?}");
    assert!(lines[2].starts_with("Seoul said the minister"), "{lines:?}");
    let time = lines
        .iter()
        .find(|l| l.starts_with("Time "))
        .unwrap_or_else(|| panic!("a Time line: {lines:?}"));
    let listed = time.matches("3 March 2024 = Sun 3 Mar 2024").count();
    assert!(listed >= 3 && time.len() < 84 * 5, "{time}");
    assert!(
        time.ends_with(&format!("; and {} more", n - listed)),
        "{time}"
    );
    // The reasons for the section: the model keeps its few strongest, whatever the length.
    let cues = app.briefing.sentences[0].cues.len();
    assert!((1..=3).contains(&cues), "{cues} cues");
    let reasons = lines
        .iter()
        .find(|l| l.starts_with("Reasons "))
        .expect("a Reasons line");
    assert!(
        reasons.contains('\u{201c}') && reasons.len() < 84 * 5,
        "{reasons}"
    );
}

#[test]
fn lines_of_takes_only_the_lines_it_is_given() {
    let text = "one two three four five six seven";
    let runs = vec![(0..text.len(), Style::new())];
    let ranges = wrap_ranges_upto(text, 9, 2);
    let lines = lines_of(text, &runs, &ranges);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].to_string(), "one two");
    assert_eq!(lines[1].to_string(), "three");
}

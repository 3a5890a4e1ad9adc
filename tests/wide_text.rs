//! Wide text: Hangul, CJK, emoji and combining marks laid out by display width. The reader is
//! drawn on a `TestBackend` at several sizes with every sentence of the Korean fixture
//! selected in turn; no row may hold more columns than the screen, borders stay in their
//! columns, and the detail pane wraps the whole sentence without losing a word.

mod common;

use debrief::config::Config;
use debrief::loader::{self, Lexicon, Options};
use debrief::model::{Briefing, Section};
use debrief::tui::App;
use debrief::tui::action::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

fn fixture() -> Briefing {
    let bytes = std::fs::read("tests/fixtures/korean-emoji.txt").unwrap();
    let options = Options {
        date: None,
        lexicon: Arc::new(Lexicon::with_additions(&Default::default())),
        ..Options::default()
    };
    loader::load(&bytes, &options).expect("the fixture loads")
}

/// Rows as text, a wide character's continuation cells skipped; also checks that the
/// characters of each row take exactly the screen's width.
fn rows(buf: &Buffer) -> Vec<String> {
    let w = buf.area.width as usize;
    buf.content
        .chunks(w)
        .enumerate()
        .map(|(y, row)| {
            let (mut line, mut cols, mut skip) = (String::new(), 0, 0);
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(c.symbol());
                let width = c.symbol().width().max(1);
                cols += width;
                skip = width - 1;
            }
            assert_eq!(cols, w, "row {y} takes {cols} columns: {line:?}");
            line
        })
        .collect()
}

fn draw(app: &App) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    rows(term.backend().buffer())
}

#[test]
fn wide_text_fits_and_aligns_at_every_size() {
    for (w, h) in [(120, 40), (100, 30), (80, 24), (40, 12), (20, 5), (1, 1)] {
        for ascii in [false, true] {
            let b = fixture();
            let mut app = App::new(
                b,
                "korean-emoji.txt",
                &Config::default(),
                true,
                ascii,
                (w, h),
            );
            for section in Section::ALL {
                let focus = match section {
                    Section::Allegation => Action::FocusAllegations,
                    Section::Denial => Action::FocusDenials,
                    Section::Response => Action::FocusResponses,
                    Section::Context => Action::FocusContext,
                };
                app.update(focus);
                for _ in 0..4 {
                    let screen = draw(&app);
                    if (w, h) == (120, 40) {
                        // The right edge is a border on every row but the status bar.
                        for (y, line) in screen.iter().enumerate().take(39) {
                            let edge = line.chars().last().unwrap();
                            assert!("│┐┘┃┓┛|+#".contains(edge), "row {y}: {line}");
                        }
                    }
                    app.update(Action::SelectNext);
                }
            }
        }
    }
}

/// The text inside the detail pane at 120x40 (right of the 34-column timeline, below its
/// title row), whitespace removed.
fn detail_text(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = term.backend().buffer();
    let screen = rows(buf);
    let top = screen.iter().position(|l| l.contains("Sentence ")).unwrap();
    let mut text = String::new();
    for y in top + 1..39 {
        let mut skip = 0;
        for x in 35..119 {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y as u16)].symbol();
            skip = sym.width().max(1) - 1;
            text.push_str(sym);
        }
    }
    text.split_whitespace().collect()
}

#[test]
fn the_detail_pane_wraps_hangul_and_cjk_without_losing_words() {
    let b = fixture();
    let count = b.sentences.len();
    let mut app = App::new(
        b,
        "korean-emoji.txt",
        &Config::default(),
        true,
        false,
        (120, 40),
    );
    let mut seen = 0;
    for focus in [
        Action::FocusAllegations,
        Action::FocusDenials,
        Action::FocusResponses,
        Action::FocusContext,
    ] {
        app.update(focus);
        loop {
            let s = app.current_sentence().unwrap();
            let (id, want) = (s.id, s.text.split_whitespace().collect::<String>());
            let got = detail_text(&app);
            assert!(got.contains(&want), "sentence {id}:\n{want}\nnot in\n{got}");
            seen += 1;
            app.update(Action::SelectNext);
            if app.current_sentence().map(|s| s.id) == Some(id) {
                break;
            }
        }
    }
    assert_eq!(seen, count, "every sentence was shown");
}

#[test]
fn ascii_mode_sends_only_ascii_and_keeps_the_layout() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = App::new(
            fixture(),
            "korean-emoji.txt",
            &Config::default(),
            false,
            true,
            (w, h),
        );
        for _ in 0..4 {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| {
                f.render_widget(&app, f.area());
                debrief::tui::terminal::asciify(f.buffer_mut());
            })
            .unwrap();
            let screen = rows(term.backend().buffer());
            for (y, line) in screen.iter().enumerate() {
                assert!(line.is_ascii(), "row {y} is not ASCII: {line:?}");
            }
            app.update(Action::SelectNext);
        }
    }
}

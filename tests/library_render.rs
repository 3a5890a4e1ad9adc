//! Drawing the library: the fixtures on a `TestBackend` at 120x40 (insta snapshots), and
//! the selected row's style, which snapshots do not see.

use debrief::config::Config;
use debrief::library::{self, Library, Loaded};
use debrief::loader::Options;
use debrief::tui::action::Action;
use debrief::tui::library::LibraryApp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use std::path::PathBuf;

fn app(load: bool) -> LibraryApp {
    app_of(load, false, (120, 40))
}

fn app_of(load: bool, recursive: bool, size: (u16, u16)) -> LibraryApp {
    let found = library::discover(&[PathBuf::from("tests/fixtures/library")], recursive).unwrap();
    let mut app = LibraryApp::new(
        Library::from_discovery(found),
        &Config::default(),
        false,
        false,
        size,
    );
    if load {
        for (doc, path) in app.library.pending() {
            let result = library::analyze_file(&path, &Options::default());
            app.apply_loaded(Loaded { doc, path, result });
        }
        app.refresh();
    }
    app
}

fn draw(app: &LibraryApp) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}

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

#[test]
fn library_120x40() {
    let app = app(true);
    let buf = draw(&app);
    insta::assert_snapshot!(text(&buf));
    // The selected row is reversed (visible without colour).
    let row = 2;
    assert!(
        buf[(5, row)].modifier.contains(Modifier::REVERSED),
        "{:?}",
        buf[(5, row)]
    );
}

#[test]
fn library_while_loading_shows_progress() {
    let app = app(false);
    let screen = text(&draw(&app));
    assert!(screen.contains("loaded 0/3"), "{screen}");
    assert!(screen.contains("loading…"), "{screen}");
}

#[test]
fn merged_timeline_and_sources_120x40() {
    let mut app = app(true);
    app.update(Action::OpenMergedTimeline);
    insta::assert_snapshot!("merged_timeline", text(&draw(&app)));
    app.update(Action::OpenSources);
    insta::assert_snapshot!("sources", text(&draw(&app)));
}

#[test]
fn recursive_rows_show_their_subfolder_and_narrow_lists_keep_titles() {
    let wide = text(&draw(&app_of(true, true, (120, 40))));
    assert!(wide.contains("archive/2024-11-02-ceasefire.txt"), "{wide}");
    assert!(wide.contains("Library · 4 briefings"), "{wide}");
    for cols in [80, 60] {
        let screen = text(&draw(&app_of(true, true, (cols, 24))));
        for title in [
            "Grain corridor talks resume in Istanbul",
            "Missile strike on the port of Odesa",
        ] {
            assert!(
                screen.contains(title),
                "{title} at {cols} columns:\n{screen}"
            );
        }
    }
    let mut sources = app_of(true, false, (80, 24));
    sources.update(Action::OpenSources);
    let screen = text(&draw(&sources));
    assert!(screen.contains("Briefings"), "{screen}");
    assert!(
        screen.contains("· Missile strike") || screen.contains("· Grain corridor"),
        "the briefings a speaker is in:\n{screen}"
    );
}

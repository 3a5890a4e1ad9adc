//! The library reader's logic: `LibraryApp::update()` driven by actions and by loader and
//! watcher results fed in by hand, no terminal and no threads.

use debrief::config::Config;
use debrief::library::{self, DocId, Library, Loaded};
use debrief::loader::Options;
use debrief::tui::action::Action;
use debrief::tui::library::{LibraryApp, Screen};
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/library";

/// A library reader over `dir` with nothing loaded yet.
fn unloaded(dir: &Path) -> LibraryApp {
    let found = library::discover(&[dir.to_path_buf()], false).expect("discovers");
    LibraryApp::new(
        Library::from_discovery(found),
        &Config::default(),
        false,
        false,
        (120, 40),
    )
}

/// Loads jobs as the background loader would, applying each result.
fn load(app: &mut LibraryApp, jobs: Vec<(DocId, PathBuf)>) {
    for (doc, path) in jobs {
        let result = library::analyze_file(&path, &Options::default());
        app.apply_loaded(Loaded { doc, path, result });
    }
    app.refresh();
}

fn loaded(dir: &Path) -> LibraryApp {
    let mut app = unloaded(dir);
    let jobs = app.library.pending();
    load(&mut app, jobs);
    app
}

fn titles(app: &LibraryApp) -> Vec<String> {
    app.order
        .iter()
        .map(|&d| app.library.get(d).unwrap().title())
        .collect()
}

/// The opened briefing's title and selected sentence text.
fn opened(app: &LibraryApp) -> (String, String) {
    let o = app.opened.as_ref().expect("a briefing is open");
    let title = o.app.briefing.title.clone().unwrap_or_default();
    let sentence = o.app.current_sentence().expect("a sentence").text.clone();
    (title, sentence)
}

/// A copy of the fixtures in a fresh temporary folder.
fn temp_copy(name: &str) -> PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-libapp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(FIXTURES).unwrap() {
        let p = f.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn lists_newest_first_and_fills_in_while_loading() {
    let mut app = unloaded(Path::new(FIXTURES));
    assert_eq!(app.library.progress().done, 0);
    assert_eq!(
        app.order.len(),
        3,
        "the library appears before anything is loaded"
    );
    // Opening a briefing still loading says so and stays in the list.
    app.update(Action::Activate);
    assert!(app.opened.is_none());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("still being analysed")
    );
    let jobs = app.library.pending();
    load(&mut app, jobs);
    assert_eq!(
        titles(&app),
        [
            "Grain corridor talks resume in Istanbul",
            "Missile strike on the port of Odesa",
            "Statement on the detained reporters",
        ]
    );
    assert_eq!(
        app.list.selected, 0,
        "the top row stays selected while loading"
    );
}

#[test]
fn enter_opens_and_esc_or_backspace_return_with_the_selection_kept() {
    let mut app = loaded(Path::new(FIXTURES));
    app.update(Action::SelectNext);
    app.update(Action::Activate);
    assert_eq!(opened(&app).0, "Missile strike on the port of Odesa");
    // Keys go to the briefing: moving between panes is the reader's.
    app.update(Action::FocusNext);
    assert!(app.opened.is_some());
    app.update(Action::Close);
    assert!(app.opened.is_none(), "esc with nothing to close goes back");
    assert_eq!(app.screen, Screen::List);
    assert_eq!(app.list.selected, 1, "the library selection is kept");
    app.update(Action::Activate);
    // Esc first leaves the timeline sidebar, then the briefing.
    app.update(Action::ToggleTimeline);
    app.update(Action::Close);
    assert!(app.opened.is_some());
    app.update(Action::Close);
    assert!(app.opened.is_none());
    app.update(Action::Activate);
    app.update(Action::OpenLibrary);
    assert!(app.opened.is_none(), "backspace / L go back");
}

#[test]
fn merged_timeline_enter_opens_that_briefing_at_that_sentence() {
    let mut app = loaded(Path::new(FIXTURES));
    app.update(Action::OpenMergedTimeline);
    assert_eq!(app.screen, Screen::Timeline);
    let values: Vec<_> = app.timeline.iter().map(|t| t.value.clone()).collect();
    let mut sorted = values.clone();
    sorted.sort_by_key(|v| (v.is_none(), v.clone()));
    assert_eq!(values, sorted, "one sorted timeline");
    let at = app
        .timeline
        .iter()
        .position(|t| t.value.as_deref() == Some("2025-01"))
        .expect("January 2025 is on the timeline");
    for _ in 0..at {
        app.update(Action::SelectNext);
    }
    app.update(Action::Activate);
    let (title, sentence) = opened(&app);
    assert_eq!(title, "Grain corridor talks resume in Istanbul");
    assert!(
        sentence.contains("mining the shipping lanes in January 2025"),
        "{sentence}"
    );
    // Back from the briefing: the timeline, as it was.
    app.update(Action::Close);
    assert_eq!(app.screen, Screen::Timeline);
    assert_eq!(app.timeline_list.selected, at);
}

#[test]
fn source_index_counts_statements_and_filters_across_the_library() {
    let mut app = loaded(Path::new(FIXTURES));
    app.update(Action::OpenSources);
    let peskov = app
        .sources
        .iter()
        .position(|s| s.name == "Dmitry Peskov")
        .expect("Peskov is indexed");
    let s = &app.sources[peskov];
    assert_eq!(s.docs.len(), 2, "merged across two briefings");
    assert_eq!(s.counts.total(), 2);
    for _ in 0..peskov {
        app.update(Action::SelectNext);
    }
    // Enter: his statements, grouped by briefing in library order.
    app.update(Action::Activate);
    assert_eq!(app.screen, Screen::Statements);
    let docs: Vec<_> = app.statements.iter().map(|s| s.doc).collect();
    assert_eq!(docs, [app.order[0], app.order[1]]);
    // Enter on a statement opens it.
    app.update(Action::SelectNext);
    app.update(Action::Activate);
    let (title, sentence) = opened(&app);
    assert_eq!(title, "Missile strike on the port of Odesa");
    assert!(sentence.contains("Peskov"), "{sentence}");
    app.update(Action::Close);
    // "Only this speaker" across the library: the all-briefings view keeps his statements.
    app.update(Action::OnlySpeaker);
    assert_eq!(app.screen, Screen::All);
    let shown: usize = app.all.items.iter().map(Vec::len).sum();
    assert_eq!(shown, 2);
    assert_eq!(app.only_name().as_deref(), Some("Dmitry Peskov"));
    // Esc drops the filter, again goes back to the list.
    app.update(Action::Close);
    let shown: usize = app.all.items.iter().map(Vec::len).sum();
    assert!(shown > 2);
    app.update(Action::Close);
    assert_eq!(app.screen, Screen::List);
}

#[test]
fn all_briefings_view_tags_sentences_and_opens_them() {
    let mut app = loaded(Path::new(FIXTURES));
    app.update(Action::OpenAllBriefings);
    let total: usize = app.all.items.iter().map(Vec::len).sum();
    let expected: usize = app
        .library
        .entries()
        .iter()
        .filter_map(|e| e.briefing())
        .map(|b| b.sentences.len())
        .sum();
    assert_eq!(total, expected, "every sentence of every briefing");
    app.update(Action::FocusDenials);
    app.update(Action::SelectLast);
    let sel = app.selected_sentence().expect("a denial");
    app.update(Action::Activate);
    let o = app.opened.as_ref().unwrap();
    assert_eq!(o.doc, sel.doc);
    assert_eq!(o.app.current_sentence().unwrap().id, sel.sentence);
}

#[test]
fn reload_keeps_the_selection_on_the_same_sentence_and_marks_deleted_files() {
    let dir = temp_copy("reload");
    let mut app = loaded(&dir);
    app.update(Action::SelectNext);
    app.update(Action::Activate);
    let o = app.opened.as_ref().unwrap();
    let target = o
        .app
        .briefing
        .sentences
        .iter()
        .find(|s| s.text.contains("European Union condemned"))
        .unwrap()
        .id;
    app.opened.as_mut().unwrap().app.select_sentence(target);
    let before = opened(&app).1;

    // A new title and a new first paragraph: the sentence moves, the selection follows it.
    let path = dir.join("2025-03-12-port-strike.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace(
            "Missile strike on the port of Odesa",
            "Odesa port struck again",
        )
        .replace(
            "+++\nUkraine's",
            "+++\nOfficials said the port was closed.\n\nUkraine's",
        );
    std::fs::write(&path, text).unwrap();
    let jobs = app.note_changes(std::slice::from_ref(&path));
    assert_eq!(jobs.len(), 1);
    load(&mut app, jobs);
    let (title, after) = opened(&app);
    assert_eq!(title, "Odesa port struck again");
    assert_eq!(after, before);
    let o = app.opened.as_ref().unwrap();
    assert_eq!(o.app.current_sentence().unwrap().id, target + 1);
    app.update(Action::Close);
    assert!(titles(&app).contains(&"Odesa port struck again".to_owned()));

    // A new file appears; a deleted one is marked gone.
    let new = dir.join("new.txt");
    std::fs::write(
        &new,
        "Title: New\nDate: 2025-04-01\n\nThe minister said so.\n",
    )
    .unwrap();
    let gone = dir.join("undated-briefing.brief");
    std::fs::remove_file(&gone).unwrap();
    let jobs = app.note_changes(&[new, gone.clone()]);
    load(&mut app, jobs);
    assert_eq!(titles(&app)[0], "New");
    let doc = app.library.find(&gone).unwrap();
    assert_eq!(
        app.library.get(doc).unwrap().state,
        library::EntryState::Gone
    );
    let _ = std::fs::remove_dir_all(&dir);
}

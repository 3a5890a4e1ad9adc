//! The library model without a terminal: discovery, ordering, the merged views, reload and
//! parallel loading, and the file watcher on a temporary folder.

use debrief::library::watch::{self, WatchEvent};
use debrief::library::{
    self, Change, DocId, EntryState, Library, Loaded, SectionCounts, Selection, SkipReason,
};
use debrief::loader::Options;
use debrief::model::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

const FIXTURES: &str = "tests/fixtures/library";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// A fresh folder under the system's temporary directory, one per test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-library-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn loaded_library(paths: &[PathBuf], recursive: bool) -> Library {
    let found = library::discover(paths, recursive).expect("discovers");
    let mut lib = Library::from_discovery(found);
    for loaded in library::spawn(lib.pending(), Options::default()) {
        lib.apply(loaded, None);
    }
    lib
}

/// A hand-built briefing: sentences as (text, section, speaker ids), sources as (name,
/// party), time references as (value, sentence).
fn briefing(
    title: &str,
    date: Option<&str>,
    sentences: &[(&str, Section, &[usize])],
    sources: &[(&str, Option<&str>)],
    times: &[(Option<&str>, usize)],
) -> Briefing {
    Briefing {
        title: Some(title.into()),
        date: date.map(str::to_owned),
        sentences: sentences
            .iter()
            .enumerate()
            .map(|(id, (text, section, speakers))| Sentence {
                id,
                paragraph: 0,
                text: (*text).into(),
                section: *section,
                speakers: speakers.to_vec(),
                cues: Vec::new(),
                spans: Vec::new(),
                likelihood: None,
                turn: None,
                correction: None,
            })
            .collect(),
        sources: sources
            .iter()
            .enumerate()
            .map(|(id, (name, party))| Source {
                id,
                name: (*name).into(),
                party: party.map(str::to_owned),
                kind: SourceKind::Organization,
                mentions: vec![(*name).into()],
            })
            .collect(),
        timeline: times
            .iter()
            .map(|(value, sentence)| TimeRef {
                text: value.unwrap_or("someday").into(),
                value: value.map(str::to_owned),
                precision: None,
                sentence: *sentence,
                start: 0,
                end: 0,
            })
            .collect(),
        ..Briefing::default()
    }
}

fn with(briefings: Vec<(&str, Briefing)>) -> Library {
    let mut lib = Library::new(briefings.iter().map(|(p, _)| PathBuf::from(p)));
    for (i, (_, b)) in briefings.into_iter().enumerate() {
        lib.set(DocId(i), EntryState::Loaded(b));
    }
    lib
}

fn loaded(doc: usize, b: Briefing) -> Loaded {
    Loaded {
        doc: DocId(doc),
        path: PathBuf::new(),
        result: Ok(b),
    }
}

// --- discovery ---

#[test]
fn discovery_takes_briefing_extensions_and_notes_the_rest() {
    let found = library::discover(&[PathBuf::from(FIXTURES)], false).expect("discovers");
    assert_eq!(
        found.files,
        vec![
            fixture("2025-03-12-port-strike.txt"),
            fixture("2025-03-14-port-talks.md"),
            fixture("undated-briefing.brief"),
        ]
    );
    let notes: Vec<_> = found
        .skipped
        .iter()
        .map(|s| (s.path.clone(), s.reason.clone()))
        .collect();
    assert_eq!(
        notes,
        vec![
            (fixture("archive"), SkipReason::Subfolder),
            (fixture("notes.pdf"), SkipReason::Extension),
        ]
    );
    assert_eq!(
        found.skipped[1].to_string(),
        "skipped tests/fixtures/library/notes.pdf: not a briefing (.txt, .md or .brief)"
    );
}

#[test]
fn discovery_goes_into_subfolders_when_recursive() {
    let found = library::discover(&[PathBuf::from(FIXTURES)], true).expect("discovers");
    assert_eq!(found.files.len(), 4);
    assert_eq!(found.files[3], fixture("archive/2024-11-02-ceasefire.txt"));
    assert!(
        found
            .skipped
            .iter()
            .all(|s| s.reason == SkipReason::Extension)
    );
}

#[test]
fn a_file_named_explicitly_is_taken_whatever_its_extension_and_only_once() {
    let paths = [
        fixture("notes.pdf"),
        PathBuf::from(FIXTURES),
        fixture("undated-briefing.brief"),
    ];
    let found = library::discover(&paths, false).expect("discovers");
    assert_eq!(found.files[0], fixture("notes.pdf"));
    assert_eq!(found.files.len(), 4, "{:?}", found.files);
    assert_eq!(
        found
            .files
            .iter()
            .filter(|p| p.ends_with("undated-briefing.brief"))
            .count(),
        1
    );
}

#[test]
fn hidden_files_are_skipped_and_extensions_ignore_case() {
    let dir = temp_dir("hidden");
    std::fs::write(dir.join(".#lock.txt"), "x").expect("writes");
    std::fs::write(dir.join("LOUD.TXT"), "The ministry denied it.").expect("writes");
    let found = library::discover(std::slice::from_ref(&dir), false).expect("discovers");
    assert_eq!(found.files, vec![dir.join("LOUD.TXT")]);
    assert_eq!(found.skipped[0].reason, SkipReason::Hidden);
}

#[test]
fn a_folder_without_briefings_and_a_missing_path_are_errors() {
    let dir = temp_dir("empty");
    std::fs::write(dir.join("image.png"), "x").expect("writes");
    let e = library::discover(std::slice::from_ref(&dir), false).expect_err("no briefings");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: no briefings in this folder (.txt, .md or .brief files); 1 other entry skipped",
            dir.display()
        )
    );
    let e = library::discover(&[PathBuf::from("no/such/folder")], false).expect_err("missing");
    assert_eq!(e.to_string(), "no/such/folder: no such file or folder");
}

// --- ordering and counts ---

#[test]
fn the_library_lists_newest_first_and_undated_last() {
    let lib = loaded_library(&[PathBuf::from(FIXTURES)], true);
    assert_eq!(lib.progress().done, 4);
    let titles: Vec<_> = lib
        .order()
        .into_iter()
        .map(|d| lib.get(d).expect("entry").title())
        .collect();
    assert_eq!(
        titles,
        [
            "Grain corridor talks resume in Istanbul",
            "Missile strike on the port of Odesa",
            "Ceasefire monitors report violations",
            "Statement on the detained reporters",
        ]
    );
    let strike = lib
        .find(&fixture("2025-03-12-port-strike.txt"))
        .expect("found");
    let counts = lib.get(strike).and_then(|e| e.counts()).expect("loaded");
    assert_eq!(counts, SectionCounts([1, 2, 1, 1]));
    assert_eq!(counts.get(Section::Context), 1);
    assert_eq!(counts.total(), 5);
}

#[test]
fn same_dates_go_by_title_then_path_and_unloaded_entries_come_last() {
    let s: &[(&str, Section, &[usize])] = &[("A.", Section::Context, &[])];
    let mut lib = with(vec![
        ("z.txt", briefing("beta", Some("2025-01-01"), s, &[], &[])),
        ("y.txt", briefing("Alpha", Some("2025-01-01"), s, &[], &[])),
        ("x.txt", briefing("Alpha", Some("2025-01-01"), s, &[], &[])),
    ]);
    lib.add(PathBuf::from("a.txt"));
    assert_eq!(lib.order(), [DocId(2), DocId(1), DocId(0), DocId(3)]);
    assert_eq!(lib.get(DocId(3)).expect("entry").title(), "a.txt");
    assert_eq!(lib.progress().done, 3);
    assert_eq!(lib.progress().total, 4);
}

// --- merged views ---

#[test]
fn speakers_merge_across_documents_with_counts_per_document_and_section() {
    let lib = loaded_library(&[PathBuf::from(FIXTURES)], true);
    let sources = lib.sources();
    let ministry = sources
        .iter()
        .find(|s| s.name == "Ukrainian Foreign Ministry")
        .expect("merged");
    assert_eq!(ministry.party.as_deref(), Some("Ukraine"));
    assert_eq!(ministry.docs.len(), 3);
    // Library order: newest first.
    let dates: Vec<_> = ministry
        .docs
        .iter()
        .map(|d| lib.get(d.doc).and_then(|e| e.date()).expect("dated"))
        .collect();
    assert_eq!(dates, ["2025-03-14", "2025-03-12", "2024-11-02"]);
    assert_eq!(ministry.counts.get(Section::Allegation), 3);
    assert_eq!(ministry.counts.get(Section::Context), 0);
    for (d, statement) in ministry.docs.iter().zip(ministry.statements()) {
        assert_eq!(statement.doc, d.doc);
        let b = lib.briefing(d.doc).expect("loaded");
        assert!(b.sentences[statement.sentence].speakers.contains(&d.source));
    }
    let peskov = sources
        .iter()
        .find(|s| s.name == "Dmitry Peskov")
        .expect("merged");
    assert_eq!(peskov.docs.len(), 2);
    assert_eq!(peskov.statements().count(), 2);
    // Most statements first.
    assert!(
        sources
            .windows(2)
            .all(|w| w[0].counts.total() >= w[1].counts.total())
    );
}

#[test]
fn speakers_merge_by_name_ignoring_case_but_not_across_parties() {
    let a = briefing(
        "a",
        Some("2025-01-02"),
        &[
            ("One.", Section::Denial, &[0]),
            ("Two.", Section::Context, &[1]),
        ],
        &[("The  Ministry", Some("Ruritania")), ("Ministry", None)],
        &[],
    );
    let b = briefing(
        "b",
        Some("2025-01-01"),
        &[("Three.", Section::Allegation, &[0])],
        &[("the ministry", Some("ruritania"))],
        &[],
    );
    let lib = with(vec![("a.txt", a), ("b.txt", b)]);
    let sources = lib.sources();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0].name, "The  Ministry");
    assert_eq!(sources[0].counts, SectionCounts([1, 1, 0, 0]));
    assert_eq!(
        sources[0].statements().collect::<Vec<_>>(),
        [
            Selection {
                doc: DocId(0),
                sentence: 0
            },
            Selection {
                doc: DocId(1),
                sentence: 0
            },
        ]
    );
    assert_eq!(sources[1].party, None);
}

#[test]
fn the_merged_timeline_is_sorted_by_value_with_undated_last() {
    let lib = loaded_library(&[PathBuf::from(FIXTURES)], true);
    let timeline = lib.timeline();
    let values: Vec<_> = timeline.iter().map(|t| t.value.clone()).collect();
    assert_eq!(
        values,
        [
            Some("2022"),
            Some("2024-10"),
            Some("2025-01"),
            Some("2025-03-11"),
            Some("2025-03-14"),
            Some("2025-W12"),
        ]
        .map(|v| v.map(str::to_owned))
    );
    for t in &timeline {
        let time = lib.time_ref(t).expect("points into its briefing");
        assert_eq!(time.value, t.value);
        assert_eq!(time.sentence, t.sentence);
        let b = lib.briefing(t.selection().doc).expect("loaded");
        assert!(b.sentences[t.sentence].text.contains(&time.text));
    }
}

#[test]
fn equal_values_follow_library_order_and_undated_references_come_last() {
    let s: &[(&str, Section, &[usize])] =
        &[("A.", Section::Context, &[]), ("B.", Section::Context, &[])];
    let old = briefing("old", Some("2024-01-01"), s, &[], &[(Some("2023"), 1)]);
    let new = briefing(
        "new",
        Some("2025-01-01"),
        s,
        &[],
        &[(Some("2023"), 0), (Some("2021-05"), 1), (None, 0)],
    );
    let lib = with(vec![("old.txt", old), ("new.txt", new)]);
    let got: Vec<_> = lib
        .timeline()
        .iter()
        .map(|t| (t.value.clone(), t.doc, t.sentence))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2021-05".to_owned()), DocId(1), 1),
            (Some("2023".to_owned()), DocId(1), 0),
            (Some("2023".to_owned()), DocId(0), 1),
            (None, DocId(1), 0),
        ]
    );
}

// --- reload ---

fn doc_of(texts: &[&str]) -> Briefing {
    let sentences: Vec<(&str, Section, &[usize])> = texts
        .iter()
        .map(|t| (*t, Section::Context, &[][..]))
        .collect();
    briefing("doc", None, &sentences, &[], &[])
}

#[test]
fn reload_keeps_the_selection_on_the_same_sentence() {
    let mut lib = with(vec![
        ("a.txt", doc_of(&["One.", "Two.", "Three."])),
        ("b.txt", doc_of(&["Other."])),
    ]);
    let sel = Some(Selection {
        doc: DocId(0),
        sentence: 1,
    });
    // A sentence inserted before it: the selection follows its text.
    let after = lib.apply(loaded(0, doc_of(&["New.", "One.", "Two.", "Three."])), sel);
    assert_eq!(after.map(|s| s.sentence), Some(2));
    // The text twice: the occurrence nearest the old place.
    let after = lib.apply(loaded(0, doc_of(&["Two.", "x", "y", "Two.", "z"])), after);
    assert_eq!(after.map(|s| s.sentence), Some(3));
    // The text gone: the nearest sentence that exists.
    let after = lib.apply(loaded(0, doc_of(&["Only.", "Two sentences."])), after);
    assert_eq!(after.map(|s| s.sentence), Some(1));
    // Another document reloaded: the selection stays.
    let after2 = lib.apply(loaded(1, doc_of(&["Changed."])), after);
    assert_eq!(after2, after);
    // The document fails to load: nothing to select in it.
    let failed = Loaded {
        doc: DocId(0),
        path: PathBuf::from("a.txt"),
        result: Err("permission denied".into()),
    };
    assert_eq!(lib.apply(failed, after), None);
    assert_eq!(
        lib.get(DocId(0)).expect("entry").state,
        EntryState::Failed("permission denied".into())
    );
}

#[test]
fn changes_on_disk_add_reload_and_mark_gone() {
    let dir = temp_dir("changes");
    let a = dir.join("a.txt");
    std::fs::write(&a, "The ministry denied it.").expect("writes");
    let mut lib = loaded_library(std::slice::from_ref(&dir), false);
    let generation = lib.generation();
    let doc = lib.find(&a).expect("listed");

    std::fs::write(&a, "The ministry denied it again.").expect("writes");
    assert_eq!(lib.note_change(&a), Change::Load(doc, a.clone()));
    // The old analysis stays on show until the new one arrives.
    assert!(lib.briefing(doc).is_some());

    let b = dir.join("b.txt");
    std::fs::write(&b, "Officials said so.").expect("writes");
    let Change::Load(new, _) = lib.note_change(&b) else {
        panic!("a new file is loaded")
    };
    assert_eq!(new, DocId(1));
    assert_eq!(lib.get(new).expect("entry").state, EntryState::Loading);
    for loaded in library::spawn(lib.pending(), Options::default()) {
        lib.apply(loaded, None);
    }
    assert!(lib.briefing(new).is_some());

    std::fs::remove_file(&a).expect("removes");
    assert_eq!(lib.note_change(&a), Change::Gone(doc));
    assert_eq!(lib.get(doc).expect("entry").state, EntryState::Gone);
    assert_eq!(lib.note_change(&a), Change::Ignored);
    assert!(lib.generation() > generation);
    assert_eq!(lib.len(), 2);
}

// --- parallel loading ---

#[test]
fn parallel_loading_equals_sequential_loading() {
    let found = library::discover(&[PathBuf::from(FIXTURES)], true).expect("discovers");
    let mut paths = found.files.clone();
    paths.push(PathBuf::from("no/such/file.txt"));
    let options = Options::default();
    let sequential: Vec<_> = paths
        .iter()
        .map(|p| library::analyze_file(p, &options))
        .collect();
    let parallel = library::load_all(&paths, &options);
    assert_eq!(parallel, sequential);
    assert_eq!(parallel.last(), Some(&Err("no such file".to_owned())));

    let jobs: Vec<_> = paths
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, p)| (DocId(i), p))
        .collect();
    let mut streamed: Vec<_> = library::spawn(jobs, options).into_iter().collect();
    streamed.sort_by_key(|l| l.doc);
    assert_eq!(streamed.len(), paths.len());
    for (l, s) in streamed.iter().zip(&sequential) {
        assert_eq!(&l.result, s);
        assert_eq!(l.path, paths[l.doc.0]);
    }
}

// --- watching ---

/// Waits (up to a generous limit, never asserting on time) for an event naming `path`.
fn wait_for(rx: &mpsc::Receiver<WatchEvent>, path: &Path) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(WatchEvent::Changed(p)) if p == path => return,
            Ok(WatchEvent::Error(e)) => panic!("watch error: {e}"),
            _ => {}
        }
    }
    panic!("no event for {}", path.display());
}

#[test]
fn the_watcher_reports_created_modified_and_deleted_briefings() {
    let dir = temp_dir("watch");
    std::fs::write(dir.join("old.txt"), "The ministry denied it.").expect("writes");
    let (tx, rx) = mpsc::channel();
    let _watcher = watch::watch(std::slice::from_ref(&dir), false, tx).expect("watches");

    let new = dir.join("new.md");
    std::fs::write(&new, "Officials said so.").expect("creates");
    wait_for(&rx, &new);
    std::fs::write(dir.join("old.txt"), "The ministry denied it twice.").expect("modifies");
    wait_for(&rx, &dir.join("old.txt"));
    std::fs::remove_file(&new).expect("deletes");
    wait_for(&rx, &new);

    // Files that are not briefings are not reported.
    std::fs::write(dir.join("image.png"), "x").expect("writes");
    std::fs::write(dir.join("old.txt"), "Last.").expect("modifies");
    wait_for(&rx, &dir.join("old.txt"));
    let (paths, errors) = watch::drain(&rx);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!paths.contains(&dir.join("image.png")), "{paths:?}");
}

#[test]
fn a_file_named_on_its_own_is_watched_through_its_folder() {
    let dir = temp_dir("watch-file");
    let only = dir.join("only.brief");
    std::fs::write(&only, "The ministry denied it.").expect("writes");
    let (tx, rx) = mpsc::channel();
    let _watcher = watch::watch(std::slice::from_ref(&only), false, tx).expect("watches");
    std::fs::write(dir.join("other.txt"), "x").expect("writes");
    // Replaced by rename, as many editors save.
    let tmp = dir.join("only.brief.tmp");
    std::fs::write(&tmp, "The ministry denied it again.").expect("writes");
    std::fs::rename(&tmp, &only).expect("renames");
    wait_for(&rx, &only);
    let (paths, _) = watch::drain(&rx);
    assert!(paths.iter().all(|p| p == &only), "{paths:?}");
}

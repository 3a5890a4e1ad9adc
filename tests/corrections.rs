//! The analyst's corrections without a terminal: applying, undo and redo, finding sentences
//! again after the briefing's text was edited, orphans, the file's round trip and its
//! atomic writes, `analyze` and `export-gold` on briefings written here.

mod common;

use debrief::corrections::edit::{self, Change};
use debrief::corrections::{self, Corrections, Fix, History, Key, Merge, file, key};
use debrief::model::{Briefing, Section, Speaker};
use std::path::{Path, PathBuf};

const P1: &str = "The harbour authority said on Tuesday that a tanker had been seized near the grain terminal at dawn.";
const P2: &str = "Officials at the port condemned the delay and urged both sides to reopen the shipping channel soon.";
const P3: &str =
    "A separate convoy of barges waited downstream for most of the week without any word.";
const P4: &str = "The shipping ministry denied that any vessel was held, calling the whole report a careless fabrication.";
const P5: &str = "Since 2019 the terminal has handled most of the region's grain exports by sea.";

fn text(paragraphs: &[&str]) -> String {
    paragraphs.join("\n\n") + "\n"
}

fn id_of(b: &Briefing, start: &str) -> usize {
    b.sentences
        .iter()
        .position(|s| s.text.starts_with(start))
        .unwrap_or_else(|| panic!("no sentence starts {start:?}"))
}

fn other_section(s: Section) -> Section {
    if s == Section::Denial {
        Section::Context
    } else {
        Section::Denial
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-corr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_change_applies_undoes_and_redoes() {
    let machine = common::load(text(&[P1, P2, P3, P4, P5]).as_bytes());
    let id = id_of(&machine, "Officials at the port");
    let was = machine.sentences[id].section;
    let to = other_section(was);
    let mut history = History::default();

    let c1 = edit::change(&machine, id, Change::Section(to));
    history.record(corrections::of(&machine));
    let b1 = corrections::apply(machine.clone(), &c1);
    assert_eq!(b1.sentences[id].section, to);
    let mark = b1.sentences[id]
        .correction
        .as_ref()
        .expect("marked corrected");
    assert_eq!(mark.original.section, was, "the machine's reading is kept");
    let untouched = id_of(&b1, "A separate convoy");
    assert!(b1.sentences[untouched].correction.is_none());

    // A second change: a new speaker, typed in, with a party.
    let union = Speaker {
        name: "Port Workers Union".into(),
        party: Some("Ukraine".into()),
    };
    let c2 = edit::change(&b1, untouched, Change::Speakers(vec![union.clone()]));
    history.record(c1.clone());
    let b2 = corrections::apply(b1.clone(), &c2);
    let names = b2.speaker_names(&b2.sentences[untouched]);
    assert_eq!(names, "Port Workers Union");
    assert_eq!(b2.sentences[id].section, to, "the first change stays");

    // Undo twice: back to the machine's reading; redo twice: both changes again.
    let back = history.undo(c2.clone()).expect("one to undo");
    assert_eq!(back, c1);
    let b = corrections::apply(b2.clone(), &back);
    assert!(b.sentences[untouched].correction.is_none());
    assert!(!b.sources.iter().any(|s| s.name == union.name));
    let back = history.undo(back).expect("another to undo");
    assert!(back.is_empty());
    assert!(!history.can_undo());
    let b = corrections::apply(b, &back);
    assert_eq!(b, machine, "all undone is the machine's reading");
    let fwd = history.redo(back).expect("one to redo");
    let fwd = history.redo(fwd).expect("another to redo");
    assert_eq!(fwd, c2);
    assert_eq!(corrections::apply(b, &fwd), b2);

    // Setting the machine's own section again removes the correction.
    let c = edit::change(&b1, id, Change::Section(was));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn corrections_follow_their_sentences_through_edits_and_orphans_are_kept() {
    let dir = temp_dir("edits");
    let path = dir.join("harbour.txt");
    std::fs::write(&path, text(&[P1, P2, P3, P4, P5])).unwrap();
    let machine = common::load(&std::fs::read(&path).unwrap());
    let (i1, i3, i4) = (
        id_of(&machine, "The harbour authority"),
        id_of(&machine, "A separate convoy"),
        id_of(&machine, "The shipping ministry"),
    );
    let i2 = id_of(&machine, "Officials at the port");
    let s1 = other_section(machine.sentences[i1].section);
    let s4 = other_section(machine.sentences[i4].section);
    let mut b = machine;
    let mut c = edit::change(&b, i1, Change::Section(s1));
    b = corrections::apply(b, &c);
    let authority = Speaker {
        name: "Port Authority".into(),
        party: None,
    };
    c = edit::change(&b, i2, Change::Speakers(vec![authority]));
    b = corrections::apply(b, &c);
    c = edit::change(&b, i3, Change::Note(Some("check with the convoy".into())));
    b = corrections::apply(b, &c);
    c = edit::change(&b, i4, Change::Section(s4));
    assert_eq!(c.sentences.len(), 4);
    file::save(&file::path_for(&path).unwrap(), &c, &path).expect("saves");

    // Edited on disk: paragraphs reordered, the convoy sentence removed, the last words of
    // the ministry's sentence changed.
    let p4 = P4.replace("a careless fabrication", "an outright lie");
    std::fs::write(&path, text(&[&p4, P5, P2, P1])).unwrap();
    let machine = common::load(&std::fs::read(&path).unwrap());
    let b = file::open(&path, machine);
    let applied = b.corrections.as_ref().expect("corrections applied");
    let j1 = id_of(&b, "The harbour authority");
    let j2 = id_of(&b, "Officials at the port");
    let j4 = id_of(&b, "The shipping ministry");
    assert_eq!(
        b.sentences[j1].section, s1,
        "found by its hash after the move"
    );
    assert_eq!(b.speaker_names(&b.sentences[j2]), "Port Authority");
    assert_eq!(
        b.sentences[j4].section, s4,
        "found by its anchor after the edit"
    );
    assert!(b.sentences[j4].correction.is_some());
    assert_eq!(applied.report.orphans(), 1);
    assert_eq!(
        applied.report.fixes[2], None,
        "the removed sentence's correction"
    );
    let warning = b.warnings.iter().find(|w| w.contains("orphaned"));
    assert!(warning.is_some(), "{:?}", b.warnings);

    // A later change keeps the orphan in the file.
    let j5 = id_of(&b, "Since 2019");
    let c = edit::change(&b, j5, Change::Note(Some("figure from 2023".into())));
    assert_eq!(c.sentences.len(), 5);
    let written = file::to_toml(&c, "harbour.txt");
    assert!(written.contains("check with the convoy"), "{written}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_sentence_written_twice_keeps_its_occurrence() {
    let same = "No comment was given by anyone at all that day.";
    let machine = common::load(text(&[P1, same, P2, same]).as_bytes());
    let second = machine
        .sentences
        .iter()
        .rposition(|s| s.text == same)
        .unwrap();
    let to = other_section(machine.sentences[second].section);
    let c = edit::change(&machine, second, Change::Section(to));
    assert_eq!(c.sentences[0].key.occurrence, 1);
    let round = file::parse("x", &file::to_toml(&c, "x.txt")).unwrap();
    let b = corrections::apply(machine.clone(), &round);
    let first = machine
        .sentences
        .iter()
        .position(|s| s.text == same)
        .unwrap();
    assert_eq!(b.sentences[second].section, to);
    assert_eq!(b.sentences[first].section, machine.sentences[first].section);
}

#[test]
fn merges_move_every_sentence_and_rename_when_there_is_no_target() {
    let t = "Seoul said the tanker was seized.\n\nThe NIS said the crew was taken ashore.\n\nSeoul said the talks would resume.\n";
    let machine = common::load(t.as_bytes());
    assert!(machine.sources.len() >= 2, "{:?}", machine.sources);
    let (seoul, nis) = (0, 1);
    let target = machine.sources[seoul].name.clone();
    let merged = machine.sources[nis].name.clone();
    let c = edit::merge(&machine, nis, seoul);
    let b = corrections::apply(machine.clone(), &c);
    assert_eq!(b.sources.len(), machine.sources.len() - 1);
    assert!(
        b.sentences
            .iter()
            .all(|s| s.speakers.iter().all(|&i| b.sources[i].name == target)),
        "every sentence now the target's"
    );
    assert!(b.sources.iter().any(|s| s.mentions.contains(&merged)));

    // Into a source this briefing does not have: a rename, with the party given.
    let c = Corrections {
        sentences: Vec::new(),
        merges: vec![Merge {
            from: Speaker::of(&machine.sources[nis]),
            into: Speaker {
                name: "Harbour Watch".into(),
                party: Some("South Korea".into()),
            },
        }],
    };
    let b = corrections::apply(machine.clone(), &c);
    let renamed = b
        .sources
        .iter()
        .find(|s| s.name == "Harbour Watch")
        .expect("renamed");
    assert_eq!(renamed.party.as_deref(), Some("South Korea"));
    // A merge whose source is gone is an orphan, reported.
    let c = Corrections {
        sentences: Vec::new(),
        merges: vec![Merge {
            from: Speaker {
                name: "Nobody Here".into(),
                party: None,
            },
            into: Speaker::of(&machine.sources[seoul]),
        }],
    };
    let b = corrections::apply(machine, &c);
    assert_eq!(b.corrections.as_ref().unwrap().report.orphans(), 1);
    assert!(b.warnings.iter().any(|w| w.contains("Nobody Here")));
}

fn odd_corrections() -> Corrections {
    let odd = "quote \" back \\ tab\t new\nline é ’ 😀 \u{1b}[31m end";
    Corrections {
        sentences: vec![
            Fix {
                key: Key {
                    anchor: odd.into(),
                    hash: Some(key::hash(odd)),
                    occurrence: 2,
                },
                section: Some(Section::Response),
                speakers: Some(vec![
                    Speaker {
                        name: odd.trim().into(),
                        party: Some("a'b\"c".into()),
                    },
                    Speaker {
                        name: "Alone".into(),
                        party: None,
                    },
                ]),
                note: Some(odd.into()),
            },
            Fix {
                key: Key {
                    anchor: "hand written".into(),
                    hash: None,
                    occurrence: 0,
                },
                section: None,
                speakers: Some(Vec::new()),
                note: None,
            },
        ],
        merges: vec![Merge {
            from: Speaker {
                name: "NIS".into(),
                party: None,
            },
            into: Speaker {
                name: odd.trim().into(),
                party: Some("South Korea".into()),
            },
        }],
    }
}

#[test]
fn the_file_reads_back_what_was_written() {
    let c = odd_corrections();
    let text = file::to_toml(&c, "odd\nname.txt");
    assert_eq!(file::parse("x", &text).expect("parses"), c, "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no live escape in the file:\n{text}"
    );
    let empty = file::to_toml(&Corrections::default(), "a.txt");
    assert_eq!(file::parse("x", &empty).unwrap(), Corrections::default());
}

proptest::proptest! {
    #[test]
    fn any_text_round_trips(anchor in "\\PC{1,40}", note in "\\PC{0,40}", name in "\\PC{1,20}") {
        let name = name.trim().to_owned();
        proptest::prop_assume!(!anchor.trim().is_empty() && !name.is_empty());
        let note = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
        let c = Corrections {
            sentences: vec![Fix {
                key: Key { anchor: anchor.clone(), hash: Some(key::hash(&anchor)), occurrence: 0 },
                section: Some(Section::Allegation),
                speakers: Some(vec![Speaker { name, party: None }]),
                note,
            }],
            merges: Vec::new(),
        };
        let back = file::parse("x", &file::to_toml(&c, "x.txt")).expect("parses");
        proptest::prop_assert_eq!(back, c);
    }
}

#[test]
fn saving_is_atomic_and_a_failed_save_is_an_error() {
    let dir = temp_dir("save");
    let path = dir.join("a.debrief.toml");
    let c = odd_corrections();
    file::save(&path, &c, Path::new("a.txt")).expect("saves");
    assert_eq!(file::read(&path).unwrap(), Some(c));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    // A folder that cannot hold the file.
    let blocked = dir.join("a.debrief.toml").join("inside.debrief.toml");
    assert!(file::save(&blocked, &Corrections::default(), Path::new("a.txt")).is_err());
    assert_eq!(file::read(&dir.join("none.debrief.toml")).unwrap(), None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_file_is_a_warning_naming_its_line_and_the_briefing_opens() {
    let dir = temp_dir("damaged");
    let path = dir.join("b.txt");
    std::fs::write(&path, text(&[P1, P2])).unwrap();
    std::fs::write(
        dir.join("b.debrief.toml"),
        "version = 1\n[[sentence]]\nanchor = \"x\"\nsection = 3\n",
    )
    .unwrap();
    let b = file::open(&path, common::load(&std::fs::read(&path).unwrap()));
    assert!(b.corrections.is_none());
    let w = b.warnings.iter().find(|w| w.contains("b.debrief.toml:4"));
    assert!(w.is_some(), "{:?}", b.warnings);
    let _ = std::fs::remove_dir_all(&dir);
}

const FRONT: &str = "+++\ntitle = \"Harbour officials trade claims\"\ndate = 2025-03-12\nsource = \"written for the debrief tests\"\nlicense = \"CC0\"\nformat = \"article\"\n+++\n";

/// A briefing with front matter and a hand-written corrections file in a fresh folder.
fn corrected_folder(name: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let path = dir.join("harbour.txt");
    std::fs::write(&path, format!("{FRONT}{}", text(&[P1, P2, P3, P4, P5]))).unwrap();
    std::fs::write(
        dir.join("harbour.debrief.toml"),
        "# by hand\n[[sentence]]\nanchor = \"urged both sides to reopen\"\nsection = \"allegation\"\n\
         speakers = [{ name = \"Port Workers Union\", party = \"Ukraine\" }]\nnote = \"the union's words\"\n",
    )
    .unwrap();
    (dir, path)
}

fn analysis(args: &[&str]) -> serde_json::Value {
    let out = common::command::debrief(args);
    assert!(out.status.success(), "{}", common::command::stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn analyze_applies_a_hand_written_corrections_file() {
    let (dir, path) = corrected_folder("analyze");
    let p = path.to_str().unwrap();
    let json = analysis(&["analyze", p]);
    let sentences = json["sentences"].as_array().unwrap();
    let s = sentences
        .iter()
        .find(|s| {
            s["text"]
                .as_str()
                .unwrap()
                .starts_with("Officials at the port")
        })
        .unwrap();
    assert_eq!(s["section"], "allegation");
    assert_eq!(s["corrected"], true);
    assert_eq!(s["note"], "the union's words");
    let id = s["speakers"][0].as_u64().unwrap() as usize;
    assert_eq!(json["sources"][id]["name"], "Port Workers Union");
    assert_eq!(json["sources"][id]["party"], "Ukraine");
    let original = &s["original"];
    assert!(original["section"].is_string() && original["speakers"].is_array());
    let others = sentences.iter().filter(|s| s.get("corrected").is_some());
    assert_eq!(others.count(), 1, "only the corrected sentence is marked");

    let machine = analysis(&["analyze", "--no-corrections", p]);
    let s = machine["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["text"]
                .as_str()
                .unwrap()
                .starts_with("Officials at the port")
        })
        .unwrap();
    assert!(s.get("corrected").is_none());
    assert_eq!(s["section"], original["section"]);
    // A folder: the same corrections in the JSON Lines form.
    let out = common::command::debrief(&["analyze", dir.to_str().unwrap()]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        line["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["corrected"] == true)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_gold_writes_a_file_the_corpus_checker_accepts() {
    let (dir, path) = corrected_folder("gold");
    let p = path.to_str().unwrap();
    let out = common::command::debrief(&["export-gold", p]);
    assert!(out.status.success(), "{}", common::command::stderr(&out));
    let gold_path = dir.join("harbour.gold.toml");
    let gold: toml::Table = toml::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let entries = gold["sentence"].as_array().unwrap();
    let machine = common::load(text(&[P1, P2, P3, P4, P5]).as_bytes());
    assert_eq!(
        entries.len(),
        machine.sentences.len(),
        "one entry per sentence"
    );
    let union = entries
        .iter()
        .find(|e| P2.contains(e["anchor"].as_str().unwrap()))
        .expect("the corrected sentence");
    assert_eq!(union["section"].as_str(), Some("allegation"));
    assert_eq!(union["speakers"][0].as_str(), Some("Port Workers Union"));
    assert_eq!(
        gold["parties"]["Port Workers Union"].as_str(),
        Some("Ukraine")
    );
    assert!(gold.contains_key("time"), "the dated references");

    // Not over an existing file without --force.
    let again = common::command::debrief(&["export-gold", p]);
    assert_eq!(again.status.code(), Some(2));
    assert!(common::command::stderr(&again).contains("already exists"));
    let forced = common::command::debrief(&["export-gold", "--force", p]);
    assert!(forced.status.success());

    // The corpus's own checker, where the shared folder is beside the project.
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/check_gold.py");
    if checker.is_file() {
        std::fs::remove_file(dir.join("harbour.debrief.toml")).unwrap();
        let run = std::process::Command::new("python3")
            .arg(&checker)
            .arg(&dir)
            .output()
            .expect("python3 runs");
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "check_gold.py: {said}");
        assert!(
            said.contains("1 documents") && said.contains("0 with problems"),
            "{said}"
        );
    } else {
        eprintln!(
            "note: {} not found; the checker was not run",
            checker.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_speaker_the_analyst_added_can_be_merged_away() {
    let machine = common::load(text(&[P1, P4]).as_bytes());
    let id = id_of(&machine, "The shipping ministry");
    let pilots = Speaker {
        name: "Harbour Pilots".into(),
        party: Some("Ukraine".into()),
    };
    let mut spoken = machine.sentences[id].speakers.clone();
    let c = edit::change(
        &machine,
        id,
        Change::Speakers(vec![Speaker::of(&machine.sources[spoken[0]]), pilots]),
    );
    let b = corrections::apply(machine.clone(), &c);
    let added = b
        .sources
        .iter()
        .position(|s| s.name == "Harbour Pilots")
        .unwrap();
    let c = edit::merge(&b, added, spoken[0]);
    let b = corrections::apply(b, &c);
    assert_eq!(
        b.corrections.as_ref().unwrap().report.orphans(),
        0,
        "{:?}",
        b.warnings
    );
    assert_eq!(b.sources.len(), machine.sources.len(), "{:?}", b.sources);
    spoken.truncate(1);
    assert_eq!(b.sentences[id].speakers, spoken);
}

#[test]
fn merging_in_the_source_index_changes_every_briefing_and_undoes() {
    use debrief::config::Config;
    use debrief::library::{self, Library, Loaded};
    use debrief::tui::action::Action;
    use debrief::tui::library::LibraryApp;
    let dir = temp_dir("library");
    std::fs::write(
        dir.join("a.txt"),
        "Maria Lindqvist said the tanker was seized near the terminal.\n\nThe ministry said the report was false.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Maria Lindqvist said the talks would resume next week.\n\nTomas Berg said the port would stay closed.\n",
    )
    .unwrap();
    let found = library::discover(std::slice::from_ref(&dir), false).unwrap();
    let mut app = LibraryApp::new(
        Library::from_discovery(found),
        &Config::default(),
        false,
        false,
        (120, 40),
    );
    for (doc, path) in app.library.pending() {
        let result = library::analyze_file(&path, &Default::default());
        app.apply_loaded(Loaded { doc, path, result });
    }
    app.refresh();
    app.update(Action::OpenSources);
    let at = |app: &LibraryApp, name: &str| {
        app.sources
            .iter()
            .position(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name} in the index"))
    };
    assert_eq!(app.sources[at(&app, "Maria Lindqvist")].docs.len(), 2);
    app.sources_list.selected = at(&app, "Maria Lindqvist");
    app.update(Action::MergeSource);
    app.sources_list.selected = at(&app, "Tomas Berg");
    app.update(Action::MergeSource);
    assert!(
        !app.sources.iter().any(|s| s.name == "Maria Lindqvist"),
        "merged away in every briefing"
    );
    let berg = &app.sources[at(&app, "Tomas Berg")];
    assert_eq!(berg.docs.len(), 2, "Tomas Berg now speaks in both");
    assert_eq!(berg.counts.total(), 3);
    for name in ["a", "b"] {
        let c = file::read(&dir.join(format!("{name}.debrief.toml")))
            .unwrap()
            .expect("each briefing's own file");
        assert_eq!(c.merges.len(), 1);
        assert_eq!(c.merges[0].into.name, "Tomas Berg");
    }
    // Reloaded from disk, the corrections hold.
    let b = library::analyze_file(&dir.join("a.txt"), &Default::default()).unwrap();
    assert!(b.sources.iter().any(|s| s.name == "Tomas Berg"));
    // Undone: back in both briefings and their files.
    app.update(Action::Undo);
    assert_eq!(app.sources[at(&app, "Maria Lindqvist")].docs.len(), 2);
    let c = file::read(&dir.join("a.debrief.toml")).unwrap().unwrap();
    assert!(c.is_empty());
    app.update(Action::Redo);
    assert!(!app.sources.iter().any(|s| s.name == "Maria Lindqvist"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_reader_corrects_saves_undoes_and_saves_elsewhere_when_it_cannot() {
    use debrief::tui::action::Action;
    let dir = temp_dir("reader");
    let path = dir.join("r.txt");
    std::fs::write(&path, text(&[P1, P2, P4])).unwrap();
    let b = file::open(&path, common::load(&std::fs::read(&path).unwrap()));
    let saved = file::path_for(&path).unwrap();
    let mut app =
        common::app(b, (120, 40), false).with_corrections_file(Some(saved.clone()), Some(path));
    let id = app.current_sentence().unwrap().id;
    let was = app.current_sentence().unwrap().section;
    let letter = if was == Section::Context { 'r' } else { 'c' };
    app.update(Action::EditSection);
    app.update(Action::Input(letter));
    assert!(app.overlay.is_none());
    let now = app.briefing.sentences[id].section;
    assert_ne!(now, was);
    assert!(
        app.message.as_deref().unwrap().contains("saved in"),
        "{:?}",
        app.message
    );
    assert_eq!(file::read(&saved).unwrap().unwrap().sentences.len(), 1);
    // A note, typed.
    app.select_sentence(id);
    app.update(Action::AddNote);
    for c in "check".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    let note = app.briefing.sentences[id]
        .correction
        .as_ref()
        .unwrap()
        .note
        .clone();
    assert_eq!(note.as_deref(), Some("check"));
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(app.briefing.sentences[id].section, was);
    assert!(file::read(&saved).unwrap().unwrap().is_empty());
    app.update(Action::Redo);
    assert_eq!(app.briefing.sentences[id].section, now);

    // A file that cannot be written: the change stays in memory, the bar says so, and the
    // corrections can be saved elsewhere.
    let blocked = dir.join("r.txt").join("r.debrief.toml");
    let mut app = app.with_corrections_file(Some(blocked), None);
    app.update(Action::Undo);
    assert!(
        app.message.as_deref().unwrap().contains("cannot save"),
        "{:?}",
        app.message
    );
    assert!(app.edits.unsaved);
    app.update(Action::SaveCorrectionsAs);
    for _ in 0..200 {
        app.update(Action::DeleteChar);
    }
    let elsewhere = dir.join("elsewhere.debrief.toml");
    for c in elsewhere.to_str().unwrap().chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    assert!(!app.edits.unsaved, "{:?}", app.message);
    assert!(file::read(&elsewhere).unwrap().is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn q_closes_a_picker_and_a_merge_pick_one_level_at_a_time() {
    use debrief::tui::action::Action;
    use debrief::tui::app::{Effect, Overlay};
    use debrief::tui::event;
    use debrief::tui::filter::{Entry, Voice};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = common::app(common::sample(), (120, 40), false);
    for start in [Action::EditSection, Action::EditSpeakers] {
        app.update(start.clone());
        assert!(matches!(app.overlay, Some(Overlay::Edit(_))), "{start:?}");
        assert_eq!(app.update(Action::Quit), Effect::Redraw, "{start:?}");
        assert!(app.overlay.is_none(), "q closed the {start:?} picker");
    }
    // A prompt takes q as text; ctrl-c still quits at once.
    app.update(Action::AddNote);
    let key = |code, m| Event::Key(KeyEvent::new(code, m));
    let q = event::action_for(&app, &key(KeyCode::Char('q'), KeyModifiers::NONE));
    assert_eq!(q, Some(Action::Input('q')));
    let ctrl_c = event::action_for(&app, &key(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(ctrl_c, Some(Action::QuitNow));
    app.update(Action::Close);
    // In the source filter, q drops a speaker picked to merge, then closes the filter, then
    // quits.
    app.update(Action::OpenFilter);
    let Some(Overlay::Filter(f)) = &mut app.overlay else {
        panic!("the filter is open")
    };
    f.list.selected = f
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Voice(Voice::Source(_))))
        .expect("a speaker in the filter");
    app.update(Action::MergeSource);
    assert!(app.edits.merge_from.is_some());
    app.update(Action::Quit);
    assert!(app.edits.merge_from.is_none(), "the pick is dropped");
    assert!(
        matches!(app.overlay, Some(Overlay::Filter(_))),
        "the filter stays"
    );
    app.update(Action::Quit);
    assert!(app.overlay.is_none());
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}

#[test]
fn in_a_library_q_closes_a_picker_then_the_briefing_and_a_merge_pick_before_the_view() {
    use debrief::config::Config;
    use debrief::library::{self, Library, Loaded};
    use debrief::tui::action::Action;
    use debrief::tui::app::Effect;
    use debrief::tui::library::{LibraryApp, Screen};
    let dir = temp_dir("levels");
    std::fs::write(dir.join("a.txt"), text(&[P1, P2, P4])).unwrap();
    std::fs::write(dir.join("b.txt"), text(&[P3, P5])).unwrap();
    let found = library::discover(std::slice::from_ref(&dir), false).unwrap();
    let mut lib = LibraryApp::new(
        Library::from_discovery(found),
        &Config::default(),
        false,
        false,
        (120, 40),
    );
    for (doc, path) in lib.library.pending() {
        let result = library::analyze_file(&path, &Default::default());
        lib.apply_loaded(Loaded { doc, path, result });
    }
    lib.refresh();
    let doc = lib.selected_doc().expect("a briefing in the list");
    lib.update(Action::Activate);
    let o = lib.opened.as_ref().expect("opened");
    let id = o.app.current_sentence().unwrap().id;
    let was = o.app.current_sentence().unwrap().section;
    lib.update(Action::EditSection);
    lib.update(Action::Quit);
    let o = lib
        .opened
        .as_ref()
        .expect("q closed the picker, not the briefing");
    assert!(o.app.overlay.is_none());
    // A correction made in the opened briefing reaches the library's views.
    lib.update(Action::EditSection);
    let letter = if was == Section::Context { 'r' } else { 'c' };
    lib.update(Action::Input(letter));
    assert!(lib.opened.as_ref().unwrap().app.overlay.is_none());
    let b = lib.library.briefing(doc).unwrap();
    assert_ne!(b.sentences[id].section, was);
    assert!(b.sentences[id].correction.is_some());
    assert_eq!(lib.update(Action::Quit), Effect::Redraw);
    assert!(lib.opened.is_none(), "then q closed the briefing");
    // In the source index, q drops the speaker picked to merge before it leaves the view.
    lib.update(Action::OpenSources);
    lib.update(Action::MergeSource);
    assert!(lib.merging_name().is_some());
    lib.update(Action::Quit);
    assert!(lib.merging_name().is_none());
    assert_eq!(lib.screen, Screen::Sources);
    lib.update(Action::Quit);
    assert_eq!(lib.screen, Screen::List);
    assert_eq!(lib.update(Action::Quit), Effect::Quit);
    let _ = std::fs::remove_dir_all(&dir);
}

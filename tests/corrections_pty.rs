//! The corrections end to end: the real binary in a pseudo-terminal. A sentence moved to
//! Denials with the documented keys is still there, marked, when the briefing is opened
//! again; and a reader killed (SIGKILL) at random moments right after a change always
//! leaves a corrections file that parses and holds the state before the change or after.

mod common;

#[path = "support/session.rs"]
mod session;

use debrief::corrections::edit::{self, Change};
use debrief::corrections::{self, Corrections, file};
use debrief::model::{Briefing, Section};
use session::Session;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TEXT: &str = "The harbour authority said on Tuesday that a tanker had been seized near the grain terminal.\n\n\
The shipping ministry denied that any vessel was held, calling the report a fabrication.\n\n\
Officials at the port condemned the delay and urged both sides to reopen the channel.\n\n\
Since 2019 the terminal has handled most of the region's grain exports.\n";

fn folder(name: &str) -> (PathBuf, PathBuf) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-corrpty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("harbour.txt");
    std::fs::write(&path, TEXT).unwrap();
    (dir, path)
}

/// The briefing as the reader opens it (corrections applied), and the sentence it selects
/// first.
fn as_opened(path: &Path) -> (Briefing, usize) {
    let b = file::open(path, common::load(TEXT.as_bytes()));
    let app = common::app(b.clone(), (120, 40), false);
    let id = app.current_sentence().expect("a sentence").id;
    (b, id)
}

fn start(path: &Path) -> Session {
    let mut s = Session::start(&[path.to_str().unwrap()], 120, 40);
    s.wait_panes();
    s
}

#[test]
fn a_sentence_moved_to_denials_is_there_and_marked_when_reopened() {
    let (dir, path) = folder("move");
    let machine = common::load(TEXT.as_bytes());
    let denials = machine.in_section(Section::Denial).count();
    // A sentence that is not a denial: focus its pane (1-4) and walk down to it.
    let target = machine
        .sentences
        .iter()
        .find(|s| s.section != Section::Denial)
        .expect("a sentence outside Denials");
    let row = machine
        .in_section(target.section)
        .position(|s| s.id == target.id)
        .unwrap();
    let mut s = start(&path);
    s.send(&(target.section.index() + 1).to_string());
    for _ in 0..row {
        s.send("j");
    }
    let start_words: String = target.text.chars().take(30).collect();
    s.wait_for("the sentence in the detail pane", |scr| {
        scr.contains(&start_words)
    });
    s.send("e");
    s.wait_text("Section of sentence");
    s.send("d");
    s.wait_text("is now in Denials");
    assert!(s.status().contains("saved in"), "{}", s.status());
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let saved = file::read(&file::path_for(&path).unwrap())
        .expect("the file parses")
        .expect("the file is there");
    assert_eq!(saved.sentences.len(), 1);
    assert_eq!(saved.sentences[0].section, Some(Section::Denial));

    let mut s = start(&path);
    s.send("2");
    s.wait_text(&format!("Denials ({})", denials + 1));
    // The pane title is there from the first frame: wait for the focus to be on Denials.
    s.wait_for("the focus on Denials", |scr| {
        scr.lines()
            .last()
            .is_some_and(|bar| bar.contains("Denials 1/"))
    });
    // Walk the Denials pane to the sentence: the detail pane says it was corrected.
    for _ in 0..=denials {
        if s.screen().contains(&start_words) && s.screen().contains("Corrected") {
            break;
        }
        s.send("j");
        s.settle(Duration::from_millis(100));
    }
    let scr = s.screen();
    assert!(scr.contains("\u{270e} by you; the machine read:"), "{scr}");
    assert!(scr.contains("\u{270e} "), "the row's mark:\n{scr}");
    s.send("v");
    s.wait_for("the document view's mark", |scr| scr.contains("D\u{270e}"));
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small random number generator (the seed is printed, to repeat a failing run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn a_reader_killed_right_after_a_change_leaves_the_old_file_or_the_new() {
    let (dir, path) = folder("kill");
    let target = file::path_for(&path).unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    eprintln!("seed {seed}");
    let mut rng = Lcg(seed);
    let (mut olds, mut news) = (0, 0);
    for round in 0..50 {
        let before: Corrections = file::read(&target).expect("parses").unwrap_or_default();
        let (b, id) = as_opened(&path);
        assert_eq!(corrections::of(&b), before);
        // A section other than the sentence's, so the change writes the file.
        let now = b.sentences[id].section;
        let pick = Section::ALL
            .into_iter()
            .filter(|&s| s != now)
            .nth(rng.next(3) as usize)
            .unwrap();
        let after = edit::change(&b, id, Change::Section(pick));
        assert_ne!(after, before);
        let mut s = start(&path);
        let letter = ['a', 'd', 'r', 'c'][pick.index()];
        s.send(&format!("e{letter}"));
        std::thread::sleep(Duration::from_micros(rng.next(30_000)));
        s.signal(libc::SIGKILL);
        s.wait_exit();
        let text = std::fs::read_to_string(&target).unwrap_or_default();
        let found = match file::read(&target) {
            Ok(c) => c.unwrap_or_default(),
            Err(e) => panic!("round {round} (seed {seed}): a torn file: {e}\n{text}"),
        };
        if found == before {
            olds += 1;
        } else if found == after {
            news += 1;
        } else {
            panic!("round {round} (seed {seed}): neither state:\n{text}");
        }
    }
    eprintln!("{olds} rounds left the old state, {news} the new");
    assert_eq!(olds + news, 50);
    // Nothing but the briefing, its corrections and (from killed writers) hidden temporary
    // files that no library takes.
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        assert!(
            n == "harbour.txt"
                || n == "harbour.debrief.toml"
                || n.starts_with(".harbour.debrief.toml."),
            "{n}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

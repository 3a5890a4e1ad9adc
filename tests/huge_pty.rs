//! Huge briefings in the reader, end to end in a pseudo-terminal: a million one-word sentences,
//! and one sentence of a megabyte. The reader must open them and answer every key with a new
//! screen. Nothing here measures time: the waits are generous (a debug build analyses a
//! million sentences in about half a minute), and a reader that does a pass over the whole
//! briefing per key shows up as a wait that runs out, not as a timing assertion. The
//! per-key figures are measured by `benches/reader.rs` and in the README.

#[path = "support/session.rs"]
mod session;

use session::{Session, command};
use std::time::Duration;

/// Time to open (analyse) a huge briefing in a debug build on a busy machine.
const OPENING: Duration = Duration::from_secs(600);
/// Time for one key on a huge briefing.
const KEY: Duration = Duration::from_secs(60);

/// debrief on `text`, written to `huge.txt` in a fresh directory and opened from there (so the
/// status bar has room for more than the path).
fn open(test: &str, text: &str) -> Session {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-huge-pty-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    std::fs::write(d.join("huge.txt"), text).expect("writes");
    let mut cmd = command(&["huge.txt"]);
    cmd.cwd(&d);
    Session::spawn(cmd, 120, 40)
}

/// Removes the test's directory (megabytes each).
fn clean(test: &str) {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-huge-pty-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(d);
}

/// Sends `keys` and waits until the status bar shows `want`.
fn press(s: &mut Session, keys: &str, want: &str) {
    s.send(keys);
    let w = want.to_owned();
    s.wait_for_within(KEY, &format!("{want:?} after {keys:?}"), move |scr| {
        scr.lines().last().unwrap_or("").contains(&w)
    });
}

#[test]
fn a_million_one_word_sentences_answer_every_key() {
    let mut s = open("million", &"Word.\n".repeat(1_000_000));
    s.wait_for_within(OPENING, "the reader on a million sentences", |scr| {
        scr.contains("Context (1000000)")
    });
    press(&mut s, "G", "Context 1000000/1000000");
    press(&mut s, "k", "Context 999999/1000000");
    press(&mut s, "j", "Context 1000000/1000000");
    s.send("\x15");
    s.wait_for_within(KEY, "half a page up", |scr| {
        let status = scr.lines().last().unwrap_or("");
        // Half the pane's height up from the last row.
        status
            .split("Context ")
            .nth(1)
            .and_then(|r| r.split('/').next()?.parse::<usize>().ok())
            .is_some_and(|row| (999_900..999_999).contains(&row))
    });
    press(&mut s, "g", "Context 1/1000000");
    // The document view, at the end and back at the start.
    press(&mut s, "v", "Document 1/1000000");
    press(&mut s, "G", "Document 1000000/1000000");
    press(&mut s, "k", "Document 999999/1000000");
    press(&mut s, "g", "Document 1/1000000");
    press(&mut s, "v", "Context 1/1000000");
    // Search: every sentence matches, n goes to the next one.
    s.send("/wor");
    s.wait_for_within(KEY, "the matches counted", |scr| {
        scr.contains("1000000 matching sentences")
    });
    press(&mut s, "\r", "/wor");
    press(&mut s, "n", "Context 2/1000000");
    press(&mut s, "N", "Context 1/1000000");
    s.send("\x1b");
    s.wait_for_within(KEY, "the search cleared", |scr| !scr.contains("/wor"));
    // The filter: hide the writer's voice (every sentence), then show it again.
    s.send("f");
    s.wait_for_within(KEY, "the source filter", |scr| {
        scr.contains("the writer's own voice")
    });
    press(&mut s, " \r", "no sources");
    s.wait_text("The source filter hides every sentence.");
    press(&mut s, "f a\r", "all sources");
    press(&mut s, "G", "Context 1000000/1000000");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    clean("million");
}

#[test]
fn a_sentence_of_a_megabyte_answers_every_key() {
    let mut text = String::from("Seoul said ");
    while text.len() < 1_000_000 {
        text.push_str("the minister said that 1,500 troops moved on 3 March 2024 and left, ");
    }
    text.push_str("and that was all.\n\nA second sentence follows it.\n");
    let mut s = open("megabyte", &text);
    s.wait_for_within(OPENING, "the reader on a one-megabyte sentence", |scr| {
        scr.contains("Seoul said the minister")
    });
    s.send("v");
    s.wait_for_within(KEY, "the document view", |scr| {
        scr.contains("Document (2 sentences)") && scr.contains("    Seoul said the minister")
    });
    press(&mut s, "G", "Document 2/2");
    s.wait_text("A second sentence follows it.");
    press(&mut s, "g", "Document 1/2");
    s.wait_text("    Seoul said the minister");
    press(&mut s, "v", "1/");
    s.send("/troops");
    s.wait_for_within(KEY, "the search", |scr| {
        scr.contains("1 matching sentence ")
    });
    press(&mut s, "\r", "/troops");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    clean("megabyte");
}

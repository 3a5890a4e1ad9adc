//! End to end: the real binary in a pseudo-terminal, read back with vt100. Every wait has a
//! generous timeout so a broken reader fails the test instead of hanging it.

mod common;

#[path = "support/session.rs"]
mod session;

use session::Session;

#[test]
fn reader_end_to_end_on_the_sample() {
    let sample = common::sample();
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    assert!(s.parser.screen().alternate_screen());

    // Navigate: the status bar's position moves (or stays on a one-sentence pane).
    s.send("G");
    s.wait_for("the last row", |scr| {
        let last = scr.lines().last().unwrap_or("");
        last.split_whitespace().any(|w| {
            w.split_once('/')
                .is_some_and(|(a, b)| a.parse::<usize>().is_ok() && a == b)
        })
    });

    // Timeline: focus it and jump to the first entry's sentence.
    assert!(
        !sample.timeline.is_empty(),
        "the sample has dated references"
    );
    if let Some(first) = sample.timeline.first() {
        s.send("t");
        s.wait_text("Timeline 1/");
        s.send("\r");
        let sentence = &sample.sentences[first.sentence];
        let items: Vec<_> = sample.in_section(sentence.section).map(|x| x.id).collect();
        let pos = items.iter().position(|&i| i == sentence.id).unwrap() + 1;
        s.wait_text(&format!(
            "{} {pos}/{}",
            sentence.section.title(),
            items.len()
        ));
    }

    // Source filter: every speaker listed; keep only the writer's voice.
    s.send("f");
    s.wait_text("Sources");
    s.wait_text("Nebenzia");
    s.send("n");
    s.send(" ");
    s.send("\r");
    s.wait_for("the filter in the status bar", |scr| {
        scr.lines().last().unwrap_or("").contains("only the writer")
    });
    assert!(
        !s.screen().contains("Nebenzia"),
        "filtered out:\n{}",
        s.screen()
    );

    // Help, then Esc closes it.
    s.send("?");
    s.wait_text("Highlighting");
    s.send("\x1b");
    s.wait_for("help closed", |scr| !scr.contains("Highlighting"));
    assert!(s.status().contains("only the writer"));

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor shown again");
}

#[test]
fn too_small_then_ctrl_c() {
    let mut s = Session::start(&[], 30, 8);
    s.wait_text("too small");
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success());
    assert!(!s.parser.screen().alternate_screen());
}

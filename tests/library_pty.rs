//! End to end: the library in the real binary in a pseudo-terminal, read back with vt100.
//! Every wait has a generous timeout; there are no timing assertions.

#[path = "support/session.rs"]
mod session;

use session::Session;
use std::path::PathBuf;

/// Three fixtures copied into a fresh temporary folder of the test's own (the tests run at
/// once, and each one empties its folder first).
fn three_briefings(test: &str) -> PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-library-pty-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in [
        "2025-03-12-port-strike.txt",
        "2025-03-14-port-talks.md",
        "undated-briefing.brief",
    ] {
        std::fs::copy(
            PathBuf::from("tests/fixtures/library").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    dir
}

#[test]
fn library_end_to_end_open_timeline_and_live_reload() {
    let dir = three_briefings("reload");
    let mut s = Session::start(&[dir.to_str().unwrap()], 120, 40);
    s.wait_for("three loaded rows", |scr| {
        scr.contains("Library · 3 briefings")
            && !scr.contains("loaded ")
            && [
                "Grain corridor talks resume in Istanbul",
                "Missile strike on the port of Odesa",
                "Statement on the detained reporters",
            ]
            .iter()
            .all(|t| scr.contains(t))
    });
    assert!(s.parser.screen().alternate_screen());
    let rows: Vec<String> = s.screen().lines().map(str::to_owned).collect();
    let pos = |t: &str| rows.iter().position(|r| r.contains(t)).unwrap();
    assert!(
        pos("Grain corridor") < pos("Missile strike"),
        "newest first"
    );
    assert!(
        pos("Missile strike") < pos("detained reporters"),
        "undated last"
    );

    // Enter opens the top briefing in the section panes; Esc returns.
    s.send("\r");
    s.wait_for("the section panes", |scr| {
        ["Allegations (", "Denials (", "Responses (", "Context ("]
            .iter()
            .all(|t| scr.contains(t))
            && scr.lines().last().unwrap_or("").contains("Grain corridor")
    });
    s.send("\x1b");
    s.wait_text("Library · 3 briefings");

    // The merged timeline: the second entry is January 2025, in the talks briefing.
    s.send("t");
    s.wait_text("Merged timeline (");
    s.send("j");
    s.wait_for("the second entry selected", |scr| {
        scr.lines().any(|l| l.contains("▶ Jan 2025"))
    });
    s.send("\r");
    s.wait_for("the briefing at that sentence", |scr| {
        let status = scr.lines().last().unwrap_or("");
        status.contains("Grain corridor") && scr.contains("Sentence 4 of 4")
    });
    assert!(s.screen().contains("mining the shipping lanes"));
    s.send("\x1b");
    s.wait_text("Merged timeline (");
    s.send("L");
    s.wait_text("Library · 3 briefings");

    // A file changes on disk: the new title appears.
    let path = dir.join("2025-03-12-port-strike.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "Missile strike on the port of Odesa",
            "Odesa port struck again",
        ),
    )
    .unwrap();
    s.wait_text("Odesa port struck again");

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor shown again");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The row the selection mark is on.
fn selected_row(scr: &str) -> String {
    scr.lines()
        .find(|l| l.contains('▶'))
        .unwrap_or("")
        .to_owned()
}

#[test]
fn slash_n_and_capital_n_search_every_library_view() {
    // A folder of its own, so the other test's live-reload edits cannot race this one.
    let dir = three_briefings("search");
    let mut s = Session::start(&[dir.to_str().unwrap()], 120, 40);
    s.wait_for("three loaded rows", |scr| {
        scr.contains("Library · 3 briefings") && !scr.contains("loaded ")
    });
    assert!(selected_row(&s.screen()).contains("Grain corridor"));

    // The list: typed text is the query, not commands ("s" would open the sources).
    s.send("/strike");
    s.wait_for("the match selected as it is typed", |scr| {
        selected_row(scr).contains("Missile strike")
            && scr.lines().last().unwrap_or("").contains("1 matching row ")
    });
    s.send("\r");
    s.wait_for("the prompt closed", |scr| {
        scr.lines().last().unwrap_or("").contains("/strike · 2/3")
    });
    s.send("n");
    s.wait_for("the one match again, and the wrap said", |scr| {
        selected_row(scr).contains("Missile strike")
            && scr.lines().last().unwrap_or("").contains("search wrapped")
    });

    // The merged timeline: a date as the timeline writes it.
    s.send("t");
    s.wait_text("Merged timeline (");
    s.send("/jan 2025\r");
    s.wait_for("the January entry", |scr| {
        selected_row(scr).contains("Jan 2025")
    });

    // The source index: a speaker by name; N goes back to the previous match.
    s.send("s");
    s.wait_text("Sources (");
    s.send("/peskov\r");
    s.wait_for("the speaker", |scr| {
        selected_row(scr).contains("Dmitry Peskov")
    });
    s.send("/ministry\r");
    s.wait_for("the ministry", |scr| {
        selected_row(scr).contains("Foreign Ministry")
    });

    // The all-briefings view: sentences of every pane.
    s.send("a");
    s.wait_text("all briefings");
    s.send("/sanctions\r");
    s.wait_for("the response that names sanctions", |scr| {
        scr.contains("Responses (") && selected_row(scr).contains("European Union")
    });

    // The help lists the keys of this view only: no source filter popup, no document view.
    // Waited for to its last line (the legend of the gutter marks, which names the document
    // view), so the checks see the whole help and not the first rows of its frame.
    s.send("?");
    s.wait_text("Sections (gutter marks");
    let help = s.screen();
    let keys: Vec<&str> = help
        .lines()
        .filter(|l| !l.contains("Sections (gutter marks"))
        .collect();
    assert!(help.contains("search"), "{help}");
    assert!(!keys.iter().any(|l| l.contains("document view")), "{help}");
    assert!(!help.contains("In the source filter"), "{help}");

    s.send("Q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}

//! End to end: the library in the real binary in a pseudo-terminal, read back with vt100.
//! Every wait has a generous timeout; there are no timing assertions.

#[path = "support/session.rs"]
mod session;

use session::Session;
use std::path::PathBuf;

/// Three fixtures copied into a fresh temporary folder.
fn three_briefings() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("debrief-library-pty-{}", std::process::id()));
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
    let dir = three_briefings();
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

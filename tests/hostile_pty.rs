//! Hostile and broken input in the reader (issue 5, the reader rows), end to end: the real
//! binary in a pseudo-terminal, with assertions on the raw bytes it wrote as well as on the
//! screen. A document full of terminal controls must not get one byte of them to the
//! terminal; an empty briefing must take every key; a briefing with warnings must say so.
//!
//! Nothing here measures time: every wait has a generous timeout, and a slow reader shows up
//! as a failed wait, never as a timing assertion.

mod common;

#[path = "support/session.rs"]
mod session;

use common::controls::{BIDI, CONTROLS, PAYLOADS, forbidden};
use session::{Session, command};
use std::path::{Path, PathBuf};

/// A fresh directory for one test.
fn dir(test: &str) -> PathBuf {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-hostile-pty-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// debrief on `name` inside `dir` (run there, so the status bar shows the bare name).
fn open(dir: &Path, name: &str, cols: u16, rows: u16) -> Session {
    let mut cmd = command(&[name]);
    cmd.cwd(dir);
    Session::spawn(cmd, cols, rows)
}

/// The position `label k/n` in the status bar, if it shows one for `label`.
fn position(status: &str, label: &str) -> Option<(usize, usize)> {
    let rest = &status[status.find(&format!("{label} "))? + label.len() + 1..];
    let (k, n) = rest.split_whitespace().next()?.split_once('/')?;
    Some((k.parse().ok()?, n.parse().ok()?))
}

/// Steps through a whole list with `j`, waiting for each frame, so every row has been drawn
/// selected (and its sentence in the detail pane). Returns the list's length.
fn walk(s: &mut Session, label: &str) -> usize {
    let l = label.to_owned();
    s.wait_for(&format!("{label} in the status bar"), move |scr| {
        position(scr.lines().last().unwrap_or(""), &l).is_some()
    });
    let (mut k, n) = position(&s.status(), label).expect("a position");
    // In the document view j scrolls a line; ) goes to the next sentence.
    let next = if label == "Document" { ")" } else { "j" };
    while k < n {
        s.send(next);
        k += 1;
        let (l, want) = (label.to_owned(), k);
        s.wait_for(&format!("{label} {k}/{n}"), move |scr| {
            position(scr.lines().last().unwrap_or(""), &l) == Some((want, n))
        });
    }
    n
}

/// What is wrong with the bytes a program sent, if anything: they must be UTF-8 (a raw C1
/// byte such as 0x9B is not), hold no control or bidirectional character but ESC, and every
/// ESC must open a CSI sequence (cursor, colour, modes) that ends properly: no OSC (clipboard,
/// title, hyperlink), no DCS, APC, PM or SOS string, no two-character escape.
fn control_problem(raw: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Some(format!(
                "not UTF-8 at byte {at}: {:?}",
                &raw[at..raw.len().min(at + 8)]
            ));
        }
    };
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| c != '\x1b' && forbidden(c))
    {
        return Some(format!("{c:?} at byte {i}: …{}", context(raw, i)));
    }
    let mut i = 0;
    while let Some(off) = raw[i..].iter().position(|&b| b == 0x1b) {
        let at = i + off;
        if raw.get(at + 1) != Some(&b'[') {
            return Some(format!(
                "an escape that is not CSI at byte {at}: …{}",
                context(raw, at)
            ));
        }
        let mut j = at + 2;
        while raw.get(j).is_some_and(|b| (0x20..=0x3f).contains(b)) {
            j += 1;
        }
        if !raw.get(j).is_some_and(|b| (0x40..=0x7e).contains(b)) {
            return Some(format!(
                "an unfinished CSI at byte {at}: …{}",
                context(raw, at)
            ));
        }
        i = j + 1;
    }
    None
}

fn context(raw: &[u8], at: usize) -> String {
    String::from_utf8_lossy(&raw[at.saturating_sub(20)..raw.len().min(at + 40)])
        .escape_debug()
        .to_string()
}

/// A briefing that carries every control of `CONTROLS` and every invisible character of
/// `BIDI`, each in a paragraph of its own (a control string left open ends at a line end), in
/// sentences with speakers, dates and a heading, so they reach every pane.
fn hostile_briefing() -> String {
    let mut doc = String::from(
        "# Border \x1b]2;owned\x1b\\talks \u{202E}resume\n\n\
         Minister \x1b]0;owned\x07Kim denied the report on 3 March 2024.\n\n\
         Seoul accused \u{2066}Pyongyang\u{2069} of sending troops \x1b]52;c;cm0gLXJmIH4=\x07in May 2023.\n\n\
         The ministry said on 4 March 2024 that the \x1b]8;;https://evil.example/\x07talks\x1b]8;;\x07 failed.\n\n",
    );
    for (_, input) in CONTROLS {
        doc.push_str(input);
        doc.push_str("\n\n");
    }
    for (_, input, _) in BIDI {
        doc.push_str(input);
        doc.push_str("\n\n");
    }
    doc
}

#[test]
fn no_byte_of_a_documents_controls_reaches_the_terminal() {
    let d = dir("controls");
    // A file name with controls of its own: the status bar shows it escaped.
    let name = "brief\x1b]0;name-title\x07\u{202E}.txt";
    std::fs::write(d.join(name), hostile_briefing()).expect("writes");
    let mut s = open(&d, name, 120, 40);
    s.wait_panes();
    s.wait_text(r"brief\u{1b}]0;name-title\u{7}\u{202e}.txt");

    // Every sentence selected in turn in the document view: each is drawn in the document and
    // in full in the detail pane.
    s.send("v");
    let n = walk(&mut s, "Document");
    assert!(
        n > CONTROLS.len() + BIDI.len(),
        "every control's sentence is there: {n}"
    );
    s.send("v");
    // Every row of every section pane, and every timeline entry.
    for (key, label) in [
        ("1", "Allegations"),
        ("2", "Denials"),
        ("3", "Responses"),
        ("4", "Context"),
    ] {
        s.send(key);
        walk(&mut s, label);
    }
    s.send("t");
    assert!(walk(&mut s, "Timeline") >= 3, "the dated sentences");
    s.send("\r");
    s.wait_for("back in a pane", |scr| {
        !scr.lines().last().unwrap_or("").contains("Timeline ")
    });
    // Search: matches highlighted across the briefing.
    s.send("/talks");
    s.wait_text("matching sentences");
    s.send("\rnN");
    s.wait_for("the search kept", |scr| {
        scr.lines().last().unwrap_or("").contains("/talks")
    });
    // The source filter lists the speakers; help; then the narrow layouts.
    s.send("f");
    s.wait_text("space toggle");
    s.send("\x1b");
    s.wait_for("the filter closed", |scr| !scr.contains("space toggle"));
    s.send("?");
    s.wait_text("Highlighting");
    s.send("\x1b");
    s.wait_for("help closed", |scr| !scr.contains("Highlighting"));
    for (cols, rows) in [(80, 24), (40, 12), (120, 40)] {
        s.resize(cols, rows);
        s.send("G");
        s.settle(std::time::Duration::from_millis(300));
    }
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();

    if let Some(problem) = control_problem(&s.raw) {
        panic!("the terminal got a control: {problem}");
    }
    let raw = String::from_utf8_lossy(&s.raw);
    for payload in PAYLOADS {
        assert!(
            !raw.contains(payload),
            "payload {payload:?} reached the terminal"
        );
    }
    for seq in ["\x1b]52", "\x1b]0;", "\x1b]2;", "\x1b]8;", "\u{9b}", "\x07"] {
        assert!(!raw.contains(seq), "{seq:?} reached the terminal");
    }
    // The words around the controls did reach it.
    assert!(raw.contains("talks") && raw.contains("failed"));
}

#[test]
fn the_stream_check_catches_what_a_document_could_smuggle() {
    // The check above, on streams it must refuse, so that it cannot pass by accident.
    let frame = "\x1b[?2026h\x1b[1;1H\x1b[38;5;1mThe talks\x1b[0m\x1b[?2026l";
    assert_eq!(control_problem(frame.as_bytes()), None);
    for bad in [
        "\x1b]52;c;cm0g\x07".to_owned(),
        "\x1b]0;owned\x1b\\".to_owned(),
        "\x1bP+q544e\x1b\\".to_owned(),
        "\x1bc".to_owned(),
        "\x1b[2".to_owned(),
        "talks\x07".to_owned(),
        "talks\x08".to_owned(),
        "\u{9b}2J".to_owned(),
        "\u{202E}deined".to_owned(),
        "mini\u{200B}ster".to_owned(),
    ] {
        assert!(
            control_problem(format!("{frame}{bad}").as_bytes()).is_some(),
            "{bad:?} passes"
        );
    }
    assert!(
        control_problem(b"The talks \x9b2J").is_some(),
        "a raw C1 byte"
    );
}

/// Every key of the default configuration (reader, filter popup, search prompt), the arrow
/// and page keys as a terminal sends them, and a typed search.
const EVERY_KEY: &[&str] = &[
    "j", "k", "g", "G", "\x04", "\x15", "\t", "\x1b[Z", "l", "h", "1", "2", "3", "4", "t", "j",
    "\r", "t", "n", "N", "o", "o", "y", "v", "j", "G", "\x04", "\r", "y", "v", "/", "a", "b",
    "\x7f", "\r", "n", "N", "\x1b", "/", "z", "\x1b", "f", "j", " ", "x", "a", "n", "\r", "f",
    "\x1b", "?", "j", "G", "\x1b", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[H", "\x1b[F",
    "\x1b[5~", "\x1b[6~", "\x1b", "L", "s", "\x7f", "\x03x",
];

#[test]
fn an_empty_briefing_takes_every_key() {
    let d = dir("empty");
    for (name, bytes) in [("empty.txt", ""), ("blank.txt", " \n\n\t \r\n\u{200B}\n")] {
        std::fs::write(d.join(name), bytes).expect("writes");
        let mut s = open(&d, name, 100, 30);
        s.wait_text("This briefing has no sentences");
        // The frame may arrive in more than one read: the status bar is its last row.
        s.wait_for("the status bar", |scr| {
            scr.lines()
                .last()
                .is_some_and(|l| l.contains("no sentences"))
        });
        assert!(s.status().contains("no sentences"), "{}", s.status());
        for key in EVERY_KEY {
            // Ctrl-c quits: it is the last key, after a check that the reader is still here.
            if key.starts_with('\x03') {
                s.send("?");
                s.wait_text("Help · esc or q closes");
                s.send("\x1b");
                s.wait_for("help closed", |scr| !scr.contains("Help · esc or q closes"));
            }
            s.send(key);
            // Keys apart, so an Esc is not read as Alt with the next key.
            s.settle(std::time::Duration::from_millis(30));
        }
        let status = s.wait_exit();
        assert!(status.success(), "{name}: exit status {status:?}");
        s.assert_restored();
        let raw = String::from_utf8_lossy(&s.raw);
        assert!(!raw.contains("\x1b]52"), "{name}: nothing to copy");
        assert!(!raw.contains("panicked"), "{name}");
    }
}

#[test]
fn a_damaged_briefing_opens_with_its_warnings() {
    let d = dir("warnings");
    std::fs::write(
        d.join("damaged.txt"),
        b"Title: Talks\nDate: next spring\n\nThe minister \xC0\xAFdenied the report.\n",
    )
    .expect("writes");
    let mut s = open(&d, "damaged.txt", 120, 40);
    s.wait_panes();
    // (vt100 does not keep U+FFFD on its screen.)
    s.wait_text("\u{26A0} 2 warnings: invalid UTF-8 replaced with");
    assert!(s.screen().contains("denied the rep"), "{}", s.screen());
    s.send("q");
    assert!(s.wait_exit().success());
}

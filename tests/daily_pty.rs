//! End to end, as a daily user of less, gitui or newsboat types: the real binary in a
//! pseudo-terminal (or in tmux), read back with vt100. A key after a resize, paging and
//! counts, q closing one level, ctrl-z and fg, the sentence pane's scrolling, and copying
//! inside tmux. Every wait has a generous timeout; there are no timing assertions.

mod common;

#[path = "support/session.rs"]
mod session;

use debrief::tui::action::Action;
use debrief::tui::widgets::status_bar;
use session::Session;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// `Responses 3/9`: the section and the 1-based row the status bar shows.
fn row_of(status: &str, label: &str) -> Option<usize> {
    let at = status.find(&format!("{label} "))? + label.len() + 1;
    status[at..].split('/').next()?.parse().ok()
}

#[test]
fn a_key_after_a_resize_is_never_lost() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    s.send("3");
    s.wait_for("the Responses pane", |scr| {
        scr.lines().last().unwrap_or("").contains("Responses 1/")
    });
    // Each resize is drawn before the key is typed, as when a person resizes the window and
    // then reads on: the key must move the selection every time, not only after the first.
    let sizes = [(90, 30), (120, 40), (100, 30), (80, 24)];
    for (k, (cols, rows)) in sizes.into_iter().enumerate() {
        s.resize(cols, rows);
        let narrow = cols < 100;
        s.wait_for("the new layout", move |scr| {
            let tabs = scr.contains(" 1 Allegations (") || scr.contains(" 1 All (");
            let status = scr.lines().last().unwrap_or("");
            tabs == narrow && status.contains("Responses")
        });
        s.settle(Duration::from_millis(300));
        s.send("j");
        let want = k + 2;
        s.wait_for(
            &format!("Responses {want}/ after resize {}", k + 1),
            move |scr| row_of(scr.lines().last().unwrap_or(""), "Responses") == Some(want),
        );
    }
    s.send("Q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn space_b_and_counts_page_as_in_less() {
    // What the reader's own state says each key should do, at the same size.
    let (cols, rows) = (60, 14);
    let mut app = common::app(common::sample(), (cols, rows), true);
    app.update(Action::ToggleDocument);
    let start = status_bar::position(&app);
    let mut expected = Vec::new();
    for (keys, actions) in [
        (" ", vec![Action::PageForward]),
        ("b", vec![Action::PageBack]),
        ("5)", vec![Action::Digit(5), Action::NextSentence]),
        ("\x06", vec![Action::PageForward]),
        ("\x02", vec![Action::PageBack]),
        ("7(", vec![Action::Digit(7), Action::PrevSentence]),
    ] {
        for a in actions {
            app.update(a);
        }
        expected.push((keys, status_bar::position(&app)));
    }
    let row = |p: &str| row_of(p, "Document").expect("a document position");
    let rows_seen: Vec<usize> = expected.iter().map(|(_, p)| row(p)).collect();
    assert!(
        rows_seen[0] > row(&start) + 1 && rows_seen[2] == rows_seen[1] + 5,
        "a page moves more than a row, and 5) five sentences: from {start}, {rows_seen:?}"
    );

    let mut s = Session::start(&[], cols, rows);
    s.wait_text("Allegations (");
    s.send("v");
    s.wait_for("the document view", move |scr| {
        scr.lines().last().unwrap_or("").contains(&start)
    });
    for (keys, want) in expected {
        s.send(keys);
        let w = want.clone();
        s.wait_for(&format!("{keys:?} to show {want}"), move |scr| {
            scr.lines().last().unwrap_or("").contains(&w)
        });
    }
    s.send("Q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn q_closes_one_level_and_capital_q_quits() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    s.send("?");
    s.wait_text("Highlighting");
    s.send("q");
    s.wait_for("help closed", |scr| !scr.contains("Highlighting"));
    s.send("f");
    s.wait_text("Sources");
    s.send("q");
    s.wait_for("the filter closed", |scr| !scr.contains("space/x toggle"));
    s.send("j");
    s.wait_panes();
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "q closed a level, not the reader"
    );
    s.send("Q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn q_in_the_library_goes_back_a_level_at_a_time() {
    let dir = scratch("q-library");
    for name in ["2025-03-12-port-strike.txt", "2025-03-14-port-talks.md"] {
        std::fs::copy(
            PathBuf::from("tests/fixtures/library").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    let mut s = Session::start(&[dir.to_str().unwrap()], 120, 40);
    s.wait_for("both loaded", |scr| {
        scr.contains("Library · 2 briefings") && !scr.contains("loaded ")
    });
    s.send("\r");
    s.wait_panes();
    s.send("?");
    s.wait_text("Highlighting");
    s.send("q");
    s.wait_for("help closed, the briefing still open", |scr| {
        !scr.contains("Highlighting") && scr.contains("Allegations (")
    });
    s.send("q");
    s.wait_text("Library · 2 briefings");
    s.send("t");
    s.wait_text("Merged timeline (");
    s.send("q");
    s.wait_text("Library · 2 briefings");
    assert!(s.child.try_wait().unwrap().is_none(), "still running");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    let mut cmd = portable_pty::CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    session::configure(&mut cmd);
    cmd.env("PS1", "shell$ ");
    let mut s = Session::spawn(cmd, 100, 30);
    s.wait_text("shell$");
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_debrief")));
    s.wait_panes();
    assert!(s.parser.screen().alternate_screen());
    s.send("\x1a");
    s.wait_for("the shell's prompt on the main screen", |scr| {
        scr.contains("Stopped") && scr.matches("shell$").count() >= 2
    });
    assert!(
        !s.parser.screen().alternate_screen(),
        "the screen was given back"
    );
    assert!(
        !s.parser.screen().hide_cursor(),
        "the cursor is shown in the shell"
    );
    s.send("fg\r");
    s.wait_panes();
    assert!(
        s.parser.screen().alternate_screen(),
        "the reader took the screen again"
    );
    s.send("2");
    s.wait_for("keys work after fg", |scr| {
        scr.lines().last().unwrap_or("").contains("Denials 1/")
    });
    s.send("Q");
    s.wait_for("back at the prompt", |scr| {
        scr.matches("shell$").count() >= 3
    });
    assert!(!s.parser.screen().alternate_screen());
    s.send("exit\r");
    s.wait_exit();
}

#[test]
fn the_sentence_pane_scrolls_a_long_sentence_at_60x20() {
    let mut s = Session::start(&["tests/fixtures/long-sentence.txt"], 60, 20);
    s.wait_text("4 Con (");
    // The long sentence is the first; whichever section the model files it under, one of the
    // four panes shows it in the sentence pane.
    for pane in ["1", "2", "3", "4"] {
        s.send(pane);
        s.settle(Duration::from_millis(300));
        if s.screen().contains("Sentence 1 of 3") {
            break;
        }
    }
    s.wait_for("the long sentence in the sentence pane", |scr| {
        scr.contains("Sentence 1 of 3")
    });
    let end = "eastern quay wall.";
    assert!(
        !s.screen().contains(end),
        "the sentence is longer than the pane:\n{}",
        s.screen()
    );
    for _ in 0..8 {
        s.send("J");
    }
    s.wait_for("the end of the sentence", |scr| scr.contains(end));
    // Back to the top with K (not a count: digits 1-4 are the panes' keys).
    for _ in 0..10 {
        s.send("K");
    }
    s.wait_for("the top of the sentence again", |scr| {
        !scr.contains(end) && scr.contains("Sentence 1 of 3")
    });
    s.send("Q");
    assert!(s.wait_exit().success());
}

/// A folder of the test's own under Cargo's temporary folder for integration tests
/// (target/tmp), never /tmp.
fn scratch(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("daily-pty-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// tmux on a server of the test's own, with tmux's default options (no configuration file).
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    fn text(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.run(args).stdout).into_owned()
    }

    /// Polls `what` until it holds (tmux is another process: there is no stream to follow).
    fn wait(&self, what: &str, ok: impl Fn(&Tmux) -> bool) {
        let deadline = Instant::now() + session::TIMEOUT;
        while !ok(self) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; pane:\n{}",
                self.text(&["capture-pane", "-p"])
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
        let _ = std::fs::remove_file(&self.socket);
    }
}

#[test]
fn y_inside_tmux_with_default_options_fills_tmux_paste_buffer() {
    if Command::new("tmux").arg("-V").output().is_err() {
        // CI installs tmux (.ci/run); elsewhere the test says why it did not run.
        assert!(std::env::var_os("CI").is_none(), "tmux is needed on CI");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = scratch("tmux");
    let tmux = Tmux {
        socket: dir.join("tmux.sock"),
    };
    let cmd = format!(
        "cd {} && env XDG_CONFIG_HOME={} LANG=C.UTF-8 {}",
        env!("CARGO_MANIFEST_DIR"),
        dir.display(),
        env!("CARGO_BIN_EXE_debrief")
    );
    let started = tmux.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        &cmd,
    ]);
    assert!(started.status.success(), "tmux new-session: {started:?}");
    assert_eq!(
        tmux.text(&["show-options", "-gv", "set-clipboard"]).trim(),
        "external",
        "tmux's default, which drops an application's OSC 52"
    );
    tmux.wait("the reader", |t| {
        t.text(&["capture-pane", "-p"]).contains("Allegations (")
    });
    // The selected sentence on start: the first of the first section with sentences.
    let sample = common::sample();
    let first = debrief::model::Section::ALL
        .into_iter()
        .find_map(|sec| sample.in_section(sec).next())
        .expect("the sample has sentences");
    tmux.run(&["send-keys", "y"]);
    tmux.wait("the sentence in tmux's paste buffer", |t| {
        t.text(&["show-buffer"]) == first.text
    });
    tmux.wait("the status message", |t| {
        t.text(&["capture-pane", "-p"]).contains("paste buffer")
    });
    tmux.run(&["send-keys", "Q"]);
    drop(tmux);
    let _ = std::fs::remove_dir_all(&dir);
}

//! The reader as it runs over SSH, end to end in a pseudo-terminal: every way out restores the
//! terminal (panic, signals, hang-up), resizes relayout, NO_COLOR keeps meaning without colour,
//! a briefing from stdin takes its keys from the terminal, and every TERM we support works.

#[path = "support/session.rs"]
mod session;

use portable_pty::CommandBuilder;
use session::{Session, command, configure};

const SAMPLE: &str = "assets/briefings/korea-ukraine.txt";

/// debrief run through `sh -c SCRIPT`, where `$0` is the binary.
fn through_shell(script: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script, env!("CARGO_BIN_EXE_debrief")]);
    configure(&mut cmd);
    cmd
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the panic hook it uses is compiled into debug builds only"
)]
fn a_panic_restores_the_terminal_before_it_is_reported() {
    // The hook in debug builds: panic while drawing the second frame (after the first key).
    let mut cmd = command(&[]);
    cmd.env("DEBRIEF_TEST_PANIC", "1");
    let mut s = Session::spawn(cmd, 120, 40);
    s.wait_panes();
    s.send("j");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 101, "a panic's status");
    s.assert_restored();
    // The message comes after the restore, so it is on the main screen for the user to read.
    assert!(s.screen().contains("DEBRIEF_TEST_PANIC"), "{}", s.screen());
}

#[test]
fn terminating_signals_restore_the_terminal() {
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let mut s = Session::start(&[], 120, 40);
        s.wait_panes();
        s.signal(sig);
        let status = s.wait_exit();
        assert!(!status.success(), "signal {sig}: {status:?}");
        s.assert_restored();
    }
}

#[test]
fn a_hang_up_ends_the_reader() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    s.hang_up();
    // wait_exit fails the test if the reader keeps running (spinning on a dead terminal).
    assert!(!s.wait_exit().success());
}

#[test]
fn a_hang_up_ends_the_reader_when_sighup_is_ignored() {
    // As under nohup: no SIGHUP arrives, the terminal's end of input alone must end the reader.
    let mut s = Session::spawn(through_shell("trap '' HUP; exec \"$0\""), 120, 40);
    s.wait_panes();
    s.hang_up();
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 129, "hang-up status {status:?}");
}

#[test]
fn a_storm_of_resizes_ends_in_the_same_screen_as_a_fresh_start() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    s.resize(1, 1);
    s.settle(std::time::Duration::from_millis(200));
    assert!(s.child.try_wait().unwrap().is_none(), "alive at 1x1");
    let sizes = [
        (1, 1),
        (200, 60),
        (30, 8),
        (80, 24),
        (1, 40),
        (120, 1),
        (40, 10),
    ];
    for _ in 0..5 {
        for &(c, r) in &sizes {
            s.resize(c, r);
        }
    }
    s.resize(100, 30);
    let mut fresh = Session::start(&[], 100, 30);
    fresh.wait_panes();
    fresh.settle(std::time::Duration::from_millis(300));
    let want = fresh.screen();
    s.wait_for("the fresh 100x30 screen", |scr| scr == want);
    assert!(s.child.try_wait().unwrap().is_none(), "still running");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn no_color_keeps_meaning_through_bold_and_reverse() {
    let mut cmd = command(&[]);
    cmd.env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd, 120, 40);
    s.wait_panes();
    s.settle(std::time::Duration::from_millis(300));
    let scr = s.parser.screen();
    let (mut bold, mut reversed) = (0, 0);
    for row in 0..40 {
        for col in 0..120 {
            let cell = scr.cell(row, col).unwrap();
            assert_eq!(
                cell.fgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
            assert_eq!(
                cell.bgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
            bold += usize::from(cell.bold());
            reversed += usize::from(cell.inverse());
        }
    }
    assert!(bold > 0 && reversed > 0, "bold {bold}, reversed {reversed}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_briefing_from_stdin_takes_its_keys_from_the_terminal() {
    let mut s = Session::spawn(through_shell(&format!("cat {SAMPLE} | \"$0\" -")), 120, 40);
    s.wait_panes();
    s.wait_for("the first allegation", |scr| {
        scr.lines().last().unwrap_or("").contains("Allegations 1/2")
    });
    s.send("j");
    s.wait_for("the second allegation", |scr| {
        scr.lines().last().unwrap_or("").contains("Allegations 2/2")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn every_term_starts_and_quits_cleanly() {
    for (term, lang) in [
        ("xterm", "C.UTF-8"),
        ("xterm-256color", "C.UTF-8"),
        ("screen", "C.UTF-8"),
        ("tmux-256color", "C.UTF-8"),
        ("linux", "C"),
        ("vt100", "POSIX"),
    ] {
        let mut cmd = command(&[]);
        cmd.env("TERM", term);
        cmd.env("LANG", lang);
        let mut s = Session::spawn(cmd, 80, 24);
        s.wait_for(&format!("the reader under TERM={term}"), |scr| {
            scr.contains("Allegations") && scr.contains("q quit")
        });
        if !lang.contains("UTF") {
            // Not a UTF-8 locale: ASCII borders and marks.
            let scr = s.screen();
            assert!(scr.contains("+-") || scr.contains("#="), "{scr}");
            assert!(!scr.contains('│') && !scr.contains('›'), "{scr}");
        }
        s.send("q");
        assert!(s.wait_exit().success(), "TERM={term}");
        s.assert_restored();
    }
}

#[test]
fn wide_text_keeps_the_borders_in_their_columns() {
    let mut s = Session::start(&["tests/fixtures/korean-emoji.txt"], 120, 40);
    s.wait_panes();
    for key in ["j", "2", "3", "j", "4", "j", "j"] {
        s.send(key);
        s.settle(std::time::Duration::from_millis(150));
        let scr = s.parser.screen();
        // The right edge of the screen is a border on every row but the status bar.
        for row in 0..39 {
            let edge = scr.cell(row, 119).unwrap().contents();
            assert!(
                ["│", "┐", "┘", "┃", "┓", "┛", "┤"].contains(&edge),
                "after {key}, row {row} ends in {edge:?}:\n{}",
                s.screen()
            );
        }
    }
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_paste_larger_than_crossterms_buffer_leaves_the_reader_responsive() {
    // crossterm reads 1 KB per wake-up; the rest of a large paste must not keep the loop
    // awake (or stuck): the next key still works.
    let mut s = Session::start(&[], 120, 40);
    s.wait_panes();
    s.send(&"jk".repeat(2500));
    s.settle(std::time::Duration::from_millis(300));
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

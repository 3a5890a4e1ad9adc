//! End to end: the real binary in a pseudo-terminal, read back with vt100. Every wait has a
//! generous timeout so a broken reader fails the test instead of hanging it.

mod common;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_debrief"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // No user configuration from the machine running the tests.
        let empty = std::env::temp_dir().join("debrief-pty-no-config");
        std::fs::create_dir_all(&empty).unwrap();
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("XDG_CONFIG_HOME", &empty);
        cmd.env("HOME", &empty);
        cmd.env_remove("TMUX");
        let child = pair.slave.spawn_command(cmd).expect("spawn debrief");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            output,
            writer,
            child,
        }
    }

    /// The screen, one line per row (vt100's `contents()` joins rows that wrapped).
    fn screen(&self) -> String {
        let scr = self.parser.screen();
        let (_, cols) = scr.size();
        scr.rows(0, cols.into()).collect::<Vec<_>>().join("\n")
    }

    /// Feeds output to the terminal emulator until `ok` holds for the screen.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if ok(&self.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) if Instant::now() >= deadline => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(_) => {}
            }
        }
    }

    fn wait_text(&mut self, needle: &str) {
        let n = needle.to_owned();
        self.wait_for(needle, move |s| s.contains(&n));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The status bar (last row).
    fn status(&self) -> String {
        self.screen().lines().last().unwrap_or("").to_owned()
    }

    /// Waits for the process to end and drains its last output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                while let Ok(bytes) = self.output.try_recv() {
                    self.parser.process(&bytes);
                }
                return status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!("debrief did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn reader_end_to_end_on_the_sample() {
    let sample = common::sample();
    let mut s = Session::start(&[], 120, 40);
    s.wait_for("the four pane titles", |scr| {
        ["Allegations (", "Denials (", "Responses (", "Context ("]
            .iter()
            .all(|t| scr.contains(t))
    });
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

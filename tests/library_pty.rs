//! End to end: the library in the real binary in a pseudo-terminal, read back with vt100.
//! Every wait has a generous timeout; there are no timing assertions.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

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

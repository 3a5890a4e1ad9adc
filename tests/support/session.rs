//! A pseudo-terminal session for end-to-end tests: the real binary in a portable-pty, its output
//! read back with vt100. Every wait has a generous timeout so a broken reader fails the test
//! instead of hanging it; the session can resize the terminal, send signals and hang up.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Session {
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    reading: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

/// debrief with `args`, in the repository, without the user's configuration, with a UTF-8
/// locale, TERM=xterm-256color and no NO_COLOR, COLORTERM or TMUX from the machine running
/// the tests.
pub fn command(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_debrief"));
    cmd.args(args);
    configure(&mut cmd);
    cmd
}

/// The environment of [`command`], for a command of the test's own (a shell pipeline).
pub fn configure(cmd: &mut CommandBuilder) {
    let empty = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("debrief-pty-no-config");
    std::fs::create_dir_all(&empty).unwrap();
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("XDG_CONFIG_HOME", &empty);
    cmd.env("HOME", &empty);
    for k in ["TMUX", "NO_COLOR", "COLORTERM", "LC_ALL", "LC_CTYPE"] {
        cmd.env_remove(k);
    }
}

impl Session {
    /// debrief with `args` in a `cols` x `rows` terminal.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn(command(args), cols, rows)
    }

    /// Any command in a `cols` x `rows` terminal.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        // Our own descriptor of the master, polled with a timeout so that the reading thread
        // can be stopped and every master descriptor closed, which hangs the terminal up.
        let fd = pair.master.as_raw_fd().expect("a master fd");
        // SAFETY: dup returns a new descriptor that the File owns.
        let mut reader = unsafe { File::from_raw_fd(libc::dup(fd)) };
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stopped.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd: std::os::fd::AsRawFd::as_raw_fd(&reader),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut pfd, 1, 50) } <= 0 {
                    continue;
                }
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
            raw: Vec::new(),
            output,
            writer: Some(writer),
            master: Some(pair.master),
            reading: Some((stop, thread)),
            child,
        }
    }

    /// The screen, one line per row (vt100's `contents()` joins rows that wrapped).
    pub fn screen(&self) -> String {
        let scr = self.parser.screen();
        let (_, cols) = scr.size();
        scr.rows(0, cols.into()).collect::<Vec<_>>().join("\n")
    }

    fn take_output(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    /// Feeds output to the terminal emulator until `ok` holds for the screen.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        self.wait_for_within(TIMEOUT, what, ok);
    }

    /// [`Session::wait_for`] with a timeout of the test's own, for a program with much to do
    /// (a huge briefing in a debug build).
    pub fn wait_for_within(&mut self, timeout: Duration, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if ok(&self.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(bytes) => self.take_output(&bytes),
                Err(_) if Instant::now() >= deadline => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(_) => {}
            }
        }
    }

    pub fn wait_text(&mut self, needle: &str) {
        let n = needle.to_owned();
        self.wait_for(needle, move |s| s.contains(&n));
    }

    /// Waits for the four pane titles.
    pub fn wait_panes(&mut self) {
        self.wait_for("the four pane titles", |scr| {
            ["Allegations (", "Denials (", "Responses (", "Context ("]
                .iter()
                .all(|t| scr.contains(t))
        });
    }

    /// Reads output until none has come for `quiet`.
    pub fn settle(&mut self, quiet: Duration) {
        while let Ok(bytes) = self.output.recv_timeout(quiet) {
            self.take_output(&bytes);
        }
    }

    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("not hung up");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// The status bar (last row).
    pub fn status(&self) -> String {
        self.screen().lines().last().unwrap_or("").to_owned()
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the emulator with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let master = self.master.as_ref().expect("not hung up");
        master.resize(size(cols, rows)).unwrap();
        self.parser
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
    }

    /// Sends a signal to the program.
    pub fn signal(&self, sig: libc::c_int) {
        let pid = self.child.process_id().expect("a pid");
        // SAFETY: kill with a pid we spawned.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, sig) }, 0);
    }

    /// Closes every descriptor of the master side, as sshd does when the link drops.
    pub fn hang_up(&mut self) {
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::SeqCst);
            thread.join().unwrap();
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.take_output(&bytes);
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end and drains its last output.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.take_output(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                while let Ok(bytes) = self.output.try_recv() {
                    self.take_output(&bytes);
                }
                return status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!("the program did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Asserts the terminal is back as it was: main screen, cursor shown, no mouse reporting,
    /// and no synchronized update left open.
    pub fn assert_restored(&self) {
        let scr = self.parser.screen();
        assert!(!scr.alternate_screen(), "still on the alternate screen");
        assert!(!scr.hide_cursor(), "cursor still hidden");
        assert_eq!(
            scr.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        let raw = &self.raw;
        let last = |seq: &[u8]| raw.windows(seq.len()).rposition(|w| w == seq);
        if let Some(begin) = last(b"\x1b[?2026h") {
            assert!(
                last(b"\x1b[?2026l").is_some_and(|end| end > begin),
                "synchronized update left open"
            );
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::SeqCst);
            let _ = thread.join();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

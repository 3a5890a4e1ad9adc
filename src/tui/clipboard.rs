//! Copying a sentence to the clipboard. Inside tmux the text goes to tmux itself
//! (`tmux load-buffer -w -`): that works with tmux's default settings, where tmux drops an
//! application's OSC 52 (`set-clipboard external`) and its passthrough form
//! (`allow-passthrough off`, since tmux 3.3); tmux then hands it on to the outer terminal's
//! clipboard where it can. Elsewhere, and if tmux cannot be run, the terminal gets OSC 52.
//! The status message says only what is known: tmux's buffer took the text, or the sequence
//! was sent (a terminal never answers OSC 52).

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long tmux has to take the text before the copy falls back to OSC 52.
const TMUX_WAIT: Duration = Duration::from_secs(2);

/// What a copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// tmux put the text in its paste buffer.
    TmuxBuffer,
    /// The OSC 52 sequence went to the terminal; whether it took it cannot be known.
    /// `in_tmux`: tmux could not be run, and tmux takes the sequence only with
    /// `set-clipboard on`.
    Sent { in_tmux: bool },
}

impl Copied {
    /// The status message for copying `what` ("sentence 4").
    pub fn describe(self, what: &str) -> String {
        match self {
            Copied::TmuxBuffer => format!("{what} copied into tmux's paste buffer"),
            Copied::Sent { in_tmux: false } => {
                format!("{what} sent to the terminal's clipboard (OSC 52)")
            }
            Copied::Sent { in_tmux: true } => {
                format!("{what} sent as OSC 52; tmux keeps it only with set-clipboard on")
            }
        }
    }
}

/// Copies `text`: into tmux's paste buffer inside tmux, else through OSC 52.
pub fn copy(text: &str) -> io::Result<Copied> {
    let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    if in_tmux && tmux_load_buffer(text) {
        return Ok(Copied::TmuxBuffer);
    }
    let mut seq = osc52(text);
    if in_tmux && tmux_passes_through() {
        seq.push_str(&tmux_passthrough(&osc52(text)));
    }
    let mut out = io::stdout();
    out.write_all(seq.as_bytes())?;
    out.flush()?;
    Ok(Copied::Sent { in_tmux })
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is base64-encoded, so no
/// document byte reaches the terminal raw.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// `seq` wrapped in tmux's passthrough (DCS `tmux;` with each ESC doubled), which tmux hands
/// to the outer terminal untouched when `allow-passthrough` is on.
pub fn tmux_passthrough(seq: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
}

/// `tmux load-buffer -w -` with `text` on its input (`-w`: also to the outer terminal's
/// clipboard; tmux before 3.2 lacks it, and is asked again without it). False if tmux cannot
/// be run, fails or does not finish in [`TMUX_WAIT`].
fn tmux_load_buffer(text: &str) -> bool {
    [&["load-buffer", "-w", "-"][..], &["load-buffer", "-"][..]]
        .iter()
        .any(|args| run_tmux(args, Some(text.as_bytes())).is_some_and(|o| o.0))
}

/// Whether tmux passes an application's escape sequences through (`allow-passthrough` on);
/// tmux before 3.3 has no such option and always does.
fn tmux_passes_through() -> bool {
    match run_tmux(&["show-options", "-gv", "allow-passthrough"], None) {
        Some((true, out)) => matches!(out.trim(), "on" | "all"),
        Some((false, _)) => true,
        None => false,
    }
}

/// Runs `tmux ARGS` with `input` on its standard input; its success and output, or `None` if
/// it could not be run or took longer than [`TMUX_WAIT`] (it is then killed).
fn run_tmux(args: &[&str], input: Option<&[u8]>) -> Option<(bool, String)> {
    let mut child = Command::new("tmux")
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    if let (Some(mut stdin), Some(bytes)) = (child.stdin.take(), input) {
        // From a thread of its own, so a tmux that does not read cannot hold the reader past
        // the deadline; a failed write shows in tmux's exit status.
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let deadline = Instant::now() + TMUX_WAIT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let mut out = String::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = io::Read::read_to_string(&mut o, &mut out);
    }
    Some((status.success(), out))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

//! The terminal the reader runs in: a guard that always restores it, a panic hook that
//! restores it before the panic is printed, and clipboard copy through OSC 52.
//!
//! Signal handling (SIGTERM/SIGHUP as quit) and synchronized output belong here too; they are
//! not done yet: the event loop in `mod.rs` is where a signal would arrive as an event.

use ratatui::crossterm::{
    cursor, event, execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use std::io::{self, Write};

/// Puts the terminal into the reader's mode; dropping it puts the terminal back.
pub struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    /// Raw mode, the alternate screen, the cursor hidden, and mouse capture if asked for.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        // Build the guard first so a failure half-way still restores what was changed.
        let guard = TerminalGuard { mouse };
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(io::stdout(), event::EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Leaves the reader's terminal mode; every step is tried even if one fails.
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal before the default hook prints a panic, so the message is readable.
pub fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

/// The OSC 52 sequence that puts `text` on the clipboard, wrapped in tmux's passthrough when
/// `in_tmux`. The text is base64-encoded, so no document byte reaches the terminal raw.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let seq = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if in_tmux {
        format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
    } else {
        seq
    }
}

/// Writes the OSC 52 sequence for `text` to the terminal.
pub fn copy(text: &str) -> io::Result<()> {
    let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    let mut out = io::stdout();
    out.write_all(osc52(text, in_tmux).as_bytes())?;
    out.flush()
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

//! The terminal the reader runs in: a guard that restores it exactly once on every way out
//! (return, error, panic, signal) and lends it to the shell on ctrl-z, and frames (made by
//! [`super::paint`]) sent whole inside synchronized updates.

use super::paint::Painter;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{
    cursor, event, queue,
    terminal::{self, BeginSynchronizedUpdate, EndSynchronizedUpdate},
    terminal::{EnterAlternateScreen, LeaveAlternateScreen},
};
use ratatui::layout::{Position, Size};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// True while the terminal is in the reader's mode and still has to be put back.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse reporting was turned on, so that restoring turns it off.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the reader's mode; dropping it puts the terminal back.
pub struct TerminalGuard {
    _private: (),
}

impl TerminalGuard {
    /// Raw mode, the alternate screen, the cursor hidden, and mouse capture if asked for.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        // Armed before anything changes, so a failure half-way still restores what was done.
        let guard = TerminalGuard { _private: () };
        take_over(mouse)?;
        Ok(guard)
    }
}

/// Puts the terminal into the reader's mode, armed first so that [`restore`] undoes it.
fn take_over(mouse: bool) -> io::Result<()> {
    MOUSE.store(mouse, Ordering::SeqCst);
    ACTIVE.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    queue!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        queue!(out, event::EnableMouseCapture)?;
    }
    out.flush()
}

/// ctrl-z: gives the terminal back as it was and stops the process, as a shell's job control
/// does; once the shell continues it (`fg`), the reader takes the terminal again (the caller
/// then draws every cell). Where no shell can continue it (the reader is not a shell's job,
/// as under `ssh host debrief`, where a stop would be for good) nothing stops, and the note
/// returned says so.
pub fn suspend(mouse: bool) -> io::Result<Option<String>> {
    if !job_control() {
        return Ok(Some(
            "ctrl-z: no shell to return to here (not started as a shell's job)".into(),
        ));
    }
    restore();
    // SAFETY: sends SIGTSTP to this process; its default action stops the process group's
    // member, and the call returns once it is continued.
    unsafe { libc::raise(libc::SIGTSTP) };
    take_over(mouse)?;
    Ok(None)
}

/// Whether a stop signal would stop this process and a shell could continue it: SIGTSTP is not
/// ignored, and the process group is not orphaned (the parent, in the same session, is in
/// another group: the shell that runs it as a job). The kernel drops SIGTSTP for an orphaned
/// group.
fn job_control() -> bool {
    // SAFETY: these calls only read the process's own attributes.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, std::ptr::null(), &mut old) != 0
            || old.sa_sigaction == libc::SIG_IGN
        {
            return false;
        }
        let parent = libc::getppid();
        libc::getsid(parent) == libc::getsid(0) && libc::getpgid(parent) != libc::getpgrp()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// The bytes that leave the reader's screen: the end of a synchronized update (harmless when
/// none is open), the scroll region back to the whole screen (a frame cut short may have left
/// one set), mouse reporting off, the main screen, the cursor shown.
pub fn restore_sequence(mouse: bool) -> Vec<u8> {
    let mut seq = Vec::new();
    let _ = queue!(seq, EndSynchronizedUpdate);
    seq.extend_from_slice(b"\x1b[r");
    if mouse {
        let _ = queue!(seq, event::DisableMouseCapture);
    }
    let _ = queue!(seq, LeaveAlternateScreen, cursor::Show);
    seq
}

/// Leaves the reader's terminal mode if it is still on; only the first caller does anything,
/// and every step is tried even if one fails (a hung-up terminal fails them all).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = out.write_all(&restore_sequence(MOUSE.load(Ordering::SeqCst)));
    let _ = out.flush();
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal from a thread other than the main one, which may be stuck holding
/// standard output's lock: raw mode off first, then the bytes written straight to fd 1 from a
/// helper thread, so a stalled link cannot stop the caller.
pub fn restore_from_outside() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let seq = restore_sequence(MOUSE.load(Ordering::SeqCst));
    let _ = std::thread::Builder::new().spawn(move || {
        // SAFETY: writes a buffer we own to a file descriptor; failure is ignored.
        unsafe { libc::write(1, seq.as_ptr().cast(), seq.len()) };
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
}

/// Restores the terminal before the default hook prints a panic, so the message is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// ratatui's side of the screen: lays frames out at the terminal's size and sends nothing
/// itself (the [`Painter`] decides the bytes).
#[derive(Debug)]
pub struct Sizer {
    /// A size fixed by a test; `None` asks the terminal.
    fixed: Option<Size>,
}

impl Backend for Sizer {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, _content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> io::Result<()> {
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn clear_region(&mut self, _clear_type: ClearType) -> io::Result<()> {
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(size) => Ok(size),
            None => terminal::size().map(|(width, height)| Size { width, height }),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reader's terminal: ratatui lays each frame out, the [`Painter`] turns it into the bytes
/// that change the screen, and the frame goes out in one write.
pub struct Screen {
    term: Terminal<Sizer>,
    painter: Painter,
}

impl Screen {
    /// A screen the size of the terminal.
    pub fn new() -> io::Result<Screen> {
        Screen::with(Sizer { fixed: None })
    }

    /// A screen of a fixed size that writes nowhere, for tests: see [`Screen::frame`].
    pub fn fixed(width: u16, height: u16) -> io::Result<Screen> {
        Screen::with(Sizer {
            fixed: Some(Size { width, height }),
        })
    }

    fn with(sizer: Sizer) -> io::Result<Screen> {
        Ok(Screen {
            term: Terminal::new(sizer)?,
            painter: Painter::new(),
        })
    }

    /// Changes a fixed screen's size (a test's resize); the next frame is laid out at it.
    pub fn set_fixed_size(&mut self, width: u16, height: u16) {
        self.term.backend_mut().fixed = Some(Size { width, height });
    }

    /// The terminal's size.
    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.term.size()
    }

    /// Forgets what the terminal shows, so the next frame clears the screen and is drawn
    /// whole: after the screen was given back to the shell and taken again (ctrl-z, `fg`), and
    /// after a resize, when the terminal may have cut or moved what it showed even where the
    /// size ends up the same.
    pub fn forget(&mut self) {
        self.painter.invalidate();
    }

    /// The bytes of one frame: what changed since the last one (see [`Painter`]), inside the
    /// terminal's synchronized update when it is larger than one packet of a link, so a slow
    /// link never shows a half-drawn, torn frame. A smaller frame is one write, one packet and
    /// one read of the terminal's: it arrives whole without the 16 bytes of the update's
    /// markers (a third of what less sends to scroll a line). Empty when nothing changed.
    pub fn frame(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<Vec<u8>> {
        let done = self.term.draw(render)?;
        let mut body = Vec::new();
        self.painter.paint(done.buffer, &mut body);
        if body.len() < ONE_PACKET {
            return Ok(body);
        }
        let mut frame = Vec::with_capacity(body.len() + 16);
        queue!(frame, BeginSynchronizedUpdate)?;
        frame.extend_from_slice(&body);
        queue!(frame, EndSynchronizedUpdate)?;
        Ok(frame)
    }

    /// Draws one frame (see [`Screen::frame`]) and writes it to the terminal in one write.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        let frame = self.frame(render)?;
        if frame.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(&frame)?;
        out.flush()
    }
}

/// Frames below this many bytes go without a synchronized update: well inside one TCP
/// segment of an SSH link (about 1,400 bytes of payload on an Ethernet path, less the SSH
/// packet's own framing), so the terminal gets them in one piece.
const ONE_PACKET: usize = 1024;

/// For a terminal without UTF-8 (`--ascii`, or a locale that is not UTF-8): every cell whose
/// symbol is not ASCII becomes an ASCII look-alike, so separators, marks and typographic
/// punctuation in document text read right, and nothing else is sent as bytes the terminal
/// cannot show (a wide character keeps its width, as `?` and a blank).
pub fn asciify(buf: &mut ratatui::buffer::Buffer) {
    let cells = &mut buf.content;
    for i in 0..cells.len() {
        let sym = cells[i].symbol();
        if sym.is_ascii() {
            continue;
        }
        // The cell after a wide character is a placeholder; it must print as a blank now.
        if unicode_width::UnicodeWidthStr::width(sym) > 1
            && let Some(next) = cells.get_mut(i + 1)
            && next.symbol().is_empty()
        {
            next.set_symbol(" ");
        }
        let cell = &mut cells[i];
        let sym = cell.symbol();
        let plain = match sym.chars().next().unwrap_or(' ') {
            '·' | '•' | '–' | '—' | '‐' | '−' => "-",
            '’' | '‘' | '′' => "'",
            '“' | '”' | '«' | '»' | '„' | '″' => "\"",
            '…' => ".",
            '›' | '▶' | '→' | '▸' => ">",
            '‹' | '◀' | '←' => "<",
            '✗' | '×' => "x",
            '✓' => "v",
            '\u{A0}' => " ",
            c if c.is_alphabetic() => "?",
            _ => "?",
        };
        cell.set_symbol(plain);
    }
}

/// Whether a failed write to the terminal means the terminal is gone (the SSH link dropped
/// between the last hang-up check and the write): the reader then ends as on a hang-up.
pub fn gone(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::EIO) || e.kind() == std::io::ErrorKind::BrokenPipe
}

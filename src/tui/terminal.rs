//! The terminal the reader runs in: a guard that restores it exactly once on every way out
//! (return, error, panic, signal) and lends it to the shell on ctrl-z, and frames sent whole
//! inside synchronized updates.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor, event, queue,
    terminal::{self, BeginSynchronizedUpdate, EndSynchronizedUpdate},
    terminal::{EnterAlternateScreen, LeaveAlternateScreen},
};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
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
/// none is open), mouse reporting off, the main screen, the cursor shown.
pub fn restore_sequence(mouse: bool) -> Vec<u8> {
    let mut seq = Vec::new();
    let _ = queue!(seq, EndSynchronizedUpdate);
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

/// Collects a frame so it reaches the terminal in one write. ratatui flushes after the cells
/// and again after hiding the cursor; those flushes only mark progress, and [`Screen::draw`]
/// sends the frame when it is complete, so a panic half-way never leaves half a frame behind.
#[derive(Debug, Default, Clone)]
pub struct FrameWriter {
    buf: Rc<RefCell<Vec<u8>>>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reader's terminal: ratatui over a [`FrameWriter`], and the frame it collects.
pub struct Screen {
    term: Terminal<CrosstermBackend<FrameWriter>>,
    frame: Rc<RefCell<Vec<u8>>>,
}

impl Screen {
    /// A screen the size of the terminal.
    pub fn new() -> io::Result<Screen> {
        let writer = FrameWriter::default();
        let frame = Rc::clone(&writer.buf);
        let term = Terminal::new(CrosstermBackend::new(writer))?;
        Ok(Screen { term, frame })
    }

    /// The terminal's size.
    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.term.size()
    }

    /// Clears the terminal and forgets what it shows, so the next frame is drawn whole (after
    /// the screen was given back to the shell and taken again).
    pub fn forget(&mut self) -> io::Result<()> {
        // ratatui's own `clear` asks the terminal where the cursor is and waits for the
        // answer; instead the last frame is replaced by one no real frame equals (drawn into
        // the frame buffer and dropped), and the terminal is cleared here.
        self.term.draw(|f| {
            for cell in &mut f.buffer_mut().content {
                cell.set_symbol("\u{E000}")
                    .set_fg(ratatui::style::Color::Indexed(254));
            }
        })?;
        self.frame.borrow_mut().clear();
        let mut out = io::stdout().lock();
        queue!(out, terminal::Clear(terminal::ClearType::All))?;
        out.flush()
    }

    /// Draws one frame (ratatui writes only the cells that changed) inside the terminal's
    /// synchronized update, so a slow link never shows a half-drawn, torn frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        self.frame.borrow_mut().clear();
        queue!(self.term.backend_mut(), BeginSynchronizedUpdate)?;
        self.term.draw(render)?;
        queue!(self.term.backend_mut(), EndSynchronizedUpdate)?;
        let frame = std::mem::take(&mut *self.frame.borrow_mut());
        let mut out = io::stdout().lock();
        out.write_all(&frame)?;
        out.flush()
    }
}

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

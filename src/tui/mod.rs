//! The interactive reader: state ([`app`]), actions, key handling, drawing ([`widgets`]), the
//! terminal it runs in ([`terminal`], [`caps`]) and the loop that blocks on input and signals
//! ([`input`], [`signals`]).

pub mod action;
pub mod app;
pub mod caps;
pub mod clipboard;
pub mod edits;
pub mod event;
pub mod events;
pub mod filter;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod library_edits;
pub mod library_update;
pub mod paint;
pub mod scroll;
pub mod signals;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod widgets;

pub use app::App;

use crate::config::Config;
use crate::model::Briefing;
use action::Action;
use anyhow::Context as _;
use app::Effect;
use input::Wake;

use ratatui::crossterm::event as ct_event;
use std::time::Duration;

/// How the reader draws, decided from the command line and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// Use colours (false for `--color never`, or NO_COLOR with `auto`).
    pub color: bool,
    /// ASCII borders and marks only.
    pub ascii: bool,
    /// The colours the terminal takes.
    pub depth: caps::ColorDepth,
}

impl Display {
    /// `color` and `ascii` as the command line decided, completed from the environment: ASCII
    /// also when the locale is not UTF-8, colours as many as TERM and COLORTERM say.
    pub fn from_env(color: bool, ascii: bool) -> Display {
        Display {
            color,
            ascii: ascii || !caps::utf8_locale_from_env(),
            depth: caps::ColorDepth::from_env(),
        }
    }
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The terminal went away (the SSH link dropped) while SIGHUP was ignored.
    Hangup,
    /// A terminating signal (SIGTERM, SIGHUP, SIGINT) arrived.
    Signal(i32),
}

impl Ending {
    /// Ends the process as this ending asks, once the terminal is restored: a quit returns, a
    /// hang-up exits with status 129, a signal ends the process as the signal would have.
    pub fn finish(self) {
        match self {
            Ending::Quit => {}
            Ending::Hangup => std::process::exit(128 + libc::SIGHUP),
            Ending::Signal(sig) => signals::die_of(sig),
        }
    }
}

/// Runs the reader on an already loaded briefing until the user quits, a terminating signal
/// arrives or the terminal goes away. The terminal is put back as it was on every way out:
/// return, error, signal or panic.
pub fn run(
    briefing: Briefing,
    name: &str,
    path: Option<&std::path::Path>,
    config: &Config,
    display: Display,
) -> anyhow::Result<Ending> {
    terminal::install_panic_hook();
    let signals = signals::Signals::install().context("cannot install signal handlers")?;
    let keyboard = input::Keyboard::open().context("cannot open the terminal for keys")?;
    let guard =
        terminal::TerminalGuard::enter(config.mouse).context("cannot set up the terminal")?;
    let mut screen = terminal::Screen::new()?;
    let size = screen.size()?;
    let mut app = App::new(
        briefing,
        name,
        config,
        display.color,
        display.ascii,
        (size.width, size.height),
    )
    .with_color_depth(display.depth)
    .with_corrections_file(
        path.and_then(crate::corrections::file::path_for),
        path.map(std::path::Path::to_path_buf),
    );
    // The link can drop while the first frame is still being written.
    match render(&mut screen, &app) {
        Ok(()) => {}
        Err(e) if terminal::gone(&e) => return Ok(Ending::Hangup),
        Err(e) => return Err(e.into()),
    }
    let mut expires = None;
    let ending = loop {
        // Block until something happens: no tick; the only timer is the status message's,
        // while one is shown.
        let mut batch = Batch::default();
        match keyboard.wait(signals.wake_fd(), expires)? {
            Wake::Timeout => {
                expires = None;
                batch.redraw = app.update(Action::ClearMessage) == Effect::Redraw;
            }
            Wake::Hangup => break Ending::Hangup,
            Wake::Signal => {
                if let Some(sig) = signals.take() {
                    break Ending::Signal(sig);
                }
                // SIGWINCH. crossterm reports a resize only once it reads again; relayout now.
                let (w, h) = match ratatui::crossterm::terminal::size() {
                    Ok(size) => size,
                    Err(e) if terminal::gone(&e) => break Ending::Hangup,
                    Err(e) => return Err(e.into()),
                };
                app.update(Action::Resize(w, h));
                // The terminal may have cut or moved what it showed, even where the size ends
                // up as it was (a window made smaller and larger again): draw every cell.
                batch.full = true;
                batch.redraw = true;
                // crossterm saw the signal too and holds a resize event for it. Its event
                // source, woken for that resize and a key at once, returns the resize and
                // forgets that the terminal had input, which it then reads only when more
                // comes: the key would wait, or be dropped as unreadable. Taking the resize
                // now, while no key waits, keeps the next key whole.
                if let Some(end) = take_events(&mut app, &mut batch, config.mouse)? {
                    break end;
                }
            }
            Wake::Input => {
                if let Some(end) = take_events(&mut app, &mut batch, config.mouse)? {
                    break end;
                }
                if batch.events == 0 {
                    // Input crossterm will not read until more comes (see `discard_pending`).
                    keyboard.discard_pending();
                }
            }
        }
        if batch.redraw {
            if batch.full {
                screen.forget();
            }
            match render(&mut screen, &app) {
                Ok(()) => {}
                Err(e) if terminal::gone(&e) => break Ending::Hangup,
                Err(e) => return Err(e.into()),
            }
            expires = app.message.as_ref().map(|_| message_deadline());
        }
    };
    drop(guard);
    Ok(ending)
}

/// How long a status message stays when no key clears it.
pub const MESSAGE_TIME: Duration = Duration::from_secs(5);

/// When a message shown now is cleared.
pub fn message_deadline() -> std::time::Instant {
    std::time::Instant::now() + MESSAGE_TIME
}

/// What one batch of terminal events did.
#[derive(Debug, Default)]
struct Batch {
    /// Events read.
    events: usize,
    /// Something changed: draw a frame.
    redraw: bool,
    /// The screen was given back (a suspension) or resized: clear it and draw every cell.
    full: bool,
}

/// Handles everything crossterm has already read, so a burst of keys or resizes costs one
/// frame; `Some` when the reader ends. A read that fails means the terminal went away between
/// the hang-up check and the read: the same ending as a hang-up seen first.
fn take_events(app: &mut App, batch: &mut Batch, mouse: bool) -> anyhow::Result<Option<Ending>> {
    loop {
        match ct_event::poll(Duration::ZERO) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(_) => return Ok(Some(Ending::Hangup)),
        }
        batch.events += 1;
        let Ok(ev) = ct_event::read() else {
            return Ok(Some(Ending::Hangup));
        };
        if let ct_event::Event::Resize(..) = ev {
            // As on SIGWINCH: the terminal's screen is no longer known.
            batch.full = true;
            batch.redraw = true;
        }
        let Some(action) = event::action_for(app, &ev) else {
            continue;
        };
        match app.update(action) {
            Effect::None => {}
            Effect::Quit => return Ok(Some(Ending::Quit)),
            Effect::Copy { text, what } => {
                let note = clipboard::copy(&text)?.describe(&what);
                app.update(Action::Notify(note));
                batch.redraw = true;
            }
            Effect::Suspend => {
                let note = terminal::suspend(mouse)?;
                let (w, h) = ratatui::crossterm::terminal::size()?;
                app.update(Action::Resize(w, h));
                if let Some(note) = note {
                    app.update(Action::Notify(note));
                }
                batch.full = true;
                batch.redraw = true;
            }
            Effect::Redraw => batch.redraw = true,
        }
    }
}

/// Draws the reader (only what changed is sent; see [`paint`]).
fn render(screen: &mut terminal::Screen, app: &App) -> std::io::Result<()> {
    screen.draw(|f| {
        #[cfg(debug_assertions)]
        test_panic();
        f.render_widget(app, f.area());
        if app.theme.ascii {
            terminal::asciify(f.buffer_mut());
        }
    })
}

/// Test hook, in debug builds only: `DEBRIEF_TEST_PANIC=N` panics while drawing frame N
/// (0 is the first), so the pseudo-terminal tests can check that a panic restores the terminal.
#[cfg(debug_assertions)]
fn test_panic() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static FRAMES: AtomicUsize = AtomicUsize::new(0);
    let frame = FRAMES.fetch_add(1, Ordering::SeqCst);
    let wanted = std::env::var("DEBRIEF_TEST_PANIC").ok();
    if wanted.and_then(|w| w.parse::<usize>().ok()) == Some(frame) {
        panic!("DEBRIEF_TEST_PANIC: panic while drawing frame {frame}");
    }
}

/// Runs the library reader over `library` (loading in the background, watching `paths` for
/// changes) until the user quits; the terminal is put back as in [`run`].
pub fn run_library(
    library: crate::library::Library,
    paths: &[std::path::PathBuf],
    recursive: bool,
    options: &crate::loader::Options,
    config: &Config,
    display: Display,
) -> anyhow::Result<Ending> {
    terminal::install_panic_hook();
    let signals = signals::Signals::install().context("cannot install signal handlers")?;
    let guard =
        terminal::TerminalGuard::enter(config.mouse).context("cannot set up the terminal")?;
    let mut term = terminal::Screen::new()?;
    let size = term.size()?;
    let mut lib = library::LibraryApp::new(
        library,
        config,
        display.color,
        display.ascii,
        (size.width, size.height),
    );
    let result = events::run(&mut lib, &mut term, &signals, paths, recursive, options);
    drop(guard);
    result
}

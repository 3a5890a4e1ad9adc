//! The interactive reader: state ([`app`]), actions, key handling, drawing ([`widgets`]), the
//! terminal it runs in ([`terminal`], [`caps`]) and the loop that blocks on input and signals
//! ([`input`], [`signals`]).

pub mod action;
pub mod app;
pub mod caps;
pub mod event;
pub mod events;
pub mod filter;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library;
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
    .with_color_depth(display.depth);
    // The link can drop while the first frame is still being written.
    match render(&mut screen, &app) {
        Ok(()) => {}
        Err(e) if terminal::gone(&e) => return Ok(Ending::Hangup),
        Err(e) => return Err(e.into()),
    }
    let ending = 'reader: loop {
        // Block until something happens: no tick, no timer.
        let mut redraw = false;
        match keyboard.wait(signals.wake_fd())? {
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
                redraw = app.update(Action::Resize(w, h)) == Effect::Redraw;
            }
            Wake::Input => {
                // Everything the terminal sent is handled before one frame is drawn, so a
                // burst of keys or resizes costs one frame. A read error means the terminal
                // is gone, and ends the reader.
                let mut events = 0;
                loop {
                    // A read that fails means the terminal went away between the hang-up check
                    // and the read: the same ending as a hang-up seen first.
                    match ct_event::poll(Duration::ZERO) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(_) => break 'reader Ending::Hangup,
                    }
                    events += 1;
                    let Ok(ev) = ct_event::read() else {
                        break 'reader Ending::Hangup;
                    };
                    let Some(action) = event::action_for(&app, &ev) else {
                        continue;
                    };
                    match app.update(action) {
                        Effect::None => {}
                        Effect::Quit => break 'reader Ending::Quit,
                        Effect::Copy(text) => {
                            terminal::copy(&text)?;
                            redraw = true;
                        }
                        Effect::Redraw => redraw = true,
                    }
                }
                if events == 0 {
                    // Input crossterm will not read until more comes (see `discard_pending`).
                    keyboard.discard_pending();
                }
            }
        }
        if redraw {
            match render(&mut screen, &app) {
                Ok(()) => {}
                Err(e) if terminal::gone(&e) => break Ending::Hangup,
                Err(e) => return Err(e.into()),
            }
        }
    };
    drop(guard);
    Ok(ending)
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

//! The interactive reader: state ([`app`]), actions, key handling, drawing ([`widgets`]) and the
//! terminal it runs in ([`terminal`]).

pub mod action;
pub mod app;
pub mod event;
pub mod events;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod scroll;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod widgets;

pub use app::App;

use crate::config::Config;
use crate::model::Briefing;
use anyhow::Context as _;
use app::Effect;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// How the reader draws, decided from the command line and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// Use colours (false for `--color never`, or NO_COLOR with `auto`).
    pub color: bool,
    /// ASCII borders and marks only.
    pub ascii: bool,
}

/// Runs the reader on an already loaded briefing until the user quits. The terminal is put
/// back as it was on every way out: return, error or panic.
pub fn run(
    briefing: Briefing,
    name: &str,
    config: &Config,
    display: Display,
) -> anyhow::Result<()> {
    terminal::install_panic_hook(config.mouse);
    let guard =
        terminal::TerminalGuard::enter(config.mouse).context("cannot set up the terminal")?;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    let mut app = App::new(
        briefing,
        name,
        config,
        display.color,
        display.ascii,
        (size.width, size.height),
    );
    term.draw(|f| f.render_widget(&app, f.area()))?;
    loop {
        // Block until something happens: no tick, no timer. A read error means the terminal
        // is gone, and ends the reader.
        let ev = ratatui::crossterm::event::read().context("cannot read from the terminal")?;
        let Some(action) = event::action_for(&app, &ev) else {
            continue;
        };
        match app.update(action) {
            Effect::None => continue,
            Effect::Quit => break,
            Effect::Copy(text) => terminal::copy(&text)?,
            Effect::Redraw => {}
        }
        term.draw(|f| f.render_widget(&app, f.area()))?;
    }
    drop(guard);
    Ok(())
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
) -> anyhow::Result<()> {
    terminal::install_panic_hook(config.mouse);
    let guard =
        terminal::TerminalGuard::enter(config.mouse).context("cannot set up the terminal")?;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    let mut lib = library::LibraryApp::new(
        library,
        config,
        display.color,
        display.ascii,
        (size.width, size.height),
    );
    let result = events::run(&mut lib, &mut term, paths, recursive, options);
    drop(guard);
    result
}

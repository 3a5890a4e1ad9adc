//! The library reader's event loop: terminal input, analysis results and file changes,
//! merged into one channel so the loop blocks on a single receiver. Nothing runs while
//! nothing happens: no tick, no timer; the input thread blocks in `read()`, the watcher on
//! file notification, the loaders on their work.

use super::Ending;
use super::action::Action;
use super::app::Effect;
use super::keymap::{Key, Layer};
use super::library::{LibraryApp, Screen};
use super::signals::Signals;
use super::{clipboard, event, terminal};
use crate::library::watch::{self, WatchEvent, Watcher};
use crate::library::{self, DocId, Loaded};
use crate::loader::Options;
use anyhow::Context as _;
use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Something that happened, from any source.
#[derive(Debug)]
pub enum Event {
    /// A terminal event (key, resize, mouse).
    Input(TermEvent),
    /// Reading the terminal failed: it is gone, and the reader ends.
    InputError(String),
    /// A briefing's analysis is ready.
    Loaded(Box<Loaded>),
    /// The file watcher saw a change.
    Watch(WatchEvent),
    /// A signal arrived (a terminating one, or a window change).
    Signal,
}

/// Reads terminal events on a thread of their own and sends them into `tx`. The thread
/// ends after a read error (reported once) or when the receiver is gone.
pub fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            match ratatui::crossterm::event::read() {
                Ok(ev) => {
                    if tx.send(Event::Input(ev)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Event::InputError(e.to_string()));
                    break;
                }
            }
        }
    });
}

/// Analyses `jobs` on every core and forwards each result into `tx`.
pub fn spawn_loads(jobs: Vec<(DocId, PathBuf)>, options: &Options, tx: &Sender<Event>) {
    if jobs.is_empty() {
        return;
    }
    let results = library::spawn(jobs, options.clone());
    forward(results, tx.clone(), |l| Event::Loaded(Box::new(l)));
}

/// Watches the library's paths and forwards each change into `tx`; `None` (no live
/// reload) if no watch could be set up.
pub fn spawn_watch(paths: &[PathBuf], recursive: bool, tx: &Sender<Event>) -> Option<Watcher> {
    let (wtx, wrx) = channel();
    let watcher = watch::watch(paths, recursive, wtx).ok()?;
    forward(wrx, tx.clone(), Event::Watch);
    Some(watcher)
}

fn forward<T: Send + 'static>(rx: Receiver<T>, tx: Sender<Event>, wrap: fn(T) -> Event) {
    std::thread::spawn(move || {
        for item in rx {
            if tx.send(wrap(item)).is_err() {
                break;
            }
        }
    });
}

/// The action a terminal event asks of the library reader, if any. In an opened briefing
/// the reader's own handling applies, except the library's way back; in the library views
/// the search prompt takes typed text, then the library's keys come before the reader's.
pub fn action_for(lib: &LibraryApp, ev: &TermEvent) -> Option<Action> {
    let (key, k) = match ev {
        TermEvent::Resize(w, h) => return Some(Action::Resize(*w, *h)),
        TermEvent::Key(k) if k.kind != KeyEventKind::Release => (Key::from_event(*k), k),
        _ => return None,
    };
    if let Some(o) = &lib.opened {
        let typing = o.app.is_typing();
        if !typing
            && let Some(Action::OpenLibrary) =
                key.and_then(|k| lib.keymap.lookup(Layer::Library, k))
        {
            return Some(Action::OpenLibrary);
        }
        return event::action_for(&o.app, ev);
    }
    if lib.prompt.is_some() {
        return event::prompt_action(k);
    }
    let key = key?;
    let bound = lib
        .keymap
        .lookup(Layer::Library, key)
        .or_else(|| lib.keymap.lookup(Layer::Reader, key));
    // The pane keys mean something only in the all-briefings view; elsewhere a digit counts.
    let pane_key = matches!(
        bound,
        Some(
            Action::FocusAllegations
                | Action::FocusDenials
                | Action::FocusResponses
                | Action::FocusContext
        )
    );
    let meaningful = bound.is_some() && (!pane_key || lib.screen == Screen::All);
    event::count_digit(key, lib.count.is_some(), meaningful).or(bound)
}

/// Runs the library reader until the person quits: starts loading what is pending, watches
/// `paths` for changes, and redraws after each batch of events that changed something.
pub fn run(
    lib: &mut LibraryApp,
    term: &mut terminal::Screen,
    signals: &Signals,
    paths: &[PathBuf],
    recursive: bool,
    options: &Options,
) -> anyhow::Result<Ending> {
    let (tx, rx) = channel();
    spawn_input(tx.clone());
    let (resume, resumed) = channel();
    let signal_tx = tx.clone();
    signals.forward(move || signal_tx.send(Event::Signal).is_ok(), resumed);
    spawn_loads(lib.library.pending(), options, &tx);
    let _watcher = spawn_watch(paths, recursive, &tx);
    if _watcher.is_none() {
        lib.message = Some("live reload is off: the files cannot be watched".into());
    }
    let draw = |term: &mut terminal::Screen, lib: &LibraryApp| {
        term.draw(|f| {
            f.render_widget(lib, f.area());
            if lib.ascii {
                terminal::asciify(f.buffer_mut());
            }
        })
    };
    // A terminal that went away while a frame was written ends the reader as a hang-up.
    macro_rules! draw_or_end {
        ($write:expr) => {
            match $write {
                Ok(()) => {}
                Err(e) if terminal::gone(&e) => return Ok(Ending::Hangup),
                Err(e) => return Err(e.into()),
            }
        };
    }
    draw_or_end!(draw(term, lib));
    let mut expires: Option<std::time::Instant> = None;
    loop {
        let first = match expires {
            None => rx.recv().context("all event sources ended")?,
            Some(at) => {
                match rx.recv_timeout(at.saturating_duration_since(std::time::Instant::now())) {
                    Ok(ev) => ev,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        expires = None;
                        if lib.update(Action::ClearMessage) != Effect::None {
                            draw_or_end!(draw(term, lib));
                        }
                        continue;
                    }
                    Err(e) => return Err(e).context("all event sources ended"),
                }
            }
        };
        let mut dirty = false;
        let mut full = false;
        let mut changed = Vec::new();
        // Take everything already waiting, so a burst of results (or one save's several
        // watcher events) costs one rebuild and one redraw.
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            match ev {
                Event::Input(e) => {
                    if let TermEvent::Resize(..) = e {
                        // The terminal's screen is no longer known: draw every cell.
                        full = true;
                        dirty = true;
                    }
                    let Some(action) = action_for(lib, &e) else {
                        continue;
                    };
                    match lib.update(action) {
                        Effect::None => {}
                        Effect::Quit => return Ok(Ending::Quit),
                        Effect::Copy { text, what } => {
                            let note = clipboard::copy(&text)?.describe(&what);
                            lib.update(Action::Notify(note));
                            dirty = true;
                        }
                        Effect::Suspend => {
                            let note = terminal::suspend(lib.config.mouse)?;
                            let (w, h) = ratatui::crossterm::terminal::size()?;
                            lib.update(Action::Resize(w, h));
                            if let Some(note) = note {
                                lib.update(Action::Notify(note));
                            }
                            full = true;
                            dirty = true;
                        }
                        Effect::Redraw => dirty = true,
                    }
                }
                // The terminal is gone (a dropped link): end quietly, as on a hang-up.
                Event::InputError(_) => return Ok(Ending::Hangup),
                Event::Signal => {
                    if let Some(sig) = signals.take() {
                        return Ok(Ending::Signal(sig));
                    }
                    let _ = resume.send(());
                    let (w, h) = match ratatui::crossterm::terminal::size() {
                        Ok(size) => size,
                        Err(e) if terminal::gone(&e) => return Ok(Ending::Hangup),
                        Err(e) => return Err(e.into()),
                    };
                    lib.update(Action::Resize(w, h));
                    // As for a resize read from the terminal: draw every cell.
                    full = true;
                    dirty = true;
                }
                Event::Loaded(loaded) => {
                    lib.apply_loaded(*loaded);
                    dirty = true;
                }
                Event::Watch(WatchEvent::Changed(path)) => {
                    if !changed.contains(&path) {
                        changed.push(path);
                    }
                }
                Event::Watch(WatchEvent::Error(e)) => {
                    lib.message = Some(format!("file watching: {e}"));
                    dirty = true;
                }
            }
        }
        if !changed.is_empty() {
            let jobs = lib.note_changes(&changed);
            spawn_loads(jobs, options, &tx);
            dirty = true;
        }
        if dirty {
            lib.refresh();
            if full {
                term.forget();
            }
            draw_or_end!(draw(term, lib));
            let shown = lib.opened.as_ref().map_or(&lib.message, |o| &o.app.message);
            expires = shown.as_ref().map(|_| super::message_deadline());
        }
    }
}

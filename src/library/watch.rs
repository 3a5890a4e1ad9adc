//! File watching for live reload: changes to briefing files are sent into a channel.
//!
//! It uses the system's file notification (inotify on Linux) through the `notify` crate, so
//! nothing runs while nothing changes; where notification cannot be set up (no inotify, the
//! watch limit reached, a network file system that refuses it) it falls back to `notify`'s
//! polling watcher, which compares modification times every [`POLL_INTERVAL`].
//!
//! Folders are watched for files with a briefing extension; a file named on its own is
//! watched through its folder, so an editor that saves by writing a new file and renaming it
//! over the old one is still seen. Each event is only a path: [`super::Library::note_change`]
//! looks at the disk to decide whether the file changed, appeared or went. One save often
//! gives several events; a reader may collect what is waiting with [`drain`] first.

use super::discover::{STDIN, is_briefing_name};
use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

/// How often the polling fallback looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Something happened to this briefing file (written, created, deleted or renamed),
    /// spelled as the watched path was given.
    Changed(PathBuf),
    /// The watcher itself had a problem (events may have been lost).
    Error(String),
}

/// A watch in force; dropping it stops watching.
pub struct Watcher {
    _inner: Box<dyn notify::Watcher + Send>,
    polling: bool,
}

impl Watcher {
    /// Whether the polling fallback is in use instead of file notification.
    pub fn is_polling(&self) -> bool {
        self.polling
    }
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("polling", &self.polling)
            .finish()
    }
}

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path}: {message}")]
pub struct WatchError {
    pub path: PathBuf,
    pub message: String,
}

/// One watched place: a folder (all briefing files in it) or one file.
#[derive(Debug, Clone)]
struct Target {
    /// The folder as the person spelled it, and as notify reports it.
    given: PathBuf,
    absolute: PathBuf,
    canonical: Option<PathBuf>,
    /// Only this file name in the folder, for a file named on its own.
    only: Option<std::ffi::OsString>,
    recursive: bool,
}

impl Target {
    /// The event path spelled under the given folder, if it is one this target reports.
    fn claim(&self, path: &Path) -> Option<PathBuf> {
        let rest = path.strip_prefix(&self.absolute).ok().or_else(|| {
            self.canonical
                .as_deref()
                .and_then(|c| path.strip_prefix(c).ok())
        })?;
        let mut parts = rest.components();
        let name = parts.next_back()?.as_os_str();
        let nested = parts.next().is_some();
        let wanted = match &self.only {
            Some(only) => !nested && name == only,
            None => {
                (self.recursive || !nested)
                    && is_briefing_name(rest)
                    && !rest
                        .components()
                        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            }
        };
        wanted.then(|| self.given.join(rest))
    }
}

fn targets(paths: &[PathBuf], recursive: bool) -> Vec<Target> {
    let cwd = std::env::current_dir().unwrap_or_default();
    paths
        .iter()
        .filter(|p| p.as_os_str() != STDIN)
        .map(|p| {
            let (given, only) = if p.is_dir() {
                (p.clone(), None)
            } else {
                let parent = p.parent().unwrap_or(Path::new(""));
                (parent.to_path_buf(), p.file_name().map(|n| n.to_owned()))
            };
            let base = if given.as_os_str().is_empty() {
                Path::new(".")
            } else {
                &given
            };
            Target {
                absolute: cwd.join(&given),
                canonical: std::fs::canonicalize(base).ok(),
                recursive: recursive && only.is_none(),
                given,
                only,
            }
        })
        .collect()
}

/// Whether an event can mean new content. Reads and the access times they set are left
/// out: the reloads themselves read the files.
fn matters(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// Watches `paths` (folders and files, as given to [`super::discover`]) and sends a
/// [`WatchEvent`] into `tx` for each change to a briefing file. Uses file notification,
/// falling back to polling every [`POLL_INTERVAL`] where notification cannot be set up.
pub fn watch(
    paths: &[PathBuf],
    recursive: bool,
    tx: Sender<WatchEvent>,
) -> Result<Watcher, WatchError> {
    let targets = targets(paths, recursive);
    let handler = {
        let targets = targets.clone();
        move |res: notify::Result<notify::Event>| {
            let events: Vec<WatchEvent> = match res {
                Ok(event) if matters(&event.kind) => {
                    let mut claimed: Vec<PathBuf> = event
                        .paths
                        .iter()
                        .filter_map(|p| targets.iter().find_map(|t| t.claim(p)))
                        .collect();
                    claimed.dedup();
                    claimed.into_iter().map(WatchEvent::Changed).collect()
                }
                Ok(_) => Vec::new(),
                Err(e) => vec![WatchEvent::Error(e.to_string())],
            };
            for e in events {
                // The receiver is gone: the reader closed; nothing left to tell.
                let _ = tx.send(e);
            }
        }
    };
    let native = notify::recommended_watcher(handler.clone())
        .map_err(|e| e.to_string())
        .and_then(|mut w| {
            add_all(&mut w, &targets).map(|()| Box::new(w) as Box<dyn notify::Watcher + Send>)
        });
    match native {
        Ok(inner) => Ok(Watcher {
            _inner: inner,
            polling: false,
        }),
        Err(_) => {
            let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
            let mut w = notify::PollWatcher::new(handler, config).map_err(|e| WatchError {
                path: paths.first().cloned().unwrap_or_default(),
                message: e.to_string(),
            })?;
            add_all(&mut w, &targets).map_err(|message| WatchError {
                path: paths.first().cloned().unwrap_or_default(),
                message,
            })?;
            Ok(Watcher {
                _inner: Box::new(w),
                polling: true,
            })
        }
    }
}

fn add_all(w: &mut dyn notify::Watcher, targets: &[Target]) -> Result<(), String> {
    for t in targets {
        let mode = if t.recursive {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        w.watch(&t.absolute, mode)
            .map_err(|e| format!("{}: {e}", t.given.display()))?;
    }
    Ok(())
}

/// Takes every path waiting in the channel without blocking, each once, in order of first
/// report: one save's several events become one reload.
pub fn drain(rx: &Receiver<WatchEvent>) -> (Vec<PathBuf>, Vec<String>) {
    let (mut paths, mut errors) = (Vec::new(), Vec::new());
    while let Ok(e) = rx.try_recv() {
        match e {
            WatchEvent::Changed(p) if !paths.contains(&p) => paths.push(p),
            WatchEvent::Changed(_) => {}
            WatchEvent::Error(m) => errors.push(m),
        }
    }
    (paths, errors)
}

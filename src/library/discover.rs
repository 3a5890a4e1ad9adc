//! Discovery: which files of the paths a person named are briefings.
//!
//! Inside a folder, files are taken by extension (`.txt`, `.md`, `.brief`, any case); a file
//! named explicitly is taken whatever its extension. Hidden entries (a leading `.`, such as
//! editor lock and swap files) and, without `recursive`, subfolders are skipped with a note.
//! Symbolic links to files are followed; links to folders are not, so a link loop cannot
//! make discovery run forever.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// The extensions taken inside a folder, lower case and without the dot.
pub const EXTENSIONS: [&str; 3] = ["txt", "md", "brief"];

/// The path `-`, standing for standard input.
pub const STDIN: &str = "-";

/// Whether a file name has one of the briefing [`EXTENSIONS`] (case-insensitive).
pub fn is_briefing_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Why an entry of a folder was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Not `.txt`, `.md` or `.brief`.
    Extension,
    /// Its name starts with a dot.
    Hidden,
    /// A subfolder, and discovery was not recursive.
    Subfolder,
    /// A symbolic link to a folder (never followed).
    LinkedFolder,
    /// Neither a file nor a folder (a socket, a device, a broken link).
    NotAFile,
    /// A subfolder that could not be listed.
    Unreadable(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Extension => f.write_str("not a briefing (.txt, .md or .brief)"),
            SkipReason::Hidden => f.write_str("hidden"),
            SkipReason::Subfolder => f.write_str("a subfolder (use --recursive)"),
            SkipReason::LinkedFolder => f.write_str("a link to a folder, not followed"),
            SkipReason::NotAFile => f.write_str("not a regular file"),
            SkipReason::Unreadable(e) => write!(f, "cannot be read: {e}"),
        }
    }
}

/// A folder entry that was not taken, and why: the note shown to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "skipped {}: {}",
            crate::shown::shown_path(&self.path),
            self.reason
        )
    }
}

/// What discovery found: the briefing files in a deterministic order, and the notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Each named path in the order given; a folder's files sorted by path, files before the
    /// subfolders' files at each level. A file reached twice is listed once, where first met.
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// Why discovery failed as a whole. Each is one line for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    #[error("{}: no such file or folder", crate::shown::shown_path(.0))]
    Missing(PathBuf),
    #[error("{}: {message}", crate::shown::shown_path(.path))]
    Unreadable { path: PathBuf, message: String },
    #[error(
        "{}: no briefings in this folder (.txt, .md or .brief files){}",
        crate::shown::shown_path(.path),
        others(*.skipped)
    )]
    NoBriefings { path: PathBuf, skipped: usize },
}

fn others(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "; 1 other entry skipped".into(),
        n => format!("; {n} other entries skipped"),
    }
}

/// Finds the briefings among `paths`: files as named, and the briefing files inside folders
/// (and their subfolders when `recursive`). A missing path, an unreadable folder or a folder
/// holding no briefing is an error.
pub fn discover(paths: &[PathBuf], recursive: bool) -> Result<Discovery, DiscoverError> {
    let mut found = Discovery::default();
    let mut seen = HashSet::new();
    for path in paths {
        if path.as_os_str() == STDIN {
            found.files.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DiscoverError::Missing(path.clone()),
            _ => DiscoverError::Unreadable {
                path: path.clone(),
                message: e.to_string(),
            },
        })?;
        if !meta.is_dir() {
            take(&mut found.files, &mut seen, path.clone());
            continue;
        }
        let before = (found.files.len(), found.skipped.len());
        walk(path, recursive, &mut found, &mut seen).map_err(|e| DiscoverError::Unreadable {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if found.files.len() == before.0 {
            return Err(DiscoverError::NoBriefings {
                path: path.clone(),
                skipped: found.skipped.len() - before.1,
            });
        }
    }
    Ok(found)
}

fn take(files: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, path: PathBuf) {
    let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if seen.insert(key) {
        files.push(path);
    }
}

/// Lists one folder: its files first (sorted), then each subfolder's in turn (sorted).
fn walk(
    dir: &Path,
    recursive: bool,
    found: &mut Discovery,
    seen: &mut HashSet<PathBuf>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    let mut subfolders = Vec::new();
    for path in entries {
        let skip = |found: &mut Discovery, reason| {
            found.skipped.push(Skipped {
                path: path.clone(),
                reason,
            })
        };
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            skip(found, SkipReason::Hidden);
            continue;
        }
        let Ok(link) = std::fs::symlink_metadata(&path) else {
            skip(found, SkipReason::NotAFile);
            continue;
        };
        let meta = if link.file_type().is_symlink() {
            std::fs::metadata(&path).ok()
        } else {
            Some(link.clone())
        };
        match meta {
            Some(m) if m.is_dir() && link.file_type().is_symlink() => {
                skip(found, SkipReason::LinkedFolder)
            }
            Some(m) if m.is_dir() && recursive => subfolders.push(path),
            Some(m) if m.is_dir() => skip(found, SkipReason::Subfolder),
            Some(m) if m.is_file() && is_briefing_name(&path) => take(&mut found.files, seen, path),
            Some(m) if m.is_file() => skip(found, SkipReason::Extension),
            _ => skip(found, SkipReason::NotAFile),
        }
    }
    for sub in subfolders {
        if let Err(e) = walk(&sub, recursive, found, seen) {
            found.skipped.push(Skipped {
                path: sub,
                reason: SkipReason::Unreadable(e.to_string()),
            });
        }
    }
    Ok(())
}

//! Loading on every core (each document with its corrections applied, unless asked not to): documents are read and analysed by a pool of worker threads, each
//! result reported through a channel as soon as it is ready.
//!
//! Workers take documents in the order given, so results arrive roughly in that order (at
//! most one per worker ahead), and a printer that puts them back in order holds only a few.
//! A document whose analysis panics is reported as failed instead of being lost, so a client
//! waiting for every result never hangs.

use super::DocId;
use super::discover::STDIN;
use crate::loader::{self, Options};
use crate::model::Briefing;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

/// One document's analysis, or the one-line reason it failed.
#[derive(Debug)]
pub struct Loaded {
    pub doc: DocId,
    pub path: PathBuf,
    pub result: Result<Briefing, String>,
}

/// How many worker threads to use for `jobs` documents: every core, never more than jobs.
pub fn workers(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(jobs).max(1)
}

/// Reads a document's bytes (`-` is standard input), with a short reason on failure.
pub fn read_document(path: &Path) -> Result<Vec<u8>, String> {
    if path.as_os_str() == STDIN {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err("is a directory, not a briefing file".into());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    })
}

/// Which reading of a document to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// The analysis with the analyst's corrections (`NAME.debrief.toml`) applied.
    #[default]
    Corrected,
    /// The machine's analysis alone.
    Machine,
}

/// Reads and analyses one document, with its corrections applied.
pub fn analyze_file(path: &Path, options: &Options) -> Result<Briefing, String> {
    analyze_file_as(path, options, Reading::Corrected)
}

/// Reads and analyses one document, giving the reading asked for.
pub fn analyze_file_as(
    path: &Path,
    options: &Options,
    reading: Reading,
) -> Result<Briefing, String> {
    let bytes = read_document(path)?;
    let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        loader::load_owned(bytes, options)
    }));
    let machine = match analysis {
        Ok(result) => result.map_err(|e| e.to_string())?,
        Err(_) => return Err("the analysis failed (an internal error)".into()),
    };
    Ok(match reading {
        Reading::Corrected if path.as_os_str() != STDIN => {
            crate::corrections::file::open(path, machine)
        }
        _ => machine,
    })
}

/// Analyses `jobs` in the background on [`workers`] threads and sends each result as it is
/// ready. The channel is bounded (a few results per worker), so the receiver must keep
/// taking them; dropping the receiver stops the workers after their current document.
/// The channel closes when every job has been reported.
pub fn spawn(jobs: Vec<(DocId, PathBuf)>, options: Options) -> Receiver<Loaded> {
    spawn_as(jobs, options, Reading::Corrected)
}

/// [`spawn`], giving the reading asked for.
pub fn spawn_as(
    jobs: Vec<(DocId, PathBuf)>,
    options: Options,
    reading: Reading,
) -> Receiver<Loaded> {
    let n = workers(jobs.len());
    let (tx, rx) = sync_channel(2 * n);
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    for _ in 0..n {
        let (tx, jobs, next, options) = (tx.clone(), jobs.clone(), next.clone(), options.clone());
        std::thread::spawn(move || {
            while let Some((doc, path)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                let result = analyze_file_as(path, &options, reading);
                let loaded = Loaded {
                    doc: *doc,
                    path: path.clone(),
                    result,
                };
                if tx.send(loaded).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

/// Analyses every path on all cores and returns the results in the order of `paths`.
pub fn load_all(paths: &[PathBuf], options: &Options) -> Vec<Result<Briefing, String>> {
    let slots: Vec<Mutex<Option<Result<Briefing, String>>>> =
        paths.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers(paths.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { break };
                    let result = analyze_file(path, options);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err("the analysis failed (an internal error)".into()))
        })
        .collect()
}

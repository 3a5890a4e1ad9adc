//! Command-line arguments and the non-interactive `analyze` command.

use crate::library::{self, DiscoverError, DocId, Reading};
use crate::loader::{self, LoadError, Options, SectionModel};
use crate::model::Briefing;
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Writes one line to standard error. Unlike `eprintln!`, a standard error that cannot be
/// written (a terminal that hung up) is not a panic: the line is dropped.
pub fn say(line: std::fmt::Arguments) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The sample briefing opened when no path is given.
pub const SAMPLE: &str = include_str!("../assets/briefings/korea-ukraine.txt");
/// The name the sample is shown under.
pub const SAMPLE_NAME: &str = "assets/briefings/korea-ukraine.txt";

/// Exit status for bad usage, unreadable or invalid input, and bad configuration.
pub const EXIT_USAGE: i32 = 2;
/// Exit status for a failure while running.
pub const EXIT_FAILURE: i32 = 1;

/// The exit statuses, as `--help` shows them.
macro_rules! exit_status_help {
    () => {
        "Exit status: 0 ok, 1 runtime failure, 2 bad usage, unreadable or invalid input, or bad configuration."
    };
}
const EXIT_STATUS_HELP: &str = exit_status_help!();

#[derive(Debug, Parser)]
#[command(
    name = "debrief",
    version,
    about = "Read a briefing in the terminal: allegations, denials, responses and context, with who says what and when.",
    after_help = concat!("With no PATH, opens the bundled sample briefing. PATH - reads the briefing from standard input.\n\n", exit_status_help!()),
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Briefing to open (a file, or - for standard input); a folder or several files open
    /// the library.
    pub paths: Vec<PathBuf>,
    /// In a folder opened as a library, also take the briefings of its subfolders.
    #[arg(long)]
    pub recursive: bool,
    #[command(flatten)]
    pub common: Common,
    /// Colour: auto (respects NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Draw borders and markers in ASCII only.
    #[arg(long, global = true)]
    pub ascii: bool,
}

/// Options shared by the reader and `analyze`.
#[derive(Debug, clap::Args, Clone, Default)]
pub struct Common {
    /// Reference date for relative times (YYYY-MM-DD), overriding the document's own.
    #[arg(long, value_parser = parse_date_arg, global = true)]
    pub date: Option<jiff::civil::Date>,
    /// Configuration file merged over the defaults (instead of $XDG_CONFIG_HOME/debrief/config.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// No notes on standard error about files a folder holds that are not briefings.
    #[arg(long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of one or more briefings (one JSON object per line for several).
    #[command(after_help = EXIT_STATUS_HELP)]
    Analyze {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// In a folder, also take the briefings of its subfolders.
        #[arg(long)]
        recursive: bool,
        /// The machine's reading alone: leave out the corrections in NAME.debrief.toml.
        #[arg(long)]
        no_corrections: bool,
        /// Briefings to analyse: files, folders (their .txt, .md and .brief files), or - for
        /// standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a gold file in the corpus format (shared/spec/annotation.md) from the analysis
    /// and the corrections, to retrain the section model on your own briefings.
    #[command(name = "export-gold", after_help = EXIT_STATUS_HELP)]
    ExportGold {
        /// Where to write it: a file, or - for standard output [default: NAME.gold.toml
        /// beside NAME.txt].
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace a gold file that is already there.
        #[arg(long)]
        force: bool,
        /// The machine's reading alone: leave out the corrections in NAME.debrief.toml.
        #[arg(long)]
        no_corrections: bool,
        /// The briefing (UTF-8 text).
        path: PathBuf,
    },
    /// Fit the section model on gold-read briefings (NAME.txt beside NAME.gold.toml) and
    /// report its document-level cross-validation.
    #[cfg(feature = "train")]
    #[command(after_help = EXIT_STATUS_HELP)]
    Train(crate::train::command::TrainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

fn parse_date_arg(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

/// A failure with the exit status it should give.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error("{0}")]
    Runtime(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input { .. } | CliError::Config(_) | CliError::Discover(_) => EXIT_USAGE,
            CliError::Runtime(_) => EXIT_FAILURE,
        }
    }
}

pub use crate::shown::shown_path;

/// Reads a briefing's bytes from a path, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    let shown = shown_path(path);
    let fail = |message: String| CliError::Input {
        path: shown.clone(),
        message,
    };
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err(fail("is a directory, not a briefing file".into()));
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => fail("no such file".into()),
        std::io::ErrorKind::PermissionDenied => fail("permission denied".into()),
        _ => fail(e.to_string()),
    })
}

/// The section model: the shipped one, or the retrained weights file the configuration names.
pub fn section_model(path: Option<&Path>) -> Result<Arc<SectionModel>, CliError> {
    let Some(path) = path else {
        return Ok(SectionModel::embedded());
    };
    let shown = shown_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Config(format!("{shown}: cannot read the model: {e}")))?;
    let model = SectionModel::parse(&text)
        .map_err(|e| CliError::Config(format!("{shown}: {}", e.replace('\n', " "))))?;
    Ok(Arc::new(model))
}

/// Reads and analyses one briefing, with its corrections applied.
pub fn load_path(path: &Path, options: &Options) -> Result<Briefing, CliError> {
    load_path_as(path, options, Reading::Corrected)
}

/// Reads and analyses one briefing, giving the reading asked for.
pub fn load_path_as(
    path: &Path,
    options: &Options,
    reading: Reading,
) -> Result<Briefing, CliError> {
    let bytes = read_input(path)?;
    let machine = loader::load_owned(bytes, options).map_err(|e: LoadError| CliError::Input {
        path: shown_path(path),
        message: e.to_string(),
    })?;
    Ok(match reading {
        Reading::Corrected if path != Path::new("-") => {
            crate::corrections::file::open(path, machine)
        }
        _ => machine,
    })
}

/// The gold file written for a briefing when no `--output` is given: `NAME.gold.toml`.
pub fn gold_path_for(path: &Path) -> Option<PathBuf> {
    let mut name = path.file_stem()?.to_os_string();
    name.push(".gold.toml");
    Some(path.with_file_name(name))
}

/// Runs `debrief export-gold`.
pub fn export_gold(
    path: &Path,
    output: Option<&Path>,
    force: bool,
    reading: Reading,
    options: &Options,
) -> Result<(), CliError> {
    let shown = shown_path(path);
    let bytes = read_input(path)?;
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return Err(CliError::Input {
            path: shown,
            message: "is not UTF-8 text, which the corpus format is".into(),
        });
    };
    let machine = loader::load_owned(bytes, options).map_err(|e| CliError::Input {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    let briefing = match reading {
        Reading::Corrected if path != Path::new("-") => {
            crate::corrections::file::open(path, machine)
        }
        _ => machine,
    };
    for w in &briefing.warnings {
        say(format_args!("debrief: {shown}: warning: {w}"));
    }
    let gold = crate::corrections::gold::export(&briefing, &text);
    for n in &gold.notes {
        say(format_args!("debrief: {shown}: note: {n}"));
    }
    let target = match output {
        Some(o) => o.to_path_buf(),
        None => gold_path_for(path)
            .filter(|_| path != Path::new("-"))
            .ok_or_else(|| {
                CliError::Config(
                    "a briefing from standard input needs --output FILE or --output -".into(),
                )
            })?,
    };
    if target == Path::new("-") {
        let mut out = std::io::stdout().lock();
        let _ = out
            .write_all(gold.text.as_bytes())
            .and_then(|()| out.flush());
        return Ok(());
    }
    let shown_target = shown_path(&target);
    if target.exists() && !force {
        return Err(CliError::Input {
            path: shown_target,
            message: "already exists; --force replaces it".into(),
        });
    }
    crate::corrections::file::write_atomic(&target, gold.text.as_bytes())
        .map_err(|e| CliError::Runtime(format!("{shown_target}: cannot be written: {e}")))?;
    say(format_args!(
        "debrief: wrote {shown_target}: {} sentences, {} time expressions",
        gold.sentences, gold.times
    ));
    Ok(())
}

/// Runs `debrief analyze`.
///
/// One file (or `-`) prints exactly as it always has: one JSON object, no `path`. A folder or
/// several paths print one document per line (JSON Lines), each object with a `path` field
/// first, in discovery order (the paths as given, a folder's files sorted by path), not the
/// library's date order, so the output of a folder is the same from run to run. Documents
/// are analysed on all cores. A document that cannot be read or analysed is a one-line
/// warning and the others still print; only if none could be analysed is it an error.
pub fn analyze(
    paths: &[PathBuf],
    recursive: bool,
    format: OutputFormat,
    reading: Reading,
    options: &Options,
    quiet: bool,
) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, Stdout::open());
    if let [path] = paths
        && !path.is_dir()
    {
        let briefing = load_path_as(path, options, reading)?;
        // A closed stdout (piped into head) ends the output quietly.
        let _ = write_document(&mut out, path, &briefing, format, false);
        // The process ends next: freeing a large analysis piece by piece would only cost time.
        std::mem::forget(briefing);
        return Ok(());
    }
    let found = library::discover(paths, recursive)?;
    if !quiet {
        for note in &found.skipped {
            say(format_args!("debrief: note: {note}"));
        }
    }
    let total = found.files.len();
    let jobs = found
        .files
        .into_iter()
        .enumerate()
        .map(|(i, p)| (DocId(i), p));
    let results = library::spawn_as(jobs.collect(), options.clone(), reading);
    // Workers finish out of order; hold the few that run ahead until their turn.
    let mut waiting = BTreeMap::new();
    let (mut next, mut printed) = (0, 0);
    for loaded in results {
        waiting.insert(loaded.doc.0, loaded);
        while let Some(loaded) = waiting.remove(&next) {
            next += 1;
            match loaded.result {
                Ok(b) => {
                    if write_document(&mut out, &loaded.path, &b, format, true).is_err() {
                        return Ok(());
                    }
                    printed += 1;
                }
                Err(e) => say(format_args!("debrief: {}: {e}", shown_path(&loaded.path))),
            }
        }
    }
    if printed == 0 {
        return Err(CliError::Input {
            path: paths[0].display().to_string(),
            message: format!("none of the {total} briefings could be analysed"),
        });
    }
    Ok(())
}

fn write_document(
    out: &mut impl Write,
    path: &Path,
    briefing: &Briefing,
    format: OutputFormat,
    several: bool,
) -> std::io::Result<()> {
    for w in &briefing.warnings {
        say(format_args!("debrief: {}: warning: {w}", shown_path(path)));
    }
    match (format, several) {
        (OutputFormat::Json, false) => report::write_json(out, briefing, None)?,
        (OutputFormat::Json, true) => {
            report::write_json(out, briefing, Some(&shown_path(path)))?;
        }
        (OutputFormat::Text, false) => writeln!(out, "{}", report::text(briefing))?,
        (OutputFormat::Text, true) => writeln!(
            out,
            "==> {} <==\n{}",
            shown_path(path),
            report::text(briefing)
        )?,
    }
    out.flush()
}

/// Standard output for the analysis: written in large blocks, so not through the standard
/// library's line buffer, which looks for the last newline in every block it is given. Falls
/// back to that when the descriptor cannot be duplicated.
enum Stdout {
    File(std::fs::File),
    Std(std::io::StdoutLock<'static>),
}

impl Stdout {
    fn open() -> Stdout {
        use std::os::fd::AsFd;
        let stdout = std::io::stdout();
        match stdout.as_fd().try_clone_to_owned() {
            Ok(fd) => Stdout::File(std::fs::File::from(fd)),
            Err(_) => Stdout::Std(stdout.lock()),
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stdout::File(f) => f.write(buf),
            Stdout::Std(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stdout::File(f) => f.flush(),
            Stdout::Std(s) => s.flush(),
        }
    }
}

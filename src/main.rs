//! `debrief`: open a briefing in the reader, or print its analysis.

use clap::Parser;
use debrief::cli::{self, Cli, CliError, ColorChoice, Command};
use debrief::config::Config;
use debrief::library::{self, Library};
use debrief::loader::{self, Lexicon, Options};
use debrief::model::Briefing;
use debrief::tui;
use std::io::IsTerminal;
use std::sync::Arc;

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        cli::say(format_args!("debrief: {e}"));
        std::process::exit(e.exit_code());
    }
}

fn reading(no_corrections: bool) -> library::Reading {
    if no_corrections {
        library::Reading::Machine
    } else {
        library::Reading::Corrected
    }
}

/// What the reader opens: one briefing (with the name it is shown under), or a library.
enum Opened {
    One(Box<Briefing>, String, Option<std::path::PathBuf>),
    Library(Library),
}

fn run(cli: Cli) -> Result<(), CliError> {
    let config =
        Config::load(cli.common.config.as_deref()).map_err(|e| CliError::Config(e.to_string()))?;
    // `--quiet`, or `quiet = true` in the configuration.
    let quiet = cli.common.quiet || config.quiet;
    let model = cli::section_model(config.model.as_deref())?;
    let options = Options {
        date: cli.common.date,
        model,
        lexicon: Arc::new(Lexicon::with_additions(&config.lexicon)),
    };
    match cli.command {
        Some(Command::Analyze {
            format,
            recursive,
            no_corrections,
            paths,
        }) => cli::analyze(
            &paths,
            recursive,
            format,
            reading(no_corrections),
            &options,
            quiet,
        ),
        Some(Command::ExportGold {
            output,
            force,
            no_corrections,
            path,
        }) => cli::export_gold(
            &path,
            output.as_deref(),
            force,
            reading(no_corrections),
            &options,
        ),
        #[cfg(feature = "train")]
        Some(Command::Train(args)) => debrief::train::command::run(&args, &options),
        None => {
            // Everything that can fail on input happens before the terminal is touched.
            let opened = match cli.paths.as_slice() {
                [] => {
                    let b = loader::load(cli::SAMPLE.as_bytes(), &options).map_err(|e| {
                        CliError::Input {
                            path: cli::SAMPLE_NAME.into(),
                            message: e.to_string(),
                        }
                    })?;
                    Opened::One(Box::new(b), cli::SAMPLE_NAME.to_owned(), None)
                }
                [path] if !path.is_dir() => {
                    let b = cli::load_path(path, &options)?;
                    Opened::One(Box::new(b), cli::shown_path(path), Some(path.clone()))
                }
                paths => {
                    let found = library::discover(paths, cli.recursive)?;
                    if !quiet {
                        for note in &found.skipped {
                            cli::say(format_args!("debrief: note: {note}"));
                        }
                    }
                    Opened::Library(Library::from_discovery(found))
                }
            };
            if !std::io::stdout().is_terminal() {
                return Err(CliError::Config(
                    "standard output is not a terminal; use `debrief analyze` for a report".into(),
                ));
            }
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => !no_color,
            };
            let display = tui::Display::from_env(color, cli.ascii);
            match opened {
                Opened::One(briefing, name, path) => {
                    tui::run(*briefing, &name, path.as_deref(), &config, display)
                        .map(tui::Ending::finish)
                }
                Opened::Library(lib) => {
                    tui::run_library(lib, &cli.paths, cli.recursive, &options, &config, display)
                        .map(tui::Ending::finish)
                }
            }
            .map_err(|e| CliError::Runtime(format!("{e:#}")))
        }
    }
}

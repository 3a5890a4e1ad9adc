//! `debrief`: open a briefing in the reader, or print its analysis.

use clap::Parser;
use debrief::cli::{self, Cli, CliError, ColorChoice, Command};
use debrief::config::Config;
use debrief::loader::{self, Lexicon, Options};
use debrief::tui;
use std::io::IsTerminal;
use std::sync::Arc;

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("debrief: {e}");
        std::process::exit(e.exit_code());
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let config =
        Config::load(cli.common.config.as_deref()).map_err(|e| CliError::Config(e.to_string()))?;
    let options = Options {
        date: cli.common.date,
        lexicon: Arc::new(Lexicon::with_additions(&config.lexicon)),
    };
    match cli.command {
        Some(Command::Analyze {
            format,
            recursive,
            paths,
        }) => cli::analyze(&paths, recursive, format, &options),
        None => {
            // Everything that can fail on input happens before the terminal is touched.
            let (briefing, name) = match cli.paths.as_slice() {
                [] => {
                    let b = loader::load(cli::SAMPLE.as_bytes(), &options).map_err(|e| {
                        CliError::Input {
                            path: cli::SAMPLE_NAME.into(),
                            message: e.to_string(),
                        }
                    })?;
                    (b, cli::SAMPLE_NAME.to_owned())
                }
                [path] if path.is_dir() => {
                    return Err(CliError::Input {
                        path: path.display().to_string(),
                        message: "opening a folder in the reader is not supported yet; use `debrief analyze` on it".into(),
                    });
                }
                [path] => (cli::load_path(path, &options)?, path.display().to_string()),
                _ => {
                    return Err(CliError::Config(
                        "the reader opens one briefing at a time (use `debrief analyze` for several)".into(),
                    ));
                }
            };
            if !std::io::stdout().is_terminal() {
                return Err(CliError::Config(
                    "standard output is not a terminal; use `debrief analyze` for a report".into(),
                ));
            }
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let display = tui::Display {
                color: match cli.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => !no_color,
                },
                ascii: cli.ascii,
            };
            tui::run(briefing, &name, &config, display)
                .map_err(|e| CliError::Runtime(format!("{e:#}")))
        }
    }
}

//! `debrief`: open a briefing in the reader, or print its analysis.

use clap::Parser;
use debrief::cli::{self, Cli, CliError, ColorChoice, Command, OutputFormat};
use debrief::config::Config;
use debrief::loader::{self, Lexicon, Options};
use debrief::{report, tui};
use std::io::{IsTerminal, Write};
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
        Some(Command::Analyze { format, paths }) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for path in &paths {
                let briefing = cli::load_path(path, &options)?;
                for w in &briefing.warnings {
                    eprintln!("debrief: {}: warning: {w}", path.display());
                }
                let written = match format {
                    OutputFormat::Json => report::write_json(&mut out, &briefing),
                    OutputFormat::Text => writeln!(out, "{}", report::text(&briefing)),
                };
                // A closed stdout (piped into head) ends the output quietly.
                if written.and_then(|()| out.flush()).is_err() {
                    return Ok(());
                }
            }
            Ok(())
        }
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
            let color = match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => !no_color,
            };
            let display = tui::Display::from_env(color, cli.ascii);
            tui::run(briefing, &name, &config, display)
                .map(tui::Ending::finish)
                .map_err(|e| CliError::Runtime(format!("{e:#}")))
        }
    }
}

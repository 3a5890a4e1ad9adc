//! `debrief`: open a briefing in the reader, or print its analysis.

use clap::Parser;
use debrief::cli::{self, Cli, CliError, Command, OutputFormat};
use debrief::loader::{Lexicon, Options};
use debrief::report;
use std::io::Write;
use std::sync::Arc;

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("debrief: {e}");
        std::process::exit(e.exit_code());
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let config = debrief::config::Config::default();
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
                    eprintln!("debrief: {}: warning: {w}", cli::shown_path(path));
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
        None => Err(CliError::Runtime(
            "the reader is not built yet; use `debrief analyze`".into(),
        )),
    }
}

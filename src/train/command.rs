//! The `debrief train` command: read the corpus, cross-validate, fit on everything, write
//! the weights and say what weighs most.

use super::{Settings, cross_validate, fit, read_corpus, strongest_features, write};
use crate::cli::{CliError, say};
use crate::loader::Options;
use std::path::PathBuf;

/// Arguments of `debrief train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Folders of gold-read briefings (NAME.txt beside NAME.gold.toml).
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Folders of gold-read briefings used for training only: in every fold's training part,
    /// never held out, so the cross-validation measures the DIRS alone.
    #[arg(long, value_name = "DIR")]
    pub also: Vec<PathBuf>,
    /// Where to write the weights (for example assets/model/sections.toml); without it only
    /// the cross-validation is reported.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Number of cross-validation folds (documents held out together); 0 skips it.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// L2 regularisation strength.
    #[arg(long, default_value_t = Settings::default().alpha)]
    pub alpha: f64,
    /// Drop features seen in fewer training sentences than this.
    #[arg(long, default_value_t = Settings::default().min_count)]
    pub min_count: usize,
    /// How much of each section's log prior to take out of its bias (0 to 1): macro-F1
    /// weighs the sections alike.
    #[arg(long, default_value_t = Settings::default().prior_shift)]
    pub prior_shift: f64,
    /// What a word, opening word or cue phrase counts in fitting, against 1 for the general
    /// features (its weight is scaled back after): lower penalises particular words more.
    #[arg(long, default_value_t = Settings::default().word_scale)]
    pub word_scale: f64,
    /// The same for pairs of words (0 drops them).
    #[arg(long, default_value_t = Settings::default().pair_scale)]
    pub pair_scale: f64,
    /// Most iterations of the solver.
    #[arg(long, default_value_t = Settings::default().max_iterations)]
    pub max_iterations: u64,
    /// How many of the strongest features to list per section.
    #[arg(long, default_value_t = 12)]
    pub show: usize,
    /// List every held-out sentence the cross-validation decided wrongly.
    #[arg(long)]
    pub misses: bool,
}

/// Runs `debrief train`.
pub fn run(args: &TrainArgs, options: &Options) -> Result<(), CliError> {
    let input = |message: String| CliError::Input {
        path: args
            .dirs
            .first()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        message,
    };
    let settings = Settings {
        alpha: args.alpha,
        min_count: args.min_count,
        max_iterations: args.max_iterations,
        prior_shift: args.prior_shift,
        word_scale: args.word_scale,
        pair_scale: args.pair_scale,
    };
    if !(settings.alpha.is_finite() && settings.alpha >= 0.0) {
        return Err(CliError::Config("--alpha must be a number >= 0".into()));
    }
    for (name, v) in [
        ("--word-scale", settings.word_scale),
        ("--pair-scale", settings.pair_scale),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            return Err(CliError::Config(format!("{name} must be a number >= 0")));
        }
    }
    let docs = read_corpus(&args.dirs, options).map_err(input)?;
    let also = if args.also.is_empty() {
        Vec::new()
    } else {
        read_corpus(&args.also, options).map_err(input)?
    };
    let sentences: usize = docs.iter().map(|d| d.gold.iter().flatten().count()).sum();
    let unmatched: usize = docs.iter().map(|d| d.unmatched).sum();
    println!(
        "corpus: {} briefings, {sentences} gold sentences matched, {unmatched} anchors unmatched; {} more for training only",
        docs.len(),
        also.len()
    );
    let lexicon = &options.lexicon;
    if args.folds > 0 {
        let (pooled, folds, misses) = cross_validate(&docs, &also, args.folds, settings, lexicon)
            .map_err(CliError::Runtime)?;
        if args.misses {
            for m in &misses {
                println!(
                    "miss: {}: gold {} decided {}: {}",
                    m.doc,
                    m.gold.as_str(),
                    m.decided.as_str(),
                    m.text
                );
            }
        }
        println!(
            "cross-validation, {} folds of whole briefings:",
            folds.len()
        );
        for (i, f) in folds.iter().enumerate() {
            println!("  fold {}: {}", i + 1, f.line());
        }
        println!("  pooled: {}", pooled.line());
        let c = &pooled.confusion;
        println!("  confusion (gold row, decided column; allegation denial response context):");
        for (s, row) in crate::model::Section::ALL.iter().zip(c) {
            println!("    {:<10} {:?}", s.as_str(), row);
        }
    }
    let all: Vec<_> = docs.iter().chain(&also).collect();
    let model = fit(&all, settings, lexicon).map_err(CliError::Runtime)?;
    println!(
        "fitted on all {} briefings: {} features; on its own training sentences: {}",
        all.len(),
        model.features().len(),
        super::evaluate(&all, &model, lexicon).line()
    );
    for (section, top) in strongest_features(&model, args.show) {
        let list: Vec<String> = top
            .iter()
            .map(|(name, w)| format!("{name} {w:+.2}"))
            .collect();
        println!("  {}: {}", section.as_str(), list.join(", "));
    }
    if let Some(out) = &args.output {
        write_atomically(out, &write(&model)).map_err(|e| CliError::Runtime(e.to_string()))?;
        say(format_args!("debrief: wrote {}", out.display()));
    }
    Ok(())
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

//! `debrief train`: fits the section model on gold-read briefings and measures it.
//!
//! Each gold-read briefing is analysed by the loader; every sentence's features (the very
//! extraction prediction uses, [`crate::loader::features`]) become a row, labelled with the
//! gold section, the previous sentence's gold section standing in for the decided one. The
//! rows are fitted by linfa's multinomial logistic regression (L-BFGS, L2-regularised); the
//! weights file records the settings and every file trained on with its SHA-256, so a test
//! can retrain from exactly those files and compare. Inputs are sorted and the solver has no
//! randomness, so the same files give the same weights.
//!
//! Cross-validation holds out whole documents: fold `k` of `K` is every `K`-th briefing in
//! name order; held-out briefings are decided sentence by sentence as the loader does, each
//! sentence seeing the section decided (not the gold one) for the sentence before.

pub mod command;
pub mod gold;

use crate::loader::classify;
use crate::loader::features::{Extractor, Kind, Sink};
use crate::loader::sections::{SectionModel, TrainedOn, Training};
use crate::loader::{Lexicon, Options};
use crate::model::Section;
use gold::GoldDoc;
use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;

/// How the weights are fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// L2 regularisation strength (linfa's `alpha`).
    pub alpha: f64,
    /// Features seen in fewer training sentences than this are dropped.
    pub min_count: usize,
    pub max_iterations: u64,
    /// How much of each section's log prior is taken out of its bias (0: none, 1: all).
    pub prior_shift: f64,
    /// What a word, opening word or cue phrase counts in fitting (its weight is scaled back
    /// after): below 1, the L2 penalty weighs on them more than on the general features, so
    /// the model leans on kinds of words rather than memorising particular ones; 0 drops them.
    pub word_scale: f64,
    /// The same for pairs of words.
    pub pair_scale: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            alpha: 2.0,
            min_count: 3,
            max_iterations: 300,
            prior_shift: 0.0,
            word_scale: 0.5,
            pair_scale: 0.0,
        }
    }
}

/// Every gold-read briefing in `dirs`, analysed, in name order.
pub fn read_corpus(dirs: &[PathBuf], options: &Options) -> Result<Vec<GoldDoc>, String> {
    gold::find(dirs)?
        .into_iter()
        .map(|(name, text, gold)| gold::read(&name, &text, &gold, options))
        .collect()
}

/// One sentence's features, summed by name.
type Row = BTreeMap<String, f32>;

#[derive(Default)]
struct Collect(Row);

impl Sink for Collect {
    fn feature(&mut self, _kind: Kind, parts: &[&str], value: f32, _at: Option<Range<usize>>) {
        *self.0.entry(parts.concat()).or_insert(0.0) += value;
    }
}

/// How much a feature counts in fitting, by its name's kind (see [`Settings::word_scale`]).
fn scale_of(name: &str, settings: &Settings) -> f64 {
    if name.starts_with("b:") {
        settings.pair_scale
    } else if name.starts_with("w:") || name.starts_with("open:") || name.starts_with("p:") {
        settings.word_scale
    } else {
        1.0
    }
}

/// Runs the extraction over a briefing's sentences, in order; `previous(i, decided)` gives the
/// section the sentence before `i` counts as, from the sections decided so far.
fn each_sentence(
    doc: &GoldDoc,
    lexicon: &Lexicon,
    mut previous: impl FnMut(usize, &[Section]) -> Option<Section>,
    mut decide: impl FnMut(usize, &mut Extractor, &dyn Fn(&mut Extractor, &mut dyn Sink)) -> Section,
) -> Vec<Section> {
    let b = &doc.briefing;
    let mut extractor = Extractor::default();
    let mut decided = Vec::with_capacity(b.sentences.len());
    let mut index_in_paragraph = 0;
    let home = classify::home_party(&b.sentences, &b.sources);
    let scans: Vec<_> = b.sentences.iter().map(|s| lexicon.scan(&s.text)).collect();
    let cues: Vec<_> = b
        .sentences
        .iter()
        .zip(&scans)
        .map(|(s, scan)| classify::live_cues(&s.text, scan))
        .collect();
    for (i, s) in b.sentences.iter().enumerate() {
        let prev = previous(i, &decided);
        let ctx = classify::context(
            &b.sentences,
            i,
            &b.sources,
            b.format,
            prev,
            &mut index_in_paragraph,
        );
        let next_cues = classify::next_cues(&b.sentences, i, cues.get(i + 1).map(Vec::as_slice));
        let ctx = crate::loader::features::Context {
            home_party: home,
            next_cues,
            ..ctx
        };
        let (scan, cues) = (&scans[i], &cues[i]);
        let run = |ex: &mut Extractor, sink: &mut dyn Sink| {
            classify::sentence_features(s, scan, cues, &ctx, ex, sink);
        };
        decided.push(decide(i, &mut extractor, &run));
    }
    decided
}

/// The training rows of a briefing: each gold-labelled sentence's features and section.
fn rows(doc: &GoldDoc, lexicon: &Lexicon) -> Vec<(Row, Section)> {
    let mut out = Vec::new();
    each_sentence(
        doc,
        lexicon,
        |i, _| i.checked_sub(1).and_then(|p| doc.gold[p]),
        |i, ex, run| {
            let mut c = Collect::default();
            run(ex, &mut c);
            if let Some(g) = doc.gold[i] {
                out.push((c.0, g));
            }
            doc.gold[i].unwrap_or(Section::Context)
        },
    );
    out
}

/// The sections `model` decides for a briefing, sentence by sentence.
pub fn predict(doc: &GoldDoc, model: &SectionModel, lexicon: &Lexicon) -> Vec<Section> {
    let mut scorer = model.scorer();
    each_sentence(
        doc,
        lexicon,
        |i, decided| i.checked_sub(1).map(|p| decided[p]),
        |_, ex, run| {
            scorer.reset();
            run(ex, &mut scorer);
            scorer.best()
        },
    )
}

/// Fits the section model on `docs`.
pub fn fit(
    docs: &[&GoldDoc],
    settings: Settings,
    lexicon: &Lexicon,
) -> Result<SectionModel, String> {
    let rows: Vec<(Row, Section)> = docs.iter().flat_map(|d| rows(d, lexicon)).collect();
    if Section::ALL
        .iter()
        .any(|s| !rows.iter().any(|(_, g)| g == s))
    {
        return Err("the gold files must hold sentences of all four sections".into());
    }
    // The vocabulary: features of at least `min_count` sentences, in name order.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (row, _) in &rows {
        for name in row.keys() {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    let names: Vec<&str> = counts
        .into_iter()
        .filter(|&(name, n)| n >= settings.min_count && scale_of(name, &settings) > 0.0)
        .map(|(name, _)| name)
        .collect();
    let column: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut x = ndarray::Array2::<f64>::zeros((rows.len(), names.len()));
    let mut y = ndarray::Array1::<usize>::zeros(rows.len());
    for (r, (row, section)) in rows.iter().enumerate() {
        for (name, v) in row {
            if let Some(&c) = column.get(name.as_str()) {
                x[[r, c]] = f64::from(*v) * scale_of(name, &settings);
            }
        }
        y[r] = section.index();
    }
    let fitted = MultiLogisticRegression::default()
        .alpha(settings.alpha)
        .max_iterations(settings.max_iterations)
        .fit(&Dataset::new(x, y))
        .map_err(|e| format!("fitting failed: {e}"))?;
    // linfa orders its classes by label: put each column back in Section::ALL order.
    let order: Vec<usize> = fitted.classes().to_vec();
    let params = fitted.params();
    let intercept = fitted.intercept();
    let mut bias = [0f32; 4];
    for (j, &class) in order.iter().enumerate() {
        bias[class] = intercept[j] as f32;
    }
    // Macro-F1 weighs the four sections alike, and a fitted model leans to the commonest:
    // part of each section's prior is taken out of its bias.
    let total = rows.len() as f64;
    for s in Section::ALL {
        let n = rows.iter().filter(|(_, g)| *g == s).count() as f64;
        bias[s.index()] -= (settings.prior_shift * (n / total).ln()) as f32;
    }
    let weights = names.iter().enumerate().map(|(i, name)| {
        let mut w = [0f32; 4];
        let scale = scale_of(name, &settings);
        for (j, &class) in order.iter().enumerate() {
            w[class] = (params[[i, j]] * scale) as f32;
        }
        ((*name).to_owned(), w)
    });
    let training = Training {
        alpha: settings.alpha,
        prior_shift: settings.prior_shift,
        min_count: settings.min_count,
        max_iterations: settings.max_iterations,
        word_scale: settings.word_scale,
        pair_scale: settings.pair_scale,
        files: docs
            .iter()
            .map(|d| TrainedOn {
                file: d.name.clone(),
                text_sha256: d.text_sha256.clone(),
                gold_sha256: d.gold_sha256.clone(),
            })
            .collect(),
    };
    SectionModel::from_weights(bias, weights, training)
}

/// A confusion matrix of sections, gold by row, decided by column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub confusion: [[usize; 4]; 4],
}

impl Scores {
    pub fn add(&mut self, gold: Section, decided: Section) {
        self.confusion[gold.index()][decided.index()] += 1;
    }

    pub fn total(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..4).map(|i| self.confusion[i][i]).sum();
        ratio(right, self.total())
    }

    /// F1 of one section.
    pub fn f1(&self, s: Section) -> f64 {
        let k = s.index();
        let tp = self.confusion[k][k];
        let gold: usize = self.confusion[k].iter().sum();
        let decided: usize = (0..4).map(|g| self.confusion[g][k]).sum();
        let (p, r) = (ratio(tp, decided), ratio(tp, gold));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The mean of the four sections' F1.
    pub fn macro_f1(&self) -> f64 {
        Section::ALL.iter().map(|&s| self.f1(s)).sum::<f64>() / 4.0
    }

    /// One line: accuracy, macro-F1 and each section's F1.
    pub fn line(&self) -> String {
        let mut out = format!(
            "sentences {}  accuracy {:.3}  macro-F1 {:.3}",
            self.total(),
            self.accuracy(),
            self.macro_f1()
        );
        for s in Section::ALL {
            let _ = write!(out, "  {} {:.2}", s.as_str(), self.f1(s));
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores `model`'s decisions on `docs` against their gold sections.
pub fn evaluate(docs: &[&GoldDoc], model: &SectionModel, lexicon: &Lexicon) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        for (g, p) in d.gold.iter().zip(predict(d, model, lexicon)) {
            if let Some(g) = g {
                scores.add(*g, p);
            }
        }
    }
    scores
}

/// A held-out sentence the cross-validation decided wrongly.
#[derive(Debug, Clone)]
pub struct Miss {
    pub doc: String,
    pub text: String,
    pub gold: Section,
    pub decided: Section,
}

/// Document-level `k`-fold cross-validation: the pooled scores, each fold's, and the
/// sentences decided wrongly.
/// Briefings in `always` are in every fold's training part and never held out.
pub fn cross_validate(
    docs: &[GoldDoc],
    always: &[GoldDoc],
    k: usize,
    settings: Settings,
    lexicon: &Lexicon,
) -> Result<(Scores, Vec<Scores>, Vec<Miss>), String> {
    let k = k.clamp(2, docs.len().max(2));
    let mut pooled = Scores::default();
    let mut folds = Vec::new();
    let mut misses = Vec::new();
    for fold in 0..k {
        let held_out = |i: usize| i % k == fold;
        let test: Vec<&GoldDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| held_out(*i))
            .map(|(_, d)| d)
            .collect();
        let train: Vec<&GoldDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| !held_out(*i))
            .map(|(_, d)| d)
            .chain(always)
            .collect();
        if test.is_empty() {
            continue;
        }
        let model = fit(&train, settings, lexicon)?;
        let s = evaluate(&test, &model, lexicon);
        for d in &test {
            let decided = predict(d, &model, lexicon);
            for ((g, p), sentence) in d.gold.iter().zip(decided).zip(&d.briefing.sentences) {
                if let Some(g) = g.filter(|g| *g != p) {
                    misses.push(Miss {
                        doc: d.name.clone(),
                        text: sentence.text.clone(),
                        gold: g,
                        decided: p,
                    });
                }
            }
        }
        for g in 0..4 {
            for p in 0..4 {
                pooled.confusion[g][p] += s.confusion[g][p];
            }
        }
        folds.push(s);
    }
    Ok((pooled, folds, misses))
}

/// The weights file: settings, the files trained on, the bias and every feature's weights,
/// to four decimals, features whose weights all round to zero left out.
pub fn write(model: &SectionModel) -> String {
    let mut out = String::new();
    out.push_str(
        "# debrief's section model: multinomial logistic regression weights, written by\n\
         # `debrief train` (see the README: \"The section model\"). Do not edit by hand: retrain.\n\
         # Each weight list is in the order of `sections`; a sentence's score for a section is\n\
         # its bias plus the weights of the features it has (times their values).\n",
    );
    out.push_str("sections = [\"allegation\", \"denial\", \"response\", \"context\"]\n");
    let _ = writeln!(out, "bias = {}", list(model.bias()));
    let t = &model.training;
    let _ = write!(
        out,
        "\n[training]\nalpha = {:?}\nprior_shift = {:?}\nword_scale = {:?}\npair_scale = {:?}\nmin_count = {}\nmax_iterations = {}\nfiles = [\n",
        t.alpha, t.prior_shift, t.word_scale, t.pair_scale, t.min_count, t.max_iterations
    );
    for f in &t.files {
        let _ = writeln!(
            out,
            "  {{ file = {}, text_sha256 = \"{}\", gold_sha256 = \"{}\" }},",
            quoted(&f.file),
            f.text_sha256,
            f.gold_sha256
        );
    }
    out.push_str("]\n\n[weights]\n");
    for (name, w) in model.features() {
        if w.iter().all(|v| v.abs() < 0.000_05) {
            continue;
        }
        let _ = writeln!(out, "{} = {}", quoted(name), list(w));
    }
    out
}

fn list(w: [f32; 4]) -> String {
    let r = |v: f32| {
        let s = format!("{v:.4}");
        if s == "-0.0000" {
            "0.0000".to_owned()
        } else {
            s
        }
    };
    format!("[{}, {}, {}, {}]", r(w[0]), r(w[1]), r(w[2]), r(w[3]))
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether two models carry the same weights, within `tolerance` (a feature one of them
/// lacks counts as zero there); the error names the first difference.
pub fn same_weights(a: &SectionModel, b: &SectionModel, tolerance: f32) -> Result<(), String> {
    let close = |x: f32, y: f32| (x - y).abs() <= tolerance;
    if !a.bias().iter().zip(b.bias()).all(|(x, y)| close(*x, y)) {
        return Err(format!("bias {:?} != {:?}", a.bias(), b.bias()));
    }
    let names: std::collections::BTreeSet<&str> = a
        .features()
        .into_iter()
        .chain(b.features())
        .map(|(n, _)| n)
        .collect();
    for name in names {
        let (x, y) = (
            a.weight(name).unwrap_or_default(),
            b.weight(name).unwrap_or_default(),
        );
        if !x.iter().zip(y).all(|(x, y)| close(*x, y)) {
            return Err(format!("feature {name:?}: {x:?} != {y:?}"));
        }
    }
    Ok(())
}

/// The features that weigh most for each section (against the mean of the others).
pub fn strongest_features(model: &SectionModel, n: usize) -> Vec<(Section, Vec<(String, f32)>)> {
    Section::ALL
        .iter()
        .map(|&s| {
            let k = s.index();
            let mut v: Vec<(String, f32)> = model
                .features()
                .into_iter()
                .map(|(name, w)| {
                    let others = (w.iter().sum::<f32>() - w[k]) / 3.0;
                    (name.to_owned(), w[k] - others)
                })
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(n);
            (s, v)
        })
        .collect()
}

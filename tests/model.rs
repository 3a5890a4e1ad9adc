//! The shipped section model: it parses, it is what `debrief train` makes of the files it
//! records, and it is the model the loader uses.

use debrief::loader::SectionModel;
use debrief::loader::sections::EMBEDDED_MODEL;
use debrief::train::{self, Settings};
use std::path::{Path, PathBuf};

/// Where the files a model records are looked for: `dev/NAME.txt` and `train/NAME.txt` in
/// the shared corpus (`DEBRIEF_CORPUS`, or `../shared/corpus` beside the project), the
/// team's own briefings (`corpus/NAME.txt`) in `assets/`.
fn roots() -> Vec<PathBuf> {
    let mut r = Vec::new();
    if let Some(c) = std::env::var_os("DEBRIEF_CORPUS") {
        r.push(PathBuf::from(c));
    }
    r.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    r.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"));
    r
}

fn locate(name: &str) -> Option<PathBuf> {
    roots()
        .into_iter()
        .map(|r| r.join(name))
        .find(|p| p.is_file())
}

#[test]
fn the_shipped_model_parses_and_records_what_it_was_trained_on() {
    let m = SectionModel::parse(EMBEDDED_MODEL).expect("parses");
    assert!(m.features().len() > 100, "{} features", m.features().len());
    assert!(!m.training.files.is_empty());
    for f in &m.training.files {
        assert_eq!(f.text_sha256.len(), 64, "{}", f.file);
        assert_eq!(f.gold_sha256.len(), 64, "{}", f.file);
    }
}

#[test]
fn a_broken_weights_file_is_an_error_not_a_panic() {
    for (text, needle) in [
        ("sections = 3", "invalid type"),
        (
            "sections = [\"context\", \"denial\", \"response\", \"allegation\"]\nbias = [0.0, 0.0, 0.0, 0.0]\n[training]\nalpha = 1.0\nmin_count = 1\nmax_iterations = 1\nfiles = []\n[weights]\n",
            "sections must be",
        ),
        (
            "sections = [\"allegation\", \"denial\", \"response\", \"context\"]\nbias = [0.0, 0.0]\n",
            "bias",
        ),
    ] {
        let e = SectionModel::parse(text).expect_err(text);
        assert!(e.contains(needle), "{e}");
    }
}

/// Retrains from exactly the files the shipped model records (checked by their hashes) and
/// compares the weights. Skipped, saying so, only where the shared corpus is not on this
/// machine; a recorded file that is there but changed fails.
#[test]
fn retraining_on_the_recorded_files_reproduces_the_shipped_weights() {
    let shipped = SectionModel::parse(EMBEDDED_MODEL).expect("parses");
    let files = &shipped.training.files;
    let found: Vec<Option<PathBuf>> = files.iter().map(|f| locate(&f.file)).collect();
    if found.iter().any(Option::is_none) {
        let missing = found.iter().filter(|f| f.is_none()).count();
        eprintln!(
            "skipped: {missing} of the {} files the model was trained on are not on this machine \
             (set DEBRIEF_CORPUS to the corpus folder)",
            files.len()
        );
        return;
    }
    let options = debrief::loader::Options::default();
    let mut docs = Vec::new();
    for (f, path) in files.iter().zip(found.into_iter().flatten()) {
        let gold = path.with_file_name(
            path.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".txt"))
                .map(|stem| format!("{stem}.gold.toml"))
                .expect("a .txt name"),
        );
        let doc = train::gold::read(&f.file, &path, &gold, &options).expect("reads");
        assert_eq!(
            (&doc.text_sha256, &doc.gold_sha256),
            (&f.text_sha256, &f.gold_sha256),
            "{} changed since the model was trained: retrain (see the README)",
            f.file
        );
        docs.push(doc);
    }
    let t = &shipped.training;
    let settings = Settings {
        alpha: t.alpha,
        min_count: t.min_count,
        max_iterations: t.max_iterations,
        prior_shift: t.prior_shift,
        word_scale: t.word_scale,
        pair_scale: t.pair_scale,
    };
    let refs: Vec<_> = docs.iter().collect();
    let model = train::fit(&refs, settings, &options.lexicon).expect("fits");
    train::same_weights(&model, &shipped, 2e-3).expect("the same weights");
    // Gold files the model has not seen: a retrain is due (not a failure).
    let known: std::collections::BTreeSet<&str> = files.iter().map(|f| f.file.as_str()).collect();
    for root in roots() {
        for sub in ["dev", "train", "corpus"] {
            let Ok(found) = train::gold::find(&[root.join(sub)]) else {
                continue;
            };
            let new: Vec<_> = found
                .iter()
                .filter(|(name, ..)| !known.contains(name.as_str()))
                .collect();
            if !new.is_empty() {
                eprintln!(
                    "note: {} gold-read briefings in {} are newer than the model: a retrain is due",
                    new.len(),
                    root.join(sub).display()
                );
            }
        }
    }
}

#[test]
fn the_loader_decides_with_the_shipped_model() {
    // The loader's sections are the model's: a sentence the model scores as a denial is one.
    let b = debrief::loader::load(
        "The ministry rejected the accusations as groundless and fabricated.".as_bytes(),
        &debrief::loader::Options::default(),
    )
    .expect("loads");
    assert_eq!(b.sentences[0].section, debrief::model::Section::Denial);
    assert!(!b.sentences[0].cues.is_empty());
}

#[test]
fn the_loader_uses_the_weights_the_file_holds() {
    // The loader's model comes from tables build.rs makes of the file: the same weights.
    let parsed = SectionModel::parse(EMBEDDED_MODEL).expect("parses");
    let built = SectionModel::embedded();
    train::same_weights(&parsed, &built, 0.0).expect("the same");
    assert_eq!(parsed.training, built.training);
}

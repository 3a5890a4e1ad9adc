//! The section model: a multinomial logistic regression over the features of
//! [`super::features`], trained by `debrief train` on gold-read briefings. Prediction is a
//! dot product per section: the bias plus the weight of every feature the sentence has.
//!
//! The shipped weights live in `assets/model/sections.toml` (embedded, read on first use); a
//! user's retrained file is named by `model = "..."` in the `[analysis]` part of the config.

use super::features::{Kind, Sink};
use crate::model::Section;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// The shipped weights as written (the loader uses the tables `build.rs` makes of them).
pub const EMBEDDED_MODEL: &str = include_str!("../../assets/model/sections.toml");

/// A file the model was trained on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct TrainedOn {
    /// Path relative to the corpus root given to `debrief train` (`dev/NAME.txt`).
    pub file: String,
    /// SHA-256 of the text and of its gold file, hex.
    pub text_sha256: String,
    pub gold_sha256: String,
}

/// How the weights were fitted, as the file records it.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// L2 regularisation strength.
    pub alpha: f64,
    /// How much of each section's log prior was taken out of its bias.
    #[serde(default)]
    pub prior_shift: f64,
    /// What words and opening words, and pairs of words, counted in fitting.
    #[serde(default = "one")]
    pub word_scale: f64,
    #[serde(default = "one")]
    pub pair_scale: f64,
    /// Features seen in fewer training sentences than this were dropped.
    pub min_count: usize,
    pub max_iterations: u64,
    pub files: Vec<TrainedOn>,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    /// The section order of every weight list.
    sections: Vec<String>,
    bias: [f32; 4],
    training: Training,
    weights: BTreeMap<String, [f32; 4]>,
}

/// The trained section model.
#[derive(Debug, Clone)]
pub struct SectionModel {
    bias: [f32; 4],
    /// Feature index by the FNV-1a hash of the name: a sentence's features are looked up
    /// from their name's parts, never joined into a string (64-bit hashes of a few thousand
    /// names do not collide; `from_names` checks).
    index: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    names: Vec<Cow<'static, str>>,
    weights: Vec<[f32; 4]>,
    pub training: Training,
}

/// FNV-1a over the parts of a name, as if they were joined.
pub fn name_hash(parts: &[&str]) -> u64 {
    use super::gazetteer::compile::{FNV_START, fnv_more};
    parts
        .iter()
        .fold(FNV_START, |h, p| fnv_more(h, p.as_bytes()))
}

/// A named weight with its [`name_hash`], for [`SectionModel::from_names`].
fn hashed((name, w): (String, [f32; 4])) -> (Cow<'static, str>, u64, [f32; 4]) {
    let h = name_hash(&[&name]);
    (Cow::Owned(name), h, w)
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// The shipped model, from the tables `build.rs` made of its file: no parsing at start-up.
static EMBEDDED: LazyLock<Arc<SectionModel>> = LazyLock::new(|| {
    use super::features::tables::{MODEL_BIAS, MODEL_FILES, MODEL_SETTINGS, MODEL_WEIGHTS};
    let (alpha, prior_shift, word_scale, pair_scale, min_count, max_iterations) = MODEL_SETTINGS;
    let training = Training {
        alpha,
        prior_shift,
        word_scale,
        pair_scale,
        min_count,
        max_iterations,
        files: MODEL_FILES
            .iter()
            .map(|&(file, text, gold)| TrainedOn {
                file: file.to_owned(),
                text_sha256: text.to_owned(),
                gold_sha256: gold.to_owned(),
            })
            .collect(),
    };
    let named = MODEL_WEIGHTS
        .iter()
        .map(|&(n, h, w)| (Cow::Borrowed(n), h, w));
    Arc::new(
        SectionModel::from_names(MODEL_BIAS, named, training)
            .expect("no two names hash alike (tested)"),
    )
});

impl Default for SectionModel {
    /// The shipped model.
    fn default() -> SectionModel {
        (**EMBEDDED).clone()
    }
}

/// One feature's part in a decision, for the reader's "because" line.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub kind: Kind,
    /// How much it raised the chosen section over the others.
    pub weight: f32,
    pub at: Option<Range<usize>>,
}

impl SectionModel {
    /// The shipped model, shared.
    pub fn embedded() -> Arc<SectionModel> {
        EMBEDDED.clone()
    }

    /// Reads a weights file; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<SectionModel, String> {
        let file: ModelFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let order: Vec<&str> = file.sections.iter().map(String::as_str).collect();
        if order != ["allegation", "denial", "response", "context"] {
            return Err(format!(
                "sections must be [\"allegation\", \"denial\", \"response\", \"context\"], not {order:?}"
            ));
        }
        let named = file.weights.into_iter().map(hashed);
        SectionModel::from_names(file.bias, named, file.training)
    }

    /// A model of named weights (each name with its [`name_hash`]); an error if two names
    /// hash alike.
    fn from_names(
        bias: [f32; 4],
        named: impl IntoIterator<Item = (Cow<'static, str>, u64, [f32; 4])>,
        training: Training,
    ) -> Result<SectionModel, String> {
        let named = named.into_iter();
        let n = named.size_hint().0;
        let mut index = HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default());
        let (mut names, mut weights) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (name, hash, w) in named {
            if index.insert(hash, weights.len() as u32).is_some() {
                return Err(format!("two features hash alike: {name:?} and another"));
            }
            names.push(name);
            weights.push(w);
        }
        Ok(SectionModel {
            bias,
            index,
            names,
            weights,
            training,
        })
    }

    /// Builds a model from fitted weights (used by training).
    pub fn from_weights(
        bias: [f32; 4],
        named: impl IntoIterator<Item = (String, [f32; 4])>,
        training: Training,
    ) -> Result<SectionModel, String> {
        SectionModel::from_names(bias, named.into_iter().map(hashed), training)
    }

    /// The weights of a feature, if the model knows it.
    pub fn weight(&self, name: &str) -> Option<[f32; 4]> {
        self.index
            .get(&name_hash(&[name]))
            .map(|&i| self.weights[i as usize])
    }

    pub fn bias(&self) -> [f32; 4] {
        self.bias
    }

    /// Every feature with its weights, sorted by name.
    pub fn features(&self) -> Vec<(&str, [f32; 4])> {
        let mut v: Vec<(&str, [f32; 4])> = self
            .names
            .iter()
            .zip(&self.weights)
            .map(|(n, w)| (&**n, *w))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// A scorer that sums the weights of the features sent to it.
    pub fn scorer(&self) -> Scorer<'_> {
        Scorer {
            model: self,
            score: self.bias,
            seen: Vec::new(),
        }
    }
}

/// Sums feature weights into per-section scores, keeping what each feature added.
pub struct Scorer<'m> {
    model: &'m SectionModel,
    score: [f32; 4],
    seen: Vec<(Kind, [f32; 4], Option<Range<usize>>)>,
}

impl Sink for Scorer<'_> {
    fn feature(&mut self, kind: Kind, parts: &[&str], value: f32, at: Option<Range<usize>>) {
        if let Some(&i) = self.model.index.get(&name_hash(parts)) {
            let w = self.model.weights[i as usize];
            let mut add = [0.0; 4];
            for k in 0..4 {
                add[k] = w[k] * value;
                self.score[k] += add[k];
            }
            self.seen.push((kind, add, at));
        }
    }
}

impl Scorer<'_> {
    /// Starts a new sentence.
    pub fn reset(&mut self) {
        self.score = self.model.bias;
        self.seen.clear();
    }

    /// The per-section scores so far (log-odds, in [`Section::ALL`] order).
    pub fn scores(&self) -> [f32; 4] {
        self.score
    }

    /// The best section (ties to the earlier in denial, allegation, response, context).
    pub fn best(&self) -> Section {
        const ORDER: [Section; 4] = [
            Section::Denial,
            Section::Allegation,
            Section::Response,
            Section::Context,
        ];
        let mut best = ORDER[0];
        for s in ORDER {
            if self.score[s.index()] > self.score[best.index()] {
                best = s;
            }
        }
        best
    }

    /// The features that raised `section` most over the mean of the others, strongest
    /// first, at most `n`.
    pub fn strongest(&self, section: Section, n: usize) -> Vec<Contribution> {
        let k = section.index();
        // The first `n` of a stable sort, strongest first, kept as they come: each one goes
        // after those at least as strong (no sort of every feature of the sentence).
        let mut v: Vec<Contribution> = Vec::with_capacity(n + 1);
        for (kind, add, at) in &self.seen {
            let others = (add.iter().sum::<f32>() - add[k]) / 3.0;
            let weight = add[k] - others;
            if weight.is_nan() || weight <= 0.0 {
                continue;
            }
            let place = v.partition_point(|c| c.weight.total_cmp(&weight).is_ge());
            if place >= n {
                continue;
            }
            v.insert(
                place,
                Contribution {
                    kind: *kind,
                    weight,
                    at: at.clone(),
                },
            );
            v.truncate(n);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_names_hash_as_the_loader_hashes_them() {
        use super::super::features::tables::MODEL_WEIGHTS;
        assert!(!MODEL_WEIGHTS.is_empty());
        for &(name, hash, _) in MODEL_WEIGHTS {
            assert_eq!(hash, name_hash(&[name]), "{name}");
            // A feature's parts hash as their concatenation.
            if let Some(k) = name.find(':') {
                assert_eq!(hash, name_hash(&[&name[..=k], &name[k + 1..]]), "{name}");
            }
        }
        // The embedded model is the shipped file, read the slow way.
        let parsed = SectionModel::parse(EMBEDDED_MODEL).expect("parses");
        let shipped = SectionModel::embedded();
        assert_eq!(parsed.index, shipped.index);
        assert_eq!(parsed.weights, shipped.weights);
    }
}

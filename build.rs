//! Builds the section model's tables at compile time, so the first frame does not wait for a
//! TOML parse: `assets/model/sections.toml` (the shipped weights) and
//! `assets/model/wordclasses.toml` (the word classes, stemmed here with the loader's own
//! stemmer) become static arrays in `$OUT_DIR/model_tables.rs`.

#[path = "src/loader/features/stem.rs"]
#[allow(dead_code)]
mod stem;

#[path = "src/loader/gazetteer/compile.rs"]
#[allow(dead_code)]
mod gazetteer;

#[path = "src/loader/patterns.rs"]
#[allow(dead_code)]
mod patterns;

use std::collections::BTreeMap;
use std::fmt::Write as _;

fn main() {
    for f in [
        "assets/model/sections.toml",
        "assets/model/wordclasses.toml",
        "src/loader/features/stem.rs",
        "assets/gazetteer.toml",
        "src/loader/gazetteer/compile.rs",
        "src/loader/patterns.rs",
        "assets/lexicon.toml",
        "build.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }
    let mut out = String::new();
    model(&mut out);
    classes(&mut out);
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/model_tables.rs"), out).expect("writes the tables");
    let mut out = String::new();
    gazetteer_tables(&mut out);
    std::fs::write(format!("{dir}/gazetteer_tables.rs"), out).expect("writes the tables");
    dfas(&dir);
    let mut out = String::new();
    lexicon_tables(&mut out);
    std::fs::write(format!("{dir}/lexicon_tables.rs"), out).expect("writes the tables");
}

/// The shipped lexicon (`assets/lexicon.toml`, see `src/loader/lexicon.rs`) as static arrays,
/// checked as strictly as the loader's own reading of it was (no unknown table or key).
fn lexicon_tables(out: &mut String) {
    let t = read("assets/lexicon.toml");
    let path = "assets/lexicon.toml";
    let table = |t: &toml::Table, name: &str, keys: &[&str]| -> toml::Table {
        let sub = t
            .get(name)
            .and_then(toml::Value::as_table)
            .unwrap_or_else(|| panic!("{path}: no table [{name}]"))
            .clone();
        if !keys.is_empty()
            && let Some(k) = sub.keys().find(|k| !keys.contains(&k.as_str()))
        {
            panic!("{path}: unknown key {k} in [{name}]");
        }
        for k in keys {
            assert!(sub.contains_key(*k), "{path}: no {k} in [{name}]");
        }
        sub
    };
    let words = |t: &toml::Table, key: &str| -> Vec<String> {
        t[key]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: {key} is not a list"))
            .iter()
            .map(|w| {
                w.as_str()
                    .unwrap_or_else(|| panic!("{path}: {key} holds a non-string"))
                    .to_owned()
            })
            .collect()
    };
    let sections = ["denial", "allegation", "response", "context"];
    let mut known = vec!["reporting", "hedges", "likelihood"];
    known.extend(sections);
    if let Some(k) = t.keys().find(|k| !known.contains(&k.as_str())) {
        panic!("{path}: unknown table [{k}]");
    }
    let reporting = table(&t, "reporting", &["speech", "stance", "act", "before"]);
    for (name, key) in [
        ("SPEECH", "speech"),
        ("STANCE", "stance"),
        ("ACT", "act"),
        ("BEFORE", "before"),
    ] {
        let _ = writeln!(
            out,
            "pub static {name}: &[&str] = &{:?};",
            words(&reporting, key)
        );
    }
    out.push_str("/// Denial, allegation, response and context cues: strong, plain and weak.\n");
    out.push_str("pub static CUES: [[&[&str]; 3]; 4] = [\n");
    for s in sections {
        let lists = table(&t, s, &["strong", "cues", "weak"]);
        let _ = writeln!(
            out,
            "    [&{:?}, &{:?}, &{:?}],",
            words(&lists, "strong"),
            words(&lists, "cues"),
            words(&lists, "weak")
        );
    }
    out.push_str("];\n");
    let hedges = table(&t, "hedges", &["words"]);
    let _ = writeln!(
        out,
        "pub static HEDGES: &[&str] = &{:?};",
        words(&hedges, "words")
    );
    let likelihood = table(&t, "likelihood", &[]);
    out.push_str("pub static LIKELIHOOD: &[(&str, Likelihood)] = &[\n");
    for (word, level) in &likelihood {
        let level = level
            .as_str()
            .unwrap_or_else(|| panic!("{path}: likelihood of {word} is not a string"));
        let variant = match level {
            "almost_no_chance" => "AlmostNoChance",
            "very_unlikely" => "VeryUnlikely",
            "unlikely" => "Unlikely",
            "roughly_even_chance" => "RoughlyEvenChance",
            "likely" => "Likely",
            "very_likely" => "VeryLikely",
            "almost_certain" => "AlmostCertain",
            other => panic!("{path}: unknown likelihood {other:?} of {word}"),
        };
        let _ = writeln!(out, "    ({word:?}, Likelihood::{variant}),");
    }
    out.push_str("];\n");
}

/// The loader's fixed patterns (`src/loader/patterns.rs`) as dense DFAs, forward and reverse,
/// serialised in the target's byte order: `$OUT_DIR/NAME.fwd` and `NAME.rev`.
fn dfas(dir: &str) {
    use regex_automata::dfa::{dense, regex::Regex};
    let big = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    for (name, pattern) in patterns::all() {
        let re = Regex::builder()
            .dense(dense::Config::new().minimize(true))
            .build(&pattern)
            .unwrap_or_else(|e| panic!("pattern {name}: {e}"));
        for (ext, dfa) in [("fwd", re.forward()), ("rev", re.reverse())] {
            let (bytes, pad) = if big {
                dfa.to_bytes_big_endian()
            } else {
                dfa.to_bytes_little_endian()
            };
            std::fs::write(format!("{dir}/{name}.{ext}"), &bytes[pad..]).expect("writes a DFA");
        }
    }
}

/// The shipped gazetteer's tables (see `src/loader/gazetteer.rs`), as static arrays.
fn gazetteer_tables(out: &mut String) {
    use gazetteer::Target;
    let src = std::fs::read_to_string("assets/gazetteer.toml").expect("assets/gazetteer.toml");
    let c = gazetteer::compile(&src).unwrap_or_else(|e| panic!("assets/gazetteer.toml: {e}"));
    out.push_str("pub static ENTITIES: &[(&str, EntityKind, Option<&str>)] = &[\n");
    for e in &c.entities {
        let _ = writeln!(
            out,
            "    ({:?}, EntityKind::{:?}, {:?}),",
            e.name, e.kind, e.party
        );
    }
    out.push_str("];\n");
    let strings = |out: &mut String, name: &str, keys: &[&str]| {
        let mut text = String::new();
        let mut ends = Vec::new();
        for k in keys {
            text.push_str(k);
            ends.push(text.len() as u32);
        }
        let _ = writeln!(out, "pub static {name}_TEXT: &str = {text:?};");
        let _ = writeln!(out, "pub static {name}_ENDS: &[u32] = &{ends:?};");
        let slots = gazetteer::slots(keys);
        let _ = writeln!(out, "pub static {name}_SLOTS: &[u32] = &{slots:?};");
    };
    let targets = |out: &mut String, name: &str, ts: &[Target]| {
        let _ = writeln!(out, "pub static {name}: &[Target] = &[");
        for t in ts {
            let _ = writeln!(
                out,
                "    Target {{ entity: {:?}, how: MatchKind::{:?}, exact: {} }},",
                t.entity, t.how, t.exact
            );
        }
        out.push_str("];\n");
    };
    let patterns: Vec<&str> = c.patterns.iter().map(String::as_str).collect();
    strings(out, "PATTERN", &patterns);
    targets(out, "TARGETS", &c.targets);
    let phrases: Vec<&str> = c.phrases.iter().map(|(k, _)| k.as_str()).collect();
    strings(out, "PHRASE", &phrases);
    let phrase_targets: Vec<Target> = c.phrases.iter().map(|&(_, t)| t).collect();
    targets(out, "PHRASE_TARGETS", &phrase_targets);
    let openings = gazetteer::openings(&c.patterns);
    let _ = writeln!(out, "pub static OPENINGS: &[u64] = &{openings:?};");
    let set = gazetteer::hash_set(&c.prefixes);
    let _ = writeln!(out, "pub static PREFIX_SET: &[u64] = &{set:?};");
    let _ = writeln!(
        out,
        "pub static COUNTRIES: &[(&str, usize)] = &{:?};",
        c.countries
    );
    let _ = writeln!(out, "pub static CONFLICTS: &[&str] = &{:?};", c.conflicts);
    for (name, pairs) in [
        ("DOMAINS", &c.domains),
        ("LICENSES", &c.licenses),
        ("SERIES", &c.series),
    ] {
        let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &{pairs:?};");
    }
}

fn read(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.parse().unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn floats(v: &toml::Value) -> [f32; 4] {
    let a = v.as_array().expect("a list of four numbers");
    assert_eq!(a.len(), 4, "a list of four numbers");
    let f = |x: &toml::Value| {
        x.as_float()
            .or_else(|| x.as_integer().map(|i| i as f64))
            .expect("a number") as f32
    };
    [f(&a[0]), f(&a[1]), f(&a[2]), f(&a[3])]
}

fn model(out: &mut String) {
    let m = read("assets/model/sections.toml");
    let _ = writeln!(
        out,
        "pub static MODEL_BIAS: [f32; 4] = {:?};",
        floats(&m["bias"])
    );
    let t = m["training"].as_table().expect("[training]");
    let num_or = |k: &str, default: f64| {
        t.get(k)
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .unwrap_or(default)
    };
    let num = |k: &str| num_or(k, 0.0);
    let _ = writeln!(
        out,
        "pub static MODEL_SETTINGS: (f64, f64, f64, f64, usize, u64) = ({:?}, {:?}, {:?}, {:?}, {}, {});",
        num("alpha"),
        num("prior_shift"),
        num_or("word_scale", 1.0),
        num_or("pair_scale", 1.0),
        num("min_count") as usize,
        num("max_iterations") as u64
    );
    out.push_str("pub static MODEL_FILES: &[(&str, &str, &str)] = &[\n");
    for f in t["files"].as_array().expect("files") {
        let f = f.as_table().expect("a file");
        let s = |k: &str| f[k].as_str().expect("a string").to_owned();
        let _ = writeln!(
            out,
            "    ({:?}, {:?}, {:?}),",
            s("file"),
            s("text_sha256"),
            s("gold_sha256")
        );
    }
    // Each name with its hash (`name_hash` in src/loader/sections.rs is the same
    // `gazetteer::fnv`), so the model's index is filled at start without hashing a name.
    out.push_str("];\npub static MODEL_WEIGHTS: &[(&str, u64, [f32; 4])] = &[\n");
    for (name, w) in m["weights"].as_table().expect("[weights]") {
        let h = gazetteer::fnv(name.as_bytes());
        let _ = writeln!(out, "    ({name:?}, {h}, {:?}),", floats(w));
    }
    out.push_str("];\n");
}

fn classes(out: &mut String) {
    let c = read("assets/model/wordclasses.toml");
    assert!(
        c.len() <= 24,
        "at most 24 word classes fit a sentence summary's bits"
    );
    let mut of: BTreeMap<String, u32> = BTreeMap::new();
    let mut names = Vec::new();
    // The classes are numbered in alphabetical order.
    let sorted: BTreeMap<&String, &toml::Value> = c.iter().collect();
    for (i, (name, words)) in sorted.into_iter().enumerate() {
        for w in words.as_array().expect("a list of words") {
            let stem = stem::stem(w.as_str().expect("a word"));
            *of.entry(stem).or_insert(0) |= 1 << i;
        }
        names.push(name.as_str());
    }
    let _ = writeln!(out, "pub static CLASS_NAMES: &[&str] = &{names:?};");
    out.push_str("pub static CLASS_STEMS: &[(&str, u32)] = &[\n");
    for (stem, bits) in of {
        let _ = writeln!(out, "    ({stem:?}, {bits}),");
    }
    out.push_str("];\n");
}

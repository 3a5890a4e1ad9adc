//! Gold-read briefings: `NAME.txt` with `NAME.gold.toml` beside it (the corpus format of
//! `shared/spec/annotation.md`), each gold sentence found in the loader's sentences by its
//! anchor, the way `shared/eval/score.py` finds it.

use crate::loader::{self, Options};
use crate::model::{Briefing, Section};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// One gold-read briefing, analysed, with each of its sentences' gold section where the gold
/// file has one.
#[derive(Debug)]
pub struct GoldDoc {
    /// The name the weights file records: `FOLDER/NAME.txt`.
    pub name: String,
    pub text_sha256: String,
    pub gold_sha256: String,
    pub briefing: Briefing,
    /// Per loader sentence, the gold section of the gold sentence anchored in it.
    pub gold: Vec<Option<Section>>,
    /// Gold sentences whose anchor no loader sentence holds.
    pub unmatched: usize,
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    #[serde(default)]
    sentence: Vec<GoldSentence>,
}

#[derive(Debug, Deserialize)]
struct GoldSentence {
    anchor: String,
    section: String,
}

/// Every `*.txt` with a `*.gold.toml` beside it in `dirs`, sorted by the recorded name.
pub fn find(dirs: &[PathBuf]) -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    let mut found = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let folder = dir
            .canonicalize()
            .ok()
            .and_then(|d| d.file_name().map(|f| f.to_string_lossy().into_owned()))
            .unwrap_or_else(|| dir.display().to_string());
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            let Some(stem) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".txt"))
            else {
                continue;
            };
            let gold = path.with_file_name(format!("{stem}.gold.toml"));
            if gold.is_file() {
                found.push((format!("{folder}/{stem}.txt"), path, gold));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    if found.is_empty() {
        return Err("no gold-read briefings (NAME.txt beside NAME.gold.toml) found".into());
    }
    Ok(found)
}

/// Reads and analyses one gold-read briefing.
pub fn read(
    name: &str,
    text: &Path,
    gold_path: &Path,
    options: &Options,
) -> Result<GoldDoc, String> {
    let bytes = std::fs::read(text).map_err(|e| format!("{}: {e}", text.display()))?;
    let gold_bytes =
        std::fs::read(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold_text =
        std::str::from_utf8(&gold_bytes).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let file: GoldFile =
        toml::from_str(gold_text).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let text_sha256 = hex(&Sha256::digest(&bytes));
    let gold_sha256 = hex(&Sha256::digest(&gold_bytes));
    let briefing =
        loader::load_owned(bytes, options).map_err(|e| format!("{}: {e}", text.display()))?;
    let keys: Vec<String> = briefing
        .sentences
        .iter()
        .map(|s| text_key(&s.text))
        .collect();
    let mut gold = vec![None; keys.len()];
    let mut unmatched = 0;
    for g in &file.sentence {
        let section = parse_section(&g.section)
            .ok_or_else(|| format!("{}: unknown section {:?}", gold_path.display(), g.section))?;
        let a = text_key(&g.anchor);
        let at = keys
            .iter()
            .enumerate()
            .position(|(i, k)| k.contains(&a) && gold[i].is_none());
        match at {
            Some(i) => gold[i] = Some(section),
            None => unmatched += 1,
        }
    }
    Ok(GoldDoc {
        name: name.to_owned(),
        text_sha256,
        gold_sha256,
        briefing,
        gold,
        unmatched,
    })
}

/// A section by its lower-case name.
pub fn parse_section(name: &str) -> Option<Section> {
    Section::ALL.into_iter().find(|s| s.as_str() == name)
}

/// The form anchors are looked up in: curly quotes folded, white space collapsed, lower case.
pub fn text_key(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_found_whatever_their_quotes_and_spaces() {
        assert_eq!(text_key("It’s  “fine”\n now"), "it's \"fine\" now");
        assert!(text_key("He said: “We  deny it.”").contains(&text_key("“We deny")));
    }
}

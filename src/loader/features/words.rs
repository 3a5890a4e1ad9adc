//! Words as the section model sees them: crude stems, names folded to their kind, and the word
//! classes of `assets/model/wordclasses.toml`.

pub use super::stem::{stem, stem_into};
use crate::loader::gazetteer::{EntityKind, Gazetteer, Match};
use crate::loader::tokens::{Fnv, Tok};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// The tables `build.rs` makes of `assets/model/wordclasses.toml` (and of the model).
pub(crate) mod tables {
    #![allow(dead_code, clippy::all)]
    include!(concat!(env!("OUT_DIR"), "/model_tables.rs"));
}

/// The word classes: their names, and each stem's classes as a bit set.
pub struct WordClasses {
    pub names: &'static [&'static str],
    of: HashMap<&'static str, u32, BuildHasherDefault<Fnv>>,
}

impl WordClasses {
    /// The classes of a stem (bit `i` for `names[i]`).
    pub fn of(&self, stem: &str) -> u32 {
        self.of.get(stem).copied().unwrap_or(0)
    }

    /// The bit of the class `name` (0 when there is none).
    pub fn bit(&self, name: &str) -> u32 {
        self.names
            .iter()
            .position(|n| *n == name)
            .map_or(0, |i| 1 << i)
    }
}

/// The embedded word classes, hashed on first use.
pub static CLASSES: LazyLock<WordClasses> = LazyLock::new(|| WordClasses {
    names: tables::CLASS_NAMES,
    of: tables::CLASS_STEMS.iter().copied().collect(),
});

/// How a word counts: a name of the gazetteer as its kind ("<country>"), another capitalised
/// word after the first as "<name>", any other as its stem (written into `buf`). Names are
/// particular to their briefing: folded, they teach the model nothing about Russia itself
/// that it would wrongly apply to a briefing about Chad.
pub fn word_form<'b>(
    text: &str,
    t: &Tok,
    first: bool,
    entities: &[Match],
    gaz: &Gazetteer,
    buf: &'b mut String,
) -> &'b str {
    let entity = entities
        .iter()
        .find(|m| m.start <= t.start && t.end <= m.end);
    let fixed = match entity.map(|m| gaz.entity(m.entity).kind) {
        Some(EntityKind::Country) => Some("<country>"),
        Some(EntityKind::Organization) => Some("<organization>"),
        Some(EntityKind::Body) => Some("<body>"),
        Some(EntityKind::Media) => Some("<media>"),
        None if !first && t.capitalized(text) && t.base(text) != "I" => Some("<name>"),
        None => None,
    };
    match fixed {
        Some(f) => {
            buf.clear();
            buf.push_str(f);
        }
        None => stem_into(t.base(text), buf),
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_fold_the_common_inflections() {
        for (a, b) in [
            ("accused", "accuse"),
            ("accusing", "accuses"),
            ("denied", "denies"),
            ("denied", "deny"),
            ("Rejected", "reject"),
            ("2023", "1999"),
            ("Überfall", "überfall"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("accused"), stem("accusation"));
        assert_eq!(stem("press"), "press");
    }

    #[test]
    fn every_class_has_words_and_a_word_may_have_several() {
        let c = &*CLASSES;
        assert!(c.names.len() >= 5, "{:?}", c.names);
        for (i, name) in c.names.iter().enumerate() {
            assert!(c.of.values().any(|b| b & (1 << i) != 0), "{name} is empty");
        }
        // The table build.rs made is the file's, stemmed by the loader's stemmer.
        let file: std::collections::BTreeMap<String, Vec<String>> =
            toml::from_str(include_str!("../../../assets/model/wordclasses.toml")).expect("parses");
        assert_eq!(c.names, file.keys().map(String::as_str).collect::<Vec<_>>());
        for (i, words) in file.values().enumerate() {
            for w in words {
                assert_ne!(c.of(&stem(w)) & (1 << i), 0, "{w}");
            }
        }
        let hostile = c
            .names
            .iter()
            .position(|n| *n == "hostile")
            .expect("hostile");
        assert_ne!(c.of(&stem("attacked")) & (1 << hostile), 0);
        assert_eq!(c.of("zzz"), 0);
    }
}

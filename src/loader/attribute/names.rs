//! Names the document spells out, for completing short ones and expanding acronyms.

use super::words::{ORG_WORDS, STOP_CAPS, TITLES};
use crate::loader::gazetteer::{EntityKind, Gazetteer};

/// Names the document spells out, for completing short ones: "John Kirby" for "Kirby" and
/// "Conflict Armament Research" for "CAR". Built in one pass; first occurrence wins.
#[derive(Debug, Default)]
pub struct NameIndex {
    full: std::collections::HashMap<String, String>,
    initials: std::collections::HashMap<String, String>,
    /// A title in lower case -> the people the document names with it ("Senator Ana Ruiz"),
    /// each with the words of the run before the name ("Chilean Senator").
    titled: std::collections::HashMap<String, Vec<(String, String)>>,
    /// A surname -> the party of the country or body that opens its run ("Venezuelan
    /// President Hugo Chavez", "Kremlin spokesman Dmitry Orlov"); first occurrence wins.
    parties: std::collections::HashMap<String, String>,
}

impl NameIndex {
    /// Indexes the capitalised word runs of a document's title and `texts`. A title in
    /// headline case (`US Senator Rejects Chavez Allegations`) gives no titled names.
    pub fn build<'a>(
        gaz: &Gazetteer,
        title: Option<&'a str>,
        texts: impl Iterator<Item = &'a str>,
    ) -> NameIndex {
        let mut index = NameIndex::default();
        let headline = title.map(|t| (t, true));
        for (text, is_title) in headline.into_iter().chain(texts.map(|t| (t, false))) {
            let mut run: Vec<&str> = Vec::new();
            let words =
                text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.'));
            for w in words
                .map(|w| w.trim_end_matches('.'))
                .chain(std::iter::once(""))
            {
                let cap = w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase);
                if cap && !STOP_CAPS.contains(&w.to_lowercase().as_str()) {
                    run.push(w);
                } else if !run.is_empty() {
                    index.add_run(&run, !is_title);
                    if !is_title {
                        index.add_party(gaz, &run);
                    }
                    run.clear();
                }
            }
        }
        index
    }

    /// "Venezuelan President Hugo Chavez": a country, demonym, capital or body, then a title,
    /// then a name of two or three plain words, whose surname speaks for that party.
    fn add_party(&mut self, gaz: &Gazetteer, run: &[&str]) {
        let Some(t) = run
            .iter()
            .position(|w| TITLES.contains(&w.to_lowercase().as_str()))
        else {
            return;
        };
        let name = &run[t + 1..];
        let plain = name.iter().all(|n| {
            n.chars().all(|c| c.is_alphabetic() || c == '-')
                && !TITLES.contains(&n.to_lowercase().as_str())
        });
        if t == 0 || !(2..=3).contains(&name.len()) || !plain {
            return;
        }
        let before = run[..t].join(" ");
        let party = gaz.find(&before).iter().find_map(|m| {
            let e = gaz.entity(m.entity);
            (e.kind != EntityKind::Media)
                .then(|| e.party.clone())
                .flatten()
        });
        if let (Some(p), Some(surname)) = (party, name.last()) {
            self.parties.entry((*surname).to_owned()).or_insert(p);
        }
    }

    /// The party the document gives the person with this surname, if it does.
    pub fn party_of(&self, surname: &str) -> Option<&str> {
        self.parties.get(surname).map(String::as_str)
    }

    fn add_run(&mut self, run: &[&str], titled: bool) {
        for pair in run.windows(2) {
            let given = pair[0];
            let plain = given.chars().all(char::is_alphabetic)
                && !TITLES.contains(&given.to_lowercase().as_str());
            if plain {
                self.full
                    .entry(pair[1].to_owned())
                    .or_insert_with(|| format!("{given} {}", pair[1]));
            }
        }
        // "Democratic Senator Carl Levin": a title, then a name of two or more plain words.
        for (i, w) in run.iter().enumerate().filter(|_| titled) {
            let title = w.to_lowercase();
            let name = &run[i + 1..];
            let plain = |n: &&str| {
                n.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !TITLES.contains(&n.to_lowercase().as_str())
                    && !ORG_WORDS.contains(&n.to_lowercase().as_str())
            };
            if TITLES.contains(&title.as_str())
                && (2..=3).contains(&name.len())
                && name.iter().all(plain)
            {
                let people = self.titled.entry(title).or_default();
                let full = name.join(" ");
                if !people.iter().any(|(n, _)| *n == full) {
                    people.push((full, run[..=i].join(" ")));
                }
                break;
            }
        }
        for len in 2..=run.len().min(6) {
            for window in run.windows(len) {
                let key: String = window.iter().filter_map(|w| w.chars().next()).collect();
                self.initials.entry(key).or_insert_with(|| window.join(" "));
            }
        }
    }

    /// The one person the document names with `title` ("senator"), with the words before
    /// the name; `None` when it names none or several.
    pub fn titled(&self, title: &str) -> Option<&(String, String)> {
        match self.titled.get(title).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }

    /// "John Kirby" for "Kirby", when the document has it.
    pub fn full_name(&self, surname: &str) -> Option<String> {
        self.full.get(surname).cloned()
    }

    /// The capitalised phrase whose initials spell `acronym`.
    pub fn expand(&self, acronym: &str) -> Option<String> {
        let key: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        (key.chars().count() >= 2)
            .then(|| self.initials.get(&key).cloned())
            .flatten()
    }
}

pub(super) fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

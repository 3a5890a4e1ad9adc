//! Speaker phrases: a noun phrase becomes a mention (canonical name, kind, party), and the
//! [`Registry`] merges mentions of one speaker into one [`Source`].

mod mention;

use super::DocInfo;
use super::names::{NameIndex, title_case};
use super::words::{CONNECTORS, MODIFIERS, ORG_WORDS, ROLES, STOP_CAPS, TITLES};
pub use super::words::{has_title, is_connector, is_determiner, is_np_word, is_pronoun, is_role};
use crate::loader::gazetteer::{EntityKind, Gazetteer, MatchKind};
use crate::loader::tokens::Tok;
use crate::model::{Format, Source, SourceKind};

/// A speaker phrase understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The phrase as written.
    pub text: String,
    pub name: String,
    pub kind: SourceKind,
    pub party: Option<String>,
    /// Last word of a person's name, for "Ensor said" after "David Ensor".
    pub surname: Option<String>,
    /// The head noun of a phrase with no name in it ("officials"), for coreference.
    pub role: Option<String>,
    /// An acronym given in brackets or used alone.
    pub acronym: Option<String>,
    pub pronoun: Option<String>,
    /// Read with the help of earlier speakers ("a spokesman for the ministry").
    pub contextual: bool,
}

#[derive(Debug)]
struct Entry {
    source: Source,
    /// The name in lower case, for matching.
    key: String,
    surname: Option<String>,
    role: Option<String>,
    acronyms: Vec<String>,
    /// Filled from the document's home party in transcripts when nothing better is known.
    guessed: bool,
}

/// Where to find a source by its name key, a person's surname or an acronym.
#[derive(Default)]
struct SourceIndex {
    keys: std::collections::HashMap<String, usize>,
    surnames: std::collections::HashMap<String, usize>,
    acronyms: std::collections::HashMap<String, usize>,
}

/// Speakers met so far, merged by name, surname, acronym and role.
pub struct Registry<'g, 'a> {
    gaz: &'g Gazetteer,
    entries: Vec<Entry>,
    recent: Vec<usize>,
    home: Option<String>,
    title: Option<&'a str>,
    format: Format,
    texts: &'a [&'a str],
    /// Built on first use: most documents never need it.
    names: std::cell::OnceCell<NameIndex>,
    /// Countries named `North ...` or `South ...` near the start of the document.
    compass: std::cell::OnceCell<Vec<String>>,
    /// A person just introduced without speaking (`Yang Min is a scholar at ...`), whom a
    /// `he` or `she` in the next two sentences means; with the sentences left.
    introduced: Option<(Mention, u8)>,
    /// The speakers of the sentence before, for `it`.
    previous: Vec<usize>,
    index: SourceIndex,
    /// Speaker phrases already read, and the sources they named.
    cache: std::collections::HashMap<String, Vec<usize>>,
    /// The institution that opened the sentence before when it quoted no one: whom `it`,
    /// `the statement` or `the group` in this one means.
    opener: Option<Mention>,
}

impl<'g, 'a> Registry<'g, 'a> {
    /// A registry for one document; `sentences` are its texts, for the home party and for
    /// completing short names.
    /// `home` is the party of a transcript's own officials (see [`super::issuer`]).
    pub fn new(
        gaz: &'g Gazetteer,
        doc: DocInfo<'a>,
        texts: &'a [&'a str],
        home: Option<String>,
    ) -> Registry<'g, 'a> {
        Registry {
            gaz,
            entries: Vec::new(),
            recent: Vec::new(),
            home,
            title: doc.title,
            format: doc.format,
            texts,
            names: std::cell::OnceCell::new(),
            compass: std::cell::OnceCell::new(),
            introduced: None,
            previous: Vec::new(),
            cache: std::collections::HashMap::new(),
            index: SourceIndex::default(),
            opener: None,
        }
    }

    /// Whether source `id` is named by one capitalised body word alone (`Ministry`,
    /// `Department`, `Commission`).
    pub fn is_bare_body(&self, id: usize) -> bool {
        matches!(
            self.entries[id].source.name.as_str(),
            "Ministry"
                | "Department"
                | "Commission"
                | "Office"
                | "Presidency"
                | "Secretariat"
                | "Agency"
                | "Government"
                | "Secretary"
        )
    }

    /// Records the institution that opens the sentence just read (see `opener`).
    pub fn set_opener(&mut self, m: Option<Mention>) {
        self.opener = m;
    }

    /// The phrase read as a mention, if it names a country or an organisation.
    pub fn institution_mention(&self, text: &str, toks: &[Tok]) -> Option<Mention> {
        self.mention(text, toks).filter(|m| {
            m.pronoun.is_none() && matches!(m.kind, SourceKind::Country | SourceKind::Organization)
        })
    }

    fn take_opener(&mut self) -> Option<usize> {
        let m = self.opener.take()?;
        Some(self.add(m, Format::Article, false))
    }

    /// Who issued `the statement` of this sentence: a speaker of the sentence before, else
    /// the institution that opened it, else the last speaker.
    fn issuer(&mut self) -> Option<usize> {
        let not_press = |r: &Self, id: usize| r.entries[id].source.kind != SourceKind::Press;
        if let Some(id) = self
            .previous
            .iter()
            .copied()
            .find(|&id| not_press(self, id))
        {
            return Some(id);
        }
        if let Some(id) = self.take_opener() {
            return Some(id);
        }
        self.recent
            .last()
            .copied()
            .filter(|&id| not_press(self, id))
    }

    fn names(&self) -> &NameIndex {
        self.names
            .get_or_init(|| NameIndex::build(self.gaz, self.title, self.texts.iter().copied()))
    }

    /// The country `the North` or `the South` stands for: the one the title or the first
    /// sentences name with that word (`North Korea`), if there is exactly one.
    fn compass_country(&self, word: &str) -> Option<String> {
        let found = self.compass.get_or_init(|| {
            let mut found: Vec<String> = Vec::new();
            for text in self
                .title
                .into_iter()
                .chain(self.texts.iter().copied().take(30))
            {
                for m in self.gaz.find(text) {
                    let e = self.gaz.entity(m.entity);
                    let compass = e.name.starts_with("North ") || e.name.starts_with("South ");
                    if e.kind == EntityKind::Country && compass && !found.contains(&e.name) {
                        found.push(e.name.clone());
                    }
                }
            }
            found
        });
        let prefix = format!("{word} ");
        let mut it = found.iter().filter(|n| n.starts_with(&prefix));
        match (it.next(), it.next()) {
            (Some(n), None) => Some(n.clone()),
            _ => None,
        }
    }

    /// The party of source `id`, as known so far.
    pub fn party(&self, id: usize) -> Option<&str> {
        self.entries[id].source.party.as_deref()
    }

    /// Marks a source as the most recently mentioned.
    pub fn touch(&mut self, id: usize) {
        self.recent.retain(|&r| r != id);
        self.recent.push(id);
        if self.entries[id].source.kind == SourceKind::Person {
            self.introduced = None;
        }
    }

    /// Notes a person introduced by the sentence `toks` opens with, when it names one:
    /// `Yang Min is a scholar at ...`, `Ana Ruiz, a lawyer for the family, ...`. When the
    /// description is an official's role (`an adviser to the Russian ambassador`), its first
    /// country or body is the person's party.
    pub fn introduce(&mut self, text: &str, toks: &[Tok], description: &str) {
        let Some(mut m) = self.mention(text, toks) else {
            return;
        };
        if m.kind != SourceKind::Person || m.surname.is_none() || !m.name.contains(' ') {
            return;
        }
        let role = description
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| is_official_role(&w.to_lowercase()));
        if m.party.is_none() && role {
            let cut = description.floor_char_boundary(description.len().min(120));
            m.party = self
                .gaz
                .find(&description[..cut])
                .iter()
                .find_map(|g| self.gaz.entity(g.entity).party.clone())
                .filter(|p| p != "media");
        }
        self.introduced = Some((m, 2));
    }

    /// Ends a sentence whose speakers are `speakers`: an introduced person is meant by a
    /// pronoun only in the next two, `it` only by the next one.
    pub fn next_sentence(&mut self, speakers: &[usize]) {
        self.previous.clear();
        self.previous.extend_from_slice(speakers);
        if let Some((_, left)) = &mut self.introduced {
            *left -= 1;
            if *left == 0 {
                self.introduced = None;
            }
        }
    }

    /// The sources, in order of first mention. A source the text gave no party is given one
    /// last (see [`fallback_party`]).
    pub fn into_sources(self) -> Vec<Source> {
        let main = std::cell::OnceCell::new();
        let mut sources: Vec<Source> = self.entries.iter().map(|e| e.source.clone()).collect();
        // "the Department of Foreign Affairs": a state body the gazetteer does not know was
        // read as its own party; it speaks for its state.
        for src in sources.iter_mut() {
            if self.format == Format::Article
                && src.kind == SourceKind::Organization
                && src.party.as_ref() == Some(&src.name)
                && is_state_body(&src.name)
            {
                src.party = None;
            }
        }
        for src in sources.iter_mut().filter(|s| s.party.is_none()) {
            src.party = fallback_party(src, self.format, || {
                main.get_or_init(|| self.main_country()).clone()
            });
        }
        sources
    }

    /// The country an article is mainly about, whose government its bare `police`,
    /// `prosecutors` or `interior minister` are: the first country the title names (by
    /// name, capital or seat, else by a demonym: `Kenyan rights body accuses police`), else
    /// the one its first ten sentences name most.
    fn main_country(&self) -> Option<String> {
        let first = |text: &str, demonym: bool| {
            let cut = text.floor_char_boundary(text.len().min(400));
            self.gaz.find(&text[..cut]).iter().find_map(|m| {
                let e = self.gaz.entity(m.entity);
                (e.kind == EntityKind::Country && (demonym || m.how != MatchKind::Demonym))
                    .then(|| e.party.clone())
                    .flatten()
            })
        };
        let title = self.title.unwrap_or("");
        first(title, false)
            .or_else(|| first(title, true))
            .or_else(|| self.most_named_country(false))
            .or_else(|| self.most_named_country(true))
    }

    /// The country the first ten sentences name most (by name, capital or seat; with
    /// `demonyms`, by those too; as a sentence's subject three times), the earliest of
    /// equals.
    fn most_named_country(&self, demonyms: bool) -> Option<String> {
        {
            {
                let mut counts: Vec<(String, usize)> = Vec::new();
                for text in self.texts.iter().take(10) {
                    for m in self.gaz.find(text) {
                        let e = self.gaz.entity(m.entity);
                        let Some(p) = e.party.as_ref().filter(|_| {
                            e.kind == EntityKind::Country
                                && (demonyms || m.how != MatchKind::Demonym)
                        }) else {
                            continue;
                        };
                        // A country opening a sentence, as its subject, counts three times.
                        let subject = matches!(text[..m.start].trim(), "" | "The" | "the");
                        let w = if subject { 3 } else { 1 };
                        match counts.iter_mut().find(|(q, _)| q == p) {
                            Some((_, n)) => *n += w,
                            None => counts.push((p.clone(), w)),
                        }
                    }
                }
                let most = counts.iter().map(|c| c.1).max()?;
                counts.into_iter().find(|c| c.1 == most).map(|c| c.0)
            }
        }
    }

    /// The source of a transcript turn label (`MR PRICE`, `QUESTION`).
    pub fn turn_speaker(&mut self, label: &str) -> usize {
        let outlet = super::is_outlet_label(self.gaz, label);
        let press = super::label_kind(label) == SourceKind::Press || outlet;
        let m = if press {
            // `REUTERS:`: the outlet's reporter, named so.
            let name = if outlet {
                let found = self.gaz.find(label);
                format!("{} reporter", self.gaz.entity(found[0].entity).name)
            } else {
                "Reporter".to_owned()
            };
            Mention {
                text: label.to_owned(),
                name,
                kind: SourceKind::Press,
                party: Some("press".to_owned()),
                surname: None,
                role: Some("reporter".to_owned()),
                acronym: None,
                pronoun: None,
                contextual: false,
            }
        } else {
            let words: Vec<&str> = label.split_whitespace().collect();
            let last = words.last().copied().unwrap_or(label);
            let surname = title_case(last.trim_end_matches('.'));
            // `SENIOR ADMINISTRATION OFFICIAL`, `MODERATOR`: a label ending in a role names
            // no person; it keeps its own name and is never completed or merged by surname.
            let role_label = is_role_label_word(&last.trim_end_matches('.').to_lowercase());
            // `PRESS SECRETARY JOHN F. KIRBY`: the name after the titles, so that a later
            // `MR. KIRBY` is the same person.
            let plain = |w: &&str| {
                let l = w.trim_end_matches('.').to_lowercase();
                ![&TITLES, &MODIFIERS, &ROLES, &ORG_WORDS, &CONNECTORS]
                    .iter()
                    .any(|set| {
                        set.contains(&l.as_str()) || set.contains(&w.to_lowercase().as_str())
                    })
            };
            let tail = words.iter().rev().take_while(|w| plain(w)).count();
            let named = (!role_label && tail >= 2 && tail < words.len()).then(|| {
                words[words.len() - tail..]
                    .iter()
                    .map(|w| title_case(w))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let full = (!role_label)
                .then(|| named.clone().or_else(|| self.names().full_name(&surname)))
                .flatten();
            let party = self
                .gaz
                .find(label)
                .iter()
                .find_map(|m| self.gaz.entity(m.entity).party.clone());
            let titled = words
                .iter()
                .map(|w| title_case(w))
                .collect::<Vec<_>>()
                .join(" ");
            let person_like = !role_label
                && words.len() <= 3
                && words
                    .first()
                    .is_some_and(|w| TITLES.contains(&w.to_lowercase().as_str()));
            Mention {
                text: label.to_owned(),
                name: full.clone().unwrap_or(titled),
                kind: SourceKind::Person,
                party,
                surname: (person_like || full.is_some()).then_some(surname),
                role: None,
                acronym: None,
                pronoun: None,
                contextual: false,
            }
        };
        self.add(m, Format::Transcript, true)
    }

    /// The sources a speaker phrase names (several for "North Korea and Russia").
    pub fn resolve(&mut self, text: &str, toks: &[Tok], format: Format) -> Vec<usize> {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Vec::new();
        };
        let phrase = &text[first.start..last.end];
        // A name met before means what it meant then; only phrases whose reading depends on
        // what came before (pronouns, bare roles) are read again.
        if let Some(ids) = self.cache.get(phrase).cloned() {
            for &id in &ids {
                self.touch(id);
            }
            return ids;
        }
        let parts = self.split_coordination(text, toks);
        let mentions: Vec<Mention> = parts
            .into_iter()
            .filter_map(|p| self.mention(text, p))
            .collect();
        let stateless = mentions
            .iter()
            .all(|m| m.pronoun.is_none() && m.role.is_none() && !m.contextual);
        let mut ids = Vec::new();
        for m in mentions {
            if let Some(p) = &m.pronoun {
                let id = self.pronoun(p).or_else(|| {
                    (p == "it" && format == Format::Article)
                        .then(|| self.take_opener())
                        .flatten()
                });
                if let Some(id) = id {
                    ids.push(id);
                }
                continue;
            }
            let lower = phrase.to_lowercase();
            let definite = ["the ", "this ", "that ", "its "]
                .iter()
                .any(|d| lower.starts_with(d));
            let role = m.role.as_deref().unwrap_or("");
            let bare = definite && lower.split(' ').count() == 2;
            // "The statement said": the statement's issuer speaks.
            if bare
                && matches!(
                    role,
                    "statement" | "communique" | "communiqué" | "declaration"
                )
                && let Some(id) = self.issuer()
            {
                ids.push(id);
                continue;
            }
            // "Amnesty International released findings. The group said ...".
            if bare
                && format == Format::Article
                && self.opener.as_ref().is_some_and(|o| {
                    o.kind == SourceKind::Organization
                        && (matches!(
                            role,
                            "group" | "organisation" | "organization" | "body" | "watchdog"
                        ) || o.name.to_lowercase().split(' ').any(|w| w == role))
                })
                && let Some(id) = self.take_opener()
            {
                ids.push(id);
                continue;
            }
            ids.push(self.add(m, format, false));
        }
        if stateless {
            self.cache.insert(phrase.to_owned(), ids.clone());
        }
        ids
    }

    fn pronoun(&mut self, p: &str) -> Option<usize> {
        let want_person = matches!(p, "he" | "she");
        // "UNICEF reported ... It said": the organisation, country or outlet that spoke in
        // the sentence before (not one named further back: `it` is most often the last
        // sentence's subject).
        if p == "it" {
            return self.previous.iter().copied().find(|&id| {
                matches!(
                    self.entries[id].source.kind,
                    SourceKind::Organization | SourceKind::Country | SourceKind::Media
                )
            });
        }
        if !want_person && p != "they" {
            return None;
        }
        if want_person && let Some((m, _)) = self.introduced.take() {
            return Some(self.add(m, Format::Article, false));
        }
        self.recent.iter().rev().take(3).copied().find(|&id| {
            let k = self.entries[id].source.kind;
            if want_person {
                k == SourceKind::Person
            } else {
                k != SourceKind::Person && k != SourceKind::Press
            }
        })
    }

    /// Splits "North Korea and Russia" into its conjuncts, never inside a gazetteer name.
    fn split_coordination<'t>(&self, text: &str, toks: &'t [Tok]) -> Vec<&'t [Tok]> {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Vec::new();
        };
        let span = &text[first.start..last.end];
        let protected: Vec<(usize, usize)> = self
            .gaz
            .find(span)
            .iter()
            .map(|m| (m.start + first.start, m.end + first.start))
            .collect();
        let mut parts = Vec::new();
        let mut from = 0;
        for (i, t) in toks.iter().enumerate() {
            let w = t.text(text).to_lowercase();
            let inside = protected.iter().any(|&(s, e)| t.start >= s && t.end <= e);
            if (w == "and" || w == "or" || w == "&") && !inside && i > from {
                parts.push(&toks[from..i]);
                from = i + 1;
            }
        }
        if from < toks.len() {
            parts.push(&toks[from..]);
        }
        // "he and his colleagues": a part owned by a pronoun is not a speaker of its own.
        if parts.len() > 1 {
            parts.retain(|p| {
                !p.first().is_some_and(|t| {
                    matches!(
                        t.text(text).to_lowercase().as_str(),
                        "his" | "her" | "their" | "its" | "our" | "my"
                    )
                })
            });
        }
        // "the government or the FBI": a bare role beside a named part is dropped.
        if parts.len() > 1 {
            let named = |p: &&[Tok]| {
                p.iter().any(|t| {
                    t.capitalized(text)
                        && !STOP_CAPS.contains(&t.text(text).to_lowercase().as_str())
                })
            };
            if parts.iter().any(named) {
                parts.retain(named);
            }
        }
        parts
    }

    /// The party of the most recent speaker whose name ends with `role` ("ministry").
    fn recent_with_role(&self, role: &str) -> Option<String> {
        let role = role.trim_end_matches('s');
        self.recent.iter().rev().find_map(|&id| {
            let src = &self.entries[id].source;
            let n = src.name.to_lowercase();
            n.trim_end_matches('s')
                .ends_with(role)
                .then(|| src.party.clone())
                .flatten()
        })
    }

    /// The party of the most recent source that is a country or an organisation.
    fn recent_institution_party(&self) -> Option<String> {
        self.recent.iter().rev().take(3).find_map(|&id| {
            let src = &self.entries[id].source;
            matches!(src.kind, SourceKind::Country | SourceKind::Organization)
                .then(|| src.party.clone())
                .flatten()
        })
    }

    /// True when the sentence opens with a named party (a gazetteer entity or a known
    /// speaker) that is none of `speakers`.
    pub fn opens_with_other_entity(&self, text: &str, speakers: &[usize]) -> bool {
        let start = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let offset = text.len() - start.len();
        let first = self
            .gaz
            .find(&text[offset..text.floor_char_boundary(offset + 60)]);
        let named = first.first().filter(|m| m.start == 0).map(|m| {
            let e = self.gaz.entity(m.entity);
            (e.name.to_lowercase(), e.party.clone())
        });
        let Some((name, party)) = named else {
            return false;
        };
        !speakers.iter().any(|&id| {
            let src = &self.entries[id].source;
            src.name.to_lowercase() == name || (party.is_some() && src.party == party)
        })
    }

    /// Whether source `id` is the group `phrase` (lower case) names: the same name, or a
    /// name ending in its `role` ("South Korean officials" for "the officials").
    pub fn source_matches(&self, id: usize, phrase: &str, role: &str) -> bool {
        let key = &self.entries[id].key;
        let phrase = phrase.strip_prefix("the ").unwrap_or(phrase);
        key == phrase
            || key.trim_end_matches('s').ends_with(role)
            || self.entries[id].role.as_deref() == Some(role)
    }

    /// True when `phrase` ends with a demonym or a capitalised adjective (`Russian`,
    /// `South Korean`, `Western`): a word that qualifies a noun rather than names a subject.
    pub fn ends_with_demonym(&self, phrase: &str) -> bool {
        let last = phrase.rsplit(char::is_whitespace).next().unwrap_or("");
        STOP_CAPS.contains(&last.to_lowercase().as_str())
            || self
                .gaz
                .find(phrase)
                .last()
                .is_some_and(|m| m.end == phrase.len() && m.how == MatchKind::Demonym)
    }

    /// True when the phrase names an institution: a country (or its capital or seat), a
    /// government body or an organisation, not a person or a group of people.
    pub fn is_institution(&self, text: &str, toks: &[Tok]) -> bool {
        self.mention(text, toks)
            .is_some_and(|m| matches!(m.kind, SourceKind::Country | SourceKind::Organization))
    }

    /// True when the phrase is a gazetteer entity or an already known speaker.
    pub fn is_known_entity(&self, text: &str, toks: &[Tok]) -> bool {
        let (Some(f), Some(l)) = (toks.first(), toks.last()) else {
            return false;
        };
        let phrase = &text[f.start..l.end];
        self.gaz.lookup(phrase).is_some()
            || self.entries.iter().any(|e| {
                e.source.name.eq_ignore_ascii_case(phrase) || e.acronyms.iter().any(|a| a == phrase)
            })
    }

    fn add(&mut self, m: Mention, format: Format, turn: bool) -> usize {
        let mkey = m.name.to_lowercase();
        // The first source met that has this name, this person's surname or this acronym.
        let by_surname = (m.kind == SourceKind::Person)
            .then(|| m.surname.as_ref().and_then(|n| self.index.surnames.get(n)))
            .flatten();
        let by_acronym = m.acronym.as_ref().and_then(|a| self.index.acronyms.get(a));
        let found = [self.index.keys.get(&mkey), by_surname, by_acronym]
            .into_iter()
            .flatten()
            .copied()
            .min();
        let found = found.or_else(|| {
            // "some officials" after "South Korean officials".
            let role = m.role.as_ref()?;
            // "the panel" after "the UN Panel of Experts", "the commission" after "the
            // Kenya National Commission on Human Rights": a body's head word.
            let body = m.kind == SourceKind::Organization;
            self.recent.iter().rev().copied().find(|&id| {
                let n = &self.entries[id].key;
                n.trim_end_matches('s').ends_with(role.as_str())
                    || body
                        && self.entries[id].source.kind == SourceKind::Organization
                        && n.split(' ').any(|w| w == role)
            })
        });
        let unnamed = m.role.is_some() || m.surname.is_none() || m.kind != SourceKind::Person;
        // "the militia", "critics": no official of the issuing government.
        let non_state = m
            .role
            .as_deref()
            .is_some_and(|r| NON_STATE_WORDS.contains(&r) || NON_STATE_ROLES.contains(&r));
        let home = (format == Format::Transcript
            && m.kind != SourceKind::Press
            && (unnamed || turn)
            && !non_state)
            .then(|| self.home.clone())
            .flatten();
        let id = match found {
            Some(id) => {
                let e = &mut self.entries[id];
                if m.kind == SourceKind::Person
                    && e.source.kind == SourceKind::Person
                    && m.name.split(' ').count() > e.source.name.split(' ').count()
                    && m.role.is_none()
                {
                    e.source.name = m.name.clone();
                    e.key = mkey;
                }
                if m.party.is_some() && (e.source.party.is_none() || e.guessed) {
                    e.source.party = m.party.clone();
                    e.guessed = false;
                }
                id
            }
            None => {
                let id = self.entries.len();
                let guessed = m.party.is_none() && home.is_some();
                self.entries.push(Entry {
                    key: mkey,
                    source: Source {
                        id,
                        name: m.name.clone(),
                        party: m.party.clone().or(home),
                        kind: m.kind,
                        mentions: Vec::new(),
                    },
                    surname: m.surname.clone(),
                    role: m.role.clone(),
                    acronyms: Vec::new(),
                    guessed,
                });
                id
            }
        };
        let e = &mut self.entries[id];
        if let Some(a) = m.acronym
            && !e.acronyms.contains(&a)
        {
            e.acronyms.push(a);
        }
        if e.role.is_none() {
            e.role = m.role;
        }
        self.index.keys.entry(e.key.clone()).or_insert(id);
        if e.source.kind == SourceKind::Person
            && let Some(n) = &e.surname
        {
            self.index.surnames.entry(n.clone()).or_insert(id);
        }
        for a in &e.acronyms {
            self.index.acronyms.entry(a.clone()).or_insert(id);
        }
        if !e.source.mentions.contains(&m.text) {
            e.source.mentions.push(m.text);
        }
        self.touch(id);
        id
    }
}

/// Words of a speaker's name or mention that make it a state's: its government, a body or
/// an office-holder of it.
static STATE_WORDS: crate::loader::tokens::WordSet = crate::loader::tokens::WordSet::new(&[
    "army",
    "authorities",
    "brigadier",
    "cabinet",
    "colonel",
    "department",
    "commander",
    "commissioner",
    "constabulary",
    "court",
    "forces",
    "general",
    "government",
    "governor",
    "investigators",
    "judge",
    "junta",
    "mayor",
    "military",
    "minister",
    "ministry",
    "navy",
    "troops",
    "official",
    "officials",
    "police",
    "presidency",
    "president",
    "prosecutor",
    "prosecutors",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
]);

/// A body's name that makes it a state's: `Ministry of ...`, `Department of ...`,
/// `National Police`.
fn is_state_body(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            matches!(
                w.as_str(),
                "ministry" | "department" | "police" | "presidency"
            )
        })
}

/// Words that make a source no state's even beside a state word (`opposition lawmakers`,
/// `the general's lawyer`).
static NON_STATE_WORDS: crate::loader::tokens::WordSet = crate::loader::tokens::WordSet::new(&[
    "association",
    "coalition",
    "federation",
    "lawyer",
    "lawyers",
    "movement",
    "opposition",
    "party",
    "rebels",
    "union",
]);

/// Head words (singular, as a mention's role is kept) of groups that speak for no
/// government.
static NON_STATE_ROLES: crate::loader::tokens::WordSet = crate::loader::tokens::WordSet::new(&[
    "activist", "analyst", "critic", "expert", "family", "group", "militant", "militia", "rebel",
    "resident", "survivor", "witness",
]);

/// Last words of a name that make it a company's or an association's.
static OWN_PARTY_HEADS: crate::loader::tokens::WordSet = crate::loader::tokens::WordSet::new(&[
    "association",
    "company",
    "corporation",
    "energy",
    "federation",
    "foundation",
    "mining",
    "movement",
    "society",
]);

/// The party of a source the text gave none, decided once all the document is read: a
/// state's body, office-holder or officials speak for the country the article is about
/// (`main`; in a transcript the home party is already given where known); a group of
/// people or a company or association that is no state's speaks for itself (`analysts`,
/// `residents`, `Acme Mining`). A person named with no office keeps none.
fn fallback_party(
    src: &Source,
    format: Format,
    main: impl FnOnce() -> Option<String>,
) -> Option<String> {
    if matches!(src.kind, SourceKind::Press | SourceKind::Media) {
        return None;
    }
    let words: Vec<String> = std::iter::once(&src.name)
        .chain(&src.mentions)
        .flat_map(|m| m.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has =
        |set: &crate::loader::tokens::WordSet| words.iter().any(|w| set.contains(&w.as_str()));
    if has(&NON_STATE_WORDS) {
        return own_party(src);
    }
    // A person by any title of office; a group or body by its head word (`military
    // experts` are experts).
    // The head: the last word before a place or complement (`prosecutors in Tucson`,
    // `Department of Foreign Affairs`).
    let head = [" in ", " at ", " of ", " on ", " for "]
        .iter()
        .filter_map(|w| src.name.find(w))
        .min()
        .map_or(src.name.as_str(), |i| &src.name[..i]);
    let last = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let state = match src.kind {
        SourceKind::Person => has(&STATE_WORDS),
        _ => {
            STATE_WORDS.contains(&last.as_str())
                || matches!(
                    last.as_str(),
                    "office"
                        | "commission"
                        | "agency"
                        | "agencies"
                        | "service"
                        | "department"
                        | "secretariat"
                        | "inspectorate"
                        | "directorate"
                        | "authority"
                        | "tribunal"
                )
        }
    };
    if state {
        return if format == Format::Article {
            main()
        } else {
            None
        };
    }
    own_party(src)
}

/// A group, or an organisation a company or association word ends, as its own party.
fn own_party(src: &Source) -> Option<String> {
    let last = src
        .name
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let own = match src.kind {
        SourceKind::Group => true,
        SourceKind::Organization | SourceKind::Person => {
            OWN_PARTY_HEADS.contains(&last.as_str())
                || NON_STATE_ROLES.contains(&last.trim_end_matches('s'))
        }
        _ => false,
    };
    own.then(|| src.name.clone())
}

/// A role whose holder speaks for the government or body named after it.
fn is_official_role(w: &str) -> bool {
    matches!(
        w,
        "adviser"
            | "advisor"
            | "aide"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "ambassador"
            | "diplomat"
            | "envoy"
            | "representative"
            | "officer"
            | "commander"
            | "negotiator"
            | "secretary"
            | "member"
    )
}

/// Whether the last word of a transcript label names a role rather than a person's surname
/// (`OFFICIAL`, `SPOKESPERSON`, `MODERATOR`, `THE PRESIDENT`).
fn is_role_label_word(w: &str) -> bool {
    ROLES.contains(&w)
        || TITLES.contains(&w)
        || matches!(
            w,
            "moderator"
                | "operator"
                | "participant"
                | "briefer"
                | "interpreter"
                | "translator"
                | "host"
                | "panelist"
                | "panellist"
                | "speaker"
                | "voice"
        )
}

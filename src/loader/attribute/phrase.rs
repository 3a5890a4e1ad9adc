//! Speaker phrases: a noun phrase becomes a mention (canonical name, kind, party), and the
//! [`Registry`] merges mentions of one speaker into one [`Source`].

use super::DocInfo;
use crate::loader::gazetteer::{EntityKind, Gazetteer, MatchKind};
use crate::loader::tokens::{Tok, WordSet};
use crate::model::{Format, Source, SourceKind};

static DETERMINERS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "both",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "other",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "its",
    "one",
    "another",
    "unnamed",
    "anonymous",
    "most",
    "all",
    "these",
    "those",
]);

static CONNECTORS: WordSet = WordSet::new(&[
    "of", "for", "to", "from", "and", "or", "&", "de", "del", "al", "bin", "van", "von", "la",
    "le", "on", "in", "at",
]);

/// Nouns that can head a speaker phrase on their own ("officials", "a diplomat").
static ROLES: WordSet = WordSet::new(&[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "minister",
    "ministers",
    "ambassador",
    "envoy",
    "envoys",
    "intelligence",
    "government",
    "authorities",
    "military",
    "police",
    "prosecutors",
    "prosecutor",
    "court",
    "agency",
    "ministry",
    "officer",
    "officers",
    "leader",
    "leaders",
    "sources",
    "colleague",
    "colleagues",
    "general",
    "commander",
    "commanders",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "lawmakers",
    "lawmaker",
    "legislators",
    "investigators",
    "investigator",
    "regime",
    "administration",
    "president",
    "secretary",
    "director",
    "chief",
    "militants",
    "rebels",
    "forces",
    "army",
    "navy",
    "media",
    "office",
    "embassy",
    "mission",
    "delegation",
    "representative",
    "representatives",
    "negotiators",
    "negotiator",
    "staff",
    "staffers",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "witnesses",
    "witness",
    "residents",
    "activists",
    "group",
    "monitor",
    "monitors",
    "observers",
    "watchdog",
    "council",
    "committee",
    "judge",
    "cabinet",
    "parliament",
    "department",
    "service",
    "presidency",
    "ministries",
    "governments",
    "statement",
    "community",
    "spy",
    "premier",
]);

/// Adjectives and nouns that may stand inside a speaker phrase in lower case.
static MODIFIERS: WordSet = WordSet::new(&[
    "senior",
    "top",
    "former",
    "deputy",
    "acting",
    "foreign",
    "defense",
    "defence",
    "state",
    "national",
    "local",
    "security",
    "presidential",
    "high-ranking",
    "high-level",
    "congressional",
    "federal",
    "regional",
    "international",
    "independent",
    "opposition",
    "ruling",
    "party",
    "state-run",
    "news",
    "military",
    "intelligence",
    "government",
    "u.n.",
    "western",
    "press",
    "chief",
    "foreign-ministry",
    "election",
    "health",
    "justice",
    "affairs",
    "interior",
    "trade",
    "finance",
    "human",
    "rights",
    "central",
    "public",
    "unidentified",
    "administration",
    "white",
    "house",
]);

/// Words that open a title before a person's name.
static TITLES: WordSet = WordSet::new(&[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "secretary-general",
    "under-secretary-general",
    "ambassador",
    "envoy",
    "director",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "gen.",
    "admiral",
    "adm.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "lt.",
    "lieutenant",
    "sgt.",
    "sergeant",
    "maj.",
    "commander",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "ayatollah",
    "pope",
    "cardinal",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "judge",
    "justice",
    "journalist",
    "correspondent",
    "reporter",
    "analyst",
    "professor",
    "prof.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "ms",
    "mrs",
    "dr",
    "miss",
    "sir",
    "lord",
    "dame",
    "deputy",
    "coordinator",
    "officer",
    "official",
    "counselor",
    "adviser",
    "advisor",
    "attorney",
    "prosecutor",
    "lawyer",
    "premier",
    "head",
    "founder",
    "administrator",
    "inspector",
    "amb.",
    "sec.",
    "pres.",
    "foreign",
    "defense",
    "spokesperson",
    "rapporteur",
    "delegate",
    "negotiator",
    "anchor",
    "editor",
]);

/// Words that make a capitalised phrase an organisation rather than a person.
static ORG_WORDS: WordSet = WordSet::new(&[
    "service",
    "council",
    "agency",
    "ministry",
    "department",
    "office",
    "committee",
    "forces",
    "army",
    "government",
    "court",
    "commission",
    "union",
    "organization",
    "organisation",
    "bank",
    "party",
    "community",
    "institute",
    "center",
    "centre",
    "foundation",
    "association",
    "group",
    "administration",
    "research",
    "news",
    "times",
    "post",
    "network",
    "corporation",
    "company",
    "embassy",
    "mission",
    "police",
    "navy",
    "guard",
    "command",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "presidency",
    "secretariat",
    "bureau",
    "authority",
    "board",
    "tribunal",
    "university",
    "watch",
    "international",
    "campaign",
    "coalition",
    "front",
    "movement",
    "brigade",
    "militia",
    "state",
    "house",
    "program",
    "programme",
    "fund",
    "alliance",
    "league",
    "council",
    "intelligence",
]);

/// Capitalised words that never name a speaker by themselves.
static STOP_CAPS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "meanwhile",
    "however",
    "but",
    "and",
    "so",
    "as",
    "when",
    "while",
    "if",
    "although",
    "yet",
    "still",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "this",
    "that",
    "these",
    "those",
    "it",
    "there",
    "here",
    "despite",
    "according",
    "well",
    "sure",
    "thanks",
    "western",
    "eastern",
    "northern",
    "southern",
    "such",
    "any",
    "every",
    "no",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "for",
    "with",
    "by",
    "from",
    "to",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "let",
    "thank",
    "please",
    "over",
    "under",
    "let's",
    "click",
    "attribution",
    "mm-hmm",
    "okay",
    "ok",
    "yes",
    "even",
]);

static PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "we", "i", "it"]);

/// True for a determiner that opens a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(&w)
}

/// True for a word that joins parts of a name ("Department of State").
pub fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
}

/// True for a noun that can head a speaker phrase.
pub fn is_role(w: &str) -> bool {
    ROLES.contains(&w)
}

/// True for a pronoun that can be a reporting verb's subject.
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w)
}

/// Whether token `t` (lower-cased `w`) can be part of a speaker phrase.
pub fn is_np_word(text: &str, t: &Tok, w: &str) -> bool {
    if t.capitalized(text) && STOP_CAPS.contains(&w) && !t.possessive() {
        return false;
    }
    t.capitalized(text)
        || ROLES.contains(&w)
        || MODIFIERS.contains(&w)
        || DETERMINERS.contains(&w)
        || CONNECTORS.contains(&w)
}

/// True when the phrase contains a title word.
pub fn has_title(text: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| t.word && TITLES.contains(&t.text(text).to_lowercase().as_str()))
}

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
    texts: &'a [&'a str],
    /// Built on first use: most documents never need it.
    names: std::cell::OnceCell<NameIndex>,
    index: SourceIndex,
    /// Speaker phrases already read, and the sources they named.
    cache: std::collections::HashMap<String, Vec<usize>>,
}

impl<'g, 'a> Registry<'g, 'a> {
    /// A registry for one document; `sentences` are its texts, for the home party and for
    /// completing short names.
    pub fn new(gaz: &'g Gazetteer, doc: DocInfo<'a>, texts: &'a [&'a str]) -> Registry<'g, 'a> {
        Registry {
            gaz,
            entries: Vec::new(),
            recent: Vec::new(),
            home: home_party(gaz, doc, texts.iter().copied()),
            title: doc.title,
            texts,
            names: std::cell::OnceCell::new(),
            cache: std::collections::HashMap::new(),
            index: SourceIndex::default(),
        }
    }

    fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| {
            NameIndex::build(self.title.into_iter().chain(self.texts.iter().copied()))
        })
    }

    /// Marks a source as the most recently mentioned.
    pub fn touch(&mut self, id: usize) {
        self.recent.retain(|&r| r != id);
        self.recent.push(id);
    }

    /// The sources, in order of first mention.
    pub fn into_sources(self) -> Vec<Source> {
        self.entries.into_iter().map(|e| e.source).collect()
    }

    /// The source of a transcript turn label (`MR PRICE`, `QUESTION`).
    pub fn turn_speaker(&mut self, label: &str) -> usize {
        let press = super::label_kind(label) == SourceKind::Press;
        let m = if press {
            Mention {
                text: label.to_owned(),
                name: "Reporter".to_owned(),
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
            let full = self.names().full_name(&surname);
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
            let person_like = words.len() <= 3
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
                if let Some(id) = self.pronoun(p) {
                    ids.push(id);
                }
                continue;
            }
            ids.push(self.add(m, format, false));
        }
        if stateless {
            self.cache.insert(phrase.to_owned(), ids.clone());
        }
        ids
    }

    fn pronoun(&self, p: &str) -> Option<usize> {
        let want_person = matches!(p, "he" | "she");
        if !want_person && p != "they" {
            return None;
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

    /// Understands one conjunct.
    fn mention(&self, text: &str, toks: &[Tok]) -> Option<Mention> {
        // Only the phrase is folded, not the whole sentence: called once per speaker phrase,
        // folding a huge sentence each time made attribution quadratic.
        let base = toks.first().map_or(0, |t| t.start);
        let folded = text[base..toks.last().map_or(base, |t| t.end)].to_ascii_lowercase();
        let lower: Vec<&str> = toks
            .iter()
            .map(|t| &folded[t.start - base..t.end - base])
            .collect();
        if toks.len() == 1 && is_pronoun(lower[0]) {
            return Some(Mention {
                pronoun: Some(lower[0].to_owned()),
                ..blank(text, toks)
            });
        }
        // Bracketed acronym: "The U.S. Intelligence Community (USIC)".
        let mut acronym = None;
        let mut keep: Vec<usize> = Vec::new();
        let mut depth = 0;
        for (i, t) in toks.iter().enumerate() {
            if t.is(text, '(') {
                depth += 1;
            } else if t.is(text, ')') {
                depth -= 1;
            } else if depth > 0 {
                if t.word && t.text(text).chars().all(|c| c.is_uppercase() || c == '.') {
                    acronym = Some(t.text(text).to_owned());
                }
            } else if t.word {
                keep.push(i);
            }
        }
        // Leading determiners go.
        while keep.first().is_some_and(|&i| is_determiner(lower[i])) {
            keep.remove(0);
        }
        let &first = keep.first()?;
        let &last = keep.last()?;
        // A possessor ("South Korea’s National Security Council") gives the party.
        let poss = keep
            .iter()
            .rposition(|&i| toks[i].possessive() && i != last);
        let head: Vec<usize> = match poss {
            Some(p) => keep[p + 1..].to_vec(),
            None => keep.clone(),
        };
        let &hfirst = head.first()?;
        let whole = &text[toks[first].start..toks[last].end];
        let head_text = &text[toks[hfirst].start..toks[last].end];
        let matches = self.gaz.find(whole);
        let base = toks[first].start;
        let party_of =
            |m: &crate::loader::gazetteer::Match| self.gaz.entity(m.entity).party.clone();
        let first_party = matches.iter().find_map(party_of);
        let mut m = blank(text, &toks[first..=last]);
        m.text = whole.to_owned();
        m.acronym = acronym.clone();

        // A person: a run of capitalised non-title words at the end.
        let mut run = Vec::new();
        for &i in head.iter().rev() {
            let t = &toks[i];
            let w = &lower[i];
            let in_gaz = matches
                .iter()
                .any(|g| t.start >= base + g.start && t.end <= base + g.end);
            if t.capitalized(text)
                && !TITLES.contains(w)
                && !ORG_WORDS.contains(w)
                && !in_gaz
                && !STOP_CAPS.contains(w)
                && !ROLES.contains(w)
            {
                run.push(i);
            } else {
                break;
            }
        }
        run.reverse();
        let all_caps = |i: usize| {
            toks[i]
                .text(text)
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        let titled = head.len() > run.len();
        // A lone all-caps word is an acronym, not a name.
        let acronym_only = run.len() == 1 && all_caps(run[0]) && toks[run[0]].text(text).len() > 1;
        if !run.is_empty() && !acronym_only {
            let only_name = !titled
                || head[..head.len() - run.len()].iter().all(|&i| {
                    TITLES.contains(&lower[i])
                        || toks[i].capitalized(text)
                        || MODIFIERS.contains(&lower[i])
                        || is_connector(lower[i])
                        || is_determiner(lower[i])
                        || ROLES.contains(&lower[i])
                });
            if only_name {
                let name = run
                    .iter()
                    .map(|&i| toks[i].base(text))
                    .collect::<Vec<_>>()
                    .join(" ");
                m.surname = run.last().map(|&i| toks[i].base(text).to_owned());
                m.name = name;
                m.kind = SourceKind::Person;
                // "a spokesman for the ministry": the party of the ministry met before.
                m.contextual = first_party.is_none();
                m.party = first_party.or_else(|| {
                    let role = head
                        .iter()
                        .find(|&&i| ROLES.contains(&lower[i]) && !TITLES.contains(&lower[i]))?;
                    self.recent_with_role(lower[*role])
                });
                return Some(m);
            }
        }
        // An acronym the document spells out ("Conflict Armament Research ... CAR") means
        // what the document says, even where the gazetteer knows another meaning.
        if head.len() == 1 && all_caps(hfirst) && toks[hfirst].text(text).len() > 1 {
            let a = toks[hfirst].base(text);
            if let Some(full) = self.names().expand(a) {
                let known = self.gaz.lookup(&full).map(|(id, _)| self.gaz.entity(id));
                m.acronym = Some(a.to_owned());
                m.kind = SourceKind::Organization;
                m.party = known.map_or_else(|| Some(full.clone()), |e| e.party.clone());
                m.name = known.map_or(full, |e| e.name.clone());
                return Some(m);
            }
        }
        // A role in a place: "officials in Minsk" speak for Belarus.
        if let Some(k) = head.iter().position(|&i| matches!(lower[i], "in" | "at"))
            && k > 0
            && ROLES.contains(&lower[head[k - 1]])
            && let Some(p) = matches.iter().find(|g| base + g.start >= toks[head[k]].end)
        {
            m.name = head_text.to_owned();
            m.kind = SourceKind::Group;
            m.party = self.gaz.entity(p.entity).party.clone();
            return Some(m);
        }
        // A gazetteer entity at the end: country, capital, seat, body, organisation, outlet.
        if let Some(g) = matches
            .iter()
            .rev()
            .find(|g| base + g.end >= toks[last].base_end)
        {
            let e = self.gaz.entity(g.entity);
            let written = &whole[g.start..g.end];
            let poss_party = poss.and_then(|p| {
                let ptext = &text[toks[first].start..toks[keep[p]].base_end];
                self.gaz.find(ptext).iter().find_map(party_of)
            });
            // A generic body ("Foreign Ministry") takes its country from the phrase.
            let generic = e.party.is_none();
            m.party = poss_party
                .or_else(|| e.party.clone())
                .or_else(|| first_party.clone());
            (m.name, m.kind) = match (e.kind, g.how) {
                // "Russia's Foreign Ministry" and "Ukraine's Foreign Ministry" stay apart.
                _ if generic => (whole.to_owned(), SourceKind::Organization),
                (EntityKind::Country, MatchKind::Demonym) => {
                    (head_text.to_owned(), SourceKind::Group)
                }
                (EntityKind::Country, MatchKind::Seat) => {
                    (written.to_owned(), SourceKind::Organization)
                }
                (EntityKind::Country, _) => (e.name.clone(), SourceKind::Country),
                (EntityKind::Media, _) => (e.name.clone(), SourceKind::Media),
                _ => (e.name.clone(), SourceKind::Organization),
            };
            return Some(m);
        }
        // A role phrase: "South Korean officials", "a senior official from Korea President office".
        if ROLES.contains(&lower[last]) {
            let named = head
                .iter()
                .any(|&i| toks[i].capitalized(text) && !ROLES.contains(&lower[i]));
            let head_word = lower[last].trim_end_matches('s').to_owned();
            m.name = head_text.to_owned();
            m.party = if lower[last] == "media" {
                Some("media".to_owned())
            } else {
                matches.iter().find_map(party_of)
            };
            m.kind = if lower[last].ends_with('s')
                || matches!(
                    lower[last],
                    "intelligence"
                        | "government"
                        | "military"
                        | "police"
                        | "authorities"
                        | "media"
                        | "staff"
                ) {
                SourceKind::Group
            } else if matches!(
                lower[last],
                "ministry"
                    | "agency"
                    | "office"
                    | "embassy"
                    | "mission"
                    | "council"
                    | "committee"
                    | "court"
                    | "department"
                    | "service"
                    | "administration"
                    | "cabinet"
                    | "parliament"
                    | "presidency"
                    | "regime"
            ) {
                SourceKind::Organization
            } else {
                SourceKind::Person
            };
            if !named && head.len() == 1 {
                m.role = Some(head_word);
                m.name = title_if_capitalized(text, &toks[last]);
            } else if !named {
                m.role = Some(head_word);
            }
            return Some(m);
        }
        // An acronym alone ("CAR"), expanded from the document where it can be.
        if head.len() == 1 && all_caps(hfirst) && toks[hfirst].text(text).len() > 1 {
            let a = toks[hfirst].base(text).to_owned();
            m.name = self.names().expand(&a).unwrap_or_else(|| a.clone());
            m.acronym = Some(a);
            m.kind = SourceKind::Organization;
            m.party = Some(m.name.clone());
            return Some(m);
        }
        // A capitalised name with an organisation word: its own party.
        if head
            .iter()
            .all(|&i| toks[i].capitalized(text) || is_connector(lower[i]))
            && head.iter().any(|&i| ORG_WORDS.contains(&lower[i]))
        {
            m.name = head_text.to_owned();
            m.kind = SourceKind::Organization;
            m.party = first_party.or_else(|| Some(m.name.clone()));
            return Some(m);
        }
        None
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
            self.recent.iter().rev().copied().find(|&id| {
                let n = &self.entries[id].key;
                n.trim_end_matches('s').ends_with(role.as_str())
            })
        });
        let unnamed = m.role.is_some() || m.surname.is_none() || m.kind != SourceKind::Person;
        let home =
            (format == Format::Transcript && m.kind != SourceKind::Press && (unnamed || turn))
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

fn blank(text: &str, toks: &[Tok]) -> Mention {
    let s = toks.first().map_or(0, |t| t.start);
    let e = toks.last().map_or(0, |t| t.end);
    Mention {
        text: text[s..e].to_owned(),
        name: text[s..e].to_owned(),
        kind: SourceKind::Person,
        party: None,
        surname: None,
        role: None,
        acronym: None,
        pronoun: None,
        contextual: false,
    }
}

fn title_if_capitalized(text: &str, t: &Tok) -> String {
    t.base(text).to_owned()
}

fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Names the document spells out, for completing short ones: "John Kirby" for "Kirby" and
/// "Conflict Armament Research" for "CAR". Built in one pass; first occurrence wins.
#[derive(Debug, Default)]
pub struct NameIndex {
    full: std::collections::HashMap<String, String>,
    initials: std::collections::HashMap<String, String>,
}

impl NameIndex {
    /// Indexes the capitalised word runs of `texts`.
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> NameIndex {
        let mut index = NameIndex::default();
        for text in texts {
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
                    index.add_run(&run);
                    run.clear();
                }
            }
        }
        index
    }

    fn add_run(&mut self, run: &[&str]) {
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
        for len in 2..=run.len().min(6) {
            for window in run.windows(len) {
                let key: String = window.iter().filter_map(|w| w.chars().next()).collect();
                self.initials.entry(key).or_insert_with(|| window.join(" "));
            }
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

/// The party a transcript's officials speak for when the text does not say: the government
/// body named in the title, else the first one with a country in the text, else the source
/// address (a `.gov` host, or a path segment naming a country or body).
fn home_party<'a>(
    gaz: &Gazetteer,
    doc: DocInfo,
    mut sentences: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let body_party = |s: &str| {
        gaz.find(s).iter().find_map(|m| {
            let e = gaz.entity(m.entity);
            (e.kind == EntityKind::Body || m.how == MatchKind::Seat)
                .then(|| e.party.clone())
                .flatten()
        })
    };
    if let Some(p) = doc.title.and_then(body_party) {
        return Some(p);
    }
    from_address(gaz, doc.source).or_else(|| sentences.find_map(body_party))
}

/// The party a source address speaks for: a `.gov`/`.mil` host, or a path segment naming a
/// country or government body (`/united-states/white-house/`).
fn from_address(gaz: &Gazetteer, url: Option<&str>) -> Option<String> {
    let url = url?;
    let rest = url.split("://").nth(1).unwrap_or(url);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or("");
    if host.ends_with(".gov") || host.ends_with(".mil") {
        return Some("United States".to_owned());
    }
    parts.find_map(|seg| {
        let words: Vec<String> = seg.split('-').map(title_case).collect();
        let phrase = words.join(" ");
        let (id, _) = gaz.lookup(&phrase)?;
        gaz.entity(id).party.clone()
    })
}

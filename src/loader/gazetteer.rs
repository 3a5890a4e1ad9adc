//! The gazetteer: countries, capitals, demonyms, international organisations, government
//! bodies and news outlets, from `assets/gazetteer.toml`.
//!
//! Every name, alias, capital, demonym and seat becomes a pattern in one hash table, built
//! once; [`Gazetteer::find`] looks up the pieces of a text that start and end on word
//! boundaries (a second table, of the patterns' prefixes that end on a boundary, stops each
//! walk at the first piece no pattern begins with) and reports leftmost-longest,
//! non-overlapping matches. A table is built in a fraction of the time an automaton over the
//! same five thousand patterns takes, and the first frame waits for it. Patterns match in the case written in the data, and
//! also in two derived forms: all upper case (transcript labels such as `RUSSIA:`) and, for
//! names that start in lower case (`al-Qaeda`, `police`), with a capital first letter
//! (sentence starts). The typewriter apostrophe `'` and the typographic `’` are
//! interchangeable. Phrases of the `[ignore]` table are matched and swallowed, so that, for
//! example, "South China Sea" does not report "China".

use super::tokens::Fnv;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::LazyLock;

/// The shipped gazetteer.
pub const GAZETTEER_TOML: &str = include_str!("../../assets/gazetteer.toml");

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A sovereign state or territory (its own party).
    Country,
    /// An international organisation, NGO or armed group.
    Organization,
    /// A government body of one country, or a generic one ("Foreign Ministry").
    Body,
    /// A news outlet (party `"media"`).
    Media,
}

/// One entry of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The canonical name.
    pub name: String,
    /// What sort of thing it is.
    pub kind: EntityKind,
    /// The party it speaks for: the country's own name for a country, the country of a body
    /// (`None` for a generic body whose country comes from context), the organisation's
    /// party, `"media"` for a news outlet.
    pub party: Option<String>,
}

/// Which of an entity's names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// The canonical name.
    Name,
    /// An alias.
    Alias,
    /// A capital city (of a country).
    Capital,
    /// A demonym ("Russian", "Russians").
    Demonym,
    /// A seat of government used as a metonym ("Kremlin").
    Seat,
}

/// A match of [`Gazetteer::find`]: byte offsets into the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity id (see [`Gazetteer::entity`]).
    pub entity: usize,
    /// Which of its names matched.
    pub how: MatchKind,
}

/// Why a gazetteer file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The TOML does not parse or does not fit the schema.
    #[error("gazetteer: {0}")]
    Toml(#[from] toml::de::Error),
    /// Two entries share a canonical name.
    #[error("gazetteer: duplicate canonical name {0:?}")]
    Duplicate(String),
    /// A body names a country that is not in the file.
    #[error("gazetteer: body {body:?} names unknown country {country:?}")]
    UnknownCountry {
        /// The body.
        body: String,
        /// The country it names.
        country: String,
    },
    /// An issuer names a party that no country or organisation has.
    #[error("gazetteer: issuer names unknown party {0:?}")]
    UnknownIssuer(String),
    /// An empty name, alias or party.
    #[error("gazetteer: empty string in the entry of {0:?}")]
    Empty(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    country: Vec<CountryRec>,
    #[serde(default)]
    organization: Vec<OrgRec>,
    #[serde(default)]
    body: Vec<BodyRec>,
    #[serde(default)]
    media: Vec<MediaRec>,
    #[serde(default)]
    issuer: Vec<IssuerRec>,
    #[serde(default)]
    ignore: IgnoreRec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuerRec {
    party: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    licenses: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryRec {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    capital: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    seats: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgRec {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    party: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyRec {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MediaRec {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct IgnoreRec {
    #[serde(default)]
    phrases: Vec<String>,
}

/// What a pattern stands for; `entity == None` is an ignored phrase.
#[derive(Debug, Clone, Copy)]
struct Target {
    entity: Option<usize>,
    how: MatchKind,
    /// Written in the data (not a derived case or apostrophe form).
    exact: bool,
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// The gazetteer: entities and one table of all their names.
#[derive(Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// Pattern text -> pattern id.
    patterns: HashMap<String, usize, FnvBuild>,
    /// Hashes of every pattern's prefixes that end where the pattern goes on with a character
    /// that is not a letter or digit, and of every whole pattern (see [`Gazetteer::find`]).
    prefixes: HashSet<u64, FnvBuild>,
    /// Pattern id -> target.
    targets: Vec<Target>,
    /// Normalised phrase (’ as ') -> target, for [`Gazetteer::lookup`].
    phrases: HashMap<String, Target, FnvBuild>,
    /// Canonical country name -> entity id.
    countries: HashMap<String, usize, FnvBuild>,
    /// Names written in the data for two different entities (the first one wins).
    conflicts: Vec<String>,
    /// Host name (lower case) -> the party that publishes under it.
    domains: HashMap<String, String>,
    /// Licence phrases (lower case) with the party whose works they mark, longest first.
    licenses: Vec<(String, String)>,
    /// Names of briefing series (lower case) with the party that holds them, longest first.
    series: Vec<(String, String)>,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_toml(GAZETTEER_TOML).expect("the embedded assets/gazetteer.toml is valid")
});

/// `’` becomes `'`.
fn normalise(s: &str) -> String {
    s.replace('’', "'")
}

/// The derived forms of a name written in the data (the name itself first).
fn variants(name: &str) -> Vec<(String, bool)> {
    let mut bases = vec![name.to_owned()];
    if name.contains('\'') {
        bases.push(name.replace('\'', "’"));
    } else if name.contains('’') {
        bases.push(name.replace('’', "'"));
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: String, exact: bool| {
        if !out.iter().any(|(t, _)| *t == s) {
            out.push((s, exact));
        }
    };
    for (i, b) in bases.iter().enumerate() {
        push(b.clone(), i == 0);
    }
    for b in &bases {
        if b.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            push(b.to_uppercase(), false);
        }
        let mut cs = b.chars();
        if let Some(first) = cs.next()
            && first.is_lowercase()
        {
            push(first.to_uppercase().chain(cs).collect(), false);
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The hash a piece of text has in the prefix table.
fn piece_hash(s: &str) -> u64 {
    let mut h = Fnv::default();
    s.hash(&mut h);
    h.finish()
}

impl Gazetteer {
    /// The shipped gazetteer, parsed once.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Parses a gazetteer in the format of `assets/gazetteer.toml`.
    pub fn from_toml(src: &str) -> Result<Gazetteer, GazetteerError> {
        let file: File = toml::from_str(src)?;
        let mut entities: Vec<Entity> = Vec::new();
        let mut names: Vec<(String, Option<usize>, MatchKind)> = Vec::new();
        let mut canon: HashMap<String, usize, FnvBuild> = HashMap::default();
        let mut countries = HashMap::default();

        let mut add_entity = |entities: &mut Vec<Entity>,
                              e: Entity|
         -> Result<usize, GazetteerError> {
            if e.name.trim().is_empty() || e.party.as_deref().is_some_and(|p| p.trim().is_empty()) {
                return Err(GazetteerError::Empty(e.name));
            }
            let id = entities.len();
            if canon.insert(e.name.clone(), id).is_some() {
                return Err(GazetteerError::Duplicate(e.name));
            }
            entities.push(e);
            Ok(id)
        };
        let list = |names: &mut Vec<(String, Option<usize>, MatchKind)>,
                    id: usize,
                    how: MatchKind,
                    items: &[String]|
         -> Result<(), GazetteerError> {
            for s in items {
                if s.trim().is_empty() {
                    return Err(GazetteerError::Empty(s.clone()));
                }
                names.push((s.trim().to_owned(), Some(id), how));
            }
            Ok(())
        };

        for c in &file.country {
            let id = add_entity(
                &mut entities,
                Entity {
                    name: c.name.clone(),
                    kind: EntityKind::Country,
                    party: Some(c.name.clone()),
                },
            )?;
            countries.insert(c.name.clone(), id);
            names.push((c.name.clone(), Some(id), MatchKind::Name));
            list(&mut names, id, MatchKind::Alias, &c.aliases)?;
            list(&mut names, id, MatchKind::Capital, &c.capital)?;
            list(&mut names, id, MatchKind::Demonym, &c.demonyms)?;
            list(&mut names, id, MatchKind::Seat, &c.seats)?;
        }
        for o in &file.organization {
            let id = add_entity(
                &mut entities,
                Entity {
                    name: o.name.clone(),
                    kind: EntityKind::Organization,
                    party: Some(o.party.clone().unwrap_or_else(|| o.name.clone())),
                },
            )?;
            names.push((o.name.clone(), Some(id), MatchKind::Name));
            list(&mut names, id, MatchKind::Alias, &o.aliases)?;
        }
        for b in &file.body {
            if let Some(c) = &b.country
                && !countries.contains_key(c)
            {
                return Err(GazetteerError::UnknownCountry {
                    body: b.name.clone(),
                    country: c.clone(),
                });
            }
            let id = add_entity(
                &mut entities,
                Entity {
                    name: b.name.clone(),
                    kind: EntityKind::Body,
                    party: b.country.clone(),
                },
            )?;
            names.push((b.name.clone(), Some(id), MatchKind::Name));
            list(&mut names, id, MatchKind::Alias, &b.aliases)?;
        }
        for m in &file.media {
            let id = add_entity(
                &mut entities,
                Entity {
                    name: m.name.clone(),
                    kind: EntityKind::Media,
                    party: Some("media".to_owned()),
                },
            )?;
            names.push((m.name.clone(), Some(id), MatchKind::Name));
            list(&mut names, id, MatchKind::Alias, &m.aliases)?;
        }
        let (mut domains, mut licenses, mut series) = (HashMap::new(), Vec::new(), Vec::new());
        for i in &file.issuer {
            if !entities
                .iter()
                .any(|e| e.party.as_deref() == Some(i.party.as_str()))
            {
                return Err(GazetteerError::UnknownIssuer(i.party.clone()));
            }
            for d in &i.domains {
                let d = d.trim().trim_start_matches('.').to_ascii_lowercase();
                if d.is_empty() {
                    return Err(GazetteerError::Empty(i.party.clone()));
                }
                domains.insert(d, i.party.clone());
            }
            for l in &i.licenses {
                if l.trim().is_empty() {
                    return Err(GazetteerError::Empty(i.party.clone()));
                }
                licenses.push((l.trim().to_lowercase(), i.party.clone()));
            }
            for t in &i.titles {
                if t.trim().is_empty() {
                    return Err(GazetteerError::Empty(i.party.clone()));
                }
                series.push((t.trim().to_lowercase(), i.party.clone()));
            }
        }
        licenses.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        series.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        for p in &file.ignore.phrases {
            if p.trim().is_empty() {
                return Err(GazetteerError::Empty(p.clone()));
            }
            names.push((p.trim().to_owned(), None, MatchKind::Name));
        }

        // Pattern text -> index into `patterns`; data-written names beat derived forms, and
        // among data-written names the first one wins (a conflict is recorded).
        let mut index: HashMap<String, usize, FnvBuild> =
            HashMap::with_capacity_and_hasher(names.len() * 2, FnvBuild::default());
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Target> = Vec::new();
        let mut conflicts = Vec::new();
        for (name, entity, how) in &names {
            for (text, exact) in variants(name) {
                let t = Target {
                    entity: *entity,
                    how: *how,
                    exact,
                };
                match index.get(&text) {
                    None => {
                        index.insert(text.clone(), patterns.len());
                        patterns.push(text);
                        targets.push(t);
                    }
                    Some(&i) => {
                        let old = targets[i];
                        if old.entity == t.entity {
                            // Same entity: keep the stronger kind (a name beats a capital).
                            if !old.exact && exact {
                                targets[i] = t;
                            }
                        } else if !old.exact && exact {
                            targets[i] = t;
                        } else if old.exact && exact {
                            let who = |e: Option<usize>| {
                                e.map_or("[ignore]".to_owned(), |e| entities[e].name.clone())
                            };
                            conflicts.push(format!(
                                "{text:?}: {} and {}",
                                who(old.entity),
                                who(t.entity)
                            ));
                        }
                    }
                }
            }
        }

        let mut phrases = HashMap::with_capacity_and_hasher(patterns.len(), FnvBuild::default());
        for (p, t) in patterns.iter().zip(&targets) {
            let key = normalise(p);
            let slot = phrases.entry(key).or_insert(*t);
            if !slot.exact && t.exact {
                *slot = *t;
            }
        }
        let mut prefixes = HashSet::default();
        for p in &patterns {
            prefixes.insert(piece_hash(p));
            for (k, c) in p.char_indices() {
                if k > 0 && !is_word_char(c) {
                    prefixes.insert(piece_hash(&p[..k]));
                }
            }
        }
        let patterns = patterns
            .into_iter()
            .enumerate()
            .map(|(i, p)| (p, i))
            .collect();
        Ok(Gazetteer {
            entities,
            patterns,
            prefixes,
            targets,
            phrases,
            countries,
            conflicts,
            domains,
            licenses,
            series,
        })
    }

    /// The party that holds a briefing series a title names (`Department Press Briefing`).
    pub fn issuer_of_title(&self, title: &str) -> Option<&str> {
        let lower = title.to_lowercase();
        self.series
            .iter()
            .find(|(t, _)| lower.contains(t.as_str()))
            .map(|(_, p)| p.as_str())
    }

    /// The party that publishes under a web host (`www.state.gov`, `www.gov.uk`): the
    /// longest issuer domain the host equals or ends in (after a dot).
    pub fn issuer_of_host(&self, host: &str) -> Option<&str> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let mut rest = host.as_str();
        loop {
            if let Some(p) = self.domains.get(rest) {
                return Some(p);
            }
            rest = &rest[rest.find('.')? + 1..];
        }
    }

    /// The party whose works a licence text marks (`public domain (U.S. government work)`).
    pub fn issuer_of_license(&self, license: &str) -> Option<&str> {
        let lower = license.to_lowercase();
        self.licenses
            .iter()
            .find(|(l, _)| lower.contains(l.as_str()))
            .map(|(_, p)| p.as_str())
    }

    /// The entity with this id.
    ///
    /// # Panics
    /// If the id does not come from this gazetteer.
    pub fn entity(&self, id: usize) -> &Entity {
        &self.entities[id]
    }

    /// All entities; an entity's id is its index.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Names written in the data for two different entities, as `"name": first and second`
    /// (the first entity wins). Empty for the shipped file.
    pub fn conflicts(&self) -> &[String] {
        &self.conflicts
    }

    /// All matches in `text`, in order: leftmost-longest, non-overlapping, each on word
    /// boundaries (not preceded or followed by a letter or digit). Ignored phrases take part
    /// in the choice but are not reported.
    pub fn find(&self, text: &str) -> Vec<Match> {
        // All candidates on word boundaries, then the leftmost-longest choice among them, so
        // that a longer candidate that fails the boundary test does not hide a shorter one.
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let mut after_word = false;
        for (s, c) in text.char_indices() {
            // A start: not after a letter or digit; no pattern starts with a blank.
            let start = !after_word && !c.is_whitespace();
            after_word = is_word_char(c);
            if !start {
                continue;
            }
            // The ends: before a character that is not a letter or digit, or at the end.
            let ends = text[s..]
                .char_indices()
                .skip(1)
                .filter(|&(_, c)| !is_word_char(c))
                .map(|(o, _)| s + o)
                .chain(std::iter::once(text.len()));
            for e in ends {
                let piece = &text[s..e];
                // No pattern goes on past a piece that begins none of them.
                if !self.prefixes.contains(&piece_hash(piece)) {
                    break;
                }
                if let Some(&p) = self.patterns.get(piece) {
                    cands.push((s, e, p));
                }
            }
        }
        cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut pos = 0;
        for (s, e, p) in cands {
            if s < pos {
                continue;
            }
            pos = e;
            let t = self.targets[p];
            if let Some(entity) = t.entity {
                out.push(Match {
                    start: s,
                    end: e,
                    entity,
                    how: t.how,
                });
            }
        }
        out
    }

    /// Looks up a whole phrase (trimmed; inner whitespace collapsed; `’` and `'` alike; a
    /// trailing possessive `'s` or `'` is dropped if the phrase itself is unknown). Case as in
    /// [`Gazetteer::find`].
    pub fn lookup(&self, phrase: &str) -> Option<(usize, MatchKind)> {
        let key = normalise(&phrase.split_whitespace().collect::<Vec<_>>().join(" "));
        let get = |k: &str| {
            self.phrases
                .get(k)
                .and_then(|t| t.entity.map(|e| (e, t.how)))
        };
        get(&key).or_else(|| {
            let stem = key
                .strip_suffix("'s")
                .or_else(|| key.strip_suffix("'S"))
                .or_else(|| key.strip_suffix('\''))?;
            get(stem)
        })
    }

    /// The entity id of a country, by canonical name (or, failing that, by any name that
    /// [`Gazetteer::lookup`] resolves to a country).
    pub fn country(&self, name: &str) -> Option<usize> {
        self.countries.get(name).copied().or_else(|| {
            let (id, _) = self.lookup(name)?;
            (self.entities[id].kind == EntityKind::Country).then_some(id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    /// `(matched text, canonical name, how)` of every match.
    fn found(text: &str) -> Vec<(&str, String, MatchKind)> {
        g().find(text)
            .into_iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    g().entity(m.entity).name.clone(),
                    m.how,
                )
            })
            .collect()
    }

    fn names(text: &str) -> Vec<(String, String)> {
        found(text)
            .into_iter()
            .map(|(t, n, _)| (t.to_owned(), n))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    fn party(phrase: &str) -> Option<String> {
        let (id, _) = g()
            .lookup(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} unknown"));
        g().entity(id).party.clone()
    }

    fn count(kind: EntityKind) -> usize {
        g().entities().iter().filter(|e| e.kind == kind).count()
    }

    #[test]
    fn embedded_parses_without_conflicts() {
        let g = g();
        assert!(g.conflicts().is_empty(), "{:#?}", g.conflicts());
        assert!(
            count(EntityKind::Country) >= 199,
            "{}",
            count(EntityKind::Country)
        );
        assert!(count(EntityKind::Organization) >= 80);
        assert!(count(EntityKind::Body) >= 120);
        assert!(count(EntityKind::Media) >= 60);
    }

    #[test]
    fn issuers_by_host_and_licence() {
        let g = g();
        assert_eq!(g.issuer_of_host("www.state.gov"), Some("United States"));
        assert_eq!(
            g.issuer_of_host("osce.usmission.gov"),
            Some("United States")
        );
        assert_eq!(g.issuer_of_host("WWW.GOV.UK"), Some("United Kingdom"));
        assert_eq!(g.issuer_of_host("mfa.gov.ua"), Some("Ukraine"));
        assert_eq!(g.issuer_of_host("news.un.org"), Some("United Nations"));
        assert_eq!(g.issuer_of_host("www.example.com"), None);
        assert_eq!(g.issuer_of_host("governor.example.org"), None);
        let us = "public domain (a U.S. Government work)";
        assert_eq!(g.issuer_of_license(us), Some("United States"));
        let uk = "Open Government Licence v3.0";
        assert_eq!(g.issuer_of_license(uk), Some("United Kingdom"));
        let ca = "Open Government Licence - Canada";
        assert_eq!(
            g.issuer_of_license(ca),
            Some("Canada"),
            "the longest phrase wins"
        );
        assert_eq!(g.issuer_of_license("CC BY 4.0"), None);
        let t = "Department Press Briefing - March 3, 2021";
        assert_eq!(g.issuer_of_title(t), Some("United States"));
        assert_eq!(g.issuer_of_title("Press Briefing on Mali"), None);
        let bad = "[[issuer]]\nparty = \"Atlantis\"\ndomains = [\"gov.at\"]\n";
        assert!(matches!(
            Gazetteer::from_toml(bad),
            Err(GazetteerError::UnknownIssuer(_))
        ));
    }

    #[test]
    fn canonical_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for e in g().entities() {
            assert!(seen.insert(e.name.as_str()), "duplicate {:?}", e.name);
        }
    }

    #[test]
    fn every_name_resolves_to_its_own_entity() {
        // Each canonical name looks up to its entity: no other entity took it.
        for (id, e) in g().entities().iter().enumerate() {
            assert_eq!(
                g().lookup(&e.name),
                Some((id, MatchKind::Name)),
                "{}",
                e.name
            );
        }
    }

    #[test]
    fn duplicates_and_conflicts_are_reported() {
        let dup = "[[country]]\nname = \"A\"\n[[media]]\nname = \"A\"\n";
        assert!(matches!(
            Gazetteer::from_toml(dup),
            Err(GazetteerError::Duplicate(n)) if n == "A"
        ));
        let clash = "[[country]]\nname = \"A\"\naliases = [\"X\"]\n\
                     [[country]]\nname = \"B\"\naliases = [\"X\"]\n";
        let g = Gazetteer::from_toml(clash).unwrap();
        assert_eq!(g.conflicts().len(), 1, "{:?}", g.conflicts());
        assert_eq!(
            g.lookup("X").map(|(id, _)| g.entity(id).name.as_str()),
            Some("A")
        );
        let unknown = "[[body]]\nname = \"B\"\ncountry = \"Nowhere\"\n";
        assert!(matches!(
            Gazetteer::from_toml(unknown),
            Err(GazetteerError::UnknownCountry { .. })
        ));
        assert!(Gazetteer::from_toml("[[country]]\nname = \"A\"\nfoo = 1\n").is_err());
    }

    #[test]
    fn country_coverage() {
        for name in [
            "United States",
            "United Kingdom",
            "Russia",
            "China",
            "North Korea",
            "South Korea",
            "Taiwan",
            "Kosovo",
            "Palestine",
            "Vatican City",
            "Hong Kong",
            "Côte d'Ivoire",
            "Myanmar",
            "Eswatini",
            "Timor-Leste",
            "Tuvalu",
            "Sudan",
            "South Sudan",
        ] {
            assert!(g().country(name).is_some(), "{name}");
        }
        let us = g().country("United States").unwrap();
        for alias in [
            "U.S.",
            "US",
            "USA",
            "United States of America",
            "America",
            "American",
        ] {
            assert_eq!(g().country(alias), Some(us), "{alias}");
        }
        assert_eq!(g().country("Federal Bureau of Investigation"), None);
        assert_eq!(g().country("Atlantis"), None);
    }

    #[test]
    fn lookup_aliases() {
        let id = |p: &str| {
            g().lookup(p)
                .map(|(id, how)| (g().entity(id).name.clone(), how))
        };
        let is = |p: &str, name: &str, how: MatchKind| {
            assert_eq!(id(p), Some((name.to_owned(), how)), "{p}");
        };
        is("UK", "United Kingdom", MatchKind::Alias);
        is("Britain", "United Kingdom", MatchKind::Alias);
        is("DPRK", "North Korea", MatchKind::Alias);
        is("PRC", "China", MatchKind::Alias);
        is("Russian Federation", "Russia", MatchKind::Alias);
        is("Burma", "Myanmar", MatchKind::Alias);
        is("Ivory Coast", "Côte d'Ivoire", MatchKind::Alias);
        is("Côte d’Ivoire", "Côte d'Ivoire", MatchKind::Name);
        is("Kiev", "Ukraine", MatchKind::Capital);
        is("Kyiv", "Ukraine", MatchKind::Capital);
        is("Kuwaitis", "Kuwait", MatchKind::Demonym);
        is("Sudanese", "Sudan", MatchKind::Demonym);
        is("Saudis", "Saudi Arabia", MatchKind::Demonym);
        is("Kremlin", "Russia", MatchKind::Seat);
        is("Zhongnanhai", "China", MatchKind::Seat);
        is("Élysée", "France", MatchKind::Seat);
        is("Downing Street", "United Kingdom", MatchKind::Seat);
        is("Blue House", "South Korea", MatchKind::Seat);
        is("White House", "United States", MatchKind::Seat);
        is("Pentagon", "Department of Defense", MatchKind::Alias);
        is("ISIL", "Islamic State", MatchKind::Alias);
        is("Daesh", "Islamic State", MatchKind::Alias);
        is("Ansar Allah", "Houthis", MatchKind::Alias);
        is("RSF", "Rapid Support Forces", MatchKind::Alias);
        is("People's Daily", "People's Daily", MatchKind::Name);
        is("People’s Daily", "People's Daily", MatchKind::Name);
        // Whitespace, possessives and the all-caps form.
        is(
            "  Security   Council ",
            "UN Security Council",
            MatchKind::Alias,
        );
        is("Russia's", "Russia", MatchKind::Name);
        is("Russia’s", "Russia", MatchKind::Name);
        is("RUSSIA", "Russia", MatchKind::Name);
        is("SECRETARY OF STATE", "State Department", MatchKind::Alias);
        assert_eq!(id("us"), None);
        assert_eq!(id("who"), None);
        assert_eq!(
            id("South China Sea"),
            None,
            "ignored phrases are not entities"
        );
    }

    #[test]
    fn parties() {
        assert_eq!(party("Russia").as_deref(), Some("Russia"));
        assert_eq!(party("NIS").as_deref(), Some("South Korea"));
        assert_eq!(party("IRGC").as_deref(), Some("Iran"));
        assert_eq!(party("FBI").as_deref(), Some("United States"));
        assert_eq!(party("Foreign Ministry"), None);
        assert_eq!(party("National Security Council"), None);
        assert_eq!(party("NSC"), None, "the NSC stays generic");
        assert_eq!(
            party("Russia's Security Council").as_deref(),
            Some("Russia")
        );
        assert_eq!(party("Joint Chiefs of Staff"), None);
        assert_eq!(party("parliament"), None);
        assert_eq!(party("NATO").as_deref(), Some("NATO"));
        assert_eq!(party("Hamas").as_deref(), Some("Hamas"));
        assert_eq!(party("Security Council").as_deref(), Some("United Nations"));
        assert_eq!(party("UNHCR").as_deref(), Some("United Nations"));
        assert_eq!(party("IAEA").as_deref(), Some("United Nations"));
        assert_eq!(
            party("ICC").as_deref(),
            Some("International Criminal Court")
        );
        assert_eq!(
            party("European Commission").as_deref(),
            Some("European Union")
        );
        assert_eq!(party("Reuters").as_deref(), Some("media"));
        assert_eq!(party("KCNA").as_deref(), Some("media"));
        assert_eq!(party("VOA").as_deref(), Some("Voice of America"));
        let (id, _) = g().lookup("VOA").unwrap();
        assert_eq!(g().entity(id).kind, EntityKind::Organization);
        let (id, _) = g().lookup("Xinhua").unwrap();
        assert_eq!(g().entity(id).kind, EntityKind::Media);
    }

    #[test]
    fn find_offsets_and_kinds() {
        let text = "Seoul and Washington said the Kremlin lied.";
        let ms = g().find(text);
        assert_eq!(ms.len(), 3);
        assert_eq!((ms[0].start, ms[0].end), (0, 5));
        assert_eq!(ms[0].how, MatchKind::Capital);
        assert_eq!((ms[1].start, ms[1].end), (10, 20));
        assert_eq!((ms[2].start, ms[2].end), (30, 37));
        assert_eq!(ms[2].how, MatchKind::Seat);
        assert_eq!(g().entity(ms[2].entity).name, "Russia");
    }

    #[test]
    fn find_possessives_and_hyphens() {
        assert_eq!(
            names("Russia's envoy met Russia’s allies in the U.S.-led talks."),
            pairs(&[
                ("Russia", "Russia"),
                ("Russia", "Russia"),
                ("U.S.", "United States"),
            ])
        );
        assert_eq!(
            names("North Korea-Russia ties worry Japanese and Chinese officials."),
            pairs(&[
                ("North Korea", "North Korea"),
                ("Russia", "Russia"),
                ("Japanese", "Japan"),
                ("Chinese", "China"),
            ])
        );
        assert_eq!(
            names("The People’s Daily and the People's Daily agree."),
            pairs(&[
                ("People’s Daily", "People's Daily"),
                ("People's Daily", "People's Daily"),
            ])
        );
    }

    #[test]
    fn find_leftmost_longest() {
        assert_eq!(
            names("South Korean officials cited the National Intelligence Service."),
            pairs(&[
                ("South Korean", "South Korea"),
                (
                    "National Intelligence Service",
                    "National Intelligence Service"
                ),
            ])
        );
        assert_eq!(
            found("South Korean officials")[0].2,
            MatchKind::Demonym,
            "the demonym, not Korea"
        );
        assert_eq!(
            names("The UN Security Council met in New York; South Sudan and Sudan spoke."),
            pairs(&[
                ("UN Security Council", "UN Security Council"),
                ("South Sudan", "South Sudan"),
                ("Sudan", "Sudan"),
            ])
        );
        assert_eq!(
            names("Patrols in the South China Sea and the Korean Peninsula, said Beijing."),
            pairs(&[("Beijing", "China")])
        );
        assert_eq!(
            names("Under the Minsk agreements, Minsk and Kyiv agreed."),
            pairs(&[("Minsk", "Belarus"), ("Kyiv", "Ukraine")])
        );
    }

    #[test]
    fn find_word_boundaries() {
        // Inside words, and before digits or letters, nothing matches.
        assert!(
            names("Prussia, Omanis aside, USAID2 and Nigerians' ENGLISH")
                .iter()
                .all(|(t, _)| t == "Omanis" || t == "Nigerians")
        );
        assert_eq!(names("The U.S.S.R. fell."), pairs(&[]));
        assert_eq!(
            names("Guinea-Bissau"),
            pairs(&[("Guinea-Bissau", "Guinea-Bissau")])
        );
    }

    #[test]
    fn find_acronyms_are_case_sensitive() {
        assert_eq!(
            names("It is up to us, who said so; IS fighters and the US and WHO disagree."),
            pairs(&[
                ("IS", "Islamic State"),
                ("US", "United States"),
                ("WHO", "World Health Organization"),
            ])
        );
        assert_eq!(names("the nato summit in russia"), pairs(&[]));
    }

    #[test]
    fn find_all_caps_and_sentence_starts() {
        assert_eq!(
            names("SECRETARY OF STATE: RUSSIA and NORTH KOREA must stop."),
            pairs(&[
                ("SECRETARY OF STATE", "State Department"),
                ("RUSSIA", "Russia"),
                ("NORTH KOREA", "North Korea"),
            ])
        );
        assert_eq!(
            names("Al-Qaeda and al-Qaeda; Police said the police had left."),
            pairs(&[
                ("Al-Qaeda", "al-Qaeda"),
                ("al-Qaeda", "al-Qaeda"),
                ("Police", "police"),
                ("police", "police"),
            ])
        );
    }

    #[test]
    fn find_takes_every_match_of_a_long_text() {
        // Its speed is measured by the loader bench, not asserted here.
        let para = "The South Korean National Intelligence Service said on Tuesday that North \
                    Korea had sent troops to Russia, a claim the Kremlin denied, according to \
                    Yonhap and Reuters; the UN Security Council will meet. ";
        let text = para.repeat(2000);
        assert_eq!(g().find(&text).len(), 2000 * 8);
    }
}

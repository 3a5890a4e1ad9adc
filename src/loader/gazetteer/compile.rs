//! A gazetteer file turned into its tables: the entities, every pattern (names written in the
//! data and their derived forms) with what it stands for, the phrases [`super::Gazetteer::lookup`]
//! knows, the prefix hashes that stop a walk, and the issuers. The same code runs twice: in
//! `build.rs`, on the shipped `assets/gazetteer.toml`, whose tables are compiled into the
//! program (the first frame waits for none of this), and in [`super::Gazetteer::from_toml`] for
//! any other file. It uses only std, serde and toml, which the build script has too.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

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

/// Why a gazetteer file could not be used.
#[derive(Debug)]
pub enum GazetteerError {
    /// The TOML does not parse or does not fit the schema.
    Toml(toml::de::Error),
    /// Two entries share a canonical name.
    Duplicate(String),
    /// A body names a country that is not in the file.
    UnknownCountry {
        /// The body.
        body: String,
        /// The country it names.
        country: String,
    },
    /// An issuer names a party that no country or organisation has.
    UnknownIssuer(String),
    /// An empty name, alias or party.
    Empty(String),
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GazetteerError::Toml(e) => write!(f, "gazetteer: {e}"),
            GazetteerError::Duplicate(n) => write!(f, "gazetteer: duplicate canonical name {n:?}"),
            GazetteerError::UnknownCountry { body, country } => {
                write!(
                    f,
                    "gazetteer: body {body:?} names unknown country {country:?}"
                )
            }
            GazetteerError::UnknownIssuer(p) => {
                write!(f, "gazetteer: issuer names unknown party {p:?}")
            }
            GazetteerError::Empty(n) => write!(f, "gazetteer: empty string in the entry of {n:?}"),
        }
    }
}

impl std::error::Error for GazetteerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GazetteerError::Toml(e) => Some(e),
            _ => None,
        }
    }
}

impl From<toml::de::Error> for GazetteerError {
    fn from(e: toml::de::Error) -> GazetteerError {
        GazetteerError::Toml(e)
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The entity id, or `None` for an ignored phrase.
    pub entity: Option<usize>,
    /// Which of its names it is.
    pub how: MatchKind,
    /// Written in the data (not a derived case or apostrophe form).
    pub exact: bool,
}

/// A gazetteer file's tables, before they are put in lookup form.
#[derive(Debug)]
pub struct Compiled {
    /// Entities; an entity's id is its index.
    pub entities: Vec<Entity>,
    /// Pattern id -> pattern text (unique).
    pub patterns: Vec<String>,
    /// Pattern id -> target.
    pub targets: Vec<Target>,
    /// Normalised phrases (’ as ', unique) and their targets.
    pub phrases: Vec<(String, Target)>,
    /// Hashes ([`piece_hash`]) of every pattern's prefixes that end where the pattern goes on
    /// with a character that is not a letter or digit, and of every whole pattern (unique).
    pub prefixes: Vec<u64>,
    /// Canonical country name -> entity id.
    pub countries: Vec<(String, usize)>,
    /// Names written in the data for two different entities (the first one wins).
    pub conflicts: Vec<String>,
    /// Host name (lower case) -> the party that publishes under it.
    pub domains: Vec<(String, String)>,
    /// Licence phrases (lower case) with the party whose works they mark, longest first.
    pub licenses: Vec<(String, String)>,
    /// Names of briefing series (lower case) with the party that holds them, longest first.
    pub series: Vec<(String, String)>,
}

/// `’` becomes `'`.
pub fn normalise(s: &str) -> String {
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

/// Whether a character belongs to a word (a match may not begin or end beside one).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// FNV-1a's starting value ([`fnv`] of nothing).
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over bytes: the tables' hash (and the section model's feature names'), the same at
/// compile time and at run time.
pub fn fnv(bytes: &[u8]) -> u64 {
    fnv_more(FNV_START, bytes)
}

/// [`fnv`] of a text that goes on with `bytes`, from the hash `h` of what came before.
#[inline]
pub fn fnv_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hash a piece of text has in the prefix set (never 0, which marks an empty slot).
pub fn piece_hash(s: &str) -> u64 {
    fnv(s.as_bytes()).max(1)
}

/// The marker of an empty slot in a [`slots`] table.
pub const EMPTY: u32 = u32::MAX;

/// An open-addressing table (linear probing, a power of two of slots, at most half full) of
/// the indexes of `keys` (unique), placed by [`fnv`].
pub fn slots<S: AsRef<str>>(keys: &[S]) -> Vec<u32> {
    let n = (keys.len() * 2).next_power_of_two().max(2);
    let mut out = vec![EMPTY; n];
    for (i, k) in keys.iter().enumerate() {
        let mut at = fnv(k.as_ref().as_bytes()) as usize & (n - 1);
        while out[at] != EMPTY {
            at = (at + 1) & (n - 1);
        }
        out[at] = i as u32;
    }
    out
}

/// The pairs of bytes the patterns start with, one bit per pair (1,024 words of 64 bits): a
/// one-byte pattern sets its byte with every second byte, 0 (a text's end) among them.
pub fn openings<S: AsRef<str>>(patterns: &[S]) -> Vec<u64> {
    let mut bits = vec![0u64; 1024];
    for p in patterns {
        let p = p.as_ref().as_bytes();
        let Some(&first) = p.first() else { continue };
        let seconds = match p.get(1) {
            Some(&b) => b..=b,
            None => 0..=255,
        };
        for b in seconds {
            let k = usize::from(first) << 8 | usize::from(b);
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
}

/// An open-addressing set of hashes (none 0; 0 marks an empty slot), as [`slots`].
pub fn hash_set(hashes: &[u64]) -> Vec<u64> {
    let n = (hashes.len() * 2).next_power_of_two().max(2);
    let mut out = vec![0; n];
    for &h in hashes {
        let mut at = h as usize & (n - 1);
        while out[at] != 0 {
            at = (at + 1) & (n - 1);
        }
        out[at] = h;
    }
    out
}

type Names = Vec<(String, Option<usize>, MatchKind)>;

/// Reads a gazetteer in the format of `assets/gazetteer.toml` and works out its tables.
pub fn compile(src: &str) -> Result<Compiled, GazetteerError> {
    let file: File = toml::from_str(src)?;
    let mut entities: Vec<Entity> = Vec::new();
    let mut names: Names = Vec::new();
    let mut canon: HashMap<String, usize> = HashMap::new();
    let mut countries: Vec<(String, usize)> = Vec::new();

    let mut add_entity = |entities: &mut Vec<Entity>, e: Entity| -> Result<usize, GazetteerError> {
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
    let list = |names: &mut Names,
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
        countries.push((c.name.clone(), id));
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
            && !countries.iter().any(|(n, _)| n == c)
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
    let mut index: HashMap<String, usize> = HashMap::with_capacity(names.len() * 2);
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

    let mut phrases: Vec<(String, Target)> = Vec::with_capacity(patterns.len());
    let mut phrase_at: HashMap<String, usize> = HashMap::with_capacity(patterns.len());
    for (p, t) in patterns.iter().zip(&targets) {
        let key = normalise(p);
        match phrase_at.get(&key) {
            Some(&i) => {
                let slot = &mut phrases[i].1;
                if !slot.exact && t.exact {
                    *slot = *t;
                }
            }
            None => {
                phrase_at.insert(key.clone(), phrases.len());
                phrases.push((key, *t));
            }
        }
    }
    let mut prefixes = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &patterns {
        let mut add = |h: u64| {
            if seen.insert(h) {
                prefixes.push(h);
            }
        };
        add(piece_hash(p));
        for (k, c) in p.char_indices() {
            if k > 0 && !is_word_char(c) {
                add(piece_hash(&p[..k]));
            }
        }
    }
    let mut domains: Vec<(String, String)> = domains.into_iter().collect();
    domains.sort();
    Ok(Compiled {
        entities,
        patterns,
        targets,
        phrases,
        prefixes,
        countries,
        conflicts,
        domains,
        licenses,
        series,
    })
}

//! The gazetteer: countries, capitals, demonyms, international organisations, government
//! bodies and news outlets, from `assets/gazetteer.toml`.
//!
//! Every name, alias, capital, demonym and seat becomes a pattern in one hash table;
//! [`Gazetteer::find`] looks up the pieces of a text that start and end on word boundaries (a
//! second table, of the patterns' prefixes that end on a boundary, stops each walk at the first
//! piece no pattern begins with) and reports leftmost-longest, non-overlapping matches. The
//! shipped file's tables are worked out at compile time ([`compile`], run by `build.rs`) and
//! compiled into the program as static arrays, so the first frame waits for no parse and no
//! table building. Patterns match in the case written in the data, and
//! also in two derived forms: all upper case (transcript labels such as `RUSSIA:`) and, for
//! names that start in lower case (`al-Qaeda`, `police`), with a capital first letter
//! (sentence starts). The typewriter apostrophe `'` and the typographic `’` are
//! interchangeable. Phrases of the `[ignore]` table are matched and swallowed, so that, for
//! example, "South China Sea" does not report "China".

pub mod compile;

use compile::{EMPTY, FNV_START, Target, fnv, fnv_more, is_word_char, normalise};
pub use compile::{Entity, EntityKind, GazetteerError, MatchKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The shipped gazetteer.
pub const GAZETTEER_TOML: &str = include_str!("../../assets/gazetteer.toml");

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

/// Strings to their indexes: the strings end to end in one text, and an open-addressing
/// table of their indexes ([`compile::slots`]). Static for the shipped file, owned for others.
#[derive(Debug)]
struct StrTable {
    text: Cow<'static, str>,
    /// String `i` is `text[ends[i - 1]..ends[i]]`.
    ends: Cow<'static, [u32]>,
    slots: Cow<'static, [u32]>,
}

impl StrTable {
    fn build<S: AsRef<str>>(keys: &[S]) -> StrTable {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(keys.len());
        for k in keys {
            text.push_str(k.as_ref());
            ends.push(text.len() as u32);
        }
        StrTable {
            text: Cow::Owned(text),
            ends: Cow::Owned(ends),
            slots: Cow::Owned(compile::slots(keys)),
        }
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    fn get(&self, key: &str) -> Option<usize> {
        self.get_hashed(key, fnv(key.as_bytes()))
    }

    /// [`StrTable::get`] for a key whose [`fnv`] hash is known.
    fn get_hashed(&self, key: &str, hash: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                EMPTY => return None,
                i if self.key(i as usize) == key => return Some(i as usize),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// The character at byte `i` (a character boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().expect("a character boundary");
    (c, c.len_utf8())
}

/// A set of hashes, open addressing as [`StrTable`] (0 marks an empty slot).
#[derive(Debug)]
struct HashSet64(Cow<'static, [u64]>);

impl HashSet64 {
    fn contains(&self, h: u64) -> bool {
        let mask = self.0.len() - 1;
        let mut at = h as usize & mask;
        loop {
            match self.0[at] {
                0 => return false,
                x if x == h => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// The pairs of bytes some pattern starts with (a one-byte pattern: its byte and anything),
/// one bit per pair: a word that starts otherwise is ruled out at one look, without hashing it.
#[derive(Debug)]
struct Openings(Cow<'static, [u64]>);

impl Openings {
    /// Whether some pattern may start at byte `s` of `bytes` (a text's end reads as 0).
    #[inline]
    fn may_start(&self, bytes: &[u8], s: usize) -> bool {
        let k = usize::from(bytes[s]) << 8 | usize::from(bytes.get(s + 1).copied().unwrap_or(0));
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The gazetteer: entities and one table of all their names.
#[derive(Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// Pattern text -> pattern id.
    patterns: StrTable,
    /// Hashes of every pattern's prefixes that end where the pattern goes on with a character
    /// that is not a letter or digit, and of every whole pattern (see [`Gazetteer::find`]).
    prefixes: HashSet64,
    /// The first two bytes some pattern starts with, as a bit set (see [`Openings`]).
    openings: Openings,
    /// Pattern id -> target.
    targets: Cow<'static, [Target]>,
    /// Normalised phrase (’ as ') -> index into `phrase_targets`, for [`Gazetteer::lookup`].
    phrases: StrTable,
    phrase_targets: Cow<'static, [Target]>,
    /// Canonical country name -> entity id.
    countries: HashMap<Cow<'static, str>, usize>,
    /// Names written in the data for two different entities (the first one wins).
    conflicts: Vec<String>,
    /// Host name (lower case) -> the party that publishes under it.
    domains: HashMap<String, String>,
    /// Licence phrases (lower case) with the party whose works they mark, longest first.
    licenses: Vec<(String, String)>,
    /// Names of briefing series (lower case) with the party that holds them, longest first.
    series: Vec<(String, String)>,
}

/// The shipped file's tables, made by `build.rs` with [`compile`].
mod tables {
    use super::{EntityKind, MatchKind, Target};
    include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::shipped);

fn owned_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

impl Gazetteer {
    /// The shipped gazetteer (its tables compiled in; the few small ones filled on first use).
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    fn shipped() -> Gazetteer {
        use tables::*;
        Gazetteer {
            entities: ENTITIES
                .iter()
                .map(|&(name, kind, party)| Entity {
                    name: name.to_owned(),
                    kind,
                    party: party.map(str::to_owned),
                })
                .collect(),
            openings: Openings(Cow::Borrowed(OPENINGS)),
            patterns: StrTable {
                text: Cow::Borrowed(PATTERN_TEXT),
                ends: Cow::Borrowed(PATTERN_ENDS),
                slots: Cow::Borrowed(PATTERN_SLOTS),
            },
            prefixes: HashSet64(Cow::Borrowed(PREFIX_SET)),
            targets: Cow::Borrowed(TARGETS),
            phrases: StrTable {
                text: Cow::Borrowed(PHRASE_TEXT),
                ends: Cow::Borrowed(PHRASE_ENDS),
                slots: Cow::Borrowed(PHRASE_SLOTS),
            },
            phrase_targets: Cow::Borrowed(PHRASE_TARGETS),
            countries: COUNTRIES
                .iter()
                .map(|&(n, id)| (Cow::Borrowed(n), id))
                .collect(),
            conflicts: CONFLICTS.iter().map(|&c| c.to_owned()).collect(),
            domains: owned_pairs(DOMAINS).into_iter().collect(),
            licenses: owned_pairs(LICENSES),
            series: owned_pairs(SERIES),
        }
    }

    /// Parses a gazetteer in the format of `assets/gazetteer.toml`.
    pub fn from_toml(src: &str) -> Result<Gazetteer, GazetteerError> {
        let c = compile::compile(src)?;
        let (phrase_keys, phrase_targets): (Vec<String>, Vec<Target>) =
            c.phrases.into_iter().unzip();
        Ok(Gazetteer {
            openings: Openings(Cow::Owned(compile::openings(&c.patterns))),
            patterns: StrTable::build(&c.patterns),
            prefixes: HashSet64(Cow::Owned(compile::hash_set(&c.prefixes))),
            targets: Cow::Owned(c.targets),
            phrases: StrTable::build(&phrase_keys),
            phrase_targets: Cow::Owned(phrase_targets),
            countries: c
                .countries
                .into_iter()
                .map(|(n, id)| (Cow::Owned(n), id))
                .collect(),
            entities: c.entities,
            conflicts: c.conflicts,
            domains: c.domains.into_iter().collect(),
            licenses: c.licenses,
            series: c.series,
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
        let bytes = text.as_bytes();
        let mut after_word = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (word, blank, width) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), char::from(b).is_whitespace(), 1)
            } else {
                let (c, width) = char_at(text, i);
                (is_word_char(c), c.is_whitespace(), width)
            };
            // A start: not after a letter or digit; no pattern starts with a blank.
            if !after_word && !blank && self.openings.may_start(bytes, i) {
                self.candidates_at(text, i, width, &mut cands);
            }
            after_word = word;
            i += width;
        }
        self.choose(cands)
    }

    /// The patterns that start at `s` (whose character is `width` bytes long): the pieces
    /// that end before a character that is not a letter or digit (after the first one), or
    /// at the end, as long as each is a prefix of some pattern. Each piece's hash goes on
    /// from the one before (FNV-1a is a running hash), so no byte is hashed twice.
    fn candidates_at(
        &self,
        text: &str,
        s: usize,
        width: usize,
        cands: &mut Vec<(usize, usize, usize)>,
    ) {
        let bytes = text.as_bytes();
        let mut h = fnv_more(FNV_START, &bytes[s..s + width]);
        let mut e = s + width;
        loop {
            while e < text.len() {
                let b = bytes[e];
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    h = fnv_more(h, &[b]);
                    e += 1;
                    continue;
                }
                let (c, w) = char_at(text, e);
                if !is_word_char(c) {
                    break;
                }
                h = fnv_more(h, &bytes[e..e + w]);
                e += w;
            }
            // No pattern goes on past a piece that begins none of them.
            if !self.prefixes.contains(h.max(1)) {
                return;
            }
            if let Some(p) = self.patterns.get_hashed(&text[s..e], h) {
                cands.push((s, e, p));
            }
            if e == text.len() {
                return;
            }
            // The character that ended this piece begins the rest of the next one.
            let (_, w) = char_at(text, e);
            h = fnv_more(h, &bytes[e..e + w]);
            e += w;
        }
    }

    /// The leftmost-longest choice among candidates `(start, end, pattern)`: non-overlapping,
    /// ignored phrases dropped once chosen.
    fn choose(&self, mut cands: Vec<(usize, usize, usize)>) -> Vec<Match> {
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
            self.phrases.get(k).and_then(|i| {
                let t = self.phrase_targets[i];
                t.entity.map(|e| (e, t.how))
            })
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

    /// The search as first written: every piece found by its own scan and hashed whole.
    fn find_by_whole_pieces(g: &Gazetteer, text: &str) -> Vec<Match> {
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let mut after_word = false;
        for (s, c) in text.char_indices() {
            let start = !after_word && !c.is_whitespace();
            after_word = is_word_char(c);
            if !start {
                continue;
            }
            let ends = text[s..]
                .char_indices()
                .skip(1)
                .filter(|&(_, c)| !is_word_char(c))
                .map(|(o, _)| s + o)
                .chain(std::iter::once(text.len()));
            for e in ends {
                let piece = &text[s..e];
                if !g.prefixes.contains(compile::piece_hash(piece)) {
                    break;
                }
                if let Some(p) = g.patterns.get(piece) {
                    cands.push((s, e, p));
                }
            }
        }
        g.choose(cands)
    }

    #[test]
    fn the_running_hash_finds_what_whole_pieces_find() {
        let sample = include_str!("../../assets/briefings/korea-ukraine.txt");
        let mut texts: Vec<String> = sample.lines().map(str::to_owned).collect();
        for (name, ..) in tables::ENTITIES.iter().step_by(7) {
            texts.push(format!("({name}), the {name}’s “{name}”—{name}.{name}"));
        }
        texts.extend(
            [
                "the U.S. and the U.K. said",
                "U.S",
                "Kyiv-based Ukrainians; Moscow’s",
                "",
                " ",
                "é",
                "(",
                "North Korea",
                "NorthKorea",
                "the Russian Federation.",
                "...",
                "Pyongyang\u{a0}said São Tomé and Príncipe’s 北京",
            ]
            .map(str::to_owned),
        );
        for t in &texts {
            assert_eq!(g().find(t), find_by_whole_pieces(g(), t), "{t:?}");
        }
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
    fn compiled_in_tables_are_the_files() {
        // build.rs and from_toml run the same code; this checks that nothing was lost on
        // the way into the static arrays.
        let parsed = Gazetteer::from_toml(GAZETTEER_TOML).expect("parses");
        let shipped = g();
        assert_eq!(parsed.entities, shipped.entities);
        for (a, b) in [
            (&parsed.patterns, &shipped.patterns),
            (&parsed.phrases, &shipped.phrases),
        ] {
            assert_eq!(a.text, b.text);
            assert_eq!(a.ends, b.ends);
            assert_eq!(a.slots, b.slots);
        }
        assert_eq!(parsed.targets, shipped.targets);
        assert_eq!(parsed.phrase_targets, shipped.phrase_targets);
        assert_eq!(parsed.prefixes.0, shipped.prefixes.0);
        assert_eq!(parsed.openings.0, shipped.openings.0);
        assert_eq!(parsed.countries, shipped.countries);
        assert_eq!(parsed.conflicts, shipped.conflicts);
        assert_eq!(parsed.domains, shipped.domains);
        assert_eq!(parsed.licenses, shipped.licenses);
        assert_eq!(parsed.series, shipped.series);
        assert_eq!(
            shipped
                .patterns
                .get("Ukraine")
                .map(|i| shipped.patterns.key(i)),
            Some("Ukraine")
        );
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
    fn the_openings_filter_lets_every_pattern_through() {
        let g = g();
        for i in 0..g.patterns.ends.len() {
            let p = g.patterns.key(i).as_bytes();
            assert!(g.openings.may_start(p, 0), "{:?}", g.patterns.key(i));
        }
        // A word no pattern starts with is ruled out, and a one-letter text at the end reads
        // its missing second byte as 0.
        assert!(!g.openings.may_start(b"qqzx", 0));
        let one = Gazetteer::from_toml("[[media]]\nname = \"X\"\n").expect("parses");
        assert!(one.openings.may_start(b"X", 0));
        assert!(one.openings.may_start(b"X.", 0));
        assert!(!one.openings.may_start(b"Y", 0));
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

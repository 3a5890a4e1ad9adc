//! The gazetteer (temporary stand-in with a few entries until the full data lands).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind as AcKind};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Country,
    Organization,
    Body,
    Media,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub party: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    Name,
    Alias,
    Capital,
    Demonym,
    Seat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub how: MatchKind,
}

pub struct Gazetteer {
    entities: Vec<Entity>,
    names: Vec<(String, usize, MatchKind)>,
    ac: AhoCorasick,
}

const DATA: &[(&str, EntityKind, Option<&str>, &[(&str, MatchKind)])] = &[
    (
        "South Korea",
        EntityKind::Country,
        Some("South Korea"),
        &[
            ("Seoul", MatchKind::Capital),
            ("South Korean", MatchKind::Demonym),
            ("South Koreans", MatchKind::Demonym),
            ("Korea", MatchKind::Alias),
            ("ROK", MatchKind::Alias),
        ],
    ),
    (
        "North Korea",
        EntityKind::Country,
        Some("North Korea"),
        &[
            ("Pyongyang", MatchKind::Capital),
            ("North Korean", MatchKind::Demonym),
            ("DPRK", MatchKind::Alias),
        ],
    ),
    (
        "Russia",
        EntityKind::Country,
        Some("Russia"),
        &[
            ("Moscow", MatchKind::Capital),
            ("Russian", MatchKind::Demonym),
            ("Russians", MatchKind::Demonym),
            ("Russian Federation", MatchKind::Alias),
            ("Kremlin", MatchKind::Seat),
        ],
    ),
    (
        "United States",
        EntityKind::Country,
        Some("United States"),
        &[
            ("U.S.", MatchKind::Alias),
            ("US", MatchKind::Alias),
            ("Washington", MatchKind::Capital),
            ("American", MatchKind::Demonym),
            ("White House", MatchKind::Seat),
            ("Pentagon", MatchKind::Seat),
        ],
    ),
    (
        "Ukraine",
        EntityKind::Country,
        Some("Ukraine"),
        &[
            ("Kyiv", MatchKind::Capital),
            ("Ukrainian", MatchKind::Demonym),
        ],
    ),
    (
        "Iran",
        EntityKind::Country,
        Some("Iran"),
        &[
            ("Tehran", MatchKind::Capital),
            ("Iranian", MatchKind::Demonym),
        ],
    ),
    (
        "China",
        EntityKind::Country,
        Some("China"),
        &[
            ("Beijing", MatchKind::Capital),
            ("Chinese", MatchKind::Demonym),
        ],
    ),
    (
        "Venezuela",
        EntityKind::Country,
        Some("Venezuela"),
        &[
            ("Caracas", MatchKind::Capital),
            ("Venezuelan", MatchKind::Demonym),
        ],
    ),
    (
        "Sudan",
        EntityKind::Country,
        Some("Sudan"),
        &[("Sudanese", MatchKind::Demonym)],
    ),
    (
        "Ethiopia",
        EntityKind::Country,
        Some("Ethiopia"),
        &[("Ethiopian", MatchKind::Demonym)],
    ),
    (
        "Tibet",
        EntityKind::Country,
        Some("China"),
        &[("Tibetan", MatchKind::Demonym)],
    ),
    (
        "United Nations",
        EntityKind::Organization,
        Some("United Nations"),
        &[
            ("U.N.", MatchKind::Alias),
            ("UN", MatchKind::Alias),
            ("Security Council", MatchKind::Alias),
        ],
    ),
    ("NATO", EntityKind::Organization, Some("NATO"), &[]),
    (
        "Islamic State",
        EntityKind::Organization,
        Some("Islamic State"),
        &[("IS", MatchKind::Alias), ("ISIS", MatchKind::Alias)],
    ),
    (
        "Voice of America",
        EntityKind::Organization,
        Some("Voice of America"),
        &[("VOA", MatchKind::Alias)],
    ),
    (
        "National Intelligence Service",
        EntityKind::Body,
        Some("South Korea"),
        &[("NIS", MatchKind::Alias)],
    ),
    (
        "National Security Council",
        EntityKind::Body,
        None,
        &[("NSC", MatchKind::Alias)],
    ),
    ("FBI", EntityKind::Body, Some("United States"), &[]),
    (
        "U.S. Intelligence Community",
        EntityKind::Body,
        Some("United States"),
        &[("USIC", MatchKind::Alias)],
    ),
    (
        "Department of Homeland Security",
        EntityKind::Body,
        Some("United States"),
        &[("DHS", MatchKind::Alias)],
    ),
    (
        "Department of State",
        EntityKind::Body,
        Some("United States"),
        &[("State Department", MatchKind::Alias)],
    ),
    (
        "Defense Department",
        EntityKind::Body,
        Some("United States"),
        &[],
    ),
    (
        "Yonhap News Agency",
        EntityKind::Media,
        Some("media"),
        &[("Yonhap", MatchKind::Alias)],
    ),
    ("CCTV", EntityKind::Media, Some("media"), &[]),
];

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut entities = Vec::new();
    let mut names = Vec::new();
    for (name, kind, party, aliases) in DATA {
        let id = entities.len();
        entities.push(Entity {
            name: (*name).into(),
            kind: *kind,
            party: party.map(Into::into),
        });
        names.push(((*name).to_owned(), id, MatchKind::Name));
        for (a, how) in *aliases {
            names.push(((*a).to_owned(), id, *how));
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(AcKind::LeftmostLongest)
        .build(names.iter().map(|n| n.0.as_str()))
        .expect("builds");
    Gazetteer {
        entities,
        names,
        ac,
    }
});

impl Gazetteer {
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }
    pub fn entity(&self, id: usize) -> &Entity {
        &self.entities[id]
    }
    pub fn find(&self, text: &str) -> Vec<Match> {
        self.ac
            .find_iter(text)
            .filter(|m| super::lexicon::on_word_boundaries(text, m.start(), m.end()))
            .map(|m| {
                let (_, entity, how) = self.names[m.pattern().as_usize()];
                Match {
                    start: m.start(),
                    end: m.end(),
                    entity,
                    how,
                }
            })
            .collect()
    }
    pub fn lookup(&self, phrase: &str) -> Option<(usize, MatchKind)> {
        self.names
            .iter()
            .find(|n| n.0 == phrase)
            .map(|n| (n.1, n.2))
    }
    pub fn country(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.kind == EntityKind::Country && e.name == name)
    }
}

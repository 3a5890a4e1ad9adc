//! The loader's fixed patterns. `build.rs` includes this file and compiles each one to a pair
//! of dense DFAs (forward and reverse, regex-automata), serialised into `$OUT_DIR`; the loader
//! deserialises them without copying ([`super::dfa`]), so no regex is compiled at run time.
//! Each pattern means what it means to the `regex` crate (a test checks the two agree).

/// "X says it did not ...": a speaker's claim that it did not do something.
pub const SELF_DENIAL: &str = r"(?i-u)\b(?:say|says|said|insist|insists|insisted|maintain|maintains|maintained|claim|claims|claimed|argue|argues|argued)\s+(?:that\s+)?(?:it|they|he|she|we|i)\s+(?:(?:did|had|has|have|was|were|is|are)(?:\s+not|n(?u:['’])t)|never|had\s+no|has\s+no|played\s+no)\b";

/// A figure: an amount, a percentage, a number of millions, "dozens".
pub const FIGURE: &str = r"(?i-u)(?:[$]\s?)?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|(?:[$]\s?)?\b\d+(?:\.\d+)?\b(?:\s?(?:%|percent|per cent|million|billion|thousand|trillion))?|\b(?:dozens|hundreds|thousands|millions|billions)\b";

/// Adjectives of a position after `is`, `are`, `remains`, `has been`: `remains concerned`.
pub const POSITION_ADJECTIVES: &[&str] = &[
    "concerned",
    "committed",
    "proud",
    "determined",
    "alarmed",
    "troubled",
    "disappointed",
    "dismayed",
    "pleased",
    "encouraged",
    "grateful",
    "opposed",
    "resolved",
    "unwavering",
    "steadfast",
    "clear",
    "confident",
    "convinced",
    "appalled",
    "outraged",
    "saddened",
    "heartened",
];

/// Verbs of a position in the present tense: `recognizes`, `calls for`.
pub const POSITION_VERBS: &[&str] = &[
    "recognizes",
    "recognises",
    "recognize",
    "recognise",
    "reaffirms",
    "reaffirm",
    "encourages",
    "encourage",
    "applauds",
    "applaud",
    "commends",
    "commend",
    "deplores",
    "deplore",
    "regrets",
    "regret",
    "appreciates",
    "appreciate",
    "salutes",
    "salute",
    "expects",
    "expect",
    "condemns",
    "condemn",
    "welcomes",
    "welcome",
    "protests",
    "protest",
    "rejects",
    "reject",
    "urges",
    "urge",
    "expresses",
    "express",
];

/// Besides the adjectives and verbs, what tells that a sentence may state a position.
pub const POSITION_OTHERS: &[&str] = &["calls", "call ", "stand", "look", "note", "learn"];

/// The nouns of something reported: an allegation, claim, report, statement or assessment.
pub const REPORT_NOUNS: &[&str] = &[
    "allegation",
    "assessment",
    "claim",
    "accusation",
    "finding",
    "assertion",
    "report",
    "statement",
];

/// A pattern that finds any of `lists`' words anywhere (inside words too), ASCII letters in
/// any case: what an ASCII-case-insensitive Aho-Corasick search finds.
pub fn any_word(lists: &[&[&str]]) -> String {
    let mut out = String::from("(?i-u)(?:");
    for (i, w) in lists.iter().flat_map(|l| l.iter()).enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in w.chars() {
            if !c.is_ascii_alphanumeric() && c != ' ' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push(')');
    out
}

/// Every pattern `build.rs` compiles, by the name of its files in `$OUT_DIR`.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("self_denial", SELF_DENIAL.to_owned()),
        ("figure", FIGURE.to_owned()),
        (
            "position",
            any_word(&[POSITION_ADJECTIVES, POSITION_VERBS, POSITION_OTHERS]),
        ),
        ("report_nouns", any_word(&[REPORT_NOUNS])),
    ]
}

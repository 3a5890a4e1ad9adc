//! The issuing government: the party a transcript's own officials speak for when the text does
//! not say, read from what the document says about itself, never from a country it merely
//! mentions.
//!
//! In order: the title's issuer (a government body or seat named before the title's topic, or
//! a country or organisation opening it: `Department of State Press Briefing on Iran`, `UK
//! Statement at the Security Council`; or a briefing series the gazetteer knows, `Department
//! Press Briefing`); the source address (a government host from the
//! gazetteer's `[[issuer]]` table, or a path segment naming a body or seat, or a country beside
//! a `government` segment); the licence (`U.S. government work`); else a body or seat the
//! officials name as their own (`here at the Pentagon`, `attribution is senior White House
//! official`), a country whose position they state in its name (`The United States condemns`),
//! or a body they name bare, as insiders do (`the Treasury`, not `the Russian Foreign
//! Ministry`).

use crate::loader::attribute::DocInfo;
use crate::loader::gazetteer::{EntityKind, Gazetteer, MatchKind};

/// Words after which a title names its topic, venue or guest rather than its issuer (and a
/// bracketed note).
const TOPIC_WORDS: &[&str] = &[
    " on ",
    " about ",
    " regarding ",
    " concerning ",
    " against ",
    " with ",
    " at ",
    " to ",
    " following ",
    " after ",
    " in ",
    " for ",
    " (",
];

/// Words that, after a country or organisation opening a title, make it the issuer.
const ISSUER_NOUNS: &[&str] = &[
    "statement",
    "remarks",
    "readout",
    "press",
    "briefing",
    "government",
    "embassy",
    "mission",
    "delegation",
    "intervention",
    "spokesperson",
    "news",
    "joint",
    "background",
    "transcript",
    "midday",
    "noon",
    "daily",
    "regular",
    "weekly",
    "conference",
    "spokesman",
    "spokeswoman",
    "spokespersons",
];

/// Words just before a body or seat that make it the speakers' own.
const OWN_MARKERS: &[&str] = &[
    "here at the",
    "here at",
    "we at the",
    "us at the",
    "colleagues at the",
    "our",
    "attribution is",
    "attributable to",
    "attributable to a",
    "attribution is a",
];

/// The party of a document's own officials; `officials` are the sentences they speak,
/// `questions` the reporters' (read only when nothing else tells).
pub fn home_party<'a>(
    gaz: &Gazetteer,
    doc: DocInfo,
    officials: impl Iterator<Item = &'a str>,
    questions: impl Iterator<Item = &'a str>,
) -> Option<String> {
    doc.title
        .and_then(|t| from_title(gaz, t))
        .or_else(|| {
            doc.title
                .and_then(|t| gaz.issuer_of_title(t))
                .map(str::to_owned)
        })
        .or_else(|| from_address(gaz, doc.source))
        .or_else(|| {
            doc.license
                .and_then(|l| gaz.issuer_of_license(l))
                .map(str::to_owned)
        })
        .or_else(|| {
            let officials: Vec<&str> = officials.take(400).collect();
            let questions: Vec<&str> = questions.take(100).collect();
            officials
                .iter()
                .find_map(|s| own_body(gaz, s))
                .or_else(|| officials.iter().find_map(|s| country_position(gaz, s)))
                .or_else(|| questions.iter().find_map(|s| asked_party(gaz, s)))
                .or_else(|| officials.iter().find_map(|s| bare_body(gaz, s)))
        })
}

/// "The United States condemns ...", "Norway does not recognize ...": an official stating
/// a country's position in its name, at the start of a sentence.
fn country_position(gaz: &Gazetteer, sentence: &str) -> Option<String> {
    let rest = sentence
        .strip_prefix("The ")
        .or_else(|| sentence.strip_prefix("And "))
        .unwrap_or(sentence);
    let m = *gaz
        .find(rest.get(..rest.floor_char_boundary(60))?)
        .first()?;
    let e = gaz.entity(m.entity);
    if m.start != 0
        || e.kind != EntityKind::Country
        || !matches!(m.how, MatchKind::Name | MatchKind::Alias)
    {
        return None;
    }
    let tail = &rest[m.end..];
    let tail = &tail[..tail.find([',', ';', ':']).unwrap_or(tail.len())];
    let words = tail
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "does"
                    | "do"
                    | "not"
                    | "also"
                    | "strongly"
                    | "firmly"
                    | "fully"
                    | "again"
                    | "once"
                    | "therefore"
                    | "remains"
                    | "remain"
                    | "is"
                    | "deeply"
                    | "gravely"
            )
        });
    // "Colombia does not take part in it and rejects ...": the first verb, or one after
    // `and` in the same clause.
    let clause: Vec<String> = words.take(12).collect();
    let first = clause.first()?;
    let after_and = clause.windows(2).filter(|w| w[0] == "and").map(|w| &w[1]);
    let position = std::iter::once(first)
        .chain(after_and)
        .any(|v| position_verb(v));
    position.then(|| e.party.clone()).flatten()
}

/// A verb by which an official states their country's position.
fn position_verb(verb: &str) -> bool {
    matches!(
        verb,
        "condemns"
            | "rejects"
            | "welcomes"
            | "urges"
            | "calls"
            | "stands"
            | "recognize"
            | "recognizes"
            | "reaffirms"
            | "supports"
            | "commends"
            | "applauds"
            | "deplores"
            | "concerned"
            | "committed"
            | "opposes"
            | "accept"
            | "accepts"
    )
}

/// The party a reporter's question asks to speak: "What is India's position?", "What is
/// NATO's response to ...?" (a country or organisation whose position, response, reaction
/// or view the question asks for).
fn asked_party(gaz: &Gazetteer, question: &str) -> Option<String> {
    if !question.trim_end().ends_with('?') {
        return None;
    }
    gaz.find(question).iter().find_map(|m| {
        let e = gaz.entity(m.entity);
        if !matches!(e.kind, EntityKind::Country | EntityKind::Organization)
            || m.how == MatchKind::Demonym
        {
            return None;
        }
        let before = question[..m.start].trim_end().to_lowercase();
        let after = question[m.end..]
            .strip_prefix("’s ")
            .or_else(|| question[m.end..].strip_prefix("'s "))?;
        let noun = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let asks = ["what is", "what's", "what will be", "what was"]
            .iter()
            .any(|w| before.ends_with(w));
        let about = matches!(
            noun.as_str(),
            "position" | "response" | "reaction" | "view" | "stance" | "assessment" | "comment"
        );
        (asks && about).then(|| e.party.clone()).flatten()
    })
}

/// A government body the officials name bare, as insiders do (`the Treasury`, `the Justice
/// Department`), not one a country's name qualifies (`the Russian Foreign Ministry`) nor a
/// seat (`the Kremlin`, named as often by outsiders).
fn bare_body(gaz: &Gazetteer, sentence: &str) -> Option<String> {
    gaz.find(sentence).iter().find_map(|m| {
        let e = gaz.entity(m.entity);
        if e.kind != EntityKind::Body {
            return None;
        }
        // "the Government of Kenya": a generic body of the country named after it.
        if e.party.is_none() {
            let rest = sentence[m.end..].strip_prefix(" of ")?;
            let c = *gaz
                .find(rest.get(..rest.floor_char_boundary(40))?)
                .first()?;
            let ce = gaz.entity(c.entity);
            return (c.start == 0 && ce.kind == EntityKind::Country)
                .then(|| ce.party.clone())
                .flatten();
        }
        let written = &sentence[m.start..m.end];
        let qualified = written.split_whitespace().any(|w| {
            gaz.lookup(w)
                .is_some_and(|(id, _)| gaz.entity(id).kind == EntityKind::Country)
        }) || {
            let before = sentence[..m.start].trim_end();
            before.ends_with(['’', '\'']) || before.ends_with("'s") || before.ends_with("’s")
        };
        (!qualified).then(|| e.party.clone()).flatten()
    })
}

/// A government body or seat named before the title's topic, or a country or organisation
/// opening the title before an issuer noun.
fn from_title(gaz: &Gazetteer, title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let topic = TOPIC_WORDS
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .unwrap_or(title.len());
    gaz.find(title)
        .iter()
        .take_while(|m| m.start < topic)
        .find_map(|m| {
            let e = gaz.entity(m.entity);
            let opening = title[..m.start]
                .trim()
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let after = &title[m.end..];
            let after = after
                .strip_prefix("’s")
                .or_else(|| after.strip_prefix("'s"))
                .unwrap_or(after);
            let next = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            // "Government Press Conference, Berlin": a generic body of the place named.
            if e.kind == EntityKind::Body && e.party.is_none() {
                return gaz.find(&title[..topic]).iter().find_map(|p| {
                    let pe = gaz.entity(p.entity);
                    (pe.kind == EntityKind::Country && p.how != MatchKind::Demonym)
                        .then(|| pe.party.clone())
                        .flatten()
                });
            }
            let issuer = match (e.kind, m.how) {
                (EntityKind::Body, _) | (_, MatchKind::Seat) => true,
                (EntityKind::Country | EntityKind::Organization, _) => {
                    // "Press briefing by the NATO spokesperson": the issuer after `by`.
                    let by = opening == "by"
                        || opening.ends_with(" by")
                        || opening == "by the"
                        || opening.ends_with(" by the");
                    (matches!(opening.as_str(), "" | "the" | "joint") || by)
                        && ISSUER_NOUNS.contains(&next.as_str())
                }
                (EntityKind::Media, _) => false,
            };
            issuer.then(|| e.party.clone()).flatten()
        })
}

/// The party of a source address: a government host, or a path segment naming a government
/// body or seat (`/white-house/`), or a country next to a `government` segment
/// (`/governments/united-states/`). The first address of the field is read.
fn from_address(gaz: &Gazetteer, source: Option<&str>) -> Option<String> {
    let source = source?;
    let at = source.find("://")?;
    let rest = &source[at + 3..];
    let url = rest.split(char::is_whitespace).next().unwrap_or("");
    let mut parts = url.split(['/', '?', '#']);
    let host = parts.next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    if let Some(p) = gaz.issuer_of_host(host) {
        return Some(p.to_owned());
    }
    let segments: Vec<&str> = parts.filter(|s| !s.is_empty()).collect();
    let governmental = |k: usize| {
        segments.get(k).is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("government") || s.contains("executive") || s.contains("ministr")
        })
    };
    segments.iter().enumerate().find_map(|(k, seg)| {
        let phrase = seg
            .split(['-', '_'])
            .map(title_case)
            .collect::<Vec<_>>()
            .join(" ");
        let (id, how) = gaz.lookup(&phrase)?;
        let e = gaz.entity(id);
        let own = match e.kind {
            EntityKind::Body => true,
            EntityKind::Country => {
                how == MatchKind::Seat || governmental(k + 1) || k > 0 && governmental(k - 1)
            }
            _ => false,
        };
        own.then(|| e.party.clone()).flatten()
    })
}

/// A body or seat an official names as their own: `here at the Pentagon`, `our embassy`.
fn own_body(gaz: &Gazetteer, sentence: &str) -> Option<String> {
    gaz.find(sentence).iter().find_map(|m| {
        let e = gaz.entity(m.entity);
        if e.kind != EntityKind::Body && m.how != MatchKind::Seat {
            return None;
        }
        let before = sentence[..m.start].trim_end().to_lowercase();
        // A role word may stand between: `attribution is senior White House official`.
        let before = before
            .strip_suffix("senior")
            .map_or(before.as_str(), str::trim_end);
        let own = OWN_MARKERS.iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
        });
        own.then(|| e.party.clone()).flatten()
    })
}

fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home(
        title: Option<&str>,
        source: Option<&str>,
        license: Option<&str>,
        text: &[&str],
    ) -> Option<String> {
        let doc = DocInfo {
            title,
            source,
            license,
            ..DocInfo::default()
        };
        home_party(
            Gazetteer::embedded(),
            doc,
            text.iter().copied(),
            std::iter::empty(),
        )
    }

    fn us() -> Option<String> {
        Some("United States".to_owned())
    }

    #[test]
    fn the_title_names_the_issuer_before_its_topic() {
        let t = "Department of State Press Briefing on the Russian Defense Ministry";
        assert_eq!(home(Some(t), None, None, &[]), us());
        let t = "UK Statement at the Security Council on Ukraine";
        assert_eq!(
            home(Some(t), None, None, &[]),
            Some("United Kingdom".into())
        );
        // A country or body in the topic is not the issuer.
        let t = "Press Call on the Kremlin and Iran";
        assert_eq!(home(Some(t), None, None, &[]), None);
        let t = "Briefing with the Russian Foreign Ministry";
        assert_eq!(home(Some(t), None, None, &[]), None);
        let t = "UNHCR spokesperson Ana Ruiz at the press briefing";
        assert_eq!(
            home(Some(t), None, None, &[]),
            Some("United Nations".into())
        );
        let t = "Iran Denies Drone Sales";
        assert_eq!(home(Some(t), None, None, &[]), None);
        // A generic body takes the country of the place the title names.
        let t = "Government Press Conference, Oslo";
        assert_eq!(home(Some(t), None, None, &[]), Some("Norway".into()));
    }

    #[test]
    fn the_address_names_the_issuer() {
        let s = "https://www.defense.gov/News/Transcripts/Article/1/";
        assert_eq!(home(None, Some(s), None, &[]), us());
        let s = "https://www.gov.uk/government/speeches/a-speech";
        assert_eq!(
            home(None, Some(s), None, &[]),
            Some("United Kingdom".into())
        );
        let s = "https://archive.example.org/governments/canada/remarks.html (copied)";
        assert_eq!(home(None, Some(s), None, &[]), Some("Canada".into()));
        // A country that is a page's topic is not its issuer.
        let s = "https://news.example.com/world/russia/briefing-transcript";
        assert_eq!(home(None, Some(s), None, &[]), None);
        assert_eq!(home(None, Some("a printed copy"), None, &[]), None);
    }

    #[test]
    fn the_licence_names_the_issuer() {
        let l = "public domain (U.S. government work)";
        assert_eq!(home(Some("Daily Press Briefing"), None, Some(l), &[]), us());
    }

    #[test]
    fn a_body_the_officials_call_their_own() {
        let text = [
            "The Kremlin has said nothing and Russia's Defense Ministry denied it.",
            "We here at the Pentagon have seen the reports.",
        ];
        assert_eq!(home(None, None, None, &text), us());
        let text = ["The Kremlin has said nothing.", "Our allies agree."];
        assert_eq!(home(None, None, None, &text), None);
        // A country's position stated in its name.
        let text = [
            "Russia has lied again.",
            "The United States condemns the crackdown.",
        ];
        assert_eq!(home(None, None, None, &text), us());
        let text = ["The Government of Ghana was not involved."];
        assert_eq!(home(None, None, None, &text), Some("Ghana".into()));
        // A body named bare, as insiders name their own, after none of those.
        let text = [
            "The Russian Foreign Ministry has said nothing.",
            "Today the Treasury designated six firms.",
        ];
        assert_eq!(home(None, None, None, &text), us());
    }
}

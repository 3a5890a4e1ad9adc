//! Unit tests of attribution: speakers, parties and transcript turns.

use super::*;
use crate::loader::Lexicon;

mod parties;
mod rules;

fn run(sentences: &mut [Sentence], info: DocInfo) -> Vec<Source> {
    let lx = Lexicon::default();
    let scans: Vec<_> = sentences.iter().map(|s| lx.scan(&s.text)).collect();
    attribute(sentences, &scans, info)
}
use crate::model::Section;

fn doc(paragraphs: &[&[&str]], format: Format) -> (Vec<Sentence>, Vec<Source>) {
    let mut sentences = Vec::new();
    for (p, sents) in paragraphs.iter().enumerate() {
        for s in *sents {
            sentences.push(Sentence {
                id: sentences.len(),
                paragraph: p,
                text: (*s).to_owned(),
                section: Section::Context,
                speakers: vec![],
                cues: vec![],
                spans: vec![],
                likelihood: None,
                turn: None,
                correction: None,
            });
        }
    }
    let info = DocInfo {
        format,
        ..DocInfo::default()
    };
    let sources = run(&mut sentences, info);
    (sentences, sources)
}

/// (name, party) of each sentence's speakers.
fn who(paragraphs: &[&[&str]]) -> Vec<Vec<(String, Option<String>)>> {
    let (sentences, sources) = doc(paragraphs, Format::Article);
    sentences
        .iter()
        .map(|s| {
            s.speakers
                .iter()
                .map(|&i| (sources[i].name.clone(), sources[i].party.clone()))
                .collect()
        })
        .collect()
}

fn names(paragraphs: &[&[&str]]) -> Vec<Vec<String>> {
    who(paragraphs)
        .into_iter()
        .map(|v| v.into_iter().map(|x| x.0).collect())
        .collect()
}

fn one(sentence: &str) -> Vec<(String, Option<String>)> {
    who(&[&[sentence]]).remove(0)
}

fn sp(name: &str, party: &str) -> (String, Option<String>) {
    (name.to_owned(), Some(party.to_owned()))
}

#[test]
fn subject_before_the_verb() {
    assert_eq!(
        one("Egypt’s Foreign Minister Karim Haddad said the talks had failed."),
        [sp("Karim Haddad", "Egypt")]
    );
    assert_eq!(
        one("French officials have repeatedly warned that the deal is at risk."),
        [sp("French officials", "France")]
    );
}

#[test]
fn inverted_and_according_to() {
    assert_eq!(
        one("“We will not move,” said Colonel Anna Berg."),
        [("Anna Berg".to_owned(), None)]
    );
    assert_eq!(
        one("According to Reuters, the convoy left at dawn."),
        [sp("Reuters", "media")]
    );
}

#[test]
fn appositives_and_interruptions() {
    assert_eq!(
        one("Germany’s U.N. Ambassador Lena Vogt, at a closed meeting, rejected the charge."),
        [sp("Lena Vogt", "Germany")]
    );
    assert_eq!(
        one("Meanwhile, the Japanese Deputy Ambassador to the U.N., Ken Mori, stressed the risks."),
        [sp("Ken Mori", "Japan")]
    );
}

#[test]
fn a_move_someone_has_called() {
    let got = names(&[&[
        "Ministers pledged tanks, a move NATO Secretary General Piet Kroon has called “a turning point.”",
    ]]);
    assert!(got[0].contains(&"Piet Kroon".to_owned()), "{got:?}");
}

#[test]
fn possessive_pronoun_parts_are_not_speakers() {
    let got = names(&[&[
        "Reporter Ama Owusu said the story was true.",
        "He and his newsroom colleagues totally reject the charges.",
    ]]);
    assert_eq!(got[1], ["Ama Owusu"]);
}

#[test]
fn continuation_pronouns_and_quotes() {
    let got = names(&[
        &[
            "Defence Minister Tomas Varga said on Monday that the border was calm.",
            "He added that patrols would continue.",
            "Nothing else has changed.",
        ],
        &[
            "“The reports are false,” Varga said.",
            "“We have nothing to hide.”",
            "Roads reopened in the afternoon.",
        ],
    ]);
    assert_eq!(got[0], ["Tomas Varga"]);
    assert_eq!(got[1], ["Tomas Varga"], "He added");
    assert_eq!(
        got[2],
        ["Tomas Varga"],
        "unmarked continuation after 'said that'"
    );
    assert_eq!(got[3], ["Tomas Varga"], "surname joins the full name");
    assert_eq!(got[4], ["Tomas Varga"], "a quote continuing the speaker");
    assert_eq!(
        got[5],
        ["Tomas Varga"],
        "unmarked continuation in the same paragraph"
    );
}

#[test]
fn another_named_party_ends_a_continuation() {
    let got = names(&[&[
        "Israel’s military said that its forces had struck a depot.",
        "Hamas did not immediately comment.",
    ]]);
    assert_eq!(got[0], ["Israel’s military"]);
    assert_eq!(got[1], ["Hamas"]);
}

#[test]
fn a_role_in_a_place_speaks_for_its_country() {
    assert_eq!(
        one("Officials in Minsk denied the report."),
        [sp("Officials in Minsk", "Belarus")]
    );
}

#[test]
fn a_place_after_in_is_not_part_of_the_name() {
    assert_eq!(
        one("The Palestinian Health Ministry in Gaza said 30 people were killed.")[0].0,
        "Palestinian Health Ministry"
    );
}

#[test]
fn acts_do_not_carry_over() {
    let got = names(&[&[
        "Hamas claimed responsibility for the attack.",
        "The group controls the area.",
    ]]);
    assert_eq!(got[0], ["Hamas"]);
    assert!(got[1].is_empty(), "{got:?}");
}

#[test]
fn the_writers_voice_has_no_speaker() {
    let got = names(&[&[
        "Egypt has joined the sanctions and sent aid to Gaza.",
        "We believe the talks will resume.",
    ]]);
    assert!(got[0].is_empty() && got[1].is_empty(), "{got:?}");
}

#[test]
fn role_phrases_corefer() {
    let got = names(&[
        &["Kenyan officials said the camp was safe."],
        &["Tension is rising, with some officials now suggesting a delay."],
    ]);
    assert_eq!(got[1], ["Kenyan officials"]);
}

#[test]
fn acronyms_expand_from_the_document() {
    let got = names(&[&[
        "Analysts at Global Arms Survey published a study.",
        "The debris that GAS has presented as evidence shows a foreign origin.",
    ]]);
    assert_eq!(got[1], ["Global Arms Survey"]);
}

#[test]
fn capitals_and_seats_speak_for_their_country() {
    assert_eq!(
        one("Moscow has denied the report."),
        [sp("Russia", "Russia")]
    );
    assert_eq!(
        one("The Kremlin dismissed the claims as fiction.")[0]
            .1
            .as_deref(),
        Some("Russia")
    );
}

#[test]
fn names_are_not_verbs() {
    assert!(one("Officials in the United States were absent.").is_empty());
}

/// A transcript of (turn label, sentence) pairs, one paragraph each: (name, party) of each
/// sentence's speakers.
fn turns(turns: &[(&str, &str)], info: DocInfo) -> Vec<Vec<(String, Option<String>)>> {
    let mut sentences: Vec<Sentence> = turns
        .iter()
        .enumerate()
        .map(|(i, (turn, text))| Sentence {
            id: i,
            paragraph: i,
            text: (*text).into(),
            section: Section::Context,
            speakers: vec![],
            cues: vec![],
            spans: vec![],
            likelihood: None,
            turn: Some((*turn).into()),
            correction: None,
        })
        .collect();
    let info = DocInfo {
        format: Format::Transcript,
        ..info
    };
    let sources = run(&mut sentences, info);
    sentences
        .iter()
        .map(|s| {
            s.speakers
                .iter()
                .map(|&i| (sources[i].name.clone(), sources[i].party.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn transcript_turns() {
    let info = DocInfo {
        title: Some("Department of State Press Briefing with Spokesperson Ned Hale"),
        ..DocInfo::default()
    };
    let got = turns(
        &[
            ("QUESTION", "Did they deny it?"),
            ("MR. HALE", "Yes."),
            ("MR. HALE", "They denied it."),
        ],
        info,
    );
    assert_eq!(got[0], [sp("Reporter", "press")]);
    assert_eq!(got[1], [sp("Ned Hale", "United States")]);
    assert_eq!(got[2][0], got[1][0]);
}

#[test]
fn a_role_label_keeps_its_own_name() {
    let info = DocInfo {
        title: Some("Background Call with Ministry of Defence Officials"),
        ..DocInfo::default()
    };
    let got = turns(
        &[
            (
                "MODERATOR",
                "Our speakers are a Senior Defence Official and Dr. Ines Official.",
            ),
            ("SENIOR DEFENCE OFFICIAL", "Thank you."),
            ("SENIOR POLICY OFFICIAL", "I agree with my colleague."),
            ("SENIOR DEFENCE OFFICIAL", "One more point."),
        ],
        info,
    );
    assert_eq!(got[1][0].0, "Senior Defence Official");
    assert_eq!(got[2][0].0, "Senior Policy Official");
    assert_eq!(got[3], got[1], "the same label is the same speaker");
}

#[test]
fn coordinated_countries_deny() {
    assert_eq!(
        names(&[&["Both Chile and Peru have denied the allegations of troop movements."]]),
        [["Chile", "Peru"]]
    );
}

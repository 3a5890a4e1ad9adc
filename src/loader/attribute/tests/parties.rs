//! Parties decided from what the document says about itself, the issuer's own voice, and
//! the party given last to speakers the text left without one (issue 13).

use super::*;

/// (name, party) of each sentence's speakers in an article with a title, one sentence a
/// paragraph.
fn titled(title: &str, sentences: &[&str]) -> Vec<Vec<(String, Option<String>)>> {
    let mut v: Vec<Sentence> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            id: i,
            paragraph: i,
            text: (*s).to_owned(),
            section: Section::Context,
            speakers: vec![],
            cues: vec![],
            spans: vec![],
            likelihood: None,
            turn: None,
            correction: None,
        })
        .collect();
    let info = DocInfo {
        format: Format::Article,
        title: Some(title),
        ..DocInfo::default()
    };
    let sources = run(&mut v, info);
    v.iter()
        .map(|s| {
            s.speakers
                .iter()
                .map(|&i| (sources[i].name.clone(), sources[i].party.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn the_issuer_after_by_in_a_title() {
    let info = DocInfo {
        title: Some("Press briefing by the OSCE spokesperson on the border incident"),
        ..DocInfo::default()
    };
    let got = turns(&[("MR. VALK", "Good morning.")], info);
    assert_eq!(got[0], [sp("Mr. Valk", "OSCE")]);
}

#[test]
fn a_reporter_asking_for_a_partys_position() {
    // Nothing in the title, address or licence: the reporters ask Norway's position.
    let got = turns(
        &[
            (
                "QUESTION",
                "What is Norway's position on the fishing dispute?",
            ),
            ("SPOKESPERSON", "We have made our view clear."),
        ],
        DocInfo::default(),
    );
    assert_eq!(got[1], [sp("Spokesperson", "Norway")]);
}

#[test]
fn a_country_position_after_and() {
    let got = turns(
        &[(
            "MINISTER ALBA",
            "Peru does not take sides in this dispute and rejects any use of force.",
        )],
        DocInfo::default(),
    );
    assert_eq!(got[0][0], sp("Minister Alba", "Peru"));
}

#[test]
fn an_outlet_label_is_its_reporter() {
    let got = turns(
        &[
            ("REUTERS", "Will the ministry respond?"),
            ("MR. OKAFOR", "Not today."),
        ],
        DocInfo::default(),
    );
    assert_eq!(got[0], [sp("Reuters reporter", "press")]);
}

#[test]
fn unqualified_state_speakers_take_the_articles_country() {
    let got = titled(
        "Chilean court jails two over port fire",
        &[
            "The interior minister, Rosa Vidal, said the fire was set deliberately.",
            "Prosecutors said both men had confessed.",
        ],
    );
    assert_eq!(got[0], [sp("Rosa Vidal", "Chile")]);
    assert_eq!(got[1], [sp("Prosecutors", "Chile")]);
}

#[test]
fn groups_and_associations_speak_for_themselves() {
    let got = titled(
        "Dam project stalls",
        &[
            "Residents said the water had turned brown.",
            "The Lakeside Fishing Association said its members had lost their catch.",
        ],
    );
    assert_eq!(got[0], [sp("Residents", "Residents")]);
    assert_eq!(
        got[1],
        [sp(
            "Lakeside Fishing Association",
            "Lakeside Fishing Association"
        )]
    );
}

#[test]
fn a_party_named_before_the_place_is_theirs() {
    assert_eq!(
        one("The Brazilian embassy in Lima said the visas were valid."),
        [sp("Brazilian embassy in Lima", "Brazil")]
    );
}

#[test]
fn the_first_person_of_a_statement_is_the_writers() {
    let (sentences, _) = doc(
        &[&[
            "The foreign ministry of Elbonia said the reporters had broken the law.",
            "We respectfully disagree.",
        ]],
        Format::Article,
    );
    assert!(sentences[1].speakers.is_empty());
}

#[test]
fn an_institution_states_its_position() {
    assert_eq!(
        names(&[&[
            "Norway strongly protests and condemns the missile test.",
            "The EU stands in solidarity with Estonia.",
            "The Secretary-General welcomes the agreement.",
            "The Federal Foreign Office has learned with great concern of the arrest.",
        ]]),
        [
            ["Norway"],
            ["European Union"],
            ["UN Secretary-General"],
            ["Federal Foreign Office"]
        ]
    );
}

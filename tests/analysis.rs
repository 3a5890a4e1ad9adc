//! The analysis of the project's sample briefing: sections, speakers with parties, and the
//! timeline, sentence by sentence (our own reading of the sample).

use debrief::loader::{Options, load};
use debrief::model::{Briefing, Section};

const SAMPLE: &str = include_str!("../assets/briefings/korea-ukraine.txt");

fn sample(date: Option<&str>) -> Briefing {
    let options = Options {
        date: date.map(|d| d.parse().expect("date")),
        ..Options::default()
    };
    load(SAMPLE.as_bytes(), &options).expect("the sample loads")
}

use Section::{Allegation as A, Context as C, Denial as D, Response as R};

/// (start of the sentence, section, speakers as "name (party)").
const EXPECTED: &[(&str, Section, &[&str])] = &[
    (
        "South Korea has announced it may consider",
        R,
        &["South Korea (South Korea)"],
    ),
    (
        "This development follows South Korean intelligence claims",
        A,
        &["National Intelligence Service (South Korea)"],
    ),
    (
        "Both North Korea and Russia have denied the allegations",
        D,
        &["North Korea (North Korea)", "Russia (Russia)"],
    ),
    (
        "In a statement Tuesday, South Korean officials labeled",
        R,
        &["South Korean officials (South Korea)"],
    ),
    (
        "According to Yonhap News Agency, a senior official",
        R,
        &[
            "Yonhap News Agency (media)",
            "senior official from Korea President office (South Korea)",
            "Jens Stoltenberg (NATO)",
        ],
    ),
    (
        "South Korean officials consider the alliance",
        R,
        &["South Korean officials (South Korea)"],
    ),
    (
        "After an emergency meeting of the National Security Council",
        R,
        &["South Korean officials (South Korea)"],
    ),
    (
        "In a statement, South Korea’s National Security Council urged",
        R,
        &["South Korea’s National Security Council (South Korea)"],
    ),
    (
        "Diplomatic, economic, and military options are under consideration",
        R,
        &["South Korea’s National Security Council (South Korea)"],
    ),
    ("Since Russia’s 2022 invasion of Ukraine", C, &[]),
    (
        "However, the strengthening ties between Moscow and Pyongyang",
        R,
        &["South Korean officials (South Korea)"],
    ),
    (
        "South Korea’s National Intelligence Service has reported",
        A,
        &["National Intelligence Service (South Korea)"],
    ),
    (
        "Both North Korea and Russia, however, have denied any exchange",
        D,
        &["North Korea (North Korea)", "Russia (Russia)"],
    ),
    (
        "Russia’s U.N. Ambassador Vassily Nebenzia",
        D,
        &["Vassily Nebenzia (Russia)"],
    ),
    (
        "At a separate U.N. session, a North Korean diplomat",
        D,
        &["North Korean diplomat (North Korea)"],
    ),
    (
        "Meanwhile, the U.S. Deputy Ambassador to the U.N., Robert Wood",
        R,
        &["Robert Wood (United States)"],
    ),
];

#[test]
fn sections_and_speakers_of_every_sentence() {
    let b = sample(None);
    assert_eq!(b.sentences.len(), EXPECTED.len(), "sentence count");
    assert_eq!(b.paragraphs, 11);
    for (s, (start, section, speakers)) in b.sentences.iter().zip(EXPECTED) {
        assert!(s.text.starts_with(start), "sentence {}: {:?}", s.id, s.text);
        assert_eq!(
            s.section, *section,
            "section of {start:?} (cues {:?})",
            s.cues
        );
        let got: Vec<String> = s
            .speakers
            .iter()
            .map(|&i| {
                let src = &b.sources[i];
                format!("{} ({})", src.name, src.party.as_deref().unwrap_or("?"))
            })
            .collect();
        assert_eq!(got, *speakers, "speakers of {start:?}");
    }
}

#[test]
fn every_sentence_keeps_the_cues_that_decided_it() {
    let b = sample(None);
    for s in &b.sentences {
        assert!(!s.cues.is_empty(), "no cue kept for {:?}", s.text);
        assert!(s.cues.iter().all(|c| c.section == s.section));
    }
}

#[test]
fn timeline_without_and_with_a_reference_date() {
    let entries = |b: &Briefing| -> Vec<(String, Option<String>, usize)> {
        b.timeline
            .iter()
            .map(|t| (t.text.clone(), t.value.clone(), t.sentence))
            .collect()
    };
    // The sample has no front matter: "Tuesday" cannot be placed and comes last.
    assert_eq!(
        entries(&sample(None)),
        [
            ("2022".into(), Some("2022".into()), 9),
            ("since August 2023".into(), Some("2023-08".into()), 11),
            ("Tuesday".into(), None, 3),
        ]
    );
    assert_eq!(
        entries(&sample(Some("2024-10-23"))),
        [
            ("2022".into(), Some("2022".into()), 9),
            ("since August 2023".into(), Some("2023-08".into()), 11),
            ("Tuesday".into(), Some("2024-10-22".into()), 3),
        ]
    );
}

#[test]
fn claims_hedges_quotes_and_figures_are_marked() {
    use debrief::model::SpanKind;
    let b = sample(None);
    let has = |id: usize, kind: SpanKind, text: &str| {
        let s = &b.sentences[id];
        s.spans
            .iter()
            .any(|sp| sp.kind == kind && &s.text[sp.range()] == text)
    };
    assert!(has(0, SpanKind::Hedge, "allegedly"));
    assert!(has(1, SpanKind::Figure, "1,500"));
    assert!(has(4, SpanKind::Quote, "“significant escalation”"));
    assert!(has(13, SpanKind::Reporting, "rejected"));
    assert!(has(
        11,
        SpanKind::Claim,
        "North Korea has shipped over 13,000 containers of artillery, missiles, and other military equipment to Russia since August 2023 to support Russia’s depleted armament reserves"
    ));
    assert!(has(9, SpanKind::Time, "2022"));
    assert!(!has(9, SpanKind::Figure, "2022"), "a year is not a figure");
}

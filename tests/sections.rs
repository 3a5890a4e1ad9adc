//! The section model on sentences written for this test (none of them from a corpus the model
//! was trained on): clear cases of each section, scored together as the corpus is. A learned
//! model may miss a case; it must not miss many, and none of the plainest ones.

use debrief::loader::{Options, load};
use debrief::model::Section::{self, Allegation as A, Context as C, Denial as D, Response as R};

/// Clear cases, by the annotation guide's definitions.
const PROBES: &[(&str, Section)] = &[
    (
        "Investigators accused the militia of smuggling weapons across the border.",
        A,
    ),
    (
        "Intelligence officials say the regime has secretly shipped artillery shells to the junta.",
        A,
    ),
    (
        "The report found that government forces shelled residential areas of the city.",
        A,
    ),
    (
        "According to the ministry, the hackers stole the data of two million voters.",
        A,
    ),
    (
        "Prosecutors allege that the envoy ran a network of informants inside the parliament.",
        A,
    ),
    (
        "We assess that the rebels received drones from a foreign sponsor.",
        A,
    ),
    (
        "Witnesses said soldiers opened fire on unarmed protesters.",
        A,
    ),
    (
        "The group claimed responsibility for the bombing of the pipeline.",
        A,
    ),
    ("The ministry rejected the accusations as groundless.", D),
    ("Officials dismissed the report as a fabrication.", D),
    (
        "The embassy denied that its staff had any contact with the suspects.",
        D,
    ),
    ("These claims are completely false.", D),
    ("There is no evidence that our forces were involved.", D),
    ("The spokesman declined to confirm the reports.", D),
    (
        "The government called the allegations baseless and politically motivated.",
        D,
    ),
    ("Beijing flatly denied the charges.", D),
    (
        "The council condemned the attack in the strongest terms.",
        R,
    ),
    (
        "The foreign minister urged both sides to show restraint.",
        R,
    ),
    (
        "The European Union imposed new sanctions on the officials responsible.",
        R,
    ),
    ("We are deeply concerned by the reports of mass arrests.", R),
    (
        "We call on the authorities to release the journalists immediately.",
        R,
    ),
    (
        "Washington said it was considering further measures in response.",
        R,
    ),
    (
        "The government summoned the ambassador to protest the incursion.",
        R,
    ),
    ("We will continue to support the people of the region.", R),
    (
        "The two countries established diplomatic relations in 1992.",
        C,
    ),
    (
        "The river has marked the border between them for centuries.",
        C,
    ),
    ("Thank you, Madam President.", C),
    ("The province is home to about three million people.", C),
    (
        "Since 2015, the country has held four national elections.",
        C,
    ),
    ("The talks are scheduled to resume in Geneva next month.", C),
    ("Good afternoon, everyone.", C),
    ("The port handles most of the country's grain exports.", C),
];

fn decided(text: &str) -> Section {
    let b = load(text.as_bytes(), &Options::default()).expect("loads");
    assert_eq!(b.sentences.len(), 1, "{text}");
    b.sentences[0].section
}

#[test]
fn the_model_sorts_clear_cases_it_was_never_trained_on() {
    let mut right = 0;
    let mut wrong = Vec::new();
    for &(text, want) in PROBES {
        let got = decided(text);
        if got == want {
            right += 1;
        } else {
            wrong.push(format!("{want:?} read as {got:?}: {text}"));
        }
    }
    let share = right as f64 / PROBES.len() as f64;
    assert!(
        share >= 0.8,
        "{right} of {} right ({share:.2}); missed:\n{}",
        PROBES.len(),
        wrong.join("\n")
    );
    for w in &wrong {
        eprintln!("missed: {w}");
    }
}

#[test]
fn the_plainest_denials_and_condemnations_are_never_missed() {
    for (text, want) in [
        ("The ministry rejected the accusations as groundless.", D),
        ("These claims are completely false.", D),
        (
            "The council condemned the attack in the strongest terms.",
            R,
        ),
        ("Thank you, Madam President.", C),
    ] {
        assert_eq!(decided(text), want, "{text}");
    }
}

#[test]
fn a_denial_that_is_negated_is_not_one() {
    // "did not deny" reports that no denial was made.
    let got = decided("The ministry did not deny that troops had crossed the border.");
    assert_ne!(got, D);
}

#[test]
fn every_decision_keeps_its_reasons() {
    for &(text, _) in PROBES {
        let b = load(text.as_bytes(), &Options::default()).expect("loads");
        let s = &b.sentences[0];
        assert!(!s.cues.is_empty(), "no reasons for {text}");
        for c in &s.cues {
            assert_eq!(c.section, s.section, "{text}");
            assert!(!c.rule.is_empty());
        }
    }
}

//! The source filter as a pure function of (briefing, filter), no terminal.

mod common;

use debrief::tui::filter::{
    Entry, SourceFilter, Voice, count, counts, entries, toggle, visible, visible_timeline,
};

#[test]
fn everything_shows_with_no_filter() {
    let b = common::briefing();
    let f = SourceFilter::all();
    assert_eq!(visible(&b, &f), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(visible_timeline(&b, &f), vec![0, 1, 2]);
    assert_eq!(f.describe(&b), "all sources");
}

#[test]
fn only_one_voice() {
    let b = common::briefing();
    let f = SourceFilter::only(&b, &[Voice::Source(2)]);
    assert_eq!(visible(&b, &f), vec![2]);
    assert_eq!(visible_timeline(&b, &f), vec![1]);
    assert_eq!(f.describe(&b), "only Moscow");
    let w = SourceFilter::only(&b, &[Voice::Writer]);
    assert_eq!(visible(&b, &w), vec![4]);
    assert_eq!(w.describe(&b), "only the writer");
    let none = SourceFilter::only(&b, &[]);
    assert!(visible(&b, &none).is_empty());
    assert_eq!(none.describe(&b), "no sources");
}

#[test]
fn a_sentence_with_several_speakers_shows_if_any_is_shown() {
    let mut b = common::briefing();
    b.sentences[1].speakers = vec![1, 2];
    let f = SourceFilter::only(&b, &[Voice::Source(2)]);
    assert_eq!(visible(&b, &f), vec![1, 2]);
}

#[test]
fn entries_group_speakers_by_party_with_counts() {
    let mut b = common::briefing();
    b.sources[2].party = None;
    let rows = entries(&b);
    let names: Vec<String> = rows
        .iter()
        .map(|e| match e {
            Entry::Party { name, .. } => format!("[{name}]"),
            Entry::Voice(Voice::Writer) => "writer".into(),
            Entry::Voice(Voice::Source(id)) => b.sources[*id].name.clone(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "writer",
            "[South Korea]",
            "Seoul",
            "[North Korea]",
            "Pyongyang",
            "[unknown party]",
            "Moscow"
        ]
    );
    let counts: Vec<usize> = rows.iter().map(|e| count(&b, e)).collect();
    assert_eq!(counts, [1, 3, 3, 1, 1, 1, 1]);
}

#[test]
fn toggling_a_party_toggles_its_members() {
    let b = common::briefing();
    let rows = entries(&b);
    let mut f = SourceFilter::all();
    toggle(&mut f, &rows[1]); // South Korea
    assert!(f.hidden.contains(&Voice::Source(0)));
    toggle(&mut f, &rows[2]); // Seoul back on
    assert!(f.is_all());
    toggle(&mut f, &rows[0]); // the writer off
    assert_eq!(visible(&b, &f), vec![0, 1, 2, 3, 5]);
}

#[test]
fn counts_in_one_pass_agree_with_each_entrys_count() {
    for b in [common::briefing(), common::sample()] {
        let rows = entries(&b);
        let each: Vec<usize> = rows.iter().map(|e| count(&b, e)).collect();
        assert_eq!(counts(&b, &rows), each);
        assert!(each.iter().any(|&n| n > 1), "{each:?}");
    }
}

#[test]
fn a_sentence_passes_when_any_of_its_voices_is_shown() {
    let b = common::sample();
    for shown in [
        vec![Voice::Writer],
        vec![Voice::Source(0)],
        vec![Voice::Source(1), Voice::Source(3)],
    ] {
        let f = SourceFilter::only(&b, &shown);
        for s in &b.sentences {
            let any = debrief::tui::filter::voices(s)
                .iter()
                .any(|v| shown.contains(v));
            assert_eq!(f.matches(s), any, "{shown:?}: {}", s.text);
        }
    }
}

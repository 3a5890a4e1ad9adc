//! Property tests of the loader (issue 5): random bytes and random briefing-like text with
//! quotes, abbreviations, brackets, controls, escape sequences and bidi characters. Whatever
//! the input, `load` does not panic and its result keeps the model's invariants.

use debrief::loader::{LoadError, Options, load};
use debrief::model::Briefing;
use proptest::prelude::*;

/// Characters no text the loader hands out may carry: C0 controls (line feed and tab too:
/// a sentence is one line), DEL, C1 controls, bidirectional embeddings, overrides, isolates
/// and marks, and invisible zero-width and format characters. A zero-width joiner may stay
/// inside an emoji sequence, so it is not listed.
fn forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn clean(what: &str, s: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !s.chars().any(forbidden),
        "{} carries a control: {:?}",
        what,
        s
    );
    Ok(())
}

/// The invariants every analysis keeps.
fn check(b: &Briefing) -> Result<(), TestCaseError> {
    for field in [&b.title, &b.source, &b.date].into_iter().flatten() {
        clean("front matter", field)?;
    }
    for h in &b.headings {
        clean("heading", &h.text)?;
        prop_assert!(h.paragraph <= b.paragraphs);
    }
    let mut last_paragraph = 0;
    for (i, s) in b.sentences.iter().enumerate() {
        prop_assert_eq!(s.id, i, "sentence ids are 0..n in order");
        prop_assert!(s.paragraph < b.paragraphs);
        prop_assert!(s.paragraph >= last_paragraph, "paragraphs in order");
        last_paragraph = s.paragraph;
        prop_assert!(!s.text.trim().is_empty(), "empty sentence");
        clean("sentence", &s.text)?;
        if let Some(turn) = &s.turn {
            clean("turn", turn)?;
        }
        for sp in &s.spans {
            let r = sp.range();
            prop_assert!(
                r.start <= r.end && r.end <= s.text.len(),
                "{:?} outside {:?}",
                sp,
                s.text
            );
            prop_assert!(
                s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end),
                "{:?} not on char boundaries of {:?}",
                sp,
                s.text
            );
        }
        prop_assert!(s.spans.is_sorted_by_key(|sp| sp.start), "spans sorted");
        for &id in &s.speakers {
            prop_assert!(
                id < b.sources.len(),
                "speaker {} of {}",
                id,
                b.sources.len()
            );
        }
        for cue in &s.cues {
            clean("cue", cue.text(&s.text))?;
        }
    }
    for (i, src) in b.sources.iter().enumerate() {
        prop_assert_eq!(src.id, i);
        clean("source name", &src.name)?;
        for m in &src.mentions {
            clean("mention", m)?;
        }
    }
    for t in &b.timeline {
        prop_assert!(t.sentence < b.sentences.len(), "timeline entry {:?}", t);
        let s = &b.sentences[t.sentence];
        prop_assert!(
            t.start <= t.end && t.end <= s.text.len(),
            "{:?} in {:?}",
            t,
            s.text
        );
        prop_assert!(s.text.is_char_boundary(t.start) && s.text.is_char_boundary(t.end));
        prop_assert_eq!(&s.text[t.start..t.end], t.text.as_str());
    }
    // Everything serialises, and nothing in the JSON is a raw control either.
    let json = debrief::report::json(b);
    prop_assert!(!json.contains('\u{1b}'), "ESC in JSON");
    for w in &b.warnings {
        prop_assert!(
            !w.contains('\u{1b}') && !w.contains('\u{7}'),
            "warning {:?}",
            w
        );
    }
    Ok(())
}

/// Pieces briefings are made of, hostile ones included.
fn piece() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        // words, names, abbreviations and sentence ends
        "the",
        "The",
        "minister",
        "said",
        "denied",
        "that",
        "officials",
        "reported",
        "Kim",
        "Jong",
        "Un",
        "North Korea",
        "Russia’s",
        "U.S.",
        "U.N.",
        "Mr.",
        "Gen.",
        "Dr.",
        "Jr.",
        "Inc.",
        "a.m.",
        "p.m.",
        "No.",
        "etc.",
        "e.g.",
        "vs.",
        "St.",
        "according to",
        "told",
        "allegedly",
        "likely",
        "may",
        ".",
        ". ",
        "?",
        "!",
        "...",
        "…",
        ". . .",
        ";",
        ":",
        ",",
        "MR PRICE:",
        "QUESTION:",
        "Q:",
        "# Heading",
        "- ",
        "• ",
        "1.",
        "a)",
        // quotes of every kind and brackets
        "“",
        "”",
        "„",
        "‟",
        "«",
        "»",
        "‹",
        "›",
        "‘",
        "’",
        "\"",
        "'",
        "「",
        "」",
        "『",
        "』",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "—",
        "–",
        // digits, dates and figures
        "0",
        "7",
        "1,500",
        "3.5%",
        "$2 billion",
        "2024",
        "2023-02-30",
        "3 March 2024",
        "last Tuesday",
        "the 1990s",
        "yesterday",
        "9999-99-99",
        // other scripts and emoji
        "서울",
        "北京",
        "。",
        "！",
        "？",
        "Україна",
        "مرحبا",
        "שלום",
        "👩\u{200D}👧",
        "🤝",
        "\u{301}",
        // whitespace and line ends
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{A0}",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        // controls and escape sequences
        "\x1b[2J",
        "\x1b[31m",
        "\x1b[",
        "\x1b",
        "\x1b]52;c;aGk=\x07",
        "\x1b]0;t\x1b\\",
        "\x1b]8;;u\x07",
        "\x1bP",
        "\x1b_",
        "\x1b(0",
        "\u{9b}31m",
        "\u{9d}0;x\u{9c}",
        "\u{90}",
        "\u{80}",
        "\x07",
        "\x08",
        "\x7f",
        "\x0b",
        "\x0c",
        "\x01",
        // bidi and invisible characters
        "\u{202A}",
        "\u{202B}",
        "\u{202C}",
        "\u{202D}",
        "\u{202E}",
        "\u{2066}",
        "\u{2067}",
        "\u{2068}",
        "\u{2069}",
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{200E}",
        "\u{200F}",
        "\u{FEFF}",
        "\u{2060}",
        "\u{061C}",
        // front matter fragments
        "+++\n",
        "title = \"\\u001b[2J\"\n",
        "date = \"soon\"\n",
        "Title: X\n",
        "Date: 2024-01-02\n",
    ];
    prop_oneof![
        8 => proptest::sample::select(fixed).prop_map(str::to_owned),
        1 => "[A-Za-z]{1,12}",
        // Any character but NUL, which makes the input binary.
        1 => any::<char>().prop_filter("NUL", |&c| c != '\0').prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            // Mostly words with spaces between, sometimes glued together.
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        match load(&bytes, &Options::default()) {
            Ok(b) => check(&b)?,
            Err(LoadError::Binary) => prop_assert!(bytes.contains(&0)),
        }
    }

    #[test]
    fn random_bytes_after_a_bom_never_panic(
        bom in proptest::sample::select(vec![&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]),
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut input = bom.to_vec();
        input.extend(bytes);
        // UTF-16 input decodes NULs to characters that are then removed: never binary.
        match load(&input, &Options::default()) {
            Ok(b) => check(&b)?,
            Err(LoadError::Binary) => prop_assert!(bom.len() == 3 && input.contains(&0)),
        }
    }

    #[test]
    fn random_briefing_text_keeps_the_invariants(t in text()) {
        let b = load(t.as_bytes(), &Options::default());
        match b {
            Ok(b) => check(&b)?,
            Err(e) => prop_assert!(false, "{:?} refused: {}", t, e),
        }
    }

    #[test]
    fn random_text_as_utf16_reads_like_utf8(t in text()) {
        let utf8 = load(t.as_bytes(), &Options::default());
        let mut utf16 = vec![0xFF, 0xFE];
        for u in t.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let from16 = load(&utf16, &Options::default());
        match (utf8, from16) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "{:?}: {:?} / {:?}", t, a.err(), b.err()),
        }
    }

    #[test]
    fn crlf_and_cr_read_like_lf(t in text()) {
        let lf = t.replace("\r\n", "\n").replace('\r', "\n");
        let base = load(lf.as_bytes(), &Options::default()).expect("loads");
        for eol in ["\r\n", "\r"] {
            let other = lf.replace('\n', eol);
            let b = load(other.as_bytes(), &Options::default()).expect("loads");
            prop_assert_eq!(&b.sentences, &base.sentences, "line end {:?}", eol);
        }
    }
}

/// Inputs the properties found: an escape sequence left open at a line end swallowed only the
/// CR of a CRLF, so the same text with CRLF line ends gave different sentences.
#[test]
fn escapes_open_at_a_line_end_read_the_same_with_crlf() {
    for doc in [
        "the \x1bP \nthe",
        "a\x1b]0;never closed\nnext\n\nmore",
        "a \x1b(\nnext",
        "a \x1b( \nnext",
        "a\x1b_x\n\nb",
    ] {
        let lf = load(doc.as_bytes(), &Options::default()).expect("loads");
        for eol in ["\r\n", "\r"] {
            let other = doc.replace('\n', eol);
            let b = load(other.as_bytes(), &Options::default()).expect("loads");
            assert_eq!(b.sentences, lf.sentences, "{other:?}");
            assert_eq!(b.paragraphs, lf.paragraphs, "{other:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The reader's quick search test (ASCII without folding, narrowing as the query grows)
    /// answers as the highlighting's full search does, with letters whose lower case changes
    /// length or leaves ASCII (`İ`, the Kelvin sign, `ß`).
    #[test]
    fn the_quick_search_agrees_with_the_highlighting(
        text in "[a-zA-Z \u{e4}\u{c4}\u{130}\u{131}\u{212a}\u{df}k]{0,24}",
        query in "[a-zA-Z\u{e4}\u{c4}\u{130}\u{131}\u{212a}\u{df}k]{0,4}",
    ) {
        use debrief::tui::text::{Query, find_matches};
        let whole = Query::new(&query).is_in(&text);
        prop_assert_eq!(whole, !find_matches(&text, &query).is_empty());
        // A text the query matches also matches every prefix of the query.
        if whole {
            for (i, _) in query.char_indices().skip(1) {
                prop_assert!(Query::new(&query[..i]).is_in(&text));
            }
        }
    }

    /// The search index over a briefing's sentences finds exactly the sentences the quick
    /// search test accepts, all at once and one by one.
    #[test]
    fn the_search_index_finds_what_the_quick_search_finds(
        texts in proptest::collection::vec("[a-zA-Z .\u{e4}\u{c4}\u{130}\u{212a}\u{df}k]{0,12}", 0..12),
        query in "[a-zA-Z.\u{e4}\u{c4}\u{130}\u{212a}\u{df}k \u{0}]{0,3}",
    ) {
        use debrief::model::{Section, Sentence};
        use debrief::tui::text::{Query, SearchIndex};
        let sentences: Vec<Sentence> = texts
            .iter()
            .enumerate()
            .map(|(id, t)| Sentence {
                id,
                paragraph: 0,
                text: t.clone(),
                section: Section::Context,
                speakers: Vec::new(),
                cues: Vec::new(),
                spans: Vec::new(),
                likelihood: None,
                turn: None,
                correction: None,
            })
            .collect();
        let q = Query::new(&query);
        let index = SearchIndex::new(&sentences);
        let want: Vec<usize> = (0..texts.len()).filter(|&i| q.is_in(&texts[i])).collect();
        prop_assert_eq!(index.find(&q), want.clone());
        for i in 0..texts.len() {
            prop_assert_eq!(index.contains(i, &q), want.contains(&i));
        }
    }
}

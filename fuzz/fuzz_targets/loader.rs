//! Arbitrary bytes into the loader: no panic, and the analysis keeps its invariants
//! (clean sentence text, spans and time references inside their sentence, ids in range).
#![no_main]

use debrief::loader::{LoadError, Options, load};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static OPTIONS: LazyLock<Options> = LazyLock::new(Options::default);

/// Characters no sentence text may carry (see `loader::text`): C0 controls (line feed and
/// tab included: a sentence is one line), DEL, C1 controls, bidirectional controls and
/// invisible zero-width characters.
fn forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fuzz_target!(|data: &[u8]| {
    let b = match load(data, &OPTIONS) {
        Ok(b) => b,
        Err(LoadError::Binary) => {
            assert!(data.contains(&0), "refused as binary without a NUL byte");
            return;
        }
    };
    for field in [&b.title, &b.source].into_iter().flatten() {
        assert!(
            !field.chars().any(forbidden),
            "control in front matter {field:?}"
        );
    }
    for h in &b.headings {
        assert!(
            !h.text.chars().any(forbidden),
            "control in heading {:?}",
            h.text
        );
        assert!(h.paragraph <= b.paragraphs);
    }
    for (i, s) in b.sentences.iter().enumerate() {
        assert_eq!(s.id, i);
        assert!(s.paragraph < b.paragraphs);
        assert!(!s.text.chars().any(forbidden), "control in {:?}", s.text);
        for sp in &s.spans {
            assert!(
                sp.range().start <= sp.range().end && sp.range().end <= s.text.len(),
                "{sp:?} in {:?}",
                s.text
            );
            assert!(
                s.text.is_char_boundary(sp.range().start)
                    && s.text.is_char_boundary(sp.range().end)
            );
        }
        assert!(s.spans.is_sorted_by_key(|sp| sp.start));
        for &id in &s.speakers {
            assert!(id < b.sources.len());
        }
    }
    for (i, src) in b.sources.iter().enumerate() {
        assert_eq!(src.id, i);
        assert!(
            !src.name.chars().any(forbidden),
            "control in {:?}",
            src.name
        );
    }
    for t in &b.timeline {
        let s = &b.sentences[t.sentence];
        assert!(t.start <= t.end && t.end <= s.text.len());
        assert_eq!(&s.text[t.start..t.end], t.text);
    }
});

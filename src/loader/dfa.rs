//! The loader's fixed patterns ([`super::patterns`]), compiled by `build.rs` to dense DFAs and
//! embedded: each is read in place from the binary on first use (a check of its tables, no
//! compiling), where a `regex::Regex` would spend millions of instructions at start-up.

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;
use std::sync::LazyLock;

/// The serialised tables, aligned as the DFA reads them (as `u32`s).
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

/// A compiled pattern: its leftmost-first matches, as `regex::Regex` finds them.
pub type Pattern = Regex<DFA<&'static [u32]>>;

fn pattern(fwd: &'static [u8], rev: &'static [u8]) -> Pattern {
    // SAFETY: the bytes are what `to_bytes_*_endian` of this same regex-automata (one version
    // in Cargo.lock for build.rs and the loader) wrote for a DFA it built, in the target's
    // byte order, aligned by `Aligned`: valid tables, which the check skipped here would only
    // confirm at the cost of a pass over every transition (a million instructions at
    // start-up). The test `the_embedded_dfas_pass_the_full_check` runs that check.
    let read = |bytes| {
        unsafe { DFA::from_bytes_unchecked(bytes) }
            .expect("DFA header")
            .0
    };
    Regex::builder().build_from_dfas(read(fwd), read(rev))
}

/// The serialised forward and reverse tables of the pattern `name`.
fn tables(name: &str) -> (&'static [u8], &'static [u8]) {
    macro_rules! table {
        ($name:literal, $ext:literal) => {{
            static T: &Aligned<[u8]> = &Aligned {
                _align: [],
                bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".", $ext)),
            };
            &T.bytes
        }};
    }
    match name {
        "self_denial" => (table!("self_denial", "fwd"), table!("self_denial", "rev")),
        "figure" => (table!("figure", "fwd"), table!("figure", "rev")),
        "position" => (table!("position", "fwd"), table!("position", "rev")),
        "report_nouns" => (table!("report_nouns", "fwd"), table!("report_nouns", "rev")),
        other => panic!("no embedded DFA named {other}"),
    }
}

macro_rules! embedded {
    ($(#[$doc:meta])* $static:ident, $name:literal) => {
        $(#[$doc])*
        pub static $static: LazyLock<Pattern> = LazyLock::new(|| {
            let (fwd, rev) = tables($name);
            pattern(fwd, rev)
        });
    };
}

embedded!(
    /// [`super::patterns::SELF_DENIAL`].
    SELF_DENIAL,
    "self_denial"
);
embedded!(
    /// [`super::patterns::FIGURE`].
    FIGURE,
    "figure"
);
embedded!(
    /// Any of the position words ([`super::patterns::POSITION_ADJECTIVES`] and the rest).
    POSITION,
    "position"
);
embedded!(
    /// Any of [`super::patterns::REPORT_NOUNS`].
    REPORT_NOUNS,
    "report_nouns"
);

#[cfg(test)]
mod tests {
    use super::super::patterns;

    /// Texts where the patterns match, nearly match, or meet non-ASCII letters and digits.
    fn texts() -> Vec<String> {
        let sample = include_str!("../../assets/briefings/korea-ukraine.txt");
        let mut out: Vec<String> = sample.lines().map(str::to_owned).collect();
        out.extend(
            [
                "Moscow says it did not strike the convoy.",
                "They insisted that they hadn’t; he said he's never; She Claims She Has No",
                "Officials maintained they were not there, and argued we had\tno part; said I played no role",
                "sayit did not, says it didn'tx, SAID THEY WERE NOT, said that it never",
                "$ 1,000,000.5 and $3.5 million, 12 percent, 7 per cent, 40%, 1,00, 123,4567",
                "dozens, Hundreds of THOUSANDS; millionsx; ١٢٣ ４５ 12ème 3½ 2nd 10,000th",
                "The Government remains concerned; Canada Recognises; CALL FOR; calls; stand-by",
                "noted the learning; lookout; welcomeswelcome; EXPRESSES; reaffirm",
                "the allegations, a claimant, STATEMENTS, findings, reported, assertions",
                "naïve café £5 €10 — ‘quoted’ “said that” Ştefan İstanbul ǅ",
            ]
            .map(str::to_owned),
        );
        out
    }

    fn agree(compiled: &super::Pattern, pattern: &str) {
        let re = regex::Regex::new(pattern).expect("pattern compiles");
        for t in texts() {
            let ours: Vec<_> = compiled.find_iter(&t).map(|m| m.range()).collect();
            let theirs: Vec<_> = re.find_iter(&t).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{pattern} on {t:?}");
            assert_eq!(compiled.is_match(&t), re.is_match(&t), "{pattern} on {t:?}");
        }
    }

    #[test]
    fn the_embedded_dfas_pass_the_full_check() {
        for (name, _) in patterns::all() {
            let (fwd, rev) = super::tables(name);
            for t in [fwd, rev] {
                super::DFA::from_bytes(t).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }

    #[test]
    fn the_embedded_dfas_find_what_the_regex_crate_finds() {
        for (name, pattern) in patterns::all() {
            let compiled: &super::Pattern = match name {
                "self_denial" => &super::SELF_DENIAL,
                "figure" => &super::FIGURE,
                "position" => &super::POSITION,
                "report_nouns" => &super::REPORT_NOUNS,
                other => panic!("no DFA for {other}"),
            };
            agree(compiled, &pattern);
        }
    }

    #[test]
    fn the_word_lists_find_what_aho_corasick_finds() {
        let lists: [&[&[&str]]; 2] = [
            &[
                patterns::POSITION_ADJECTIVES,
                patterns::POSITION_VERBS,
                patterns::POSITION_OTHERS,
            ],
            &[patterns::REPORT_NOUNS],
        ];
        for (lists, compiled) in lists.iter().zip([&super::POSITION, &super::REPORT_NOUNS]) {
            let words: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&words)
                .expect("automaton");
            for t in texts() {
                assert_eq!(compiled.is_match(&t), ac.is_match(&t), "{t:?}");
            }
        }
    }
}

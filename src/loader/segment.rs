//! Sentence splitting: a paragraph becomes byte ranges of sentences.
//!
//! The splitter is a single left-to-right pass over whitespace-separated tokens, so it runs in
//! time linear in the paragraph and never backtracks. Every boundary falls between two tokens
//! (or right after a CJK full stop, question or exclamation mark), and each gap is decided from
//! the token before it and a bounded look at the tokens after it:
//!
//! - `?` and `!` (also inside closing quotes or brackets) end a sentence unless the next word
//!   starts in lower case (`“Why now?” he asked`, `Yahoo! in`).
//! - `.` ends a sentence unless the next word starts in lower case, or the word before it is an
//!   abbreviation, an initial or a dotted acronym (see [`ABBREVIATIONS`]).
//! - Dotted acronyms (`U.S.`, `a.m.`), single capital initials (`W.`) and "suffix"
//!   abbreviations (`Jr.`, `Inc.`, `Co.`, `Jan.`) end a sentence only when the next word is a
//!   common sentence opener ([`OPENERS`]: `The`, `He`, `It`, `However`, `How`, ...). This is a
//!   heuristic: `the U.S. Deputy Ambassador` stays whole and `in the U.S. How about you?`
//!   splits, but a sentence after an acronym that starts with a name (`the U.S. Smith said`)
//!   is not split.
//! - `...` and `…` end a sentence before a capitalised word; a spaced `. . .` is an elision
//!   inside a sentence, `. . . .` ends one.
//! - A quotation ending in `.`, `?` or `!` followed by a capitalised name and a speech verb that
//!   ends the clause (`“Why now?” Ensor asked.`) stays one sentence with its attribution.
//! - Numbered or lettered list items (`1.`, `2)`, `a.`) and bullets (`•`) start sentences.

use std::ops::Range;

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// A title or word that precedes what it qualifies (`Mr.`, `Gen.`, `vs.`): never ends one.
    Prefix,
    /// Follows a name or a date (`Jr.`, `Inc.`, `St.`, `Jan.`): ends one before an opener.
    Suffix,
    /// An abbreviation only before a number (`No. 10`); otherwise an ordinary word.
    Numeric,
    /// `etc.`: ends a sentence before any capitalised word.
    Etc,
}

/// Abbreviations (lower case, without the full stop, matched case-insensitively), by how they
/// behave before the next word.
const ABBREVIATIONS: &[(Abbr, &str)] = &[
    (
        Abbr::Prefix,
        "mr mrs ms messrs mme dr gen lt col capt cpt maj brig adm sgt cpl pvt cmdr cdr amb gov \
         sen rep rev prof pres sec hon rt supt insp det fr msgr atty vs approx ca cf viz fig figs \
         vol pp para ch",
    ),
    (
        Abbr::Suffix,
        "jr sr inc ltd corp co bros plc dept assn univ st mt ft ave rd blvd esq al \
         jan feb mar apr jun jul aug sep sept oct nov dec",
    ),
    (Abbr::Numeric, "no nos art op n° nº"),
    (Abbr::Etc, "etc"),
];

/// Words that commonly open a sentence: after a dotted acronym, an initial or a suffix
/// abbreviation, a sentence ends only before one of these.
const OPENERS: &str = "A An The He She It They We I You This That These Those There Here But \
    And However In On At As If When While After Before So Yet Or Our His Her Its Their My Your \
    What Why How Who Where Which Did Do Does Is Are Was Were Can Could Will Would Should Has \
    Have Had Thank Thanks Yes No Not Now Then Also Still Meanwhile According Some Many Most All \
    Both Each For From With Since Although Though Because To Let Please Well Okay OK Sure \
    Earlier Later Today Yesterday Tomorrow Instead Moreover Furthermore Indeed Despite During";

/// Verbs of saying: a quotation followed by `Name verb.` keeps its attribution.
const SPEECH_VERBS: &str = "said says asked asks added adds told replied wrote continued \
    insisted explained stated noted tweeted declared responded answered argued warned recalled \
    claimed countered remarked stressed shouted";

const CLOSERS: &[char] = &[
    '”', '"', '’', '\'', '»', '›', ')', ']', '}', '」', '』', '）',
];
const OPENING: &[char] = &[
    '“', '"', '‘', '\'', '«', '‹', '(', '[', '{', '「', '『', '（', '¿', '¡',
];
const QUOTES: &[char] = &['”', '"', '’', '\'', '»', '›', '」', '』'];
const BULLETS: &[char] = &['•', '⁃', '‣', '◦', '▪', '▸'];

/// Sentence-final marks of CJK text: a boundary even without a following space.
fn is_cjk_stop(c: char) -> bool {
    matches!(c, '。' | '｡' | '！' | '？')
}

fn is_question(c: char) -> bool {
    matches!(c, '?' | '!' | '‽' | '⁇' | '⁈' | '⁉' | '‼')
}

/// One whitespace-free run of the paragraph.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    /// Ends with a CJK stop: always a boundary after it.
    hard: bool,
    /// A run of spaced single dots (`. . .`): how many; 0 for ordinary tokens.
    dots: usize,
}

/// Splits a paragraph into whitespace-free tokens, cutting after CJK stops and merging spaced
/// dots into one token.
fn tokenize(p: &str) -> Vec<Tok> {
    fn push(p: &str, toks: &mut Vec<Tok>, start: usize, end: usize, hard: bool) {
        let text = &p[start..end];
        if !hard && text.trim_end_matches(CLOSERS) == "." {
            if let Some(last) = toks.last_mut()
                && last.dots > 0
                && p[last.start..last.end].ends_with('.')
            {
                last.end = end;
                last.dots += 1;
                return;
            }
            toks.push(Tok {
                start,
                end,
                hard,
                dots: 1,
            });
        } else {
            toks.push(Tok {
                start,
                end,
                hard,
                dots: 0,
            });
        }
    }
    let mut toks = Vec::new();
    let mut start: Option<usize> = None;
    let mut after_stop = false;
    for (i, c) in p.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(p, &mut toks, s, i, after_stop);
            }
            after_stop = false;
            continue;
        }
        if after_stop && !is_cjk_stop(c) && !CLOSERS.contains(&c) {
            if let Some(s) = start.take() {
                push(p, &mut toks, s, i, true);
            }
            after_stop = false;
        }
        if start.is_none() {
            start = Some(i);
        }
        if is_cjk_stop(c) {
            after_stop = true;
        }
    }
    if let Some(s) = start {
        push(p, &mut toks, s, p.len(), after_stop);
    }
    toks
}

/// How the next token starts, once opening quotes and brackets are skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    Lower,
    /// Upper case, or a letter of a script without case.
    Upper,
    Digit,
    Other,
}

fn start_of(word: &str) -> Start {
    match word.trim_start_matches(OPENING).chars().next() {
        Some(c) if c.is_lowercase() => Start::Lower,
        Some(c) if c.is_alphabetic() => Start::Upper,
        Some(c) if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '#') => {
            Start::Digit
        }
        _ => Start::Other,
    }
}

/// The leading letters of a word, after opening quotes and brackets (`“It’s` gives `It`).
fn leading_word(word: &str) -> &str {
    let w = word.trim_start_matches(OPENING);
    let n = w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len());
    &w[..n]
}

fn is_opener(word: &str) -> bool {
    let w = leading_word(word);
    !w.is_empty() && OPENERS.split_ascii_whitespace().any(|o| o == w)
}

fn abbreviation(word: &str) -> Option<Abbr> {
    if word.is_empty() || word.len() > 6 {
        return None;
    }
    ABBREVIATIONS.iter().find_map(|&(kind, list)| {
        list.split_ascii_whitespace()
            .any(|a| a.eq_ignore_ascii_case(word))
            .then_some(kind)
    })
}

/// `U.S`, `a.m`, `Ph.D`: letters in groups of one or two, joined by dots.
fn is_dotted_acronym(w: &str) -> bool {
    w.contains('.')
        && w.split('.').all(|g| {
            let n = g.chars().count();
            (1..=2).contains(&n) && g.chars().all(char::is_alphabetic)
        })
}

/// Whether a token ending in a full stop (`core`, closers removed) ends its sentence before
/// `next`; `early` if the token is among the first three of its sentence.
fn period_ends(core: &str, next: &str, early: bool) -> bool {
    let start = start_of(next);
    let body = core.trim_end_matches('.');
    if core.len() - body.len() >= 3 || core.ends_with('…') {
        // An ellipsis; `[...]` marks an omission inside a quotation.
        let before = core.trim_end_matches(['.', '…']);
        return !before.ends_with(['[', '(']) && start != Start::Lower;
    }
    let w = core[..core.len() - 1].trim_start_matches(OPENING);
    if w.contains('.') {
        if is_dotted_acronym(w) {
            let lower = w.to_ascii_lowercase();
            if lower == "e.g" || lower == "i.e" {
                return false;
            }
            // A time that closes a clause (not an opening `At 5 a.m.`) is followed by a new
            // sentence also when that starts with a title: `left at 6 p.m. Mr. Smith then`.
            let titled = next.strip_suffix('.').and_then(abbreviation) == Some(Abbr::Prefix);
            return is_opener(next) || (!early && titled && (lower == "a.m" || lower == "p.m"));
        }
        // Domains, e-mail addresses, decimals: the final stop is a real one.
        return start != Start::Lower;
    }
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
    {
        // A single letter: an initial (`W.`), a page (`p. 55`) or a list letter.
        return start != Start::Digit && is_opener(next);
    }
    match abbreviation(w) {
        Some(Abbr::Prefix) => false,
        Some(Abbr::Suffix) => is_opener(next),
        Some(Abbr::Numeric) if start == Start::Digit => false,
        Some(Abbr::Etc) => start == Start::Upper,
        _ => start != Start::Lower,
    }
}

/// A list marker: `3.`, `3)`, `3.)`, `(3)`, `c.`, `c)`, after optional bullets. Returns its
/// shape (for comparing markers) and value.
fn list_marker(tok: &str) -> Option<(u8, u32)> {
    let t = tok.trim_start_matches(BULLETS);
    let (paren, t) = match t.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let n = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let (label, suffix) = t.split_at(n);
    let (letter, value) =
        if (1..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()) {
            (false, label.parse().ok()?)
        } else if label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) {
            (true, u32::from(label.as_bytes()[0]))
        } else {
            return None;
        };
    let shape = match (paren, suffix) {
        (false, ".") => 0,
        (false, ")") => 1,
        (false, ".)") => 2,
        (true, ")") => 3,
        _ => return None,
    };
    Some((shape + if letter { 4 } else { 0 }, value))
}

/// After a quotation closing at token `i`, whether `toks[i + 1..]` is its attribution
/// (`Ensor said.`, `Mr. Smith asked,`): up to three capitalised words, then a speech verb
/// that ends the clause.
fn is_attribution(p: &str, toks: &[Tok], i: usize) -> bool {
    for j in i + 1..toks.len().min(i + 5) {
        let t = &p[toks[j].start..toks[j].end];
        let word = leading_word(t);
        if j > i + 1 && SPEECH_VERBS.split_ascii_whitespace().any(|v| v == word) {
            return j + 1 == toks.len() || t.len() > word.len() && t.ends_with(['.', ',']);
        }
        let titled = t.strip_suffix('.').and_then(abbreviation) == Some(Abbr::Prefix);
        if start_of(t) != Start::Upper || t.len() != word.len() && !titled {
            return false;
        }
    }
    false
}

/// Whether the sentence ends between token `i` and the next one, judged by the punctuation
/// that ends token `i`; `first` is the first token of the sentence.
fn ends_after(p: &str, toks: &[Tok], i: usize, first: usize) -> bool {
    let text = |k: usize| &p[toks[k].start..toks[k].end];
    let (tok, next) = (text(i), text(i + 1));
    if next.trim_start_matches(CLOSERS).is_empty() {
        return false; // a detached closing quote (`fini. »`) stays with its sentence
    }
    let mut core = tok.trim_end_matches(CLOSERS);
    let mut quoted = tok[core.len()..].contains(QUOTES);
    if core.is_empty() && i > first {
        core = text(i - 1).trim_end_matches(CLOSERS);
        quoted = true;
    }
    let ends = if core.ends_with(is_question) {
        let before = core.trim_end_matches(is_question);
        !before.ends_with(['(', '[']) && start_of(next) != Start::Lower
    } else if core.ends_with(['.', '…']) {
        period_ends(core, next, i < first + 3)
    } else {
        false
    };
    ends && !(quoted && is_attribution(p, toks, i))
}

/// Splits a paragraph into sentences, returned as byte ranges into `paragraph` with no
/// leading or trailing whitespace. Empty input gives no sentences.
///
/// Every non-whitespace character belongs to exactly one range; ranges are in order, do not
/// overlap and fall on char boundaries. Runs in linear time.
pub fn split(paragraph: &str) -> Vec<Range<usize>> {
    let p = paragraph;
    let toks = tokenize(p);
    let mut out = Vec::new();
    let Some(last) = toks.last() else {
        return out;
    };
    let mut first = 0; // first token of the current sentence
    let mut content: Option<usize> = None; // its first token that is not a bullet
    let mut expected: Option<(u8, u32)> = None; // the next list marker
    let mut split_before_run = false; // a `. . .` run starting this sentence
    for i in 0..toks.len() - 1 {
        let text = |k: usize| &p[toks[k].start..toks[k].end];
        if content.is_none() && !text(i).trim_matches(BULLETS).is_empty() {
            content = Some(i);
        }
        let next = text(i + 1);
        let marker = list_marker(text(i));
        let next_item = content.is_some()
            && (next.starts_with(BULLETS)
                || expected.is_some()
                    && list_marker(next) == expected
                    && toks
                        .get(i + 2)
                        .is_some_and(|t| start_of(&p[t.start..t.end]) != Start::Lower));
        let cut = if toks[i].hard || next_item {
            true
        } else if let Some((shape, value)) = marker.filter(|_| content == Some(i)) {
            expected = Some((shape, value + 1));
            false
        } else if toks[i + 1].dots > 0 {
            // A word before spaced dots: `word. . . . Next` puts the dots with the next
            // sentence.
            let k = toks[i + 1].dots;
            let own = text(i).trim_end_matches(CLOSERS).ends_with('.');
            split_before_run = own
                && k == 3
                && toks
                    .get(i + 2)
                    .is_some_and(|t| start_of(&p[t.start..t.end]) != Start::Lower);
            split_before_run
        } else if toks[i].dots > 0 {
            let own = i > first && text(i - 1).ends_with('.');
            let k = toks[i].dots + usize::from(own);
            let run_opens = std::mem::take(&mut split_before_run) || i == first;
            (k != 3 || own) && !run_opens && start_of(next) != Start::Lower
        } else {
            ends_after(p, &toks, i, first)
        };
        if cut {
            out.push(toks[first].start..toks[i].end);
            first = i + 1;
            content = None;
        }
    }
    out.push(toks[first].start..last.end);
    out
}

#[cfg(test)]
mod tests {
    use super::split;

    /// Splits and checks the invariants: ranges in order, disjoint, trimmed, non-empty, on
    /// char boundaries, covering every non-whitespace character.
    fn sentences(p: &str) -> Vec<&str> {
        let ranges = split(p);
        let mut at = 0;
        for r in &ranges {
            assert!(r.start >= at && r.start < r.end, "{ranges:?} in {p:?}");
            assert!(p.is_char_boundary(r.start) && p.is_char_boundary(r.end));
            assert!(
                p[at..r.start].chars().all(char::is_whitespace),
                "gap before {r:?}"
            );
            let s = &p[r.clone()];
            assert_eq!(s, s.trim(), "untrimmed {s:?}");
            at = r.end;
        }
        assert!(
            p[at..].chars().all(char::is_whitespace),
            "tail {:?}",
            &p[at..]
        );
        ranges.into_iter().map(|r| &p[r]).collect()
    }

    fn check(p: &str, expected: &[&str]) {
        assert_eq!(sentences(p), expected, "splitting {p:?}");
    }

    #[test]
    fn empty_and_blank() {
        check("", &[]);
        check("   \t ", &[]);
        check("  One.  ", &["One."]);
    }

    #[test]
    fn plain_stops_questions_and_exclamations() {
        check(
            "The talks ended. Nobody spoke. Then everyone left!",
            &["The talks ended.", "Nobody spoke.", "Then everyone left!"],
        );
        check(
            "Has it been delivered yet? If not, why not? Are you waiting?",
            &[
                "Has it been delivered yet?",
                "If not, why not?",
                "Are you waiting?",
            ],
        );
        check(
            "Really?! Yes. Wow!! Okay.",
            &["Really?!", "Yes.", "Wow!!", "Okay."],
        );
        check(
            "The band Yikes! toured widely.",
            &["The band Yikes! toured widely."],
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        check(
            "Mr. Ortiz and Mrs. Lee met Ms. Park. Dr. Ahn joined Gen. Cole, Lt. Col. Diaz and \
             Capt. Reyes. Adm. Ng, Sgt. Bell and Amb. Tran arrived.",
            &[
                "Mr. Ortiz and Mrs. Lee met Ms. Park.",
                "Dr. Ahn joined Gen. Cole, Lt. Col. Diaz and Capt. Reyes.",
                "Adm. Ng, Sgt. Bell and Amb. Tran arrived.",
            ],
        );
        check(
            "Gov. Hill, Sen. Ray, Rep. Fox, Rev. Dunn, Prof. Kay, Pres. Obi and Sec. Lutz spoke.",
            &[
                "Gov. Hill, Sen. Ray, Rep. Fox, Rev. Dunn, Prof. Kay, Pres. Obi and Sec. Lutz spoke.",
            ],
        );
        check("Thank you, Mr. President.", &["Thank you, Mr. President."]);
        check("Mr. President,", &["Mr. President,"]);
    }

    #[test]
    fn suffix_abbreviations_end_only_before_an_opener() {
        check(
            "Acme Corp. and Bolt Ltd. sued Crane Inc. on Friday.",
            &["Acme Corp. and Bolt Ltd. sued Crane Inc. on Friday."],
        );
        check(
            "The deal went to Hale & Co. It closed quickly.",
            &["The deal went to Hale & Co.", "It closed quickly."],
        );
        check(
            "Martin Luther King Jr. spoke. Ed Sr. Jones did not.",
            &["Martin Luther King Jr. spoke.", "Ed Sr. Jones did not."],
        );
        check(
            "She lives near St. Louis on Elm St. The house is old.",
            &["She lives near St. Louis on Elm St.", "The house is old."],
        );
        check(
            "The vote was set for Jan. 26 after talks in Sept. and Oct. The delay angered many.",
            &[
                "The vote was set for Jan. 26 after talks in Sept. and Oct.",
                "The delay angered many.",
            ],
        );
        check(
            "The Dept. of Energy replied.",
            &["The Dept. of Energy replied."],
        );
    }

    #[test]
    fn other_abbreviations() {
        check(
            "Parties, e.g. the Greens, i.e. the smaller ones, etc. and others voted approx. five \
             times vs. twice.",
            &[
                "Parties, e.g. the Greens, i.e. the smaller ones, etc. and others voted approx. five \
               times vs. twice.",
            ],
        );
        check(
            "They sent food, water, etc. Aid kept coming.",
            &["They sent food, water, etc.", "Aid kept coming."],
        );
        check(
            "It was No. 10 on the list. No. We never said that.",
            &["It was No. 10 on the list.", "No.", "We never said that."],
        );
    }

    #[test]
    fn times_of_day() {
        check(
            "The meeting starts at 9 a.m. sharp.",
            &["The meeting starts at 9 a.m. sharp."],
        );
        check(
            "He called at 6 p.m. Tuesday.",
            &["He called at 6 p.m. Tuesday."],
        );
        check(
            "Doors close at 10 p.m. The vote follows.",
            &["Doors close at 10 p.m.", "The vote follows."],
        );
        check(
            "At 7 a.m. Mr. Hale left home. He was back by 9 P.M. Mr. Hale then slept.",
            &[
                "At 7 a.m. Mr. Hale left home.",
                "He was back by 9 P.M.",
                "Mr. Hale then slept.",
            ],
        );
    }

    #[test]
    fn dotted_acronyms() {
        check(
            "Speaking for the U.S., the deputy envoy to the U.N., Ann Cole, urged restraint.",
            &["Speaking for the U.S., the deputy envoy to the U.N., Ann Cole, urged restraint."],
        );
        check(
            "the U.S. Deputy Ambassador to the U.N., Robert Wood, emphasized the point.",
            &["the U.S. Deputy Ambassador to the U.N., Robert Wood, emphasized the point."],
        );
        check(
            "U.S.-led sanctions were raised at a separate U.N. session in Washington, D.C. on Monday.",
            &[
                "U.S.-led sanctions were raised at a separate U.N. session in Washington, D.C. on Monday.",
            ],
        );
        check(
            "Trade with the E.U. fell. The U.K. Treasury was silent.",
            &["Trade with the E.U. fell.", "The U.K. Treasury was silent."],
        );
        check(
            "He moved to the U.S. They followed him.",
            &["He moved to the U.S.", "They followed him."],
        );
        check(
            "She holds a Ph.D. from Yale.",
            &["She holds a Ph.D. from Yale."],
        );
    }

    #[test]
    fn initials() {
        check("George W. Bush said so.", &["George W. Bush said so."]);
        check(
            "J. R. R. Tolkien wrote it.",
            &["J. R. R. Tolkien wrote it."],
        );
        check(
            "We chose plan B. It worked.",
            &["We chose plan B.", "It worked."],
        );
        check("See p. 12 and the annex.", &["See p. 12 and the annex."]);
    }

    #[test]
    fn numbers_domains_and_addresses() {
        check(
            "Growth was 3.5 percent. Guccifer 2.0 posted files. Some 1,500 troops and 13,000 \
             reservists moved.",
            &[
                "Growth was 3.5 percent.",
                "Guccifer 2.0 posted files.",
                "Some 1,500 troops and 13,000 reservists moved.",
            ],
        );
        check(
            "Version 1.2.3 shipped. It broke.",
            &["Version 1.2.3 shipped.", "It broke."],
        );
        check(
            "Files went to DCLeaks.com and https://example.org/a.b?c=d. Mail press@example.gov. \
             Thanks.",
            &[
                "Files went to DCLeaks.com and https://example.org/a.b?c=d.",
                "Mail press@example.gov.",
                "Thanks.",
            ],
        );
        check(
            "It cost $4.50. That was cheap.",
            &["It cost $4.50.", "That was cheap."],
        );
        check(
            "Turnout was up 12. 2024 was different.",
            &["Turnout was up 12.", "2024 was different."],
        );
    }

    #[test]
    fn quotations() {
        check(
            "Officials said the claims were “scaremongering.” The ministry agreed.",
            &[
                "Officials said the claims were “scaremongering.”",
                "The ministry agreed.",
            ],
        );
        check(
            "He called it \"nonsense.\" Others did not.",
            &["He called it \"nonsense.\"", "Others did not."],
        );
        check(
            "“That is totally false,” Ensor said at the headquarters Wednesday. “We do report these \
             stories; we do not encourage them, that is wrong.”",
            &[
                "“That is totally false,” Ensor said at the headquarters Wednesday.",
                "“We do report these stories; we do not encourage them, that is wrong.”",
            ],
        );
        check(
            "Ensor said, “That is one of the more amazing parts of the report. That suggestion is \
             totally absurd.”",
            &[
                "Ensor said, “That is one of the more amazing parts of the report.",
                "That suggestion is totally absurd.”",
            ],
        );
        check(
            "“Why now?” he asked. “Stop!” she cried.",
            &["“Why now?” he asked.", "“Stop!” she cried."],
        );
        check(
            "‘Fine.’ she said. ‘Go.’ They went.",
            &["‘Fine.’ she said.", "‘Go.’", "They went."],
        );
        check(
            "« C’est fini. » Il partit.",
            &["« C’est fini. »", "Il partit."],
        );
    }

    #[test]
    fn quotation_with_attribution_stays_whole() {
        check(
            "“Why now?” Ensor asked. He left.",
            &["“Why now?” Ensor asked.", "He left."],
        );
        check(
            "“It is over.” Mr. Hale said, smiling.",
            &["“It is over.” Mr. Hale said, smiling."],
        );
        check(
            "“It is over.” He said the talks had failed.",
            &["“It is over.”", "He said the talks had failed."],
        );
    }

    #[test]
    fn unbalanced_quotes() {
        check(
            "They likened its conduct to that of “a criminal organization. The embassy declined \
             to comment. It gave no reason.",
            &[
                "They likened its conduct to that of “a criminal organization.",
                "The embassy declined to comment.",
                "It gave no reason.",
            ],
        );
        check(
            "He said ” oddly. Then ” left.",
            &["He said ” oddly.", "Then ” left."],
        );
    }

    #[test]
    fn ellipses() {
        check(
            "We waited... and waited. Nothing came.",
            &["We waited... and waited.", "Nothing came."],
        );
        check("We waited… Nothing came.", &["We waited…", "Nothing came."]);
        check("So … well, no.", &["So … well, no."]);
        check(
            "It was over.... The rest is history.",
            &["It was over....", "The rest is history."],
        );
        check(
            "“The cuts [...] were deep,” he said.",
            &["“The cuts [...] were deep,” he said."],
        );
        check(
            "She paused . . . and went on.",
            &["She paused . . . and went on."],
        );
        check(
            "It ended . . . . Then came more.",
            &["It ended . . . .", "Then came more."],
        );
        check(
            "It ended. . . . Then it began again. . . .",
            &["It ended.", ". . . Then it began again. . . ."],
        );
    }

    #[test]
    fn dashes_and_unfinished_paragraphs() {
        let p = "Are you waiting – there – the Israeli national security advisor is supposedly – \
                 is coming to town.";
        check(p, &[p]);
        check(
            "That was — what — a week or ten days ago —",
            &["That was — what — a week or ten days ago —"],
        );
        check("No stop at the end", &["No stop at the end"]);
    }

    #[test]
    fn parentheses_and_brackets() {
        check(
            "We will (inaudible). Next question.",
            &["We will (inaudible).", "Next question."],
        );
        check(
            "[Under]-Secretary-General Nakamitsu briefed the intelligence community (USIC) today.",
            &[
                "[Under]-Secretary-General Nakamitsu briefed the intelligence community (USIC) today.",
            ],
        );
        check(
            "Costs rose. (See below.) Next year is worse.",
            &["Costs rose.", "(See below.)", "Next year is worse."],
        );
        check(
            "He left (as planned.) after lunch.",
            &["He left (as planned.) after lunch."],
        );
        check("Is it (?) true.", &["Is it (?) true."]);
    }

    #[test]
    fn short_sentences() {
        check(
            "Sure. Mm-hmm. All right. January 26th, yeah. Thank you, Mr. President.",
            &[
                "Sure.",
                "Mm-hmm.",
                "All right.",
                "January 26th, yeah.",
                "Thank you, Mr. President.",
            ],
        );
    }

    #[test]
    fn colons_semicolons_and_lists() {
        check(
            "Three points: one, the budget; two, the staff; three, the schedule. Questions?",
            &[
                "Three points: one, the budget; two, the staff; three, the schedule.",
                "Questions?",
            ],
        );
        check(
            "1. Pay the staff 2. Fix the roof",
            &["1. Pay the staff", "2. Fix the roof"],
        );
        check(
            "a) Call him. b) Write to her.",
            &["a) Call him.", "b) Write to her."],
        );
        check(
            "• First point • Second point",
            &["• First point", "• Second point"],
        );
        check(
            "He scored 2. The team won.",
            &["He scored 2.", "The team won."],
        );
    }

    #[test]
    fn cjk_stops() {
        check(
            "今天很好。明天呢？很好！",
            &["今天很好。", "明天呢？", "很好！"],
        );
        check(
            "他说：「好。」然后走了。",
            &["他说：「好。」", "然后走了。"],
        );
    }

    #[test]
    fn lowercase_after_a_stop_continues() {
        check(
            "They cited the U.S. and etc. and more.",
            &["They cited the U.S. and etc. and more."],
        );
        check("ok. then what", &["ok. then what"]);
    }

    #[test]
    fn odd_inputs_keep_the_invariants() {
        let long_word = "x".repeat(300) + ". " + &"é".repeat(300) + "...";
        let inputs = [
            ". . . .",
            "...",
            "“”‘’«»()[]",
            "!? ?! . , ;",
            "a.b.c.d.e.f. G.",
            "1. 2. 3. 4.",
            "• • •",
            "。。。！？",
            "\u{a0}Hi.\u{a0}There.\u{2003}",
            "Mr. Mr. Mr.",
            "(((“Hi.”))) ((Yes.))",
            long_word.as_str(),
        ];
        for p in inputs {
            sentences(p);
        }
        // A pseudo-random mix of the characters the splitter cares about.
        let alphabet: Vec<char> = "aZ .?!…“”\"'’()[]•1。U.S–—,:;é ".chars().collect();
        let mut seed = 12345u64;
        for _ in 0..300 {
            let s: String = (0..40)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            sentences(&s);
        }
    }

    #[test]
    fn large_paragraphs_are_linear() {
        let unit = "Mr. Lee said “No.” The U.S. team left at 5 p.m. . . . It rained... ";
        let big = unit.repeat(30_000); // about 2 MB
        let start = std::time::Instant::now();
        let n = split(&big).len();
        assert!(n >= 90_000);
        assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
        let word = "a".repeat(10_000_000);
        assert_eq!(split(&word), vec![0..word.len()]);
    }
}

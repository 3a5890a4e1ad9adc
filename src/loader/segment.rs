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
//!   abbreviation, an initial or a dotted acronym (see `ABBREVIATIONS`).
//! - Dotted acronyms (`U.S.`, `a.m.`), single capital initials (`W.`) and "suffix"
//!   abbreviations (`Jr.`, `Inc.`, `Co.`, `Jan.`) end a sentence only when the next word is a
//!   common sentence opener (`OPENERS`: `The`, `He`, `It`, `However`, `How`, ...). This is a
//!   heuristic: `the U.S. Deputy Ambassador` stays whole and `in the U.S. How about you?`
//!   splits, but a sentence after an acronym that starts with a name (`the U.S. Smith said`)
//!   is not split. A closing `a.m.`/`p.m.` (not in a sentence's first three words) also ends
//!   one before a title: `left at 6 p.m. Mr. Smith then ...`.
//! - `...` and `…` end a sentence before a capitalised word; a spaced `. . .` is an elision
//!   inside a sentence, `. . . .` ends one.
//! - A quotation ending in `.`, `?` or `!` followed by a capitalised name and a speech verb that
//!   ends the clause (`“Why now?” Ensor asked.`) stays one sentence with its attribution.
//! - A full stop glued to a capitalised word (`world.Today`) is cut into two tokens first, so
//!   it ends a sentence like a spaced one, unless it is part of an address (`www.Example.org`,
//!   `x@Mail.gov`) or follows a single letter (`U.S.Army`); `Mr.Smith` splits into `Mr.` and
//!   `Smith`, and a title never ends a sentence.
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

/// Abbreviations (lower case, without the full stop, sorted), matched case-insensitively, by
/// how they behave before the next word.
#[rustfmt::skip]
const ABBREVIATIONS: &[(&str, Abbr)] = {
    use Abbr::*;
    &[
        ("adm", Prefix), ("al", Suffix), ("amb", Prefix), ("approx", Prefix), ("apr", Suffix),
        ("art", Numeric), ("assn", Suffix), ("atty", Prefix), ("aug", Suffix), ("ave", Suffix),
        ("blvd", Suffix), ("brig", Prefix), ("bros", Suffix), ("ca", Prefix), ("capt", Prefix),
        ("cdr", Prefix), ("cf", Prefix), ("ch", Prefix), ("cmdr", Prefix), ("co", Suffix),
        ("col", Prefix), ("corp", Suffix), ("cpl", Prefix), ("cpt", Prefix), ("dec", Suffix),
        ("dept", Suffix), ("det", Prefix), ("dr", Prefix), ("esq", Suffix), ("etc", Etc),
        ("feb", Suffix), ("fig", Prefix), ("figs", Prefix), ("fr", Prefix), ("ft", Suffix),
        ("gen", Prefix), ("gov", Prefix), ("hon", Prefix), ("inc", Suffix), ("insp", Prefix),
        ("jan", Suffix), ("jr", Suffix), ("jul", Suffix), ("jun", Suffix), ("lt", Prefix),
        ("ltd", Suffix), ("maj", Prefix), ("mar", Suffix), ("messrs", Prefix), ("mme", Prefix),
        ("mr", Prefix), ("mrs", Prefix), ("ms", Prefix), ("msgr", Prefix), ("mt", Suffix),
        ("no", Numeric), ("nos", Numeric), ("nov", Suffix), ("n°", Numeric), ("nº", Numeric),
        ("oct", Suffix), ("op", Numeric), ("para", Prefix), ("plc", Suffix), ("pp", Prefix),
        ("pres", Prefix), ("prof", Prefix), ("pvt", Prefix), ("rd", Suffix), ("rep", Prefix),
        ("rev", Prefix), ("rt", Prefix), ("sec", Prefix), ("sen", Prefix), ("sep", Suffix),
        ("sept", Suffix), ("sgt", Prefix), ("sr", Suffix), ("st", Suffix), ("supt", Prefix),
        ("univ", Suffix), ("viz", Prefix), ("vol", Prefix), ("vs", Prefix),
    ]
};

/// Words that commonly open a sentence (sorted): after a dotted acronym, an initial or a
/// suffix abbreviation, a sentence ends only before one of these.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "A", "According", "After", "All", "Also", "Although", "An", "And", "Are", "As", "At",
    "Because", "Before", "Both", "But", "Can", "Could", "Despite", "Did", "Do", "Does",
    "During", "Each", "Earlier", "For", "From", "Furthermore", "Had", "Has", "Have", "He",
    "Her", "Here", "His", "How", "However", "I", "If", "In", "Indeed", "Instead", "Is", "It",
    "Its", "Later", "Let", "Many", "Meanwhile", "Moreover", "Most", "My", "No", "Not", "Now",
    "OK", "Okay", "On", "Or", "Our", "Please", "She", "Should", "Since", "So", "Some", "Still",
    "Sure", "Thank", "Thanks", "That", "The", "Their", "Then", "There", "These", "They", "This",
    "Those", "Though", "To", "Today", "Tomorrow", "Was", "We", "Well", "Were", "What", "When",
    "Where", "Which", "While", "Who", "Why", "Will", "With", "Would", "Yes", "Yesterday", "Yet",
    "You", "Your",
];

/// Verbs of saying (sorted): a quotation followed by `Name verb.` keeps its attribution.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "adds", "answered", "argued", "asked", "asks", "claimed", "continued", "countered",
    "declared", "explained", "insisted", "noted", "recalled", "remarked", "replied",
    "responded", "said", "says", "shouted", "stated", "stressed", "told", "tweeted", "warned",
    "wrote",
];

/// Closing quotes and brackets.
fn is_closer(c: char) -> bool {
    is_quote(c) || matches!(c, ')' | ']' | '}' | '）')
}

/// Quotation marks that can close a quotation.
fn is_quote(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | '»' | '›' | '」' | '』')
}

/// Opening quotes and brackets, and Spanish inverted marks.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '«' | '‹' | '(' | '[' | '{' | '「' | '『' | '（' | '¿' | '¡'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▸')
}

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

/// The whitespace-free runs of a paragraph, each also cut after a CJK stop and its closers.
struct Tokens<'a> {
    p: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let rest = &self.p[self.pos..];
        let start = self.pos + (rest.len() - rest.trim_start().len());
        let bytes = self.p.as_bytes();
        let mut end = start;
        let mut hard = false;
        while end < bytes.len() {
            let b = bytes[end];
            // Letters, digits and punctuation: the bulk of any token.
            if b > b' ' && b < 0x80 && !hard {
                end += 1;
                if b == b'.' && glued_stop(self.p, start, end) {
                    break; // `world.Today`: the next sentence starts a token of its own
                }
                continue;
            }
            if b < 0x80 {
                // ASCII fast path; `\x0b` is whitespace to `str::trim` too.
                if b.is_ascii_whitespace() || b == 0x0b || hard && !is_closer(char::from(b)) {
                    break;
                }
                end += 1;
            } else {
                let c = self.p[end..].chars().next().unwrap_or(' ');
                if c.is_whitespace() || hard && !is_cjk_stop(c) && !is_closer(c) {
                    break;
                }
                hard |= is_cjk_stop(c);
                end += c.len_utf8();
            }
        }
        self.pos = end;
        (start < end).then_some(Tok {
            start,
            end,
            hard,
            dots: 0,
        })
    }
}

/// Whether the full stop just before byte `dot_end` (in a token starting at `start`) is glued
/// to the next sentence: `world.Today`, `2023.The`, `(2023).It`. The stop follows a word of
/// two letters or more, digits or a closing bracket or quote, and a capital then a lower-case
/// letter follow it; never inside a URL or an e-mail address (`www.Example.org`,
/// `x@State.gov`), and never after a single letter (`U.S.Army`, `p.m.Tuesday`). Titles split
/// off this way (`Mr.Smith`) are then judged like any other (`Mr.` never ends a sentence).
fn glued_stop(p: &str, start: usize, dot_end: usize) -> bool {
    let b = p.as_bytes();
    let (Some(&up), Some(&low)) = (b.get(dot_end), b.get(dot_end + 1)) else {
        return false;
    };
    if !up.is_ascii_uppercase() || !low.is_ascii_lowercase() {
        return false;
    }
    let head = &p[start..dot_end - 1];
    if head.contains(['/', '@', ':']) || head.to_ascii_lowercase().starts_with("www") {
        return false;
    }
    let word = head.trim_end_matches(is_closer);
    let letters = word.len() - word.trim_end_matches(|c: char| c.is_alphabetic()).len();
    let closed = word.len() < head.len();
    let last = word.chars().next_back();
    (closed && last.is_some())
        || last.is_some_and(|c| c.is_ascii_digit())
        || letters >= 2 && last.is_some_and(char::is_lowercase)
}

/// Appends a token, merging spaced single dots (`. . .`) into one token.
fn push(p: &str, toks: &mut Vec<Tok>, mut tok: Tok) {
    if !tok.hard
        && p.as_bytes()[tok.start] == b'.'
        && p[tok.start..tok.end].trim_end_matches(is_closer) == "."
    {
        if let Some(last) = toks.last_mut()
            && last.dots > 0
            && p[last.start..last.end].ends_with('.')
        {
            last.end = tok.end;
            last.dots += 1;
            return;
        }
        tok.dots = 1;
    }
    toks.push(tok);
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
    match word.trim_start_matches(is_opening).chars().next() {
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
    let w = word.trim_start_matches(is_opening);
    let n = w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len());
    &w[..n]
}

fn is_opener(word: &str) -> bool {
    OPENERS.binary_search(&leading_word(word)).is_ok()
}

fn abbreviation(word: &str) -> Option<Abbr> {
    let mut buf = [0u8; 6];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    let k = ABBREVIATIONS
        .binary_search_by_key(&lower, |&(a, _)| a)
        .ok()?;
    Some(ABBREVIATIONS[k].1)
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
    let w = core[..core.len() - 1].trim_start_matches(is_opening);
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
    let t = tok.trim_start_matches(is_bullet);
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
        if j > i + 1 && SPEECH_VERBS.binary_search(&word).is_ok() {
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
/// that ends token `i`, the `before`-th token of its sentence (from 0).
fn ends_after(p: &str, toks: &[Tok], i: usize, before: usize) -> bool {
    // Most tokens end in a letter, a digit or a comma: no boundary, nothing to look at.
    let last = p.as_bytes()[toks[i].end - 1];
    if last.is_ascii_alphanumeric() || matches!(last, b',' | b';' | b':' | b'-') {
        return false;
    }
    let text = |k: usize| &p[toks[k].start..toks[k].end];
    let (tok, next) = (text(i), text(i + 1));
    if next.trim_start_matches(is_closer).is_empty() {
        return false; // a detached closing quote (`fini. »`) stays with its sentence
    }
    let mut core = tok.trim_end_matches(is_closer);
    let mut quoted = tok[core.len()..].contains(is_quote);
    if core.is_empty() && before > 0 {
        core = text(i - 1).trim_end_matches(is_closer);
        quoted = true;
    }
    let ends = if core.ends_with(is_question) {
        let before = core.trim_end_matches(is_question);
        !before.ends_with(['(', '[']) && start_of(next) != Start::Lower
    } else if core.ends_with(['.', '…']) {
        period_ends(core, next, before < 3)
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
    let mut out = Vec::new();
    Splitter::default().split_into(paragraph, &mut out);
    out
}

/// [`split`] with buffers kept from one paragraph to the next.
#[derive(Debug, Default)]
pub struct Splitter {
    toks: Vec<Tok>,
}

impl Splitter {
    /// Replaces `out` with the sentences of `paragraph`, as [`split`] returns them.
    pub fn split_into(&mut self, paragraph: &str, out: &mut Vec<Range<usize>>) {
        out.clear();
        self.toks.clear();
        split_with(paragraph, &mut self.toks, out);
    }
}

fn split_with(paragraph: &str, toks: &mut Vec<Tok>, out: &mut Vec<Range<usize>>) {
    let p = paragraph;
    let mut raw = Tokens { p, pos: 0 };
    // A sliding window of tokens: gap `i` is decided once five tokens after it are known.
    let mut start = p.len() - p.trim_start().len(); // of the current sentence
    let mut before = 0; // tokens of the current sentence before token `i`
    let mut content = false; // whether it has a token that is not a bullet
    let mut expected: Option<(u8, u32)> = None; // the next list marker
    let mut split_before_run = false; // a `. . .` run starts this sentence
    let mut i = 0;
    loop {
        while toks.len() < i + 6
            && let Some(t) = raw.next()
        {
            push(p, toks, t);
        }
        if i + 1 >= toks.len() {
            break;
        }
        let text = |k: usize| &p[toks[k].start..toks[k].end];
        let first_content = !content && !text(i).trim_matches(is_bullet).is_empty();
        content |= first_content;
        let next = text(i + 1);
        let not_lower_after_next = || {
            toks.get(i + 2)
                .is_some_and(|t| start_of(&p[t.start..t.end]) != Start::Lower)
        };
        let next_item = content
            && (next.starts_with(is_bullet)
                || expected.is_some_and(|e| list_marker(next) == Some(e))
                    && not_lower_after_next());
        let cut = if toks[i].hard || next_item {
            true
        } else if let Some((shape, value)) = first_content.then(|| list_marker(text(i))).flatten() {
            expected = Some((shape, value + 1));
            false
        } else if toks[i + 1].dots > 0 {
            // `word. . . . Next` puts the dots with the next sentence.
            let own = text(i).trim_end_matches(is_closer).ends_with('.');
            split_before_run = own && toks[i + 1].dots == 3 && not_lower_after_next();
            split_before_run
        } else if toks[i].dots > 0 {
            let own = before > 0 && text(i - 1).ends_with('.');
            let k = toks[i].dots + usize::from(own);
            let run_opens = std::mem::take(&mut split_before_run) || before == 0;
            (k != 3 || own) && !run_opens && start_of(next) != Start::Lower
        } else {
            ends_after(p, toks, i, before)
        };
        if cut {
            out.push(start..toks[i].end);
            start = toks[i + 1].start;
            before = 0;
            content = false;
        } else {
            before += 1;
        }
        i += 1;
        if i >= 1024 {
            toks.drain(..i - 1);
            i = 1;
        }
    }
    if let Some(last) = toks.get(i) {
        out.push(start..last.end);
    }
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
            assert_eq!(&p[r.clone()], p[r.clone()].trim());
            at = r.end;
        }
        assert!(
            p[at..].chars().all(char::is_whitespace),
            "tail {:?}",
            &p[at..]
        );
        ranges.into_iter().map(|r| &p[r]).collect()
    }

    /// `spec` lists the expected sentences separated by ` | `; the input is them joined by
    /// single spaces.
    fn check(spec: &str) {
        let expected: Vec<&str> = spec.split(" | ").collect();
        let input = expected.join(" ");
        assert_eq!(sentences(&input), expected, "splitting {input:?}");
    }

    #[test]
    fn tables_are_sorted() {
        let abbreviations: Vec<&str> = super::ABBREVIATIONS.iter().map(|a| a.0).collect();
        for list in [&abbreviations[..], super::OPENERS, super::SPEECH_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn empty_blank_and_padded() {
        assert!(sentences("").is_empty());
        assert!(sentences("  \t ").is_empty());
        assert_eq!(sentences("  One.  "), ["One."]);
        assert_eq!(
            sentences("\u{a0}Hi.\u{a0} There.\u{2003}"),
            ["Hi.", "There."]
        );
    }

    #[test]
    fn stops_questions_and_exclamations() {
        check("The talks ended. | Nobody spoke. | Then everyone left!");
        check("Has it been delivered yet? | If not, why not? | Are you waiting?");
        check("Really?! | Yes. | Wow!! | Okay.");
        check("The band Yikes! toured widely.");
    }

    #[test]
    fn titles_never_end_a_sentence() {
        check("Mr. Ortiz and Mrs. Lee met Ms. Park. | Dr. Ahn joined Gen. Cole, Lt. Col. Diaz.");
        check("Capt. Reyes, Adm. Ng, Sgt. Bell and Amb. Tran arrived.");
        check("Gov. Hill, Sen. Ray, Rep. Fox, Rev. Dunn, Prof. Kay and Pres. Obi met Sec. Lutz.");
        check("Thank you, Mr. President.");
        check("Mr. President,");
    }

    #[test]
    fn suffix_abbreviations_end_only_before_an_opener() {
        check("Acme Corp. and Bolt Ltd. sued Crane Inc. on Friday.");
        check("The deal went to Hale & Co. | It closed quickly.");
        check("Martin Luther King Jr. spoke. | Ed Sr. Jones did not.");
        check("She lives near St. Louis on Elm St. | The house is old.");
        check("Talks set for Jan. 26 began in Sept. and Oct. | The delay angered many.");
        check("The Dept. of Energy replied.");
    }

    #[test]
    fn other_abbreviations() {
        check("Some, e.g. the Greens, i.e. small ones, etc. and others voted approx. five times.");
        check("It was Smith vs. Jones. | They sent food, water, etc. | Aid kept coming.");
        check("It was No. 10 on the list. | No. | We never said that.");
        // times of day
        check("The meeting starts at 9 a.m. sharp.");
        check("He called at 6 p.m. Tuesday.");
        check("Doors close at 10 p.m. | The vote follows.");
        check("At 7 a.m. Mr. Hale left home. | He was back by 9 P.M. | Mr. Hale then slept.");
    }

    #[test]
    fn dotted_acronyms() {
        check("For the U.S., the envoy to the U.N., Ann Cole, urged restraint.");
        check("the U.S. Deputy Ambassador to the U.N., Robert Wood, emphasized the point.");
        check("U.S.-led sanctions came up at a separate U.N. session in Washington, D.C. today.");
        check("Trade with the E.U. fell. | The U.K. Treasury was silent.");
        check("He moved to the U.S. | They followed him.");
        check("She holds a Ph.D. from Yale.");
        // initials
        check("George W. Bush said so.");
        check("J. R. R. Tolkien wrote it.");
        check("We chose plan B. | It worked.");
        check("See p. 12 and the annex.");
    }

    #[test]
    fn numbers_domains_and_addresses() {
        check("Growth was 3.5 percent. | Guccifer 2.0 posted files.");
        check("Some 1,500 troops and 13,000 reservists moved. | Version 1.2.3 shipped.");
        check("Files went to DCLeaks.com and https://example.org/a.b?c=d. | Mail x@example.gov.");
        check("It cost $4.50. | That was cheap.");
        check("Turnout was up 12. | 2024 was different.");
    }

    #[test]
    fn a_full_stop_glued_to_the_next_sentence_splits() {
        assert_eq!(
            sentences("The talks failed.Today the envoys left.Nobody spoke."),
            [
                "The talks failed.",
                "Today the envoys left.",
                "Nobody spoke."
            ]
        );
        assert_eq!(
            sentences("It began in 2019.Then it spread (slowly).After that, calm."),
            [
                "It began in 2019.",
                "Then it spread (slowly).",
                "After that, calm."
            ]
        );
        // A glued stop before a title splits there, and the title does not.
        assert_eq!(
            sentences("Aid reached the region.Mr. Obi and Dr. Lam then spoke."),
            ["Aid reached the region.", "Mr. Obi and Dr. Lam then spoke."]
        );
        // Not in addresses, decimals, acronyms or after a title.
        check("See https://www.Example.org/News.Html and x@Mail.Example.org for more.");
        check("Visit www.Example.com today.");
        check("Growth was 2.5 percent in the U.S.Army budget.");
        check("Talks with Mr.Kovac and Dr.Lind went on until 6 p.m.Tuesday.");
    }

    #[test]
    fn quotations() {
        check("The claims were “scaremongering.” | The ministry agreed.");
        check("He called it \"nonsense.\" | Others did not.");
        check(
            "“That is totally false,” Ensor said at the headquarters Wednesday. | “We do report \
             these stories; we do not encourage them, that is wrong.”",
        );
        check(
            "Ensor said, “That is one of the more amazing parts of the report. | That suggestion \
             is totally absurd.”",
        );
        check("“Why now?” he asked. | “Stop!” she cried.");
        check("‘Fine.’ she said. | ‘Go.’ | They went.");
        check("« C’est fini. » | Il partit.");
        // quotation with attribution stays whole
        check("“Why now?” Ensor asked. | He left.");
        check("“It is over.” Mr. Hale said, smiling.");
        check("“It is over.” | He said the talks had failed.");
        // unbalanced quotes
        check(
            "They likened its conduct to that of “a criminal organization. | The embassy \
             declined to comment. | It gave no reason.",
        );
        check("He said ” oddly. | Then ” left.");
    }

    #[test]
    fn ellipses() {
        check("We waited... and waited. | Nothing came.");
        check("We waited… | Nothing came.");
        check("So … well, no.");
        check("It was over.... | The rest is history.");
        check("“The cuts [...] were deep,” he said.");
        check("She paused . . . and went on.");
        check("It ended . . . . | Then came more.");
        check("It ended. | . . . Then it began again. . . .");
        // dashes and unfinished paragraphs
        check(
            "Are you waiting – there – the Israeli national security advisor is supposedly – is \
             coming to town.",
        );
        check("That was — what — a week or ten days ago —");
        check("No stop at the end");
    }

    #[test]
    fn parentheses_and_brackets() {
        check("We will (inaudible). | Next question.");
        check("[Under]-Secretary-General Nakamitsu briefed the community (USIC) today.");
        check("Costs rose. | (See below.) | Next year is worse.");
        check("He left (as planned.) after lunch. | Is it (?) true.");
        // short sentences
        check("Sure. | Mm-hmm. | All right. | January 26th, yeah. | Thank you, Mr. President.");
    }

    #[test]
    fn colons_semicolons_and_lists() {
        check("Three points: one, the budget; two, staff; three, the schedule. | Questions?");
        check("1. Pay the staff | 2. Fix the roof");
        check("a) Call him. | b) Write to her.");
        check("• First point | • Second point");
        check("He scored 2. | The team won.");
    }

    #[test]
    fn cjk_stops() {
        assert_eq!(
            sentences("今天很好。明天呢？很好！"),
            ["今天很好。", "明天呢？", "很好！"]
        );
        assert_eq!(
            sentences("他说：「好。」然后走了。"),
            ["他说：「好。」", "然后走了。"]
        );
        // lowercase after a stop continues
        check("They cited the U.S. and etc. and more.");
        check("ok. then what");
    }

    #[test]
    fn odd_inputs_keep_the_invariants() {
        let long = "x".repeat(300) + ". " + &"é".repeat(300) + "...";
        let odd = ". . . . ‖ ... ‖ “”‘’«»()[] ‖ !? ?! . , ; ‖ a.b.c.d.e.f. G. ‖ 1. 2. 3. 4. ‖ • • • \
                   ‖ 。。。！？ ‖ Mr. Mr. Mr. ‖ (((“Hi.”))) ((Yes.))";
        for p in odd.split(" ‖ ").chain([long.as_str()]) {
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
    fn large_paragraphs_split_whole() {
        // How long it takes is the loader bench's business (benches/loader.rs), not a test's.
        let unit = "Mr. Lee said “No.” The U.S. team left at 5 p.m. . . . It rained... ";
        let big = unit.repeat(30_000); // about 2 MB
        assert!(split(&big).len() >= 90_000);
        let word = "a".repeat(10_000_000);
        assert_eq!(split(&word), vec![0..word.len()]);
    }
}

//! Tokens of a sentence for the time-expression finder, with each word's keyword class.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct(char),
}

/// The class of a word, computed once from its lower-case form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Other,
    /// A full month name, 1 to 12.
    Month(i8),
    /// An abbreviated month name (`Jan`, `Sept`), 1 to 12.
    MonthAbbr(i8),
    /// A weekday, Monday = 0.
    Weekday(i8),
    /// A season, by the month it starts in.
    Season(i8),
    /// A small number written as a word.
    Number(i8),
    /// `a`, `an`.
    A,
    Couple,
    Unit(Unit),
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    /// morning, afternoon, evening.
    DayPart,
    Night,
    This,
    Last,
    Next,
    Past,
    Ago,
    The,
    Of,
    Or,
    To,
    Since,
    Before,
    After,
    /// Other prepositions that put a date in context: in, from, until, by, during...
    Prep,
    /// on, at: skipped when looking for the verb before an expression.
    On,
    /// early, late, mid, pre, post.
    Modifier,
    /// end, beginning, start, middle (`the end of 2023`).
    Part,
    /// every, each: a habit, not a date.
    Every,
    /// st, nd, rd, th.
    Ordinal,
    /// The `s` of `1990s`.
    S,
    Weekend,
    Overnight,
    /// following, previous: a day counted from the last date told.
    Following,
    Previous,
    /// later, earlier: `two days later`.
    Later,
    Earlier,
    Same,
    Would,
    /// `ahead` (of): the event is to come.
    Ahead,
    /// `as` (`as recently as March`).
    As,
    New,
    Eve,
    Christmas,
    /// A holiday whose date moves from year to year.
    Movable,
    Lunar,
    Good,
    /// Nouns that a bare number is a count of (`troops`, `km`): not a year.
    CountNoun,
    /// Words a number is a label after (`Resolution 2231`, `No. 2022`).
    Label,
    /// Nouns a weekday can be an attribute of (`Friday prayers`): not a date.
    HabitNoun,
    /// Past-tense reporting verbs (`said`): the expression near them is past.
    PastVerb,
    Will,
    Shall,
    /// The `ll` of `we’ll`.
    Ll,
    Won,
    /// is, are, am, re.
    Be,
    Going,
    /// plan, plans, planning, intends...
    Plans,
    /// scheduled, upcoming: markers of a future sentence.
    FutureWord,
    /// expected, set, slated: future when `to` follows.
    SetTo,
    /// due: future in `is due to appear`, not in `was due to` or `is due to the storm`.
    Due,
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// One token: byte range, kind, whether whitespace precedes it, whether it is capitalised.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub key: Key,
    pub space: bool,
    pub cap: bool,
}

/// Splits `text` into words, digit runs and single punctuation characters.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 5);
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = char_at(text, i);
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let kind = if c.is_ascii_digit() {
            i = skip(bytes, i, |b| b.is_ascii_digit());
            Kind::Num
        } else if c.is_alphabetic() {
            // ASCII letters fast, other letters one char at a time.
            loop {
                i = skip(bytes, i, |b| b.is_ascii_alphabetic());
                match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(d) if !d.is_ascii() && d.is_alphabetic() => i += d.len_utf8(),
                    _ => break,
                }
            }
            Kind::Word
        } else {
            i += c.len_utf8();
            Kind::Punct(c)
        };
        let key = match kind {
            Kind::Word => classify(&text[start..i]),
            _ => Key::Other,
        };
        toks.push(Tok {
            start,
            end: i,
            kind,
            key,
            space,
            cap: c.is_uppercase(),
        });
        space = false;
    }
    toks
}

/// The char starting at byte `i`, which is on a char boundary.
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' '),
    }
}

/// The index of the first byte from `i` on that does not satisfy `f`.
fn skip(bytes: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while bytes.get(i).is_some_and(|&b| f(b)) {
        i += 1;
    }
    i
}

/// The keyword class of one word; words longer than any keyword are `Other` at once.
fn classify(word: &str) -> Key {
    let bytes = word.as_bytes();
    if bytes.len() > 12 || !bytes.is_ascii() {
        return Key::Other;
    }
    let mut buf = [0u8; 12];
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    keyword(lower)
}

/// Every keyword, by class.
#[rustfmt::skip]
const KEYWORDS: &[(Key, &[&str])] = &[
    (Key::Month(1), &["january"]),
    (Key::Month(2), &["february"]),
    (Key::Month(3), &["march"]),
    (Key::Month(4), &["april"]),
    (Key::Month(5), &["may"]),
    (Key::Month(6), &["june"]),
    (Key::Month(7), &["july"]),
    (Key::Month(8), &["august"]),
    (Key::Month(9), &["september"]),
    (Key::Month(10), &["october"]),
    (Key::Month(11), &["november"]),
    (Key::Month(12), &["december"]),
    (Key::MonthAbbr(1), &["jan"]),
    (Key::MonthAbbr(2), &["feb"]),
    (Key::MonthAbbr(3), &["mar"]),
    (Key::MonthAbbr(4), &["apr"]),
    (Key::MonthAbbr(6), &["jun"]),
    (Key::MonthAbbr(7), &["jul"]),
    (Key::MonthAbbr(8), &["aug"]),
    (Key::MonthAbbr(9), &["sep", "sept"]),
    (Key::MonthAbbr(10), &["oct"]),
    (Key::MonthAbbr(11), &["nov"]),
    (Key::MonthAbbr(12), &["dec"]),
    (Key::Weekday(0), &["monday"]),
    (Key::Weekday(1), &["tuesday"]),
    (Key::Weekday(2), &["wednesday"]),
    (Key::Weekday(3), &["thursday"]),
    (Key::Weekday(4), &["friday"]),
    (Key::Weekday(5), &["saturday"]),
    (Key::Weekday(6), &["sunday"]),
    (Key::Season(3), &["spring"]),
    (Key::Season(6), &["summer"]),
    (Key::Season(9), &["autumn", "fall"]),
    (Key::Season(12), &["winter"]),
    (Key::Number(1), &["one"]),
    (Key::Number(2), &["two"]),
    (Key::Number(3), &["three"]),
    (Key::Number(4), &["four"]),
    (Key::Number(5), &["five"]),
    (Key::Number(6), &["six"]),
    (Key::Number(7), &["seven"]),
    (Key::Number(8), &["eight"]),
    (Key::Number(9), &["nine"]),
    (Key::Number(10), &["ten"]),
    (Key::Number(11), &["eleven"]),
    (Key::Number(12), &["twelve"]),
    (Key::Number(15), &["fifteen"]),
    (Key::Number(20), &["twenty"]),
    (Key::Number(30), &["thirty"]),
    (Key::A, &["a", "an"]),
    (Key::Couple, &["couple"]),
    (Key::Unit(Unit::Day), &["day", "days"]),
    (Key::Unit(Unit::Week), &["week", "weeks"]),
    (Key::Unit(Unit::Month), &["month", "months"]),
    (Key::Unit(Unit::Year), &["year", "years"]),
    (Key::Today, &["today"]),
    (Key::Tonight, &["tonight"]),
    (Key::Yesterday, &["yesterday"]),
    (Key::Tomorrow, &["tomorrow"]),
    (Key::DayPart, &["morning", "afternoon", "evening"]),
    (Key::Night, &["night"]),
    (Key::This, &["this"]),
    (Key::Last, &["last"]),
    (Key::Next, &["next"]),
    (Key::Past, &["past"]),
    (Key::Ago, &["ago"]),
    (Key::The, &["the"]),
    (Key::Of, &["of"]),
    (Key::Or, &["or"]),
    (Key::To, &["to"]),
    (Key::Since, &["since"]),
    (Key::Before, &["before"]),
    (Key::After, &["after"]),
    (Key::Prep, &["in", "from", "until", "till", "by", "during", "through", "throughout"]),
    (Key::On, &["on", "at"]),
    (Key::Modifier, &["early", "late", "mid", "pre", "post"]),
    (Key::Part, &["end", "beginning", "start", "middle"]),
    (Key::Every, &["every", "each"]),
    (Key::Ordinal, &["st", "nd", "rd", "th"]),
    (Key::S, &["s"]),
    (Key::Weekend, &["weekend"]),
    (Key::Overnight, &["overnight"]),
    (Key::Following, &["following"]),
    (Key::Previous, &["previous"]),
    (Key::Later, &["later"]),
    (Key::Earlier, &["earlier"]),
    (Key::Same, &["same"]),
    (Key::Would, &["would"]),
    (Key::Ahead, &["ahead"]),
    (Key::As, &["as"]),
    (Key::New, &["new"]),
    (Key::Eve, &["eve"]),
    (Key::Christmas, &["christmas"]),
    (Key::Movable, &["ramadan", "easter", "eid", "thanksgiving", "passover", "hanukkah", "diwali",
        "nowruz"]),
    (Key::Lunar, &["lunar", "chinese"]),
    (Key::Good, &["good"]),
    (Key::CountNoun, &["troops", "soldiers", "people", "persons", "civilians", "containers", "km",
        "kilometers", "kilometres", "miles", "meters", "metres", "feet", "kg", "tons", "tonnes",
        "dollars", "euros", "pounds", "rubles", "roubles", "yen", "yuan", "barrels", "cases",
        "deaths", "dead", "casualties", "refugees", "migrants", "men", "women", "children",
        "times", "units", "rockets", "missiles", "drones", "shells", "tanks", "vehicles", "homes",
        "houses", "families", "workers", "members", "votes", "hours", "minutes", "acres",
        "hectares", "square", "million", "billion", "thousand", "percent", "per", "staff",
        "personnel", "fighters", "prisoners", "detainees", "hostages", "victims", "residents",
        "students", "jobs", "pages", "words", "sites", "targets", "strikes", "attacks", "weapons",
        "rounds", "sorties", "flights", "ships", "aircraft", "planes", "mw", "gw", "mph", "mm",
        "cm", "m", "ft", "lbs"]),
    (Key::Label, &["resolution", "resolutions", "no", "nos", "number", "article", "section",
        "chapter", "flight", "route", "room", "page", "paragraph", "rule", "decree", "law",
        "bill", "item", "code", "model", "version", "file", "case", "unit", "committee", "order",
        "hr", "sb", "pl"]),
    (Key::HabitNoun, &["prayers", "prayer", "school", "schools", "service", "services", "sermon",
        "sermons", "mass", "masses", "market", "markets", "paper", "papers", "edition",
        "editions", "newspaper", "supplement", "lunch", "dinner", "brunch", "worship",
        "worshippers", "shift", "shifts", "sabbath", "tree", "trees", "card", "cards", "carol",
        "carols", "gift", "gifts", "shopping", "lights", "decorations", "truce", "sales"]),
    (Key::PastVerb, &["said", "told", "announced", "stated", "added", "declared", "reported",
        "confirmed", "warned", "wrote", "tweeted", "noted", "explained", "claimed", "denied",
        "insisted", "argued", "acknowledged", "met", "spoke", "was", "were", "had", "did", "says"]),
    (Key::Will, &["will"]),
    (Key::Shall, &["shall"]),
    (Key::Ll, &["ll"]),
    (Key::Won, &["won"]),
    (Key::Be, &["is", "are", "am", "re"]),
    (Key::Going, &["going"]),
    (Key::Plans, &["plan", "plans", "planning", "intend", "intends", "intending"]),
    (Key::FutureWord, &["scheduled", "upcoming"]),
    (Key::SetTo, &["expected", "set", "slated"]),
    (Key::Due, &["due"]),
];

/// A multiply-rotate hasher (as in rustc's FxHash): keywords are short and trusted, and
/// SipHash would cost more than the rest of the tokenizer.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Table = HashMap<&'static str, Key, BuildHasherDefault<FxHasher>>;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table::default();
    for (key, words) in KEYWORDS {
        for w in *words {
            table.insert(*w, *key);
        }
    }
    table
});

fn keyword(w: &str) -> Key {
    TABLE.get(w).copied().unwrap_or(Key::Other)
}

/// Dashes and hyphens, typographic ones included.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑')
}

/// Straight and typographic apostrophes.
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_spacing() {
        let toks = tokenize("June’s 13,000 “Tuesday”");
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Punct('’'),
                Kind::Word,
                Kind::Num,
                Kind::Punct(','),
                Kind::Num,
                Kind::Punct('“'),
                Kind::Word,
                Kind::Punct('”'),
            ]
        );
        assert_eq!(toks[0].key, Key::Month(6));
        assert!(toks[0].cap && !toks[1].space && toks[3].space && !toks[5].space);
        assert_eq!(toks[7].key, Key::Weekday(1));
        assert_eq!(toks[7].start, "June’s 13,000 “".len());
    }

    #[test]
    fn keywords_are_case_insensitive_and_long_words_are_other() {
        assert_eq!(classify("TODAY"), Key::Today);
        assert_eq!(classify("Sept"), Key::MonthAbbr(9));
        assert_eq!(classify("internationalisation"), Key::Other);
        assert_eq!(classify("été"), Key::Other);
    }
}

//! Tokens of a sentence for the time-expression finder, with each word's keyword class.

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
    let mut toks = Vec::new();
    let mut space = true;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct(c) {
            while let Some(&(i, d)) = iter.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = i + d.len_utf8();
                iter.next();
            }
        }
        let key = if kind == Kind::Word {
            classify(&text[start..end])
        } else {
            Key::Other
        };
        toks.push(Tok {
            start,
            end,
            kind,
            key,
            space,
            cap: c.is_uppercase(),
        });
        space = false;
    }
    toks
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

fn keyword(w: &str) -> Key {
    use Key::*;
    match w {
        "january" => Month(1),
        "february" => Month(2),
        "march" => Month(3),
        "april" => Month(4),
        "may" => Month(5),
        "june" => Month(6),
        "july" => Month(7),
        "august" => Month(8),
        "september" => Month(9),
        "october" => Month(10),
        "november" => Month(11),
        "december" => Month(12),
        "jan" => MonthAbbr(1),
        "feb" => MonthAbbr(2),
        "mar" => MonthAbbr(3),
        "apr" => MonthAbbr(4),
        "jun" => MonthAbbr(6),
        "jul" => MonthAbbr(7),
        "aug" => MonthAbbr(8),
        "sep" | "sept" => MonthAbbr(9),
        "oct" => MonthAbbr(10),
        "nov" => MonthAbbr(11),
        "dec" => MonthAbbr(12),
        "monday" => Weekday(0),
        "tuesday" => Weekday(1),
        "wednesday" => Weekday(2),
        "thursday" => Weekday(3),
        "friday" => Weekday(4),
        "saturday" => Weekday(5),
        "sunday" => Weekday(6),
        "spring" => Season(3),
        "summer" => Season(6),
        "autumn" | "fall" => Season(9),
        "winter" => Season(12),
        "one" => Number(1),
        "two" => Number(2),
        "three" => Number(3),
        "four" => Number(4),
        "five" => Number(5),
        "six" => Number(6),
        "seven" => Number(7),
        "eight" => Number(8),
        "nine" => Number(9),
        "ten" => Number(10),
        "eleven" => Number(11),
        "twelve" => Number(12),
        "fifteen" => Number(15),
        "twenty" => Number(20),
        "thirty" => Number(30),
        "a" | "an" => A,
        "couple" => Couple,
        "day" | "days" => Unit(self::Unit::Day),
        "week" | "weeks" => Unit(self::Unit::Week),
        "month" | "months" => Unit(self::Unit::Month),
        "year" | "years" => Unit(self::Unit::Year),
        "today" => Today,
        "tonight" => Tonight,
        "yesterday" => Yesterday,
        "tomorrow" => Tomorrow,
        "morning" | "afternoon" | "evening" => DayPart,
        "night" => Night,
        "this" => This,
        "last" => Last,
        "next" => Next,
        "past" => Past,
        "ago" => Ago,
        "the" => The,
        "of" => Of,
        "or" => Or,
        "to" => To,
        "since" => Since,
        "before" => Before,
        "after" => After,
        "in" | "from" | "until" | "till" | "by" | "during" | "through" | "throughout" => Prep,
        "on" | "at" => On,
        "early" | "late" | "mid" | "pre" | "post" => Modifier,
        "end" | "beginning" | "start" | "middle" => Part,
        "every" | "each" => Every,
        "st" | "nd" | "rd" | "th" => Ordinal,
        "s" => S,
        "new" => New,
        "eve" => Eve,
        "christmas" => Christmas,
        "ramadan" | "easter" | "eid" | "thanksgiving" | "passover" | "hanukkah" | "diwali"
        | "nowruz" => Movable,
        "lunar" | "chinese" => Lunar,
        "good" => Good,
        "troops" | "soldiers" | "people" | "persons" | "civilians" | "containers" | "km"
        | "kilometers" | "kilometres" | "miles" | "meters" | "metres" | "feet" | "kg" | "tons"
        | "tonnes" | "dollars" | "euros" | "pounds" | "rubles" | "roubles" | "yen" | "yuan"
        | "barrels" | "cases" | "deaths" | "dead" | "casualties" | "refugees" | "migrants"
        | "men" | "women" | "children" | "times" | "units" | "rockets" | "missiles" | "drones"
        | "shells" | "tanks" | "vehicles" | "homes" | "houses" | "families" | "workers"
        | "members" | "votes" | "hours" | "minutes" | "acres" | "hectares" | "square"
        | "million" | "billion" | "thousand" | "percent" | "per" | "staff" | "personnel"
        | "fighters" | "prisoners" | "detainees" | "hostages" | "victims" | "residents"
        | "students" | "jobs" | "pages" | "words" | "sites" | "targets" | "strikes" | "attacks"
        | "weapons" | "rounds" | "sorties" | "flights" | "ships" | "aircraft" | "planes" | "mw"
        | "gw" | "mph" | "mm" | "cm" | "m" | "ft" | "lbs" => CountNoun,
        "resolution" | "resolutions" | "no" | "nos" | "number" | "article" | "section"
        | "chapter" | "flight" | "route" | "room" | "page" | "paragraph" | "rule" | "decree"
        | "law" | "bill" | "item" | "code" | "model" | "version" | "file" | "case" | "unit"
        | "committee" | "order" | "hr" | "sb" | "pl" => Label,
        "prayers" | "prayer" | "school" | "schools" | "service" | "services" | "sermon"
        | "sermons" | "mass" | "masses" | "market" | "markets" | "paper" | "papers" | "edition"
        | "editions" | "newspaper" | "supplement" | "lunch" | "dinner" | "brunch" | "worship"
        | "worshippers" | "shift" | "shifts" | "sabbath" | "tree" | "trees" | "card" | "cards"
        | "carol" | "carols" | "gift" | "gifts" | "shopping" | "lights" | "decorations"
        | "truce" | "sales" => HabitNoun,
        "said" | "told" | "announced" | "stated" | "added" | "declared" | "reported"
        | "confirmed" | "warned" | "wrote" | "tweeted" | "noted" | "explained" | "claimed"
        | "denied" | "insisted" | "argued" | "acknowledged" | "met" | "spoke" | "was" | "were"
        | "had" | "did" | "says" => PastVerb,
        "will" => Will,
        "shall" => Shall,
        "ll" => Ll,
        "won" => Won,
        "is" | "are" | "am" | "re" => Be,
        "going" => Going,
        "plan" | "plans" | "planning" | "intend" | "intends" | "intending" => Plans,
        "scheduled" | "upcoming" => FutureWord,
        "expected" | "set" | "slated" => SetTo,
        _ => Other,
    }
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

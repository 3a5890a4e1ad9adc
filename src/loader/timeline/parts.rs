//! Token-level readers of the scanner: numbers, years, days, month names, local tense.

use super::Scan;
use super::lex::{Key, Kind, is_apostrophe, is_dash};
use super::resolve::Val;
use jiff::civil::Date;

impl Scan<'_> {
    pub(super) fn key(&self, i: usize) -> Key {
        self.toks.get(i).map_or(Key::Other, |t| t.key)
    }

    pub(super) fn prev_key(&self, i: usize) -> Key {
        i.checked_sub(1).map_or(Key::Other, |p| self.key(p))
    }

    pub(super) fn word_text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` is a capitalised word of class `k`.
    pub(super) fn cap(&self, i: usize, k: Key) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap && t.key == k)
    }

    pub(super) fn punct(&self, i: usize, f: fn(char) -> bool) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if f(c)))
    }

    /// Whether token `i` exists and touches the one before it.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    /// The value and digit count of a run of digits.
    pub(super) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i).filter(|t| t.kind == Kind::Num)?;
        let digits = self.text.get(t.start..t.end)?;
        if digits.len() > 9 {
            return None;
        }
        Some((digits.parse().ok()?, digits.len()))
    }

    /// Whether the digits at `i` are a number of their own, not part of `13,000`, `2.0`,
    /// `$2022`, `F-16` or `10:30`. Words glued after it are the caller's business.
    pub(super) fn standalone(&self, i: usize) -> bool {
        self.left_free(i) && self.right_free(i)
    }

    /// The left half of [`Self::standalone`].
    pub(super) fn left_free(&self, i: usize) -> bool {
        if self.glued(i) && i > 0 {
            let p = self.toks[i - 1];
            match p.kind {
                Kind::Word | Kind::Num => return false,
                Kind::Punct(c) => {
                    let before = i
                        .checked_sub(2)
                        .and_then(|b| self.toks.get(b))
                        .filter(|_| !p.space);
                    if matches!(c, '$' | '£' | '€' | '¥' | '#' | '/' | '+' | '№') {
                        return false;
                    }
                    if matches!(c, ',' | '.' | ':') && before.is_some_and(|b| b.kind == Kind::Num) {
                        return false;
                    }
                    if is_dash(c)
                        && before.is_some_and(|b| {
                            matches!(b.kind, Kind::Word | Kind::Num) && b.key != Key::Modifier
                        })
                    {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// The right half of [`Self::standalone`].
    pub(super) fn right_free(&self, i: usize) -> bool {
        if self.glued(i + 1) {
            if self.punct(i + 1, |c| c == '%') {
                return false;
            }
            if self.punct(i + 1, |c| matches!(c, ',' | '.' | ':'))
                && self.glued(i + 2)
                && self.num(i + 2).is_some()
            {
                return false;
            }
        }
        true
    }

    /// A year at `i` (with an optional range after it: `2022-2023`, `2022–23`). Years before
    /// 1900 need a temporal preposition before them, or `lenient` (after a month).
    pub(super) fn year_at(&self, i: usize, lenient: bool) -> Option<(i16, usize)> {
        let (y, len) = self.num(i)?;
        if len != 4 || !self.standalone(i) {
            return None;
        }
        if self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) && self.glued(i + 1) {
            return None;
        }
        // "the Treaty of 1648": `of` after a capitalised name is a date's context too.
        let named_of = self.prev_key(i) == Key::Of
            && i >= 2
            && self.toks[i - 2].cap
            && self.toks[i - 2].kind == Kind::Word;
        let context = named_of
            || matches!(
                self.prev_key(i),
                Key::Prep | Key::Since | Key::Before | Key::After
            );
        if !(1900..=2100).contains(&y) && !((1000..1900).contains(&y) && (context || lenient)) {
            return None;
        }
        let label = self.prev_key(i) == Key::Label
            || (self.punct(i.wrapping_sub(1), |c| c == '.') && self.prev_key(i - 1) == Key::Label);
        // "the 1970 Committee": a committee named after its resolution.
        let committee = self
            .toks
            .get(i + 1)
            .is_some_and(|t| t.cap && self.word_text(i + 1) == "Committee");
        if label || committee || self.key(i + 1) == Key::CountNoun {
            return None;
        }
        if !lenient && self.counted(i) {
            return None;
        }
        let mut end = i + 1;
        let joined = self.punct(end, |c| is_dash(c) || c == '/') && self.glued(end);
        if joined
            && self.glued(end + 1)
            && let Some((y2, len2)) = self.num(end + 1)
        {
            let later = match len2 {
                2 => y2 > y % 100 || y2 == (y + 1) % 100,
                4 => y2 > y && y2 <= 2100,
                _ => false,
            };
            if later && self.right_free(end + 1) && !self.glued(end + 2) {
                end += 2;
            }
        }
        Some((y as i16, end))
    }

    /// Whether the bare number at `i` counts things rather than names a year: `about 2000
    /// more`, `more than 2000 have fled`, `recovered 2021 rifles`, `Vision 2030`.
    pub(super) fn counted(&self, i: usize) -> bool {
        let prev = self.word_text(i.wrapping_sub(1)).to_ascii_lowercase();
        let next_tok = self
            .toks
            .get(i + 1)
            .filter(|t| t.kind == Kind::Word && t.space);
        let next = next_tok.map_or(String::new(), |t| {
            self.text[t.start..t.end].to_ascii_lowercase()
        });
        let quantity = matches!(
            prev.as_str(),
            "about"
                | "some"
                | "nearly"
                | "almost"
                | "around"
                | "approximately"
                | "roughly"
                | "than"
                | "least"
                | "another"
                | "additional"
                | "estimated"
                | "extra"
                | "further"
                | "total"
                | "over"
                | "exactly"
                | "only"
                | "just"
        );
        // `since at least 2019`, `until at least 2030`: still a year.
        let quantity = quantity
            && !(prev == "least"
                && i >= 3
                && matches!(
                    self.key(i - 3),
                    Key::Since | Key::Prep | Key::Before | Key::After
                ));
        let more = matches!(
            next.as_str(),
            "more" | "others" | "other" | "additional" | "extra" | "fewer" | "new"
        );
        // `seized 2021 rifles`: after a verb, a bare plural noun is what was counted.
        let plural_object = next_tok.is_some_and(|t| !t.cap)
            && next.len() > 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && !next.ends_with("us")
            && (prev.len() > 3 && prev.ends_with("ed")
                || matches!(
                    prev.as_str(),
                    "sent"
                        | "lost"
                        | "took"
                        | "held"
                        | "made"
                        | "built"
                        | "sold"
                        | "has"
                        | "have"
                        | "had"
                        | "own"
                        | "owns"
                ));
        // `Vision 2030`, `Agenda 2063`: a programme named after its target year.
        let programme = matches!(
            prev.as_str(),
            "vision" | "agenda" | "horizon" | "strategy" | "roadmap" | "goals"
        ) && self.toks.get(i - 1).is_some_and(|t| t.cap);
        quantity || more || plural_object || programme
    }

    /// A year after a month or holiday: `, 2024`, `of 2023`, `2023`.
    pub(super) fn year_after(&self, j: usize) -> Option<(i16, usize)> {
        let k = if self.punct(j, |c| c == ',') || self.key(j) == Key::Of {
            j + 1
        } else {
            j
        };
        self.year_at(k, true)
    }

    /// A decade: `1990s`, `1990’s`.
    pub(super) fn decade_at(&self, i: usize) -> Option<(i16, usize)> {
        let (y, len) = self.num(i)?;
        if len != 4 || y % 10 != 0 || !(1000..=2090).contains(&y) || !self.standalone(i) {
            return None;
        }
        let end = if self.key(i + 1) == Key::S && self.glued(i + 1) {
            i + 2
        } else if self.punct(i + 1, is_apostrophe)
            && self.glued(i + 1)
            && self.key(i + 2) == Key::S
            && self.glued(i + 2)
        {
            i + 3
        } else {
            return None;
        };
        Some(((y / 10) as i16, end))
    }

    /// A day of the month: `22`, `4th`.
    pub(super) fn day_num(&self, i: usize) -> Option<(i8, usize)> {
        let (d, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&d) || !self.standalone(i) {
            return None;
        }
        let end = match self.toks.get(i + 1) {
            Some(t) if !t.space && t.kind == Kind::Word => {
                if t.key != Key::Ordinal {
                    return None;
                }
                i + 2
            }
            _ => i + 1,
        };
        Some((d as i8, end))
    }

    /// A capitalised month name, an abbreviation taking its dot: (month, abbreviated, end).
    pub(super) fn month_word(&self, i: usize) -> Option<(i8, bool, usize)> {
        let t = self.toks.get(i).filter(|t| t.cap)?;
        match t.key {
            Key::Month(m) => Some((m, false, i + 1)),
            Key::MonthAbbr(m) if self.punct(i + 1, |c| c == '.') && self.glued(i + 1) => {
                Some((m, true, i + 2))
            }
            Key::MonthAbbr(m) => Some((m, true, i + 1)),
            _ => None,
        }
    }

    /// Whether the expression at tokens `start..end` is told in the future: the sentence has
    /// a future marker and no past reporting verb stands right next to the expression.
    pub(super) fn future_here(&self, start: usize, end: usize) -> bool {
        if self.force_past || !self.tense.covers(start, end, self.opens_clause(start)) {
            return false;
        }
        // A date that names an event (`the attack of October 7`, `the June 25 launch`,
        // `March 8's vote`) is past even in a future sentence.
        // A scheduled event (`ahead of the elections of 28 September`, `will hold the
        // October vote`) is not past.
        let scheduled = |i: usize| {
            matches!(
                self.word_text(i).to_ascii_lowercase().as_str(),
                "election"
                    | "elections"
                    | "vote"
                    | "poll"
                    | "polls"
                    | "referendum"
                    | "runoff"
                    | "summit"
            )
        };
        let names_event = (self.prev_key(start) == Key::Of
            && self.prev_key(start.saturating_sub(1)) != Key::Part
            && !(start >= 2 && scheduled(start - 2)))
            || (self.prev_key(start) == Key::The
                && self
                    .toks
                    .get(end)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.key == Key::Other)
                && !scheduled(end))
            || (self.punct(end, is_apostrophe) && self.key(end + 1) == Key::S);
        if names_event
            && self
                .toks
                .get(start)
                .is_some_and(|t| !matches!(t.key, Key::Weekday(_)))
        {
            return false;
        }
        let mut p = start;
        if self.prev_key(p) == Key::On {
            p -= 1;
        }
        let passive = |i: usize| {
            let w = self.word_text(i);
            ["be", "been", "being"]
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
        };
        let past = |i: usize| {
            let w = self.word_text(i);
            self.key(i) == Key::PastVerb
                || (w.len() > 3 && w.ends_with("ed") && !w.starts_with(char::is_uppercase))
        };
        let before = p > 0 && past(p - 1) && !(p > 1 && passive(p - 2));
        !(before || past(end))
    }

    /// Whether the expression starting at token `start` opens its clause: only prepositions,
    /// conjunctions, articles, `the end of` and punctuation stand between it and the sentence
    /// start or the last `.`, `;`, `?`, `!` (`On Friday, the council will meet`, `By the end
    /// of May,`, `An October vote will decide`).
    pub(super) fn opens_clause(&self, start: usize) -> bool {
        self.toks[..start.min(self.toks.len())]
            .iter()
            .rev()
            .take_while(|t| !matches!(t.kind, Kind::Punct('.' | ';' | '?' | '!')))
            .all(|t| match t.kind {
                Kind::Punct(_) => true,
                Kind::Num => false,
                Kind::Word => {
                    matches!(
                        t.key,
                        Key::Prep
                            | Key::On
                            | Key::Before
                            | Key::After
                            | Key::Since
                            | Key::The
                            | Key::A
                            | Key::Of
                            | Key::Part
                            | Key::Modifier
                    ) || matches!(
                        self.text[t.start..t.end].to_ascii_lowercase().as_str(),
                        "and" | "but" | "so" | "then" | "yet" | "and then"
                    )
                }
            })
    }

    /// The value of something that needs the reference date.
    pub(super) fn rel(&self, f: impl FnOnce(Date) -> Option<Val>) -> Option<Val> {
        self.refd.and_then(f)
    }
}

//! Time expressions: found in a sentence and resolved against the reference date.
//!
//! The sentence is split into tokens ([`lex`]); at each token, matchers with a bounded
//! look-ahead (and a bounded recursion depth) try to read an expression, so the work is linear
//! in the length of the sentence. Relative expressions resolve to the past by default and to
//! the future in sentences with a future marker (`will`, `is going to`, `scheduled`...).

mod days;
mod lex;
mod parts;
mod resolve;
#[cfg(test)]
mod tests;

use crate::model::Precision;
use jiff::civil::Date;
use lex::{Key, Kind, Tok, Unit, is_apostrophe, is_dash};
use resolve::{
    Dir, Tense, Val, add_days, future_tense, month_alone, month_day, season_begun, season_year,
    shift_month, weekday_from, weekend,
};

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the first byte of the expression within the sentence.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// ISO 8601 prefix, or `None` when it cannot be resolved.
    pub value: Option<String>,
    /// The precision of `value`, `None` with it.
    pub precision: Option<Precision>,
}

/// Finds the time expressions of one sentence, left to right, resolving them against
/// `reference` (the document's date) when there is one.
pub fn find(sentence: &str, reference: Option<Date>) -> Vec<Found> {
    find_after(sentence, reference, &mut None)
}

/// [`find`] in a document read in order: `anchor` is the last day the text has placed an
/// event on (`On March 3, ...`), which `the next day` or `two days later` count from; it is
/// updated with every day found.
pub fn find_after(
    sentence: &str,
    reference: Option<Date>,
    anchor: &mut Option<Date>,
) -> Vec<Found> {
    let toks = lex::tokenize(sentence);
    let tense = future_tense(&toks, sentence);
    let mut scan = Scan {
        tense: &tense,
        force_past: false,
        toks: &toks,
        text: sentence,
        refd: reference,
        anchor: *anchor,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match scan.at(i, 0) {
            Some(m) if m.end > i => {
                if let Some(Val::Day(d)) = m.val {
                    scan.anchor = Some(d);
                    *anchor = Some(d);
                }
                let (value, precision) = m.val.map(Val::render).unzip();
                out.push(Found {
                    start: toks[i].start,
                    end: toks[m.end - 1].end,
                    value,
                    precision,
                });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A match: the token just past it, and its value if it could be resolved.
#[derive(Debug, Clone, Copy)]
struct M {
    end: usize,
    val: Option<Val>,
}

#[derive(Clone, Copy)]
struct Scan<'a> {
    toks: &'a [Tok],
    text: &'a str,
    refd: Option<Date>,
    tense: &'a Tense,
    /// Set under `since`, which always looks back.
    force_past: bool,
    /// The last day told before this point of the document.
    anchor: Option<Date>,
}

impl Scan<'_> {
    fn at(&self, i: usize, depth: u8) -> Option<M> {
        if depth > 3 {
            return None;
        }
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num => self.numeric(i),
            Kind::Punct(_) => None,
            Kind::Word => self.word(i, depth),
        }
    }

    fn word(&self, i: usize, depth: u8) -> Option<M> {
        let t = self.toks[i];
        match t.key {
            Key::Since => {
                // `since at least March`: the hedge does not change the date.
                let j = if self.word_text(i + 1).eq_ignore_ascii_case("at")
                    && self.word_text(i + 2).eq_ignore_ascii_case("least")
                {
                    i + 3
                } else {
                    i + 1
                };
                Scan {
                    force_past: true,
                    ..*self
                }
                .at(j, depth + 1)
            }
            Key::The => self.the(i, depth),
            // `Russia Today`, `USA Today`: a capitalised `Today` after a name is a title.
            Key::Today
                if t.cap
                    && i > 0
                    && self.toks[i - 1].kind == Kind::Word
                    && self.toks[i - 1].cap
                    && t.space =>
            {
                None
            }
            Key::Today | Key::Tonight => Some(self.day_offset(i + 1, 0)),
            Key::Yesterday => Some(self.day_offset(i + 1, -1)),
            Key::Tomorrow => Some(self.day_offset(i + 1, 1)),
            Key::This | Key::Last | Key::Next => self.relative(i),
            Key::Modifier => {
                let j = if self.punct(i + 1, is_dash) && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                self.at(j, depth + 1)
            }
            Key::Month(_) | Key::MonthAbbr(_) if t.cap => self.month_first(i),
            Key::Weekday(w) if t.cap => self.weekday(i, i, w, None),
            Key::Season(_) => self.season(i),
            Key::Overnight => self.overnight(i),
            Key::Number(_) | Key::A | Key::Couple => self.ago(i),
            Key::New | Key::Christmas | Key::Movable | Key::Lunar | Key::Good if t.cap => {
                self.holiday(i)
            }
            _ => None,
        }
    }

    /// `today`, `yesterday`, `tomorrow`, with `morning`, `night`... after them.
    fn day_offset(&self, end: usize, offset: i64) -> M {
        let end = match self.key(end) {
            Key::DayPart | Key::Night => end + 1,
            _ => end,
        };
        let val = self.rel(|r| add_days(r, offset).map(Val::Day));
        M { end, val }
    }

    /// Digits first: `2024-10-22`, `2023-08`, `22 October 2024`, `10/22/2024`, `1990s`,
    /// `3 days ago`, `2022`.
    fn numeric(&self, i: usize) -> Option<M> {
        if let Some(m) = self.ago(i) {
            return Some(m);
        }
        if let Some(m) = self.iso(i) {
            return Some(m);
        }
        if let Some(m) = self.day_first(i) {
            return Some(m);
        }
        if let Some((d, end)) = self.decade_at(i) {
            let val = Some(Val::Decade(d));
            return Some(M { end, val });
        }
        let (y, end) = self.year_at(i, false)?;
        let val = Some(Val::Year(y));
        Some(M { end, val })
    }

    /// `2024-10-22`, `2023-08`, and the American `10/22/2024`.
    fn iso(&self, i: usize) -> Option<M> {
        let sep =
            |k: usize, f: fn(char) -> bool| self.punct(k, f) && self.glued(k) && self.glued(k + 1);
        let (a, alen) = self.num(i)?;
        if !self.standalone(i) {
            return None;
        }
        if alen == 4 && sep(i + 1, is_dash) {
            let (m, mlen) = self.num(i + 1 + 1)?;
            if mlen != 2 || !(1..=12).contains(&m) {
                return None;
            }
            if sep(i + 3, is_dash) {
                let (d, dlen) = self.num(i + 4)?;
                let date = Date::new(a as i16, m as i8, d as i8).ok()?;
                return (dlen == 2 && self.right_free(i + 4)).then_some(M {
                    end: i + 5,
                    val: Some(Val::Day(date)),
                });
            }
            // `2019-20` is a range, `2023-08` a month.
            let range = m > a % 100 || m == (a + 1) % 100;
            let ok = !range && (1000..=2100).contains(&a) && !self.glued(i + 3);
            return ok.then_some(M {
                end: i + 3,
                val: Some(Val::Month(a as i16, m as i8)),
            });
        }
        if alen <= 2 && sep(i + 1, |c| c == '/') && sep(i + 3, |c| c == '/') {
            let (d, _) = self.num(i + 2)?;
            let (y, ylen) = self.num(i + 4)?;
            if ylen != 4 || !self.right_free(i + 4) || d > 31 {
                return None;
            }
            let date = Date::new(y as i16, a as i8, d as i8).ok()?;
            return Some(M {
                end: i + 5,
                val: Some(Val::Day(date)),
            });
        }
        None
    }

    /// `22 October 2024`, `4 April`, `4th of April`, `the 15th of last month`.
    fn day_first(&self, i: usize) -> Option<M> {
        let (d, mut j) = self.day_num(i)?;
        if self.key(j) == Key::Of {
            j += 1;
        }
        if self.key(j + 1) == Key::Unit(Unit::Month) && !self.word_text(j + 1).ends_with('s') {
            let step = match self.key(j) {
                Key::Last => -1,
                Key::This => 0,
                Key::Next => 1,
                _ => return None,
            };
            let val = self.rel(|r| match shift_month(r.year(), r.month(), step) {
                Val::Month(y, m) => Date::new(y, m, d).ok().map(Val::Day),
                _ => None,
            });
            return Some(M { end: j + 2, val });
        }
        let (m, _, j) = self.month_word(j)?;
        Some(self.dated(m, d, i, j))
    }

    /// Month `m`, day `d`, and a year after token `j` if there is one (`2 February 2023`,
    /// `2 February last year`).
    fn dated(&self, m: i8, d: i8, start: usize, j: usize) -> M {
        if let Some((y, end)) = self.year_after(j) {
            let val = Date::new(y, m, d)
                .ok()
                .map_or(Some(Val::Month(y, m)), |date| Some(Val::Day(date)));
            return M { end, val };
        }
        if let Some((step, end)) = self.relative_year_after(j) {
            let val = self.rel(|r| {
                let y = r.year().saturating_add(step);
                Some(Date::new(y, m, d).map_or(Val::Month(y, m), Val::Day))
            });
            return M { end, val };
        }
        let future = self.future_here(start, j);
        let val = self.rel(|r| month_day(r, m, d, future).map(Val::Day));
        M { end: j, val }
    }

    /// A month first: `October 22, 2024`, `Oct. 22`, `August 2023`, `March of last year`,
    /// or a month alone where the context makes it one.
    fn month_first(&self, i: usize) -> Option<M> {
        let (m, abbr, j) = self.month_word(i)?;
        // `March the 7th`
        if self.key(j) == Key::The
            && let Some((d, k)) = self.day_num(j + 1)
            && k > j + 2
        {
            return Some(self.dated(m, d, i, k));
        }
        if let Some((d, mut k)) = self.day_num(j) {
            // `October 22-23, 2024`: the first day.
            if self.punct(k, is_dash)
                && self.glued(k)
                && self.glued(k + 1)
                && self.num(k + 1).is_some_and(|(_, len)| len <= 2)
                && self.right_free(k + 1)
            {
                k += 2;
            }
            return Some(self.dated(m, d, i, k));
        }
        if let Some((y, end)) = self.year_after(j) {
            let val = Some(Val::Month(y, m));
            return Some(M { end, val });
        }
        // `March of last year`, `March last year`.
        if let Some((step, end)) = self.relative_year_after(j) {
            let val = self.rel(|r| Some(Val::Month(r.year().saturating_add(step), m)));
            return Some(M { end, val });
        }
        if abbr {
            return None;
        }
        // `mid-March`: the context is before the dash.
        let p = if self.punct(i.wrapping_sub(1), is_dash) && self.glued(i) {
            i - 1
        } else {
            i
        };
        // `every August`: a recurring month, no date.
        if self.prev_key(p) == Key::Every {
            return None;
        }
        // Under `since` (`since at least March`) a month is always a date.
        let context = self.force_past
            || matches!(
                self.prev_key(p),
                Key::Prep
                    | Key::As
                    | Key::Since
                    | Key::Of
                    | Key::Modifier
                    | Key::Last
                    | Key::Next
                    | Key::This
                    | Key::Past
                    | Key::Before
                    | Key::After
            );
        if !context {
            // `may`, `march` are verbs; `April Ryan`, `June Carter` names.
            let name = self
                .toks
                .get(j)
                .is_some_and(|t| t.cap && t.space && t.kind == Kind::Word);
            if m == 3 || m == 5 || name {
                return None;
            }
        }
        let future = self.future_here(i, j);
        let val = self.rel(|r| Some(month_alone(r, m, future)));
        Some(M { end: j, val })
    }

    /// `last year`, `this year`, `next year` (after an optional `of`) at `j`, closing a date:
    /// the step from the reference year and the token past it. Not `last year's`, which
    /// opens a noun phrase of its own.
    fn relative_year_after(&self, j: usize) -> Option<(i16, usize)> {
        let j = if self.key(j) == Key::Of { j + 1 } else { j };
        let step = match self.key(j) {
            Key::Last => -1,
            Key::This => 0,
            Key::Next => 1,
            _ => return None,
        };
        let year = self.key(j + 1) == Key::Unit(Unit::Year) && self.word_text(j + 1).len() == 4;
        let possessive = self.punct(j + 2, is_apostrophe) && self.glued(j + 2);
        (year && !possessive).then_some((step, j + 2))
    }

    /// A weekday at `i` (with `last`/`next`/`this` at `start` when `rel` says which).
    fn weekday(&self, start: usize, i: usize, w: i8, rel: Option<Key>) -> Option<M> {
        if self.prev_key(start) == Key::Every {
            return None;
        }
        let mut end = i + 1;
        if let Some(n) = self
            .toks
            .get(end)
            .filter(|n| n.space && n.kind == Kind::Word)
        {
            match n.key {
                Key::DayPart | Key::Night => end += 1,
                Key::HabitNoun if !n.cap => return None,
                _ => {}
            }
        }
        if end == i + 1 && rel.is_none() {
            // `Tuesday, October 22, 2024`: the date says which Tuesday.
            let k = if self.punct(end, |c| c == ',') {
                end + 1
            } else {
                end
            };
            let m = self.month_first(k).or_else(|| self.day_first(k));
            if let Some(
                m @ M {
                    val: Some(Val::Day(d)),
                    ..
                },
            ) = m
                && d.weekday().to_monday_zero_offset() == w
            {
                return Some(m);
            }
        }
        // "a session for Monday": what a day is set for is to come.
        let set_for = rel.is_none()
            && self
                .word_text(start.wrapping_sub(1))
                .eq_ignore_ascii_case("for");
        let future = set_for || self.future_here(start, end);
        // `Sunday's election`: a day named for its event may be the reference day itself.
        let possessive = end == i + 1
            && self.punct(end, is_apostrophe)
            && self.glued(end)
            && self.key(end + 1) == Key::S
            && self.glued(end + 1);
        let dir = match rel {
            Some(Key::Last) => Dir::Before,
            Some(Key::Next) => Dir::After,
            Some(_) if future => Dir::OnOrAfter,
            None if future && possessive => Dir::OnOrAfter,
            None if future => Dir::After,
            _ => Dir::OnOrBefore,
        };
        let val = self.rel(|r| weekday_from(r, w, dir).map(Val::Day));
        Some(M { end, val })
    }

    /// `last`/`this`/`next` + `week`, `month`, `year`, a weekday, a month, a season, `night`.
    fn relative(&self, i: usize) -> Option<M> {
        if self.prev_key(i) == Key::The {
            return None; // `the last week` is a stretch of time, not a calendar week.
        }
        let mut kind = self.key(i);
        let mut j = i + 1;
        if kind == Key::This && self.key(j) == Key::Past {
            kind = Key::Last;
            j += 1;
        }
        let step: i32 = match kind {
            Key::Last => -1,
            Key::Next => 1,
            _ => 0,
        };
        let end = j + 1;
        let val = match self.key(j) {
            Key::DayPart | Key::Night => self.rel(|r| add_days(r, step.into()).map(Val::Day)),
            Key::Weekday(w) if self.cap(j, Key::Weekday(w)) => {
                return self.weekday(i, j, w, Some(kind));
            }
            Key::Unit(u) if !self.word_text(j).ends_with(['s', 'S']) => match u {
                Unit::Day => return None,
                Unit::Week => self.rel(|r| add_days(r, 7 * i64::from(step)).map(Val::week_of)),
                Unit::Month => self.rel(|r| Some(shift_month(r.year(), r.month(), step))),
                Unit::Year => self.rel(|r| Some(Val::Year(r.year().saturating_add(step as i16)))),
            },
            Key::Season(s) => self.rel(|r| Some(Val::Year(season_year(r, s, step)))),
            Key::Weekend if !self.word_text(j).ends_with(['s', 'S']) => {
                let future = self.future_here(i, end);
                self.rel(|r| weekend(r, step, future))
            }
            Key::Month(m) if self.cap(j, Key::Month(m)) => self.rel(|r| {
                let rm = r.month();
                let y = match step {
                    -1 if m < rm => r.year(),
                    -1 => r.year().saturating_sub(1),
                    1 if m > rm => r.year(),
                    1 => r.year().saturating_add(1),
                    _ => r.year(),
                };
                Some(Val::Month(y, m))
            }),
            _ => return None,
        };
        Some(M { end, val })
    }

    /// `spring 2023`, `spring of 2023`, `spring of last year`; a bare season is no date.
    fn season(&self, i: usize) -> Option<M> {
        let j = if self.key(i + 1) == Key::Of {
            i + 2
        } else {
            i + 1
        };
        if let Some((y, end)) = self.year_at(j, true) {
            let val = Some(Val::Year(y));
            return Some(M { end, val });
        }
        if self.key(j + 1) != Key::Unit(Unit::Year) || self.word_text(j + 1).ends_with('s') {
            return None;
        }
        let step = match self.key(j) {
            Key::Last => -1,
            Key::This => 0,
            Key::Next => 1,
            _ => return None,
        };
        let val = self.rel(|r| Some(Val::Year(r.year().saturating_add(step))));
        Some(M { end: j + 2, val })
    }

    /// `the day before yesterday`, `the 4th of April`, `the 1990s`, `the spring of 2023`,
    /// `the end of 2023`.
    fn the(&self, i: usize, depth: u8) -> Option<M> {
        let j = i + 1;
        match self.key(j) {
            Key::Unit(Unit::Day) if self.word_text(j).eq_ignore_ascii_case("day") => {
                let offset = match (self.key(j + 1), self.key(j + 2)) {
                    (Key::Before, Key::Yesterday) => -2,
                    (Key::After, Key::Tomorrow) => 2,
                    // `the day before`, `the day after`, from the last day told; `the day
                    // before the vote` counts from the vote.
                    (Key::Before | Key::After, _)
                        if !self.toks.get(j + 2).is_some_and(|t| t.kind == Kind::Word) =>
                    {
                        let offset = if self.key(j + 1) == Key::Before {
                            -1
                        } else {
                            1
                        };
                        return self.counted_from_anchor(j + 2, offset);
                    }
                    _ => return None,
                };
                Some(self.day_offset(j + 3, offset))
            }
            Key::Next | Key::Following if self.is_day_unit(j + 1) => {
                self.counted_from_anchor(j + 2, 1)
            }
            Key::Previous if self.is_day_unit(j + 1) => self.counted_from_anchor(j + 2, -1),
            Key::Weekend if self.word_text(j) != "weekends" && self.weekend_context(i) => {
                let future = self.future_here(i, j + 1);
                let val = self.rel(|r| weekend(r, 0, future));
                Some(M { end: j + 1, val })
            }
            // `in the new year`: the year about to begin late in a year, else the one begun.
            Key::New
                if self.key(j + 1) == Key::Unit(Unit::Year)
                    && self.word_text(j + 1).len() == 4
                    && !matches!(self.key(j + 2), Key::Eve | Key::Unit(Unit::Day))
                    && !self.punct(j + 2, is_apostrophe) =>
            {
                let val = self.rel(|r| {
                    Some(Val::Year(
                        r.year().saturating_add(i16::from(r.month() >= 10)),
                    ))
                });
                Some(M { end: j + 2, val })
            }
            // `since the summer`: the season most recently begun; elsewhere a bare season is
            // no date.
            Key::Season(s) => self.season(j).or_else(|| {
                self.force_past.then(|| M {
                    end: j + 1,
                    val: self.rel(|r| Some(Val::Year(season_begun(r, s)))),
                })
            }),
            // `the end of the year`, `since the start of the year`: the reference year.
            Key::Part
                if self.key(j + 1) == Key::Of
                    && self.key(j + 2) == Key::The
                    && self.key(j + 3) == Key::Unit(Unit::Year)
                    && self.word_text(j + 3).len() == 4 =>
            {
                let val = self.rel(|r| Some(Val::Year(r.year())));
                Some(M { end: j + 4, val })
            }
            Key::Part if self.key(j + 1) == Key::Of => self.at(j + 2, depth + 1),
            _ => self
                .day_first(j)
                .or_else(|| {
                    let (d, end) = self.decade_at(j)?;
                    let val = Some(Val::Decade(d));
                    Some(M { end, val })
                })
                .or_else(|| self.ordinal_day(i, j)),
        }
    }
}

//! Day-level readers: `ago`, days counted from the last day told (`the next day`, `two days
//! later`), weekends, `overnight`, `on the 3rd`, and holidays.

use super::lex::{Key, Kind, Unit, is_apostrophe, is_dash};
use super::resolve::{Val, add_days, month_day, shift_month};
use super::{M, Scan};
use jiff::civil::Date;

impl Scan<'_> {
    /// `two weeks ago`, `a couple of days ago`, `3 years ago`.
    pub(super) fn ago(&self, i: usize) -> Option<M> {
        let (n, mut j) = match self.key(i) {
            Key::Number(n) => (i64::from(n), i + 1),
            Key::A if self.key(i + 1) == Key::Couple => (2, i + 2),
            Key::A => (1, i + 1),
            Key::Couple => (2, i + 1),
            _ => {
                let (n, len) = self.num(i)?;
                if len > 3 || n == 0 || !self.standalone(i) {
                    return None;
                }
                (i64::from(n), i + 1)
            }
        };
        if self.key(j) == Key::Of {
            j += 1;
        }
        // `a week or ten days ago`, `two to three weeks ago` are vague.
        if matches!(self.prev_key(i), Key::Or | Key::To) {
            return None;
        }
        let Key::Unit(u) = self.key(j) else {
            return None;
        };
        // `two days later`, `a week earlier`: counted from the last day told.
        if matches!(self.key(j + 1), Key::Later | Key::Earlier)
            && !self.word_text(j + 2).eq_ignore_ascii_case("than")
        {
            let n = if self.key(j + 1) == Key::Later { n } else { -n };
            let a = self.anchor?;
            let val = match u {
                Unit::Day => add_days(a, n).map(Val::Day),
                Unit::Week => add_days(a, 7 * n).map(Val::week_of),
                Unit::Month => Some(shift_month(a.year(), a.month(), n as i32)),
                Unit::Year => Some(Val::Year(a.year().saturating_add(n as i16))),
            };
            return Some(M { end: j + 2, val });
        }
        if self.key(j + 1) != Key::Ago {
            return None;
        }
        let val = self.rel(|r| match u {
            Unit::Day => add_days(r, -n).map(Val::Day),
            Unit::Week => add_days(r, -7 * n).map(|d| Val::Month(d.year(), d.month())),
            Unit::Month => Some(shift_month(r.year(), r.month(), -(n as i32))),
            Unit::Year => Some(Val::Year(r.year().saturating_sub(n as i16))),
        });
        Some(M { end: j + 2, val })
    }

    /// `day`, `morning`, `evening`, `night` at `k`: a day counted from the anchor.
    pub(super) fn is_day_unit(&self, k: usize) -> bool {
        match self.key(k) {
            Key::Unit(Unit::Day) => self.word_text(k).eq_ignore_ascii_case("day"),
            Key::DayPart | Key::Night => true,
            _ => false,
        }
    }

    /// The anchor day shifted by `offset` days, as a match ending at `end`; nothing without
    /// an anchor (the text has told no day yet).
    pub(super) fn counted_from_anchor(&self, end: usize, offset: i64) -> Option<M> {
        let a = self.anchor?;
        Some(M {
            end,
            val: add_days(a, offset).map(Val::Day),
        })
    }

    /// Whether `the weekend` at `the` (token `i`) is a time adverbial: `over`, `during`, `on`,
    /// `at`, `this` or `last` before it.
    pub(super) fn weekend_context(&self, i: usize) -> bool {
        let w = self.word_text(i.wrapping_sub(1)).to_ascii_lowercase();
        matches!(self.prev_key(i), Key::Prep | Key::On) || matches!(w.as_str(), "over" | "across")
    }

    /// `Overnight, missiles struck` / `struck overnight`: the night before the reference
    /// day, placed on it. An adjective (`an overnight stay`) is no date.
    pub(super) fn overnight(&self, i: usize) -> Option<M> {
        let next = self.toks.get(i + 1);
        let adverb = match next {
            None => true,
            Some(n) if n.kind != Kind::Word => true,
            Some(n) => {
                let w = self.text[n.start..n.end].to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "and"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "into"
                        | "from"
                        | "with"
                        | "as"
                        | "when"
                        | "after"
                        | "before"
                        | "by"
                        | "near"
                        | "across"
                        | "against"
                        | "that"
                )
            }
        };
        if !adverb || self.future_here(i, i + 1) {
            return None;
        }
        let val = self.rel(|r| Some(Val::Day(r)));
        Some(M { end: i + 1, val })
    }

    /// `on the 3rd`: a day of the month without the month, the latest such day on or before
    /// the reference (the first after it in the future). Only after `on`, with an ordinal
    /// suffix and no noun after it (`the 3rd brigade` is no date).
    pub(super) fn ordinal_day(&self, i: usize, j: usize) -> Option<M> {
        let (d, end) = self.day_num(j)?;
        if end != j + 2 || self.prev_key(i) != Key::On {
            return None;
        }
        if self.toks.get(end).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        let future = self.future_here(i, end);
        let val = self.rel(|r| {
            (0..14).find_map(|k| {
                let Val::Month(y, m) =
                    shift_month(r.year(), r.month(), if future { k } else { -k })
                else {
                    return None;
                };
                let date = Date::new(y, m, d).ok()?;
                let ok = if future { date >= r } else { date <= r };
                ok.then_some(Val::Day(date))
            })
        });
        Some(M { end, val })
    }

    /// Holidays: fixed ones resolve to their date, movable ones to the reference's year.
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
        let year = Key::Unit(Unit::Year);
        let (fixed, mut end) = match self.key(i) {
            Key::New if self.cap(i + 1, year) => {
                let mut j = i + 2;
                if self.punct(j, is_apostrophe) && self.glued(j) && self.key(j + 1) == Key::S {
                    j += 2;
                }
                if self.cap(j, Key::Eve) {
                    (Some((12, 31)), j + 1)
                } else if self.cap(j, Key::Unit(Unit::Day)) {
                    (Some((1, 1)), j + 1)
                } else {
                    return None;
                }
            }
            Key::Christmas if self.cap(i + 1, Key::Eve) => (Some((12, 24)), i + 2),
            Key::Christmas if self.cap(i + 1, Key::Unit(Unit::Day)) => (Some((12, 25)), i + 2),
            Key::Christmas => (Some((12, 25)), i + 1),
            Key::Movable => (None, i + 1),
            Key::Lunar if self.cap(i + 1, Key::New) && self.cap(i + 2, year) => (None, i + 3),
            Key::Good if self.cap(i + 1, Key::Weekday(4)) => (None, i + 2),
            _ => return None,
        };
        // `Eid al-Fitr`
        if self.word_text(end) == "al" && self.punct(end + 1, is_dash) && self.glued(end + 2) {
            end += 3;
        }
        if self
            .toks
            .get(end)
            .is_some_and(|t| t.key == Key::HabitNoun && !t.cap)
        {
            return None; // `Christmas tree`
        }
        if let Some((y, yend)) = self.year_after(end) {
            let val = match fixed {
                Some((m, d)) => Date::new(y, m, d).ok().map(Val::Day),
                None => Some(Val::Year(y)),
            };
            return Some(M { end: yend, val });
        }
        let future = self.future_here(i, end);
        let val = self.rel(|r| match fixed {
            Some((m, d)) => month_day(r, m, d, future).map(Val::Day),
            None => Some(Val::Year(r.year())),
        });
        Some(M { end, val })
    }
}

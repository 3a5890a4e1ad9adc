//! Calendar arithmetic and tense for resolving time expressions against the reference date.

use super::lex::{Key, Kind, Tok, is_apostrophe};
use crate::model::Precision;
use jiff::civil::{Date, Weekday};

/// A resolved calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Val {
    Day(Date),
    Week(i16, i8),
    Month(i16, i8),
    Year(i16),
    /// A year divided by ten, rendered as ISO 8601-1:2019's reduced-precision decade
    /// (§5.2.2.2 c, three digits: `199` for the 1990s), which is also the prefix the
    /// annotation guide asks for at the precision the text gives.
    Decade(i16),
}

impl Val {
    pub(super) fn render(self) -> (String, Precision) {
        match self {
            Val::Day(d) => (
                format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
                Precision::Day,
            ),
            Val::Week(y, w) => (format!("{y:04}-W{w:02}"), Precision::Week),
            Val::Month(y, m) => (format!("{y:04}-{m:02}"), Precision::Month),
            Val::Year(y) => (format!("{y:04}"), Precision::Year),
            Val::Decade(d) => (format!("{d:03}"), Precision::Decade),
        }
    }

    pub(super) fn week_of(d: Date) -> Val {
        let w = d.iso_week_date();
        Val::Week(w.year(), w.week())
    }
}

/// Which way a weekday or date is looked for from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

pub(super) fn shift_month(y: i16, m: i8, delta: i32) -> Val {
    let total = i32::from(y) * 12 + i32::from(m) - 1 + delta;
    Val::Month(
        total.div_euclid(12) as i16,
        (total.rem_euclid(12) + 1) as i8,
    )
}

/// The weekday `wd` (Monday = 0) nearest `d` in direction `dir`.
pub(super) fn weekday_from(d: Date, wd: i8, dir: Dir) -> Option<Date> {
    let target = Weekday::from_monday_zero_offset(wd).ok()?;
    let back = i64::from(d.weekday().since(target));
    let ahead = i64::from(target.since(d.weekday()));
    let n = match dir {
        Dir::OnOrBefore => -back,
        Dir::Before if back == 0 => -7,
        Dir::Before => -back,
        Dir::OnOrAfter => ahead,
        Dir::After if ahead == 0 => 7,
        Dir::After => ahead,
    };
    add_days(d, n)
}

/// Month `m`, day `d` of the year nearest `refd`: on or before it, or on or after it.
pub(super) fn month_day(refd: Date, m: i8, d: i8, future: bool) -> Option<Date> {
    (0..8i16).find_map(|k| {
        let y = if future {
            refd.year().checked_add(k)?
        } else {
            refd.year().checked_sub(k)?
        };
        let date = Date::new(y, m, d).ok()?;
        let ok = if future { date >= refd } else { date <= refd };
        ok.then_some(date)
    })
}

/// A month without a year: the latest one not after the reference month, or in the future
/// the first one not before it.
pub(super) fn month_alone(refd: Date, m: i8, future: bool) -> Val {
    let (y, rm) = (refd.year(), refd.month());
    let y = match (future, m >= rm, m <= rm) {
        (true, true, _) | (false, _, true) => y,
        (true, false, _) => y.saturating_add(1),
        (false, _, false) => y.saturating_sub(1),
    };
    Val::Month(y, m)
}

/// The month of a weekend: a weekend spans two days and two months at times, so the
/// timeline places it by its Saturday, at month precision. `step` is -1 for `last weekend`,
/// 0 for `this weekend` (the one just past, or in the future the coming one), 1 for `next`.
pub(super) fn weekend(r: Date, step: i32, future: bool) -> Option<Val> {
    let sat = 5; // Monday = 0
    let on_weekend = r.weekday().to_monday_zero_offset() >= sat;
    let saturday = match (step, future) {
        // The weekend under way or just past.
        (0, false) => weekday_from(r, sat, Dir::OnOrBefore)?,
        (0, true) => weekday_from(r, sat, Dir::OnOrAfter)?,
        (-1, _) if on_weekend => add_days(weekday_from(r, sat, Dir::OnOrBefore)?, -7)?,
        (-1, _) => weekday_from(r, sat, Dir::Before)?,
        _ if on_weekend => add_days(weekday_from(r, sat, Dir::OnOrBefore)?, 7)?,
        _ => weekday_from(r, sat, Dir::After)?,
    };
    Some(Val::Month(saturday.year(), saturday.month()))
}

/// The year of the season starting in month `s` that began most recently by `r` (winter by
/// its December): `since the summer`.
pub(super) fn season_begun(r: Date, s: i8) -> i16 {
    if r.month() >= s {
        r.year()
    } else {
        r.year().saturating_sub(1)
    }
}

/// The year of the last, this or next season starting in month `s` (winter by its December).
pub(super) fn season_year(r: Date, s: i8, step: i32) -> i16 {
    let (y, m) = (i32::from(r.year()), i32::from(r.month()));
    let s = i32::from(s);
    // The season most recently begun, and whether it is over.
    let current = if m >= s { y } else { y - 1 };
    let ended = (y - current) * 12 + m - s >= 3;
    let year = match step {
        -1 if ended => current,
        -1 => current - 1,
        1 => current + 1,
        _ if ended => y,
        _ => current,
    };
    year as i16
}

/// Where a sentence speaks of the future: the tokens of its future markers, and the stops
/// (`.`, `;`, `?`, `!`) that cut it into clauses.
pub(super) struct Tense {
    markers: Vec<usize>,
    /// Markers that govern only what follows them (`said ... would`): a date before one
    /// belongs to the reporting verb.
    forward_only: Vec<usize>,
    stops: Vec<usize>,
}

impl Tense {
    /// Whether a future marker governs tokens `start..end`: one before them in the same
    /// clause, or one shortly after when the expression opens the clause (`On Tuesday, the
    /// council will meet`, but not `The raid on Tuesday will be investigated`).
    pub(super) fn covers(&self, start: usize, end: usize, opens_clause: bool) -> bool {
        let clause = |i: usize| self.stops.partition_point(|&s| s < i);
        let k = self.markers.partition_point(|&m| m < start);
        let before = k > 0
            && self
                .markers
                .get(k - 1)
                .is_some_and(|&m| clause(m) == clause(start));
        let after = opens_clause
            && self
                .markers
                .get(self.markers.partition_point(|&m| m < end))
                .is_some_and(|&m| {
                    m - end <= 8
                        && clause(m) == clause(end)
                        && self.forward_only.binary_search(&m).is_err()
                });
        before || after
    }
}

/// The future markers of a sentence (`will`, `is going to`, `plans to`, `next`...).
pub(super) fn future_tense(toks: &[Tok], text: &str) -> Tense {
    let stops = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, Kind::Punct('.' | ';' | '?' | '!')))
        .map(|(i, _)| i)
        .collect();
    let key = |i: usize| toks.get(i).map_or(Key::Other, |t| t.key);
    let apostrophe = |i: usize| {
        toks.get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if is_apostrophe(c)) && !t.space)
    };
    let is_marker = |(i, t): &(usize, &Tok)| {
        let (i, t) = (*i, *t);
        let prev = i.checked_sub(1).map_or(Key::Other, key);
        match t.key {
            Key::Will => (!t.cap || i == 0) && prev != Key::The,
            // "said the tender would open by June": the future of a reported statement (not
            // `would have`, a past that did not happen).
            Key::Would => {
                toks[..i].iter().any(|p| p.key == Key::PastVerb)
                    && toks.get(i + 1).is_some_and(|n| {
                        n.kind == Kind::Word
                            && !text
                                .get(n.start..n.end)
                                .is_some_and(|w| w.eq_ignore_ascii_case("have"))
                    })
            }
            // "ahead of the elections on 28 September"
            Key::Ahead => key(i + 1) == Key::Of,
            Key::Shall | Key::FutureWord | Key::Tomorrow => true,
            Key::Next => key(i + 1) != Key::To,
            Key::Ll => !t.space && i > 0 && apostrophe(i - 1),
            Key::Won => {
                apostrophe(i + 1)
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| !n.space && text.get(n.start..n.end) == Some("t"))
            }
            Key::Going => prev == Key::Be && key(i + 1) == Key::To,
            Key::Plans | Key::SetTo => key(i + 1) == Key::To,
            // "are due to appear in court on January 14"; not "is due to the storm".
            Key::Due => {
                prev == Key::Be
                    && key(i + 1) == Key::To
                    && toks.get(i + 2).is_some_and(|n| n.kind == Kind::Word)
                    && !matches!(key(i + 2), Key::The | Key::A)
            }
            Key::Be => {
                key(i + 1) == Key::To
                    && toks.get(i + 2).is_some_and(|n| n.kind == Kind::Word)
                    && !matches!(key(i + 2), Key::The | Key::A)
            }
            _ => false,
        }
    };
    let markers: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(is_marker)
        .map(|(i, _)| i)
        .collect();
    let forward_only = markers
        .iter()
        .copied()
        .filter(|&i| toks[i].key == Key::Would)
        .collect();
    Tense {
        markers,
        forward_only,
        stops,
    }
}

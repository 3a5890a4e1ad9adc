//! Scrolling with the terminal's own means: when rows of the next frame are rows the screen
//! already shows, moved up or down, a scroll region (DECSTBM) and lines deleted or inserted at
//! its top move them there for a few bytes, instead of rewriting them.
//!
//! A scroll region spans the whole width, so a pane with a neighbour beside it moves the
//! neighbour too, which must then be drawn again: each candidate is priced by the bytes of the
//! whole frame it leads to, and taken only when that is less than the frame without it.

use super::{Cursor, Pen, paint_rows, set_pen};
use ratatui::buffer::{Buffer, Cell};
use std::hash::{Hash, Hasher};
use std::io::Write as _;

/// Rows `top..=bottom` moved by `by` rows: up (the content goes to smaller row numbers) when
/// positive, down when negative. Rows that come in are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scroll {
    top: u16,
    bottom: u16,
    by: i32,
}

/// How many of the best-looking scrolls are priced in full.
const CANDIDATES: usize = 3;

/// Scrolls the terminal (and `shown` to match) when that makes the frame cheaper to send.
pub(super) fn apply_best(
    shown: &mut Buffer,
    next: &Buffer,
    cursor: &mut Cursor,
    out: &mut Vec<u8>,
) {
    let candidates = candidates(shown, next);
    if candidates.is_empty() {
        return;
    }
    let mut base = Vec::new();
    paint_rows(shown, next, &mut cursor.clone(), &mut base);
    let mut best: Option<(usize, Vec<u8>, Cursor, Buffer)> = None;
    for s in candidates {
        let mut moved = shown.clone();
        shift(&mut moved, s);
        for (mut bytes, mut c) in ways(s, next.area.height, cursor) {
            let (scroll, after) = (bytes.len(), c);
            paint_rows(&moved, next, &mut c, &mut bytes);
            let cost = bytes.len();
            if cost < base.len() && best.as_ref().is_none_or(|b| cost < b.0) {
                bytes.truncate(scroll);
                best = Some((cost, bytes, after, moved.clone()));
            }
        }
    }
    if let Some((_, bytes, after, moved)) = best {
        out.extend_from_slice(&bytes);
        *cursor = after;
        *shown = moved;
    }
}

/// A cell as a number, for comparing rows quickly (equal cells, equal numbers).
fn key(cell: &Cell) -> u64 {
    let mut h = Fnv::default();
    cell.symbol().hash(&mut h);
    cell.fg.hash(&mut h);
    cell.bg.hash(&mut h);
    cell.underline_color.hash(&mut h);
    cell.modifier.hash(&mut h);
    h.0
}

/// FNV-1a: fast on the few bytes of a cell.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The scrolls worth pricing: for each distance, the band of rows where moving the shown
/// rows by it matches more cells of the next frame than leaving them (the best band, by the
/// cells it gains), the best few of all distances.
fn candidates(shown: &Buffer, next: &Buffer) -> Vec<Scroll> {
    let (w, h) = (usize::from(next.area.width), usize::from(next.area.height));
    if h < 3 || w == 0 {
        return Vec::new();
    }
    let a: Vec<u64> = shown.content.iter().map(key).collect();
    let b: Vec<u64> = next.content.iter().map(key).collect();
    let same = |ny: usize, sy: usize| {
        let (n, s) = (&b[ny * w..(ny + 1) * w], &a[sy * w..(sy + 1) * w]);
        n.iter().zip(s).filter(|(x, y)| x == y).count() as i64
    };
    let stay: Vec<i64> = (0..h).map(|y| same(y, y)).collect();
    if stay.iter().all(|&s| s == w as i64) {
        return Vec::new();
    }
    let mut found: Vec<(i64, Scroll)> = Vec::new();
    for by in 1..h as i32 - 1 {
        for dir in [1i32, -1] {
            let d = by * dir;
            // Rows of the next frame that could come from a shown row `d` below (or above).
            let rows = (0..h).filter(|&y| {
                let src = y as i32 + d;
                src >= 0 && (src as usize) < h
            });
            // The band with the largest gain (Kadane).
            let (mut best, mut run, mut start) = ((0i64, 0usize, 0usize), 0i64, None);
            for y in rows {
                let g = same(y, (y as i32 + d) as usize) - stay[y];
                if run <= 0 {
                    run = 0;
                    start = Some(y);
                }
                run += g;
                if run > best.0 {
                    best = (run, start.unwrap_or(y), y);
                }
            }
            let (gain, s, e) = best;
            // Worth more than the bytes a scroll costs.
            if gain < 8 {
                continue;
            }
            let (top, bottom) = if d > 0 {
                (s, (e + d as usize).min(h - 1))
            } else {
                (s.saturating_sub((-d) as usize), e)
            };
            if bottom > top && (bottom - top) as i32 >= by {
                let scroll = Scroll {
                    top: top as u16,
                    bottom: bottom as u16,
                    by: d,
                };
                found.push((gain, scroll));
            }
        }
    }
    found.sort_by_key(|&(gain, _)| std::cmp::Reverse(gain));
    found.truncate(CANDIDATES);
    found.into_iter().map(|(_, s)| s).collect()
}

/// Moves `buf`'s rows as the terminal will: rows `top..=bottom` by `by`, blank rows coming in.
pub(super) fn shift(buf: &mut Buffer, s: Scroll) {
    let w = usize::from(buf.area.width);
    let rows = &mut buf.content[usize::from(s.top) * w..(usize::from(s.bottom) + 1) * w];
    let n = s.by.unsigned_abs() as usize * w;
    if s.by > 0 {
        rows.rotate_left(n);
        let len = rows.len();
        rows[len - n..].fill(Cell::EMPTY);
    } else {
        rows.rotate_right(n);
        rows[..n].fill(Cell::EMPTY);
    }
}

/// The bytes of a scroll: the default background (the rows that come in take the pen's), the
/// scroll region set to the rows when it is not already (it stays set after the frame, so the
/// next scroll of the same rows needs none), then the rows moved, the cheaper of two ways:
/// going up, line feeds on the region's bottom margin, as less and ncurses scroll, when the
/// region is those rows exactly; or lines deleted (DL) or inserted (IL) at its top, which pull the rows under them up or push them down inside the region. All are a
/// VT100's or a VT102's.
/// Each way is given with the cursor it leaves: which is cheapest depends on where the frame
/// writes next, so the caller prices each with the rest of the frame.
pub(super) fn ways(s: Scroll, height: u16, cursor: &Cursor) -> Vec<(Vec<u8>, Cursor)> {
    let (mut cursor, mut out) = (*cursor, Vec::new());
    let cursor = &mut cursor;
    let out = &mut out;
    let pen = cursor.pen.unwrap_or(Pen::DEFAULT);
    if cursor.pen.is_none() || pen.bg != ratatui::style::Color::Reset {
        set_pen(
            cursor,
            Pen {
                bg: ratatui::style::Color::Reset,
                ..pen
            },
            out,
        );
    }
    let whole = (0, height - 1);
    let rows = (s.top, s.bottom);
    // Lines deleted and inserted move the rows down to the region's bottom: with the whole
    // screen as the region, rows that reach the screen's bottom need no region of their own.
    let fits = cursor.region == Some(rows) || (cursor.region.is_none() && s.bottom == whole.1);
    if !fits {
        if rows == whole {
            // The region back to the whole screen homes the cursor.
            out.extend_from_slice(b"\x1b[r");
            cursor.region = None;
            cursor.pos = Some((0, 0));
        } else {
            // Where a region leaves the cursor differs (xterm homes it, others put it at the
            // region's top): the next move is absolute.
            let _ = write!(out, "\x1b[{};{}r", s.top + 1, s.bottom + 1);
            cursor.region = Some(rows);
            cursor.pos = None;
        }
    }
    let n = s.by.unsigned_abs();
    let mut ways = Vec::new();
    let mut offer = |bytes: Vec<u8>, c: Cursor| {
        let mut all = out.clone();
        all.extend_from_slice(&bytes);
        ways.push((all, c));
    };
    if cursor.region.unwrap_or(whole) == rows && n <= 4 && s.by > 0 {
        // On the bottom margin, one line feed a row; the cursor may stay in its column. (Not
        // reverse index the other way: the only escapes a frame holds are CSI, so one of a
        // document's would stand out, and IL costs a byte more.)
        let (margin, step): (u16, &[u8]) = (s.bottom, b"\n");
        let mut cols = vec![0];
        cols.extend(cursor.pos.map(|p| p.0).filter(|&x| x > 0));
        for x in cols {
            let (mut c, mut bytes) = (*cursor, Vec::new());
            super::move_to(&mut c, x, margin, &mut bytes);
            for _ in 0..n {
                bytes.extend_from_slice(step);
            }
            offer(bytes, c);
        }
    }
    let (mut c, mut bytes) = (*cursor, Vec::new());
    super::move_to(&mut c, 0, s.top, &mut bytes);
    let op = if s.by > 0 { 'M' } else { 'L' };
    let _ = match n {
        1 => write!(bytes, "\x1b[{op}"),
        n => write!(bytes, "\x1b[{n}{op}"),
    };
    // DL and IL leave the cursor at the start of its row.
    c.pos = Some((0, s.top));
    offer(bytes, c);
    ways
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn rows(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    #[test]
    fn a_list_moved_up_one_row_is_found() {
        let shown = rows(&["a1", "b2", "c3", "d4", "e5", "zz"]);
        let next = rows(&["b2", "c3", "d4", "e5", "f6", "zz"]);
        let c = candidates(&shown, &next);
        assert_eq!(
            c.first(),
            Some(&Scroll {
                top: 0,
                bottom: 4,
                by: 1
            })
        );
    }

    #[test]
    fn a_list_moved_down_is_found() {
        let shown = rows(&["xx", "b2", "c3", "d4", "e5", "f6"]);
        let next = rows(&["xx", "a1", "b2", "c3", "d4", "e5"]);
        let c = candidates(&shown, &next);
        assert_eq!(
            c.first(),
            Some(&Scroll {
                top: 1,
                bottom: 5,
                by: -1
            })
        );
    }

    #[test]
    fn a_region_left_set_scrolls_by_a_line_feed_at_its_bottom() {
        let s = Scroll {
            top: 1,
            bottom: 8,
            by: 1,
        };
        // No region yet: one is set; then the cursor's place is not known.
        let fresh = Cursor::default();
        let first = ways(s, 10, &fresh);
        assert!(first.iter().all(|(b, _)| b.starts_with(b"\x1b[m\x1b[2;9r")));
        let (_, after) = first.last().expect("a way");
        assert_eq!(after.region, Some((1, 8)));
        // The region kept: a move to its bottom margin and a line feed, no region again.
        let kept = Cursor {
            pen: Some(Pen::DEFAULT),
            pos: Some((5, 9)),
            region: Some((1, 8)),
        };
        let cheapest = ways(s, 10, &kept)
            .into_iter()
            .min_by_key(|(b, _)| b.len())
            .expect("a way");
        assert_eq!(cheapest.0, b"\x1b[A\n");
        assert_eq!(cheapest.1.pos, Some((5, 8)));
        // Down: a line inserted at the region's top (no escape but CSI in a frame).
        let down = Scroll { by: -1, ..s };
        let at_top = Cursor {
            pos: Some((0, 1)),
            ..kept
        };
        let cheapest = ways(down, 10, &at_top)
            .into_iter()
            .min_by_key(|(b, _)| b.len())
            .expect("a way");
        assert_eq!(cheapest.0, b"\x1b[L");
    }

    #[test]
    fn moves_stop_at_a_region_they_start_inside() {
        let c = Cursor {
            region: Some((1, 8)),
            ..Cursor::default()
        };
        assert!(c.vertical_reaches(2, 8));
        assert!(!c.vertical_reaches(2, 9));
        assert!(c.vertical_reaches(9, 2));
        assert!(!c.vertical_reaches(2, 0));
        assert!(c.vertical_reaches(0, 5));
    }

    #[test]
    fn nothing_moved_is_no_scroll() {
        let b = rows(&["a1", "b2", "c3", "d4"]);
        assert!(candidates(&b, &b).is_empty());
    }

    #[test]
    fn shift_blanks_the_rows_that_come_in() {
        let mut b = rows(&["a", "b", "c", "d"]);
        shift(
            &mut b,
            Scroll {
                top: 1,
                bottom: 3,
                by: 1,
            },
        );
        assert_eq!(b, rows(&["a", "c", "d", " "]));
        shift(
            &mut b,
            Scroll {
                top: 0,
                bottom: 3,
                by: -2,
            },
        );
        assert_eq!(b, rows(&[" ", " ", "a", "c"]));
        assert_eq!(b.area, Rect::new(0, 0, 1, 4));
    }
}

//! The bytes of a frame: what must change on the terminal to turn the screen it shows into the
//! next frame, in as few bytes as a slow link can be spared.
//!
//! ratatui's cell diff says which cells changed; this module decides how to send them. A pane
//! whose content moved by whole rows is moved by the terminal itself ([`scroll`]: a scroll
//! region and lines deleted or inserted, as ncurses does) before the rest is
//! compared. Each row then sends only its changed cells: the shortest cursor move between runs
//! (or the unchanged cells in between, when writing them is shorter), attributes only where
//! they change (in one `CSI … m`), blanks as one erase (to the end of the line, or of so many
//! characters). Every sequence used is one a VT100 already knew (CUP, CUF/CUB/CUD/CUU, LF,
//! DECSTBM, EL, SGR) or a VT102/VT220 (IL, DL, ECH), so the cheap path is correct on every
//! terminal the reader supports. The replay test (`tests/paint_replay.rs`) feeds every byte
//! to a terminal emulator and compares its screen with ratatui's buffer after each key.

mod scroll;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The attributes the terminal draws new characters with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Attributes that show on a blank cell: what a space needs from the pen.
const SHOW_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// Whether a cell looks exactly like one the terminal erased (a space, no background, nothing
/// drawn over it): what an erase to the end of the line leaves.
pub fn erased_look(cell: &Cell) -> bool {
    cell.symbol() == " " && cell.bg == Color::Reset && !cell.modifier.intersects(SHOW_ON_BLANK)
}

/// The columns a cell's symbol takes (ratatui's own measure), at least one.
fn width(cell: &Cell) -> u16 {
    let s = cell.symbol();
    // One byte is one printable ASCII character (the buffer holds no controls): one column.
    if s.len() == 1 {
        return 1;
    }
    s.width().max(1) as u16
}

/// What the terminal is known to be doing: the pen and the cursor (`None`: not known, so the
/// next move or attribute change is sent in full), and the scroll region a scroll left set
/// (`None`: the whole screen).
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    pen: Option<Pen>,
    pos: Option<(u16, u16)>,
    /// The top and bottom rows of the scroll region. It stays set between frames, so the next
    /// scroll of the same rows is a move and a line feed; a frame that starts afresh, and the
    /// terminal's restore sequence, set it back to the whole screen.
    region: Option<(u16, u16)>,
}

impl Cursor {
    /// Whether a relative move from row `from` to row `to` (cursor up or down, line feeds)
    /// gets there: the terminal stops such moves at the scroll region's margins when they start
    /// inside it, and a line feed on its bottom margin scrolls it.
    fn vertical_reaches(&self, from: u16, to: u16) -> bool {
        match self.region {
            None => true,
            Some((top, bottom)) => {
                if to > from {
                    from > bottom || to <= bottom
                } else {
                    from < top || to >= top
                }
            }
        }
    }
}

/// Sends frames: remembers what the terminal shows, and turns each next frame into the bytes
/// that make the terminal show it.
#[derive(Debug, Default)]
pub struct Painter {
    shown: Option<Buffer>,
    cursor: Cursor,
}

impl Painter {
    /// A painter for a terminal whose screen is not known: the first frame clears it.
    pub fn new() -> Painter {
        Painter::default()
    }

    /// Forgets what the terminal shows, so the next frame clears it and is sent whole.
    pub fn invalidate(&mut self) {
        self.shown = None;
        self.cursor = Cursor::default();
    }

    /// Appends to `out` the bytes that turn the screen into `next`. The frame's area must
    /// start at the top left corner (a full-screen frame).
    pub fn paint(&mut self, next: &Buffer, out: &mut Vec<u8>) {
        let fresh = self.shown.as_ref().is_none_or(|s| s.area != next.area);
        if fresh {
            // The whole screen erased with the default attributes, and no scroll region (one
            // may be left by what ran while the reader was stopped); then only what is not
            // blank.
            out.extend_from_slice(b"\x1b[0m\x1b[r\x1b[H\x1b[2J");
            self.cursor = Cursor {
                pen: Some(Pen::DEFAULT),
                pos: Some((0, 0)),
                region: None,
            };
            if next.content.iter().all(narrow) {
                paint_fresh(next, &mut self.cursor, out);
                self.shown = Some(next.clone());
                return;
            }
            self.shown = Some(Buffer::empty(next.area));
        }
        let shown = self.shown.as_mut().expect("set above");
        if !fresh {
            scroll::apply_best(shown, next, &mut self.cursor, out);
        }
        paint_rows(shown, next, &mut self.cursor, out);
        shown.content.clone_from(&next.content);
    }
}

/// Sends every row of `next` that differs from `shown`: the cells ratatui's diff names (a
/// changed cell, and those a changed wide character covered; never the second column of a
/// wide character), row by row.
fn paint_rows(shown: &Buffer, next: &Buffer, cursor: &mut Cursor, out: &mut Vec<u8>) {
    let w = usize::from(next.area.width);
    let mut rows = Rows::new(w);
    let mut diff = shown.diff_iter(next).peekable();
    while let Some((x, y, _)) = diff.next() {
        rows.updates.clear();
        rows.updates.push(x);
        while let Some((x, _, _)) = diff.next_if(|d| d.1 == y) {
            rows.updates.push(x);
        }
        let at = usize::from(y) * w..(usize::from(y) + 1) * w;
        rows.paint(
            y,
            &shown.content[at.clone()],
            &next.content[at],
            cursor,
            out,
        );
    }
}

/// Sends `next` to a screen just erased, every glyph of it [`narrow`]: what ratatui's diff
/// would name against a blank buffer, without walking it, is exactly the cells that are not
/// blank (and no wide glyph is covered, so each row stands for what it showed as well).
fn paint_fresh(next: &Buffer, cursor: &mut Cursor, out: &mut Vec<u8>) {
    let w = usize::from(next.area.width);
    let mut rows = Rows::new(w);
    for (y, row) in next.content.chunks(w.max(1)).enumerate() {
        rows.updates.clear();
        rows.updates
            .extend((0..w).filter(|&x| !blank(&row[x])).map(|x| x as u16));
        if !rows.updates.is_empty() {
            rows.paint(y as u16, row, row, cursor, out);
        }
    }
}

/// Whether a cell is a plain glyph of one column: no wide character, nothing ratatui's diff
/// treats apart.
fn narrow(c: &Cell) -> bool {
    use unicode_width::UnicodeWidthChar;
    // ratatui's diff still passes over a cell marked with the old `skip` flag.
    #[allow(deprecated)]
    let skipped = c.skip;
    let s = c.symbol();
    c.diff_option == CellDiffOption::None
        && !skipped
        && (s.len() == 1 || {
            let mut chars = s.chars();
            matches!((chars.next(), chars.next()), (Some(ch), None) if ch.width() == Some(1))
        })
}

/// Whether a [`narrow`] cell equals [`Cell::EMPTY`] (as ratatui compares cells: a space, the
/// default colours, no modifier), field by field.
fn blank(c: &Cell) -> bool {
    c.symbol() == " "
        && c.fg == Color::Reset
        && c.bg == Color::Reset
        && c.underline_color == Color::Reset
        && c.modifier.is_empty()
}

/// The per-row work of [`paint_rows`], with its buffers kept from row to row.
struct Rows {
    /// The columns of the row to send, in order.
    updates: Vec<u16>,
    plain: Vec<u8>,
    erasing: Vec<u8>,
}

impl Rows {
    fn new(width: usize) -> Rows {
        Rows {
            updates: Vec::with_capacity(width),
            plain: Vec::new(),
            erasing: Vec::new(),
        }
    }

    /// Sends the changed cells (`self.updates`) of row `y`, which showed `old` and is to show
    /// `row`.
    fn paint(
        &mut self,
        y: u16,
        old: &[Cell],
        row: &[Cell],
        cursor: &mut Cursor,
        out: &mut Vec<u8>,
    ) {
        let updates = &mut self.updates;
        cover_halves(old, row, updates);
        // Two ways to send the row's tail of blanks: cell by cell, or one erase; the shorter.
        let tail = row
            .iter()
            .rposition(|c| !erased_look(c))
            .map_or(0, |x| x + 1) as u16;
        self.plain.clear();
        let mut a = *cursor;
        paint_row(y, row, updates, None, &mut a, &mut self.plain);
        let mut chosen = (a, &self.plain);
        if updates.last().is_some_and(|&x| x >= tail) {
            self.erasing.clear();
            let mut b = *cursor;
            paint_row(y, row, updates, Some(tail), &mut b, &mut self.erasing);
            if self.erasing.len() < self.plain.len() {
                chosen = (b, &self.erasing);
            }
        }
        *cursor = chosen.0;
        out.extend_from_slice(chosen.1);
    }
}

/// Adds the cells a narrower glyph leaves of a wide one it is written over. Terminals clear
/// the wide glyph's other column, some with the pen then in use (reversed, say), so what ratatui
/// takes for an untouched blank is sent again.
fn cover_halves(old: &[Cell], new: &[Cell], updates: &mut Vec<u16>) {
    let mut extra = Vec::new();
    for &x in updates.iter() {
        let (was, now) = (width(&old[usize::from(x)]), width(&new[usize::from(x)]));
        extra
            .extend((x + now..(x + was).min(new.len() as u16)).filter(|&cx| starts_glyph(new, cx)));
    }
    if !extra.is_empty() {
        updates.extend(extra);
        updates.sort_unstable();
        updates.dedup();
    }
}

/// Whether column `x` of a row begins a glyph (is not the second column of a wide one).
fn starts_glyph(row: &[Cell], x: u16) -> bool {
    let mut at = 0;
    while at < x {
        at += width(&row[usize::from(at)]);
    }
    at == x
}

/// Sends one row's changed cells (`updates`, in order). From `erase_from` on the row is
/// blank: its changed cells there are sent as one erase to the end of the line. A run of
/// changed blanks inside the row goes as one erase of characters (ECH) when that is shorter.
fn paint_row(
    y: u16,
    row: &[Cell],
    updates: &[u16],
    erase_from: Option<u16>,
    cursor: &mut Cursor,
    out: &mut Vec<u8>,
) {
    let mut i = 0;
    while i < updates.len() {
        let x = updates[i];
        if erase_from.is_some_and(|e| x >= e) {
            move_to(cursor, x, y, out);
            set_pen(cursor, Pen::DEFAULT, out);
            out.extend_from_slice(b"\x1b[K");
            return;
        }
        let blank_end = x as usize
            + row[x as usize..]
                .iter()
                .take_while(|c| erased_look(c))
                .count();
        let run = updates[i..]
            .iter()
            .take_while(|&&u| usize::from(u) < blank_end)
            .count();
        if run >= 2 {
            // Both ways are written at the end of `out`, one after the other, and the longer
            // cut away (no allocation per run of blanks).
            let mark = out.len();
            let mut written = *cursor;
            for &u in &updates[i..i + run] {
                send(&mut written, row, y, u, out);
            }
            let one_by_one = out.len() - mark;
            let mut erased = *cursor;
            move_to(&mut erased, x, y, out);
            set_pen(&mut erased, Pen::DEFAULT, out);
            let mut erase = Seq::new();
            steps(&mut erase, updates[i + run - 1] + 1 - x, b'X');
            out.extend_from_slice(erase.bytes());
            if out.len() - mark - one_by_one < one_by_one {
                *cursor = erased;
                out.copy_within(mark + one_by_one.., mark);
                out.truncate(out.len() - one_by_one);
            } else {
                *cursor = written;
                out.truncate(mark + one_by_one);
            }
            i += run;
            continue;
        }
        send(cursor, row, y, x, out);
        i += 1;
    }
}

/// Sends the cell at `x`: the cursor moved there (or the unchanged cells before it written
/// again, when that is shorter than the move), then the cell.
fn send(cursor: &mut Cursor, row: &[Cell], y: u16, x: u16, out: &mut Vec<u8>) {
    if let Some((cx, cy)) = cursor.pos
        && cy == y
        && cx < x
    {
        // Both ways are written at the end of `out` and measured there (no allocation per
        // cell: a first frame takes this path at every blank between words).
        let mark = out.len();
        move_to(&mut cursor.clone(), x, y, out);
        let moved = out.len() - mark;
        out.truncate(mark);
        let mut c = *cursor;
        let mut gx = cx;
        while gx < x && out.len() - mark <= moved {
            put(&mut c, &row[usize::from(gx)], row.len(), out);
            gx += width(&row[usize::from(gx)]);
        }
        if gx == x && c.pos == Some((x, y)) && out.len() - mark <= moved {
            *cursor = c;
        } else {
            out.truncate(mark);
        }
    }
    move_to(cursor, x, y, out);
    put(cursor, &row[usize::from(x)], row.len(), out);
}

/// Writes one cell at the cursor, changing the pen as it needs.
fn put(cursor: &mut Cursor, cell: &Cell, cols: usize, out: &mut Vec<u8>) {
    let want = Pen::of(cell);
    let want = match cursor.pen {
        // A blank shows only its background and the lines drawn over it: the rest of the pen
        // can stay as it is.
        Some(pen) if cell.symbol() == " " && !cell.modifier.contains(Modifier::REVERSED) => {
            let keep = !SHOW_ON_BLANK;
            let kept = Pen {
                fg: pen.fg,
                bg: want.bg,
                underline: want.underline,
                modifier: (pen.modifier & keep) | (want.modifier & SHOW_ON_BLANK),
            };
            // The blank's own pen when that is no longer to send: the words after a blank
            // are most often drawn with it (`CSI m` after a cue word, where keeping its
            // colour takes `CSI 24 m` and a reset after the blank).
            if Some(kept) == cursor.pen || kept == want {
                // Nothing to send, or one pen either way: no need to weigh them.
                kept
            } else if pen_cost(cursor.pen, want) <= pen_cost(cursor.pen, kept) {
                want
            } else {
                kept
            }
        }
        _ => want,
    };
    set_pen(cursor, want, out);
    match cell.symbol().as_bytes() {
        &[b] => out.push(b),
        bytes => out.extend_from_slice(bytes),
    }
    if let Some((x, y)) = cursor.pos {
        let x = x + width(cell);
        // Past the last column the terminal waits to wrap: where the cursor is, is not sure.
        cursor.pos = (usize::from(x) < cols && symbol_fits(cell)).then_some((x, y));
    }
}

/// Whether the terminal is sure to advance the cursor by the symbol's width: a single
/// printable ASCII character, or a symbol whose width the terminal and ratatui agree on.
fn symbol_fits(cell: &Cell) -> bool {
    let s = cell.symbol();
    s.len() == 1 || s.chars().count() == 1
}

/// A control sequence, or its parameters, spelled on the stack: the painter changes the pen
/// and moves the cursor many times a frame, and none of it allocates.
#[derive(Clone, Copy)]
struct Seq {
    buf: [u8; Seq::ROOM],
    len: usize,
}

impl Seq {
    /// The longest sequence spelled: an SGR that ends every attribute (20 bytes), sets all
    /// nine (17) and three RGB colours (16 each, with their separators 54), with its `CSI`
    /// and `m`, is under 100 bytes.
    const ROOM: usize = 128;

    fn new() -> Seq {
        Seq {
            buf: [0; Seq::ROOM],
            len: 0,
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn push(&mut self, b: &[u8]) {
        // Never past the room (see `ROOM`): a longer one is cut, never a panic.
        let n = b.len().min(Seq::ROOM - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }

    fn num(&mut self, n: u16) {
        let mut digits = [0u8; 5];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[at..]);
    }

    /// One SGR parameter, after a `;` when others come before it.
    fn param(&mut self, p: &[u8]) {
        if self.len > 0 {
            self.push(b";");
        }
        self.push(p);
    }

    /// One numeric SGR parameter.
    fn param_num(&mut self, n: u16) {
        if self.len > 0 {
            self.push(b";");
        }
        self.num(n);
    }
}

/// Changes the pen to `want` with the shortest `CSI … m`: the changes alone, or a reset and
/// everything `want` has.
fn set_pen(cursor: &mut Cursor, want: Pen, out: &mut Vec<u8>) {
    let Some(params) = pen_params(cursor.pen, want) else {
        return;
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(params.bytes());
    out.push(b'm');
    cursor.pen = Some(want);
}

/// The parameters of the shortest `CSI … m` from pen `from` to `want` (empty for a reset
/// alone, which is `CSI m`), or `None` when nothing is to change.
fn pen_params(from: Option<Pen>, want: Pen) -> Option<Seq> {
    if from == Some(want) {
        return None;
    }
    let mut full = Seq::new();
    full.push(b"0");
    push_all(&mut full, want);
    let params = match from {
        Some(pen) => {
            let mut diff = Seq::new();
            push_diff(&mut diff, pen, want);
            if diff.len < full.len { diff } else { full }
        }
        None => full,
    };
    // A reset alone is `CSI m` (no parameter is 0).
    Some(if params.bytes() == b"0" {
        Seq::new()
    } else {
        params
    })
}

/// The bytes [`set_pen`] would send to go from `from` to `want`.
fn pen_cost(from: Option<Pen>, want: Pen) -> usize {
    pen_params(from, want).map_or(0, |p| p.len + 3)
}

/// Everything a pen has, after a reset.
fn push_all(params: &mut Seq, want: Pen) {
    push_modifiers(params, want.modifier);
    for (c, layer) in [
        (want.fg, Layer::Fg),
        (want.bg, Layer::Bg),
        (want.underline, Layer::Underline),
    ] {
        if c != Color::Reset {
            push_color(params, c, layer);
        }
    }
}

fn push_modifiers(params: &mut Seq, m: Modifier) {
    for (flag, code) in [
        (Modifier::BOLD, b"1"),
        (Modifier::DIM, b"2"),
        (Modifier::ITALIC, b"3"),
        (Modifier::UNDERLINED, b"4"),
        (Modifier::SLOW_BLINK, b"5"),
        (Modifier::RAPID_BLINK, b"6"),
        (Modifier::REVERSED, b"7"),
        (Modifier::HIDDEN, b"8"),
        (Modifier::CROSSED_OUT, b"9"),
    ] {
        if m.contains(flag) {
            params.param(code);
        }
    }
}

/// The changes from `pen` to `want`.
fn push_diff(params: &mut Seq, pen: Pen, want: Pen) {
    let removed = pen.modifier - want.modifier;
    let mut added = want.modifier - pen.modifier;
    // 22 ends both bold and dim, 25 both blinks: whichever stays is set again.
    for (pair, off) in [
        (Modifier::BOLD | Modifier::DIM, b"22"),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, b"25"),
    ] {
        if removed.intersects(pair) {
            params.param(off);
            added |= want.modifier & pair;
        }
    }
    for (flag, off) in [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::REVERSED, b"27"),
        (Modifier::HIDDEN, b"28"),
        (Modifier::CROSSED_OUT, b"29"),
    ] {
        if removed.contains(flag) {
            params.param(off);
        }
    }
    push_modifiers(params, added);
    for (a, b, layer) in [
        (pen.fg, want.fg, Layer::Fg),
        (pen.bg, want.bg, Layer::Bg),
        (pen.underline, want.underline, Layer::Underline),
    ] {
        if a != b {
            push_color(params, b, layer);
        }
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// The SGR parameters of a colour: the 16 palette colours by their own codes (30-37, 90-97),
/// others from the 256 palette or as RGB.
fn push_color(params: &mut Seq, c: Color, layer: Layer) {
    let base: u16 = match layer {
        Layer::Fg => 30,
        Layer::Bg => 40,
        Layer::Underline => 50,
    };
    let index = match c {
        Color::Reset => None,
        Color::Black => Some(0),
        Color::Red => Some(1),
        Color::Green => Some(2),
        Color::Yellow => Some(3),
        Color::Blue => Some(4),
        Color::Magenta => Some(5),
        Color::Cyan => Some(6),
        Color::Gray => Some(7),
        Color::DarkGray => Some(8),
        Color::LightRed => Some(9),
        Color::LightGreen => Some(10),
        Color::LightYellow => Some(11),
        Color::LightBlue => Some(12),
        Color::LightMagenta => Some(13),
        Color::LightCyan => Some(14),
        Color::White => Some(15),
        Color::Indexed(n) => Some(n),
        Color::Rgb(r, g, b) => {
            params.param_num(base + 8);
            for n in [2, r, g, b] {
                params.param_num(u16::from(n));
            }
            return;
        }
    };
    match (layer, index) {
        // 39, 49, 59: the default colour of each layer.
        (_, None) => params.param_num(base + 9),
        (Layer::Fg | Layer::Bg, Some(n @ 0..8)) => params.param_num(base + u16::from(n)),
        // 90-97 and 100-107: the bright eight.
        (Layer::Fg | Layer::Bg, Some(n @ 8..16)) => params.param_num(base + 60 + u16::from(n) - 8),
        (_, Some(n)) => {
            params.param_num(base + 8);
            params.param_num(5);
            params.param_num(u16::from(n));
        }
    }
}

/// Moves the cursor to (`x`, `y`) the shortest way: an absolute move, or relative steps (line
/// feeds, up, down, forward, back) from where it is known to be. No carriage return or
/// backspace: the only C0 controls a frame holds are line feeds, so a stray control from a
/// document would stand out (`tests/hostile_pty.rs` looks for them).
fn move_to(cursor: &mut Cursor, x: u16, y: u16, out: &mut Vec<u8>) {
    // Already there: the common case of a run of cells, checked before any move is spelled.
    if cursor.pos == Some((x, y)) {
        return;
    }
    let mut absolute = Seq::new();
    absolute.push(b"\x1b[");
    if y > 0 || x > 0 {
        absolute.num(y + 1);
    }
    if x > 0 {
        absolute.push(b";");
        absolute.num(x + 1);
    }
    absolute.push(b"H");
    let best = match cursor.pos {
        Some((cx, cy)) if cursor.vertical_reaches(cy, y) => {
            let mut relative = Seq::new();
            match y.cmp(&cy) {
                std::cmp::Ordering::Equal => {}
                // Line feeds (a byte each) never scroll here: the cursor is above the row it
                // moves to, and that row is not past a region's bottom margin it starts
                // inside (`vertical_reaches`). In raw mode they do not return the carriage.
                std::cmp::Ordering::Greater if y - cy <= 3 => {
                    for _ in cy..y {
                        relative.push(b"\n");
                    }
                }
                std::cmp::Ordering::Greater => steps(&mut relative, y - cy, b'B'),
                std::cmp::Ordering::Less => steps(&mut relative, cy - y, b'A'),
            }
            match x.cmp(&cx) {
                std::cmp::Ordering::Equal => {}
                std::cmp::Ordering::Greater => steps(&mut relative, x - cx, b'C'),
                std::cmp::Ordering::Less => steps(&mut relative, cx - x, b'D'),
            }
            if relative.len < absolute.len {
                relative
            } else {
                absolute
            }
        }
        _ => absolute,
    };
    out.extend_from_slice(best.bytes());
    cursor.pos = Some((x, y));
}

/// `CSI n X` for a relative move of `n` (the 1 left out).
fn steps(seq: &mut Seq, n: u16, dir: u8) {
    seq.push(b"\x1b[");
    if n != 1 {
        seq.num(n);
    }
    seq.push(&[dir]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// The bytes of `next` painted over an erased screen: by the painter's first frame (its
    /// erase cut off), or by ratatui's diff against a blank buffer.
    fn fresh_bytes(next: &Buffer, painter: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if painter {
            Painter::new().paint(next, &mut out);
            let erase: &[u8] = b"\x1b[0m\x1b[r\x1b[H\x1b[2J";
            assert!(out.starts_with(erase));
            return out[erase.len()..].to_vec();
        }
        let mut cursor = Cursor {
            pen: Some(Pen::DEFAULT),
            pos: Some((0, 0)),
            region: None,
        };
        paint_rows(&Buffer::empty(next.area), next, &mut cursor, &mut out);
        out
    }

    #[test]
    fn a_blank_after_a_highlight_takes_its_own_pen_when_that_is_no_longer() {
        use ratatui::style::Color;
        // Every cell of the second frame changes, so the blank is sent, after the cue word.
        let second = |draw: &dyn Fn(&mut Buffer)| {
            let area = Rect::new(0, 0, 12, 1);
            let mut painter = Painter::new();
            let mut first = Buffer::empty(area);
            first.set_string(0, 0, "xxxxxxxxxxxx", Style::default());
            painter.paint(&first, &mut Vec::new());
            let mut next = Buffer::empty(area);
            draw(&mut next);
            let mut out = Vec::new();
            painter.paint(&next, &mut out);
            String::from_utf8_lossy(&out).into_owned()
        };
        let text = second(&|b| {
            b.set_string(
                0,
                0,
                "cue",
                Style::default().fg(Color::Red).bold().underlined(),
            );
            b.set_string(3, 0, " word", Style::default());
        });
        // A reset at the blank (3 bytes), not the underline ended there (5) and a reset after.
        assert!(text.contains("cue\x1b[m word"), "{text:?}");
        assert!(!text.contains("\x1b[24m"), "{text:?}");
        // A blank on a background keeps the rest of the pen where that is the shorter.
        let text = second(&|b| {
            b.set_string(0, 0, "ab", Style::default().fg(Color::Red).bold());
            b.set_string(2, 0, " ", Style::default().bg(Color::Blue));
            b.set_string(
                3,
                0,
                "cd",
                Style::default().fg(Color::Red).bold().bg(Color::Blue),
            );
        });
        assert!(text.contains("ab\x1b[44m cd"), "{text:?}");
    }

    #[test]
    fn a_fresh_frame_sends_what_the_diff_would() {
        let mut b = Buffer::empty(Rect::new(0, 0, 30, 4));
        b.set_string(0, 0, "┌ Panes ─┐ plain text", Style::default().cyan());
        b.set_string(3, 1, "bold", Style::default().bold());
        // A styled blank differs from an erased cell; a plain one does not.
        b.set_string(12, 1, "   ", Style::default().on_blue());
        b.set_string(20, 1, " ", Style::default());
        b.set_string(
            0,
            3,
            "“quoted” — dash · ▶ end",
            Style::default().underlined(),
        );
        assert!(b.content.iter().all(narrow));
        assert_eq!(fresh_bytes(&b, true), fresh_bytes(&b, false));
        // A wide character leaves the fast path: the diff decides, as before.
        b.set_string(25, 2, "漢", Style::default());
        assert!(!b.content.iter().all(narrow));
        assert_eq!(fresh_bytes(&b, true), fresh_bytes(&b, false));
    }
}

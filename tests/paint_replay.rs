//! The cheap draw path is exact: every byte the reader's screen writes over a scripted
//! session of keys is fed to a terminal emulator (the vt100 crate), and after each key the
//! emulator's screen must equal ratatui's buffer for the same state, cell by cell: the
//! document view, the section panes, the correction pickers, the detail pane scrolled, the
//! library views and their search, after resizes and after the screen was given back to a
//! shell (ctrl-z, `fg`), with colour, without (NO_COLOR) and in ASCII.
//!
//! Cells are compared as a person sees them: the symbol always; on a character its colours,
//! bold, dim, italic, underline and reverse; on a blank only what shows on a blank (the
//! background, underline and reverse, and the colour when reversed). vt100 keeps one
//! intensity (bold or dim, the last one set), so a cell both bold and dim must read as one
//! of them.

mod common;

use debrief::config::Config;
use debrief::library::{self, Library, Loaded};
use debrief::loader::Options;
use debrief::tui::library::LibraryApp;
use debrief::tui::terminal::{Screen, asciify};
use debrief::tui::{App, event, events};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use std::fmt::Write as _;
use std::path::PathBuf;

/// A long briefing written for this test: paragraphs under headings, speakers of two
/// parties, sentences of many lengths, so every view really scrolls.
fn long_text() -> String {
    let speakers = ["MR HALE", "MS ORTEGA", "Q"];
    let clauses = [
        "the ministry denied that any convoy had crossed the border",
        "officials accused the other side of shelling the port on Tuesday",
        "we responded within hours and reopened the crossing",
        "talks resumed in March 2024 after a pause of two months",
        "the committee said it had no evidence of the strike",
        "according to the report, 1,200 families left the valley",
        "she rejected the claim as baseless and misleading",
    ];
    let mut out = String::from("Title: A long briefing for the replay test\nDate: 2024-05-02\n\n");
    for p in 0..18 {
        if p % 4 == 0 {
            let _ = writeln!(out, "## Part {}\n", p / 4 + 1);
        }
        let who = speakers[p % speakers.len()];
        let _ = write!(out, "{who}: ");
        for s in 0..(2 + p % 4) {
            let c = clauses[(p * 3 + s) % clauses.len()];
            let extra = if (p + s) % 3 == 0 {
                ", and the statement was repeated twice by the spokesperson at the evening briefing"
            } else {
                ""
            };
            let _ = write!(out, "{}{c}{extra}. ", if s == 0 { "" } else { "Then " });
        }
        out.push_str("\n\n");
    }
    out
}

/// Compares the emulator's screen with the frame, cell by cell.
fn assert_same(step: &str, parser: &vt100::Parser, want: &Buffer) {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    assert_eq!(
        (cols.get(), rows.get()),
        (want.area.width, want.area.height),
        "{step}: size"
    );
    for y in 0..want.area.height {
        let mut skip = 0;
        for x in 0..want.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &want[(x, y)];
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let got = screen.cell(y, x).expect("cell in the screen");
            let at = format!("{step}: cell ({x}, {y})");
            // What the glyph's columns hold: vt100 puts a flag's two regional indicators in
            // two cells, and a wide glyph's second column is empty.
            let contents = match got.contents() {
                "" => " ".to_owned(),
                s => (x + 1..x + 1 + skip as u16)
                    .filter_map(|cx| screen.cell(y, cx))
                    .filter(|c| !c.is_wide_continuation())
                    .fold(s.to_owned(), |acc, c| acc + c.contents()),
            };
            assert_eq!(contents, cell.symbol(), "{at}: symbol");
            let m = cell.modifier;
            let reversed = m.contains(Modifier::REVERSED);
            assert_eq!(got.bgcolor(), color(cell.bg), "{at}: background");
            assert_eq!(got.inverse(), reversed, "{at}: reverse");
            assert_eq!(
                got.underline(),
                m.contains(Modifier::UNDERLINED),
                "{at}: underline"
            );
            if cell.symbol() != " " || reversed {
                assert_eq!(got.fgcolor(), color(cell.fg), "{at}: colour");
            }
            if cell.symbol() != " " {
                match (m.contains(Modifier::BOLD), m.contains(Modifier::DIM)) {
                    (true, true) => assert!(got.bold() || got.dim(), "{at}: bold and dim"),
                    (bold, dim) => {
                        assert_eq!(got.bold(), bold, "{at}: bold");
                        assert_eq!(got.dim(), dim, "{at}: dim");
                    }
                }
                assert_eq!(got.italic(), m.contains(Modifier::ITALIC), "{at}: italic");
            }
        }
    }
}

fn color(c: Color) -> vt100::Color {
    let i = match c {
        Color::Reset => return vt100::Color::Default,
        Color::Rgb(r, g, b) => return vt100::Color::Rgb(r, g, b),
        Color::Indexed(n) => n,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    vt100::Color::Idx(i)
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    n.try_into().expect("a size above zero")
}

fn key(c: char) -> Event {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        c => KeyCode::Char(c),
    };
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// One step of a session: a key, the terminal changing size, or the screen given back to a
/// shell and taken again.
enum Step {
    Keys(&'static str),
    Ctrl(char),
    Resize(u16, u16),
    /// The window made smaller and larger again before the reader saw it: the terminal cut
    /// what it showed, and the size is what it was.
    Bounce,
    /// ctrl-z and `fg`: the shell wrote on the terminal (and left a scroll region set), then
    /// the reader took it again.
    Fg,
}

/// What a shell and the programs run from it may leave on the screen.
const SHELL: &[u8] = b"\x1b[0m\x1b[H\x1b[2J$ jobs\r\n[1]+  Stopped  debrief\r\n\x1b[1;31m$\x1b[0m fg\r\n\x1b[4;9r\x1b[7m top \x1b[0m";

/// What the replay needs of a reader: its frame and how it takes a step.
trait Reader: Sized {
    fn render_into(&self, buf: &mut Buffer);
    fn take(&mut self, ev: &Event);
    fn ascii(&self) -> bool;
}

impl Reader for App {
    fn render_into(&self, buf: &mut Buffer) {
        self.render(buf.area, buf);
    }
    fn take(&mut self, ev: &Event) {
        if let Some(a) = event::action_for(self, ev) {
            self.update(a);
        }
    }
    fn ascii(&self) -> bool {
        self.theme.ascii
    }
}

impl Reader for LibraryApp {
    fn render_into(&self, buf: &mut Buffer) {
        self.render(buf.area, buf);
    }
    fn take(&mut self, ev: &Event) {
        if let Some(a) = events::action_for(self, ev) {
            self.update(a);
        }
    }
    fn ascii(&self) -> bool {
        self.ascii
    }
}

/// Runs `steps` on `reader` at `size`, replaying every byte into an emulator and comparing
/// after each step. Returns every byte written.
fn replay<R: Reader>(name: &str, reader: &mut R, size: (u16, u16), steps: &[Step]) -> Vec<u8> {
    let mut screen = Screen::fixed(size.0, size.1).unwrap();
    let mut parser = vt100::Parser::new(nz(size.1), nz(size.0), 0);
    let mut written = Vec::new();
    let mut frame = |reader: &R, screen: &mut Screen, parser: &mut vt100::Parser, step: &str| {
        let bytes = screen
            .frame(|f| {
                reader.render_into(f.buffer_mut());
                if reader.ascii() {
                    asciify(f.buffer_mut());
                }
            })
            .unwrap();
        written.extend_from_slice(&bytes);
        parser.process(&bytes);
        let (w, h) = screen.size().map(|s| (s.width, s.height)).unwrap();
        let mut want = Buffer::empty(Rect::new(0, 0, w, h));
        reader.render_into(&mut want);
        if reader.ascii() {
            asciify(&mut want);
        }
        assert_same(&format!("{name}, {step}"), parser, &want);
    };
    frame(reader, &mut screen, &mut parser, "first frame");
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Keys(keys) => {
                for c in keys.chars() {
                    reader.take(&key(c));
                    frame(
                        reader,
                        &mut screen,
                        &mut parser,
                        &format!("step {i}, key {c:?}"),
                    );
                }
            }
            Step::Ctrl(c) => {
                reader.take(&ctrl(*c));
                frame(
                    reader,
                    &mut screen,
                    &mut parser,
                    &format!("step {i}, ctrl-{c}"),
                );
            }
            // As the run loop does: after a resize, and after `fg`, the screen is forgotten
            // and the next frame drawn whole.
            Step::Resize(w, h) => {
                screen.set_fixed_size(*w, *h);
                parser.screen_mut().set_size(nz(*h), nz(*w));
                screen.forget();
                reader.take(&Event::Resize(*w, *h));
                frame(
                    reader,
                    &mut screen,
                    &mut parser,
                    &format!("step {i}, resize {w}x{h}"),
                );
            }
            Step::Bounce => {
                let (w, h) = screen.size().map(|s| (s.width, s.height)).unwrap();
                parser.screen_mut().set_size(nz(h / 2), nz(w / 2));
                parser.screen_mut().set_size(nz(h), nz(w));
                screen.forget();
                reader.take(&Event::Resize(w, h));
                frame(
                    reader,
                    &mut screen,
                    &mut parser,
                    &format!("step {i}, resized back"),
                );
            }
            Step::Fg => {
                parser.process(SHELL);
                screen.forget();
                let (w, h) = screen.size().map(|s| (s.width, s.height)).unwrap();
                reader.take(&Event::Resize(w, h));
                frame(reader, &mut screen, &mut parser, &format!("step {i}, fg"));
            }
        }
    }
    written
}

/// The reader's session: the panes (moving, paging, counts, changing focus, the timeline,
/// help, search, the detail pane scrolled, the correction pickers, undo and redo), the
/// document view (down past the bottom, paging, back up, to the end), resizes in both
/// views, and the return from ctrl-z in both.
fn reader_steps() -> Vec<Step> {
    use Step::*;
    vec![
        Keys("jjjjjjjjjjjjjjjjjjkkkkk"),
        Keys("2jjjjjj3jjjj4jjj1"),
        Ctrl('d'),
        Ctrl('u'),
        Keys("  b3 2b"),
        Keys("JJJJ2JKKK"),
        Keys("ejjk\x1bedjju"),
        Ctrl('r'),
        Keys("Sjj j \nc checked\n"),
        Keys("S\x1bu"),
        Fg,
        Keys("j?jq"),
        Bounce,
        Keys("Ggjj\t\tjj"),
        Keys("tjjjjjjjjkk\x1b"),
        Keys("?jj\x1b"),
        Keys("/the\nnnN\x1b"),
        Keys("v"),
        Keys("jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjkkkkkkkkkkkkkkkkkkkk"),
        Ctrl('d'),
        Ctrl('d'),
        Ctrl('u'),
        Keys("  b"),
        Fg,
        Keys("ea\x1bjjjj"),
        Keys("Gkkkkkg"),
        Keys("tjjj\x1bjj"),
        Resize(80, 24),
        Keys("jjjjjjjjjjjjjjjjkkkkkkk"),
        Keys("v"),
        Keys("jjjjjjjjjjjjjjj2jjjj"),
        Resize(100, 30),
        Keys("jjjjjjjjkkk"),
        Resize(30, 8),
        Keys("j"),
        Resize(120, 40),
        Keys("jjjkk"),
    ]
}

fn briefing_app(text: &str, color: bool, ascii: bool) -> App {
    App::new(
        common::load(text.as_bytes()),
        "replay.txt",
        &Config::default(),
        color,
        ascii,
        (120, 40),
    )
}

/// Whether `bytes` hold `seq`.
fn has(bytes: &[u8], seq: &[u8]) -> bool {
    bytes.windows(seq.len()).any(|w| w == seq)
}

#[test]
fn reader_in_colour() {
    let mut app = briefing_app(&long_text(), true, false);
    let bytes = replay("long, colour", &mut app, (120, 40), &reader_steps());
    // The session took the cheap paths: scrolls both ways in a region (the status bar stays)
    // left set between frames, by line feed at its bottom margin (a move, then the line feed:
    // `H\n`, `A\n`) and by lines deleted or inserted; and erases of blanks.
    assert!(has(&bytes, b"\x1b[2;39r"), "no scroll region");
    assert!(!has(&bytes, b"M\x1b[r"), "a region reset after each scroll");
    assert!(
        has(&bytes, b"H\n") || has(&bytes, b"A\n"),
        "no scroll by line feed"
    );
    assert!(has(&bytes, b"\x1b[M"), "no lines deleted");
    assert!(has(&bytes, b"\x1b[L"), "no lines inserted");
    assert!(has(&bytes, b"X\x1b["), "no erase of characters");
    let regions = bytes.windows(8).filter(|w| w == b"\x1b[2;39r").count();
    let feeds = bytes
        .windows(2)
        .filter(|w| w == b"H\n" || w == b"A\n")
        .count();
    assert!(feeds > regions, "{feeds} line feeds, {regions} regions set");
    // The correction pickers were on screen (and so compared).
    for title in [
        "Section of sentence",
        "Speakers of sentence",
        "Note on sentence",
    ] {
        assert!(has(&bytes, title.as_bytes()), "no {title}");
    }
    let mut app = briefing_app(debrief::cli::SAMPLE, true, false);
    replay("sample, colour", &mut app, (120, 40), &reader_steps());
}

#[test]
fn reader_without_colour_and_in_ascii() {
    let mut app = briefing_app(&long_text(), false, false);
    replay("long, NO_COLOR", &mut app, (120, 40), &reader_steps());
    let mut app = briefing_app(&long_text(), true, true);
    replay("long, ASCII", &mut app, (120, 40), &reader_steps());
}

#[test]
fn reader_with_wide_text() {
    // Without flags: a pair of regional indicators is one wide glyph to ratatui and two narrow
    // ones to vt100 (terminals differ too), so no byte stream can satisfy both.
    let text: String = std::fs::read_to_string("tests/fixtures/korean-emoji.txt")
        .unwrap()
        .chars()
        .filter(|c| !('\u{1F1E6}'..='\u{1F1FF}').contains(c))
        .collect();
    let mut app = briefing_app(&text.repeat(4), true, false);
    replay("wide", &mut app, (120, 40), &reader_steps());
}

fn library_app(color: bool) -> LibraryApp {
    let found = library::discover(&[PathBuf::from("tests/fixtures/library")], false).unwrap();
    let mut app = LibraryApp::new(
        Library::from_discovery(found),
        &Config::default(),
        color,
        false,
        (120, 40),
    );
    for (doc, path) in app.library.pending() {
        let result = library::analyze_file(&path, &Options::default());
        app.apply_loaded(Loaded { doc, path, result });
    }
    app.refresh();
    app
}

#[test]
fn library_views() {
    use Step::*;
    let steps = [
        Keys("jjkk"),
        Keys("ajjjjjjjj2jjjj3jj"),
        Keys("\x1btjjjjjjjjjjjkk"),
        Keys("\x1bsjjjj\njjjj"),
        Keys("\x1b\x1b\njjjj"),
        Keys("/a\nnnN\x1b"),
        Keys("/zzzz\x1b"),
        Fg,
        Keys("jj"),
        Bounce,
        Resize(80, 24),
        Keys("jjjj"),
        Keys("L"),
        Keys("ajjjjjj"),
        Resize(120, 40),
        Keys("jjkk"),
    ];
    for color in [true, false] {
        let mut app = library_app(color);
        replay(
            &format!("library, colour {color}"),
            &mut app,
            (120, 40),
            &steps,
        );
    }
}

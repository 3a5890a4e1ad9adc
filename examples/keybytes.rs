//! Where the bytes of each key go: loads a briefing, presses keys in the reader (no terminal)
//! and prints the bytes of each frame the painter sends, escaped.
//!
//! usage: cargo run --example keybytes -- FILE [WxH] [SETUP] [KEYS] [--dump]

use debrief::config::Config;
use debrief::loader::Options;
use debrief::tui::terminal::Screen;
use debrief::tui::{App, caps, event};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::widgets::Widget;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = &args[0];
    let (w, h) = args
        .get(1)
        .and_then(|s| s.split_once('x'))
        .map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap()))
        .unwrap_or((120u16, 40u16));
    let setup = args.get(2).cloned().unwrap_or_default();
    let keys = args.get(3).cloned().unwrap_or_else(|| "j".repeat(10));
    let dump = args.iter().any(|a| a == "--dump");
    let bytes = std::fs::read(path).unwrap();
    let b = debrief::loader::load(&bytes, &Options::default()).unwrap();
    let mut app = App::new(b, path, &Config::default(), true, false, (w, h))
        .with_color_depth(caps::ColorDepth::Ansi256);
    let mut screen = Screen::fixed(w, h).unwrap();
    let mut frame = |app: &App, what: &str| {
        let out = screen
            .frame(|f| app.render(f.area(), f.buffer_mut()))
            .unwrap();
        println!("{what}: {} bytes", out.len());
        if dump {
            println!("  {}", String::from_utf8_lossy(&out).escape_debug());
        }
        out.len()
    };
    frame(&app, "first");
    let press = |app: &mut App, c: char| {
        let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(a) = event::action_for(app, &ev) {
            app.update(a);
        }
    };
    for c in setup.chars() {
        press(&mut app, c);
        frame(&app, &format!("setup {c}"));
    }
    let mut sizes = Vec::new();
    for c in keys.chars() {
        press(&mut app, c);
        sizes.push(frame(&app, &format!("key {c}")));
    }
    sizes.sort();
    println!("median {}", sizes[sizes.len() / 2]);
}

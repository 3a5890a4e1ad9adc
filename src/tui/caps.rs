//! What the terminal can show, read from the environment: how many colours (TERM, COLORTERM)
//! and whether the locale is UTF-8 (LC_ALL, LC_CTYPE, LANG). Pure functions over the values,
//! so they are tested without touching the process environment.

use ratatui::style::Color;

/// How many colours the terminal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    /// The 16-colour palette: what every colour terminal has (linux, screen, xterm, vt100 ones).
    Ansi16,
    /// The xterm 256-colour palette (TERM `*-256color`).
    Ansi256,
    /// 24-bit colour (COLORTERM `truecolor` or `24bit`).
    TrueColor,
}

impl ColorDepth {
    /// From TERM and COLORTERM: 16 colours unless the terminal says it has more.
    pub fn detect(term: Option<&str>, colorterm: Option<&str>) -> ColorDepth {
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            ColorDepth::TrueColor
        } else if colorterm.contains("256") || term.is_some_and(|t| t.contains("256color")) {
            ColorDepth::Ansi256
        } else {
            ColorDepth::Ansi16
        }
    }

    /// From the process environment.
    pub fn from_env() -> ColorDepth {
        let term = std::env::var("TERM").ok();
        let colorterm = std::env::var("COLORTERM").ok();
        ColorDepth::detect(term.as_deref(), colorterm.as_deref())
    }

    /// `color` as this terminal can show it: the nearest colour it has.
    pub fn fit(self, color: Color) -> Color {
        let rgb = match color {
            Color::Rgb(r, g, b) if self < ColorDepth::TrueColor => (r, g, b),
            Color::Indexed(n) if n >= 16 && self == ColorDepth::Ansi16 => indexed_rgb(n),
            Color::Indexed(n) if n < 16 => return PALETTE16[usize::from(n)].0,
            other => return other,
        };
        match self {
            ColorDepth::Ansi16 => nearest(PALETTE16.iter().map(|&(c, rgb)| (c, rgb)), rgb),
            _ => nearest((16..=255).map(|n| (Color::Indexed(n), indexed_rgb(n))), rgb),
        }
    }
}

/// Whether the locale is UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set and not
/// empty decides (POSIX precedence); none set is the C locale, which is not.
pub fn utf8_locale(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// [`utf8_locale`] from the process environment.
pub fn utf8_locale_from_env() -> bool {
    let var = |k| std::env::var(k).ok();
    utf8_locale(
        var("LC_ALL").as_deref(),
        var("LC_CTYPE").as_deref(),
        var("LANG").as_deref(),
    )
}

/// The 16 palette colours with xterm's default values.
const PALETTE16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The colour of an xterm 256-palette index.
fn indexed_rgb(n: u8) -> (u8, u8, u8) {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match n {
        0..=15 => PALETTE16[usize::from(n)].1,
        16..=231 => {
            let i = usize::from(n - 16);
            (LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6])
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

/// The candidate closest to `rgb` (squared distance in RGB).
fn nearest(candidates: impl Iterator<Item = (Color, (u8, u8, u8))>, rgb: (u8, u8, u8)) -> Color {
    let d = |(r, g, b): (u8, u8, u8)| {
        let sq = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        sq(r, rgb.0) + sq(g, rgb.1) + sq(b, rgb.2)
    };
    candidates
        .min_by_key(|&(_, c)| d(c))
        .map_or(Color::Reset, |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_term_and_colorterm() {
        use ColorDepth::*;
        assert_eq!(ColorDepth::detect(Some("xterm"), None), Ansi16);
        assert_eq!(ColorDepth::detect(Some("linux"), None), Ansi16);
        assert_eq!(ColorDepth::detect(Some("vt100"), None), Ansi16);
        assert_eq!(ColorDepth::detect(Some("screen"), None), Ansi16);
        assert_eq!(ColorDepth::detect(Some("tmux-256color"), None), Ansi256);
        assert_eq!(ColorDepth::detect(Some("xterm-256color"), None), Ansi256);
        assert_eq!(
            ColorDepth::detect(Some("xterm"), Some("truecolor")),
            TrueColor
        );
        assert_eq!(ColorDepth::detect(None, Some("24bit")), TrueColor);
    }

    #[test]
    fn colours_fit_the_terminal() {
        let orange = Color::Rgb(215, 95, 0);
        assert_eq!(ColorDepth::TrueColor.fit(orange), orange);
        assert_eq!(ColorDepth::Ansi256.fit(orange), Color::Indexed(166));
        assert_eq!(ColorDepth::Ansi16.fit(orange), Color::Red);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Indexed(196)), Color::LightRed);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Indexed(6)), Color::Cyan);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Cyan), Color::Cyan);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Reset), Color::Reset);
    }

    #[test]
    fn locale() {
        assert!(utf8_locale(None, None, Some("en_US.UTF-8")));
        assert!(utf8_locale(None, Some("C.utf8"), Some("C")));
        assert!(!utf8_locale(Some("C"), None, Some("en_US.UTF-8")));
        assert!(!utf8_locale(None, None, Some("POSIX")));
        assert!(!utf8_locale(None, None, None));
        assert!(utf8_locale(Some(""), None, Some("ko_KR.UTF-8")));
    }
}

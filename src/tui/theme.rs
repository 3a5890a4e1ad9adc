//! Styles: the configured colours combined with modifiers that carry meaning without colour.

use super::caps::ColorDepth;
use crate::config::ThemeConfig;
use crate::model::{Briefing, Section, SpanKind};
use ratatui::style::{Color, Modifier, Style};
use std::collections::HashMap;

/// The resolved styles the widgets draw with.
#[derive(Debug, Clone)]
pub struct Theme {
    config: ThemeConfig,
    /// False for `--color never` and NO_COLOR: only modifiers are used.
    pub color: bool,
    /// Draw borders and marks in ASCII only.
    pub ascii: bool,
    /// Colours are brought to what the terminal shows (all as configured unless told).
    pub depth: ColorDepth,
    /// Party name -> colour, in order of first appearance.
    party_colors: HashMap<String, Color>,
}

impl Theme {
    /// Styles for one briefing (party colours are given out in order of appearance).
    pub fn new(config: &ThemeConfig, color: bool, ascii: bool, briefing: &Briefing) -> Theme {
        let mut party_colors = HashMap::new();
        for s in &briefing.sources {
            if let Some(p) = &s.party {
                let n = party_colors.len();
                party_colors
                    .entry(p.clone())
                    .or_insert_with(|| config.parties[n % config.parties.len()]);
            }
        }
        Theme {
            config: config.clone(),
            color,
            ascii,
            depth: ColorDepth::TrueColor,
            party_colors,
        }
    }

    /// Gives a colour to each party of `briefing` that has none yet (a speaker the analyst
    /// added), keeping the colours already given.
    pub fn add_parties(&mut self, briefing: &Briefing) {
        for s in &briefing.sources {
            if let Some(p) = &s.party {
                let n = self.party_colors.len();
                let colors = &self.config.parties;
                self.party_colors
                    .entry(p.clone())
                    .or_insert_with(|| colors[n % colors.len()]);
            }
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(self.depth.fit(c))
        } else {
            Style::new()
        }
    }

    /// The colour of a section.
    pub fn section(&self, section: Section) -> Style {
        self.fg(match section {
            Section::Allegation => self.config.allegation,
            Section::Denial => self.config.denial,
            Section::Response => self.config.response,
            Section::Context => self.config.context,
        })
    }

    /// A speaker's name: bold, in the party's colour.
    pub fn speaker(&self, party: Option<&str>) -> Style {
        let base = match party.and_then(|p| self.party_colors.get(p)) {
            Some(&c) => self.fg(c),
            None => Style::new(),
        };
        base.add_modifier(Modifier::BOLD)
    }

    /// A highlighted stretch of a sentence. Each kind has a modifier set of its own:
    /// speaker bold, reporting underlined, cue bold+underlined, quote italic, claim dim,
    /// hedge bold+italic, figure italic+underlined, time dim+underlined.
    pub fn span(&self, kind: SpanKind, section: Section, party: Option<&str>) -> Style {
        use Modifier as M;
        let c = &self.config;
        match kind {
            SpanKind::Speaker => self.speaker(party),
            SpanKind::Reporting => self.fg(c.reporting).add_modifier(M::UNDERLINED),
            SpanKind::Cue => self.section(section).add_modifier(M::BOLD | M::UNDERLINED),
            SpanKind::Quote => self.fg(c.quote).add_modifier(M::ITALIC),
            SpanKind::Claim => self.fg(c.claim).add_modifier(M::DIM),
            SpanKind::Hedge => self.fg(c.hedge).add_modifier(M::BOLD | M::ITALIC),
            SpanKind::Figure => self.fg(c.figure).add_modifier(M::ITALIC | M::UNDERLINED),
            SpanKind::Time => self.fg(c.time).add_modifier(M::DIM | M::UNDERLINED),
        }
    }

    /// A search match: reversed, on the search colour.
    pub fn search_match(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED);
        if self.color {
            s.fg(self.depth.fit(self.config.search))
        } else {
            s
        }
    }

    /// The status bar's warning that the briefing was damaged: bold, in the warning colour
    /// (which the reversed bar shows as its background).
    pub fn warning(&self) -> Style {
        self.fg(self.config.warning).add_modifier(Modifier::BOLD)
    }

    /// The selected row: reversed and bold, which reads without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Borders and title of the focused pane.
    pub fn focused(&self) -> Style {
        self.fg(self.config.accent).add_modifier(Modifier::BOLD)
    }

    /// Secondary text.
    pub fn muted(&self) -> Style {
        if self.color {
            Style::new().fg(self.depth.fit(self.config.muted))
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Border lines for a pane, heavier when focused.
    pub fn border_set(&self, focused: bool) -> ratatui::symbols::border::Set<'static> {
        use ratatui::symbols::border;
        match (self.ascii, focused) {
            (true, false) => ASCII,
            (true, true) => ASCII_FOCUSED,
            (false, false) => border::PLAIN,
            (false, true) => border::THICK,
        }
    }

    /// One-letter gutter mark of a section.
    pub fn section_mark(section: Section) -> &'static str {
        match section {
            Section::Allegation => "A",
            Section::Denial => "D",
            Section::Response => "R",
            Section::Context => "C",
        }
    }
}

const ASCII: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

const ASCII_FOCUSED: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "#",
    top_right: "#",
    bottom_left: "#",
    bottom_right: "#",
    vertical_left: "#",
    vertical_right: "#",
    horizontal_top: "=",
    horizontal_bottom: "=",
};

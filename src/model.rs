//! The analysed briefing: what the loader produces and every client (JSON, text report, TUI) reads.
//!
//! Offsets in [`Span`] are byte offsets into the owning sentence's `text`, always on `char`
//! boundaries. The JSON form is the one described in `shared/spec/analysis-json.md`, with extra
//! fields (cues, spans, headings, warnings) that the reader needs.

use serde::Serialize;

/// One of the four sections a sentence is sorted into.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Allegation,
    Denial,
    Response,
    Context,
}

impl Section {
    /// All sections in the order the reader shows them.
    pub const ALL: [Section; 4] = [
        Section::Allegation,
        Section::Denial,
        Section::Response,
        Section::Context,
    ];

    /// The lower-case name used in JSON and in the text report.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Allegation => "allegation",
            Section::Denial => "denial",
            Section::Response => "response",
            Section::Context => "context",
        }
    }

    /// The capitalised title used for panes and report headings.
    pub fn title(self) -> &'static str {
        match self {
            Section::Allegation => "Allegations",
            Section::Denial => "Denials",
            Section::Response => "Responses",
            Section::Context => "Context",
        }
    }

    /// Index into [`Section::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether the document is prose or a transcript of speaker turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Article,
    Transcript,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Article => "article",
            Format::Transcript => "transcript",
        }
    }
}

/// What kind of thing a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named or described person ("Vassily Nebenzia", "a North Korean diplomat").
    Person,
    /// A group of people ("South Korean officials").
    Group,
    /// A government body, agency or international organisation.
    Organization,
    /// A country or its government speaking as a whole.
    Country,
    /// A news outlet.
    Media,
    /// Reporters asking questions in a transcript.
    Press,
}

/// A speaker: someone to whom the text attributes content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: usize,
    /// Canonical name: the most specific name the text gives.
    pub name: String,
    /// The country or organisation it speaks for, `media`, `press`, or unknown.
    pub party: Option<String>,
    pub kind: SourceKind,
    /// Every distinct way the text refers to it, in order of first appearance.
    pub mentions: Vec<String>,
}

/// What a highlighted stretch of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// A mention of a speaker of this sentence.
    Speaker,
    /// A reporting verb or phrase ("said", "according to", "has reported that").
    Reporting,
    /// A word that decided the sentence's section ("denied", "condemned").
    Cue,
    /// A direct quotation, quote marks included.
    Quote,
    /// The reported claim: the content clause of a reporting verb.
    Claim,
    /// A hedge or estimative word ("allegedly", "may", "likely").
    Hedge,
    /// A figure or quantity ("1,500", "13,000 containers").
    Figure,
    /// A time expression.
    Time,
}

/// A highlighted stretch of a sentence's text. Offsets are `u32` to keep the many spans of a
/// large document small; use [`Span::range`] to slice the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub kind: SpanKind,
    /// Byte offset of the first byte, within the sentence text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span of `start..end` (byte offsets into a sentence, which is never 4 GiB long).
    pub fn new(kind: SpanKind, start: usize, end: usize) -> Span {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span {
            kind,
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// The byte range to slice the sentence text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A word or phrase that decided a sentence's section, kept so the reader can show why.
/// Its words are a stretch of the sentence (empty for a rule that names no words); the
/// JSON gives them as `text`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cue {
    pub section: Section,
    /// Byte offsets of the words within the sentence text.
    pub start: u32,
    pub end: u32,
    /// Why it counted, e.g. "strong denial cue", "opens with background".
    pub rule: &'static str,
}

impl Cue {
    /// A cue on the words at `range` of its sentence.
    pub fn new(section: Section, range: std::ops::Range<usize>, rule: &'static str) -> Cue {
        let span = Span::new(SpanKind::Cue, range.start, range.end);
        Cue {
            section,
            start: span.start,
            end: span.end,
            rule,
        }
    }

    /// A cue that names no words ("continues the speaker's denial").
    pub fn rule(section: Section, rule: &'static str) -> Cue {
        Cue::new(section, 0..0, rule)
    }

    /// The words as written, from the text of the cue's sentence.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        sentence
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// The ICD 203 likelihood scale for estimative language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

/// One sentence of the briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub id: usize,
    /// Index of the paragraph (0-based) it belongs to.
    pub paragraph: usize,
    /// The sentence as shown: control characters removed, a transcript's label not included.
    pub text: String,
    pub section: Section,
    /// Ids into [`Briefing::sources`], empty for the writer's voice.
    pub speakers: Vec<usize>,
    /// Why the section was chosen.
    pub cues: Vec<Cue>,
    /// Highlighted stretches, sorted by start.
    pub spans: Vec<Span>,
    /// The strongest estimative word's place on the ICD 203 scale, if the sentence hedges.
    pub likelihood: Option<Likelihood>,
    /// The transcript turn label this sentence is spoken under (`MR PRICE`), if any.
    pub turn: Option<String>,
    /// The analyst's correction of this sentence (see [`crate::corrections`]), with the
    /// machine's reading it replaced; `None` for the machine's own reading.
    pub correction: Option<Box<Correction>>,
}

/// A speaker as the analyst names one: a name, and the party when known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Speaker {
    pub name: String,
    pub party: Option<String>,
}

impl Speaker {
    /// The name and party of a source.
    pub fn of(source: &Source) -> Speaker {
        Speaker {
            name: source.name.clone(),
            party: source.party.clone(),
        }
    }
}

/// What a reading says about a sentence: its section and its speakers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub section: Section,
    /// Empty for the writer's voice.
    pub speakers: Vec<Speaker>,
}

/// The analyst's mark on a sentence: the machine's reading it replaced, and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The machine's reading of the sentence, before the analyst's correction.
    pub original: Reading,
    /// The analyst's note, if any.
    pub note: Option<String>,
}

/// The fields in order, each cue with its words as `text` (not its offsets), `turn` only
/// when there is one; on a sentence the analyst corrected, `corrected: true`, the machine's
/// `original` reading and the analyst's `note` when there is one.
impl Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct CueJson<'a> {
            section: Section,
            text: &'a str,
            rule: &'static str,
        }
        let cues: Vec<CueJson> = self
            .cues
            .iter()
            .map(|c| CueJson {
                section: c.section,
                text: c.text(&self.text),
                rule: c.rule,
            })
            .collect();
        let fields = 8
            + usize::from(self.turn.is_some())
            + self
                .correction
                .as_ref()
                .map_or(0, |c| 2 + usize::from(c.note.is_some()));
        let mut st = ser.serialize_struct("Sentence", fields)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("paragraph", &self.paragraph)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("section", &self.section)?;
        st.serialize_field("speakers", &self.speakers)?;
        st.serialize_field("cues", &cues)?;
        st.serialize_field("spans", &self.spans)?;
        st.serialize_field("likelihood", &self.likelihood)?;
        if let Some(turn) = &self.turn {
            st.serialize_field("turn", turn)?;
        }
        if let Some(c) = &self.correction {
            st.serialize_field("corrected", &true)?;
            st.serialize_field("original", &c.original)?;
            if let Some(note) = &c.note {
                st.serialize_field("note", note)?;
            }
        }
        st.end()
    }
}

/// How precise a resolved time value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A decade: the value is its first three digits (`199` for the 1990s).
    Decade,
    Year,
    Month,
    /// An ISO week (`2015-W01`).
    Week,
    Day,
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeRef {
    /// The expression as written.
    pub text: String,
    /// ISO 8601 prefix (`2022`, `2023-08`, `2024-10-22`), or `None` when it cannot be resolved.
    pub value: Option<String>,
    pub precision: Option<Precision>,
    /// Id of the sentence it stands in.
    pub sentence: usize,
    /// Byte offsets of the expression within the sentence text.
    pub start: usize,
    pub end: usize,
}

/// A Markdown heading: a title for the paragraphs after it, not a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    pub text: String,
    /// Heading level, 1 for `#`.
    pub level: usize,
    /// The paragraph index the heading stands before.
    pub paragraph: usize,
}

/// The analysed document.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Briefing {
    pub title: Option<String>,
    /// The reference date (`YYYY-MM-DD`) relative times were resolved against.
    pub date: Option<String>,
    /// Where it was published, from front matter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub format: Format,
    pub sources: Vec<Source>,
    pub sentences: Vec<Sentence>,
    /// Sorted by value (undated last), then by sentence.
    pub timeline: Vec<TimeRef>,
    pub headings: Vec<Heading>,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Problems met while reading the input that did not stop it (bad encoding, bad front
    /// matter, a damaged corrections file, corrections whose sentence is gone).
    pub warnings: Vec<String>,
    /// The analyst's corrections applied to this briefing, with the machine's reading they
    /// were applied to; `None` when none apply (see [`crate::corrections`]).
    #[serde(skip)]
    pub corrections: Option<std::sync::Arc<crate::corrections::Applied>>,
}

impl Briefing {
    /// Sentences of one section, in document order.
    pub fn in_section(&self, section: Section) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(move |s| s.section == section)
    }

    /// The display name of a sentence's speakers, joined with ", "; empty for the writer's voice.
    pub fn speaker_names(&self, sentence: &Sentence) -> String {
        sentence
            .speakers
            .iter()
            .filter_map(|&id| self.sources.get(id))
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

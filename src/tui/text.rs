//! Sentence text as styled, wrapped lines: span highlighting, search matches, and wrapping by
//! display width (so Hangul, CJK and emoji take the columns they really take).

use super::theme::Theme;
use crate::model::{Briefing, Sentence, SpanKind};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Byte ranges where `query` occurs in `text`, ignoring case; empty for an empty query.
pub fn find_matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let q: String = query.chars().flat_map(char::to_lowercase).collect();
    // Fold the text once, remembering which original char each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            folded.push(l);
            origin.resize(folded.len(), i);
        }
    }
    origin.push(text.len());
    let char_end = |i: usize| i + text[i..].chars().next().map_or(0, char::len_utf8);
    let mut from = 0;
    while let Some(p) = folded[from..].find(&q) {
        let (s, e) = (from + p, from + p + q.len());
        // A match ending inside one char's folded form takes the whole char.
        let end = if origin[e] == origin[e - 1] {
            char_end(origin[e - 1])
        } else {
            origin[e]
        };
        out.push(origin[s]..end);
        from = e;
    }
    out
}

/// A search query folded once, to tell quickly whether a sentence matches: the same answer
/// as `!find_matches(text, query).is_empty()`, without folding ASCII text or allocating.
#[derive(Debug, Clone)]
pub struct Query {
    folded: String,
}

impl Query {
    pub fn new(query: &str) -> Query {
        Query {
            folded: query.chars().flat_map(char::to_lowercase).collect(),
        }
    }

    /// Whether `text` contains the query, ignoring case; false for an empty query.
    pub fn is_in(&self, text: &str) -> bool {
        let q = self.folded.as_bytes();
        if q.is_empty() {
            return false;
        }
        if text.is_ascii() {
            // ASCII folds to ASCII, so a query with anything else cannot match.
            return self.folded.is_ascii()
                && text
                    .as_bytes()
                    .windows(q.len())
                    .any(|w| w.eq_ignore_ascii_case(q));
        }
        let folded: String = text.chars().flat_map(char::to_lowercase).collect();
        folded.contains(&self.folded)
    }
}

/// Every sentence's text folded to lower case, end to end in one string, each followed by a
/// NUL (which no query holds), so that a search of a large briefing is one pass over memory
/// rather than a visit to each sentence. Built on the first search.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    folded: String,
    /// Where each sentence's folded text starts, and the end of the last.
    starts: Vec<usize>,
}

impl SearchIndex {
    pub fn new(sentences: &[Sentence]) -> SearchIndex {
        let mut folded = String::new();
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        for s in sentences {
            starts.push(folded.len());
            if s.text.is_ascii() {
                folded.push_str(&s.text);
                let from = starts[starts.len() - 1];
                folded[from..].make_ascii_lowercase();
            } else {
                folded.extend(s.text.chars().flat_map(char::to_lowercase));
            }
            folded.push('\0');
        }
        starts.push(folded.len());
        SearchIndex { folded, starts }
    }

    /// Ids of the sentences containing `query` (as [`Query::is_in`] tells), in id order.
    pub fn find(&self, query: &Query) -> Vec<usize> {
        let mut ids = Vec::new();
        let q = query.folded.as_str();
        if q.is_empty() || q.contains('\0') {
            return ids;
        }
        let (mut from, mut id) = (0, 0);
        while let Some(p) = self.folded[from..].find(q) {
            let at = from + p;
            // Matches come in order: walk the starts forward rather than search them.
            while self.starts[id + 1] <= at {
                id += 1;
            }
            ids.push(id);
            from = self.starts[id + 1];
        }
        ids
    }

    /// Whether sentence `id` contains `query`.
    pub fn contains(&self, id: usize, query: &Query) -> bool {
        let q = query.folded.as_str();
        !q.is_empty()
            && !q.contains('\0')
            && self.folded[self.starts[id]..self.starts[id + 1]].contains(q)
    }
}

/// The party of the speaker a `Speaker` span mentions, if it can be told.
fn span_party<'a>(briefing: &'a Briefing, sentence: &Sentence, words: &str) -> Option<&'a str> {
    let speakers = || {
        sentence
            .speakers
            .iter()
            .filter_map(|&id| briefing.sources.get(id))
    };
    let words = words.to_lowercase();
    speakers()
        .find(|s| {
            s.name.to_lowercase() == words || s.mentions.iter().any(|m| m.to_lowercase() == words)
        })
        .or_else(|| speakers().next())
        .and_then(|s| s.party.as_deref())
}

/// The sentence cut into runs of one style each, covering the whole text. Inner spans win
/// over the spans around them; search matches go on top.
pub fn styled_runs(
    briefing: &Briefing,
    sentence: &Sentence,
    theme: &Theme,
    base: Style,
    query: Option<&str>,
) -> Vec<(Range<usize>, Style)> {
    styled_runs_upto(briefing, sentence, theme, base, query, sentence.text.len())
}

/// [`styled_runs`] for the text up to byte `end` only (moved back to a character boundary),
/// for drawing what fits on screen of a sentence that may be megabytes long.
pub fn styled_runs_upto(
    briefing: &Briefing,
    sentence: &Sentence,
    theme: &Theme,
    base: Style,
    query: Option<&str>,
    end: usize,
) -> Vec<(Range<usize>, Style)> {
    let mut end = end.min(sentence.text.len());
    while !sentence.text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &sentence.text[..end];
    let mut styles = vec![base; text.len()];
    // Spans are sorted by start: those starting past `end` are not looked at.
    let starting = sentence.spans.partition_point(|s| s.range().start < end);
    let mut spans: Vec<_> = sentence.spans[..starting]
        .iter()
        .map(|s| (s.kind, s.range()))
        .filter(|(_, r)| r.start < r.end && r.end <= sentence.text.len())
        .filter(|(_, r)| {
            sentence.text.is_char_boundary(r.start) && sentence.text.is_char_boundary(r.end)
        })
        .collect();
    spans.sort_by_key(|(_, r)| std::cmp::Reverse(r.end - r.start));
    for (kind, r) in spans {
        let party = match kind {
            SpanKind::Speaker => span_party(briefing, sentence, &sentence.text[r.clone()]),
            _ => None,
        };
        let style = base.patch(theme.span(kind, sentence.section, party));
        styles[r.start..r.end.min(end)].fill(style);
    }
    if let Some(q) = query {
        for m in find_matches(text, q) {
            for st in &mut styles[m] {
                *st = st.patch(theme.search_match());
            }
        }
    }
    let mut runs: Vec<(Range<usize>, Style)> = Vec::new();
    for (i, _) in text.char_indices() {
        let st = styles[i];
        match runs.last_mut() {
            Some((r, s)) if *s == st => {
                r.end = i + text[i..].chars().next().map_or(1, char::len_utf8)
            }
            _ => runs.push((
                i..i + text[i..].chars().next().map_or(1, char::len_utf8),
                st,
            )),
        }
    }
    runs
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Byte ranges of the lines `text` wraps into at `width` columns: greedy, at whitespace,
/// breaking a word only when it is wider than a line. Trailing spaces are left out.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_ranges_upto(text, width, usize::MAX)
}

/// The first `max` lines of [`wrap_ranges`] (at least one), without going through the rest of
/// the text.
pub fn wrap_ranges_upto(text: &str, width: usize, max: usize) -> Vec<Range<usize>> {
    let (width, max) = (width.max(1), max.max(1));
    let mut lines = Vec::new();
    let mut line_start: Option<usize> = None;
    let mut line_end = 0;
    let mut line_w = 0;
    let mut pending_space_w = 0;
    let mut i = 0;
    // A line once pushed is final, so the first `max` lines are known as soon as they are in.
    while i < text.len() && lines.len() < max {
        let rest = &text[i..];
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let space_len = rest[word_len..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - word_len);
        let word = &rest[..word_len];
        let word_w = self::width(word);
        if word_len > 0 {
            if line_start.is_some() && line_w + pending_space_w + word_w <= width {
                line_w += pending_space_w + word_w;
                line_end = i + word_len;
            } else {
                if let Some(s) = line_start.take() {
                    lines.push(s..line_end);
                }
                // Start a new line, splitting the word if it does not fit on one.
                let mut ws = i;
                let mut w = 0;
                for (off, c) in word.char_indices() {
                    let cw = c.width().unwrap_or(0);
                    if w + cw > width && w > 0 {
                        if lines.len() >= max {
                            break;
                        }
                        lines.push(ws..i + off);
                        ws = i + off;
                        w = 0;
                    }
                    w += cw;
                }
                line_start = Some(ws);
                line_end = i + word_len;
                line_w = w;
            }
        }
        pending_space_w = self::width(&rest[word_len..word_len + space_len]).max(1);
        if rest[word_len..word_len + space_len].contains('\n')
            && let Some(s) = line_start.take()
        {
            lines.push(s..line_end);
        }
        i += word_len + space_len;
    }
    if let Some(s) = line_start {
        lines.push(s..line_end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines.truncate(max);
    lines
}

/// Styled runs laid out as wrapped lines of at most `width` columns.
pub fn wrap_runs(text: &str, runs: &[(Range<usize>, Style)], width: usize) -> Vec<Line<'static>> {
    lines_of(text, runs, &wrap_ranges(text, width))
}

/// Styled runs laid out on the given line ranges. Runs and lines are both in text order, so
/// each line starts from the first run the line before it had not finished: one pass over
/// both, however many lines a long sentence wraps into.
pub fn lines_of(
    text: &str,
    runs: &[(Range<usize>, Style)],
    lines: &[Range<usize>],
) -> Vec<Line<'static>> {
    let mut first = 0;
    lines
        .iter()
        .map(|line| {
            while runs.get(first).is_some_and(|(r, _)| r.end <= line.start) {
                first += 1;
            }
            let spans: Vec<Span<'static>> = runs[first..]
                .iter()
                .take_while(|(r, _)| r.start < line.end)
                .filter_map(|(r, st)| {
                    let s = r.start.max(line.start);
                    let e = r.end.min(line.end);
                    (s < e).then(|| Span::styled(text[s..e].to_owned(), *st))
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// The byte where `text` has filled `cols` columns and one more (so that a caller cutting it to
/// `cols` still sees that it goes on): what a one-row view of a long sentence needs.
pub fn prefix_for_width(text: &str, cols: usize) -> usize {
    let mut w = 0;
    for (i, c) in text.char_indices() {
        if w > cols {
            return i;
        }
        w += c.width().unwrap_or(0);
    }
    text.len()
}

/// Truncates to `width` columns, ending with an ellipsis when cut.
pub fn truncate(s: &str, width: usize, ascii: bool) -> String {
    if self::width(s) <= width {
        return s.to_owned();
    }
    let ell = if ascii { "..." } else { "…" };
    let room = width.saturating_sub(self::width(ell));
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > room {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push_str(if width >= self::width(ell) { ell } else { "" });
    out
}

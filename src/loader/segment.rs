//! Sentence splitting (temporary simple splitter).

use std::ops::Range;

const ABBR: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Adm", "Sgt", "Amb", "Gov", "Sen", "Rep",
    "St", "Jr", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "vs", "etc",
];

/// Splits a paragraph into sentences (byte ranges, trimmed).
pub fn split(paragraph: &str) -> Vec<Range<usize>> {
    let b = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '?' | '!') {
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | ')') {
                j += 1;
            }
            let end = if j < chars.len() {
                chars[j].0
            } else {
                paragraph.len()
            };
            let next_ok = j < chars.len()
                && chars[j].1 == ' '
                && chars
                    .get(j + 1)
                    .is_some_and(|n| n.1.is_uppercase() || matches!(n.1, '“' | '"' | '('));
            let word_start = paragraph[..i]
                .rfind(|ch: char| ch == ' ')
                .map_or(0, |p| p + 1);
            let word = &paragraph[word_start..i];
            let abbr = c == '.'
                && (ABBR.contains(&word)
                    || (word.len() <= 3 && word.contains('.'))
                    || word.len() == 1 && word.chars().all(char::is_uppercase));
            if next_ok && !abbr {
                push(paragraph, start, end, &mut out);
                start = end;
            }
            k = j;
            continue;
        }
        let _ = b;
        k += 1;
    }
    push(paragraph, start, paragraph.len(), &mut out);
    out
}

fn push(p: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let t = &p[s..e];
    let lead = t.len() - t.trim_start().len();
    let trimmed = t.trim();
    if !trimmed.is_empty() {
        out.push(s + lead..s + lead + trimmed.len());
    }
}

//! How a correction finds its sentence again: the hash of the sentence's text and an anchor,
//! a few of its words that no other sentence holds.
//!
//! Both are taken over a folded form of the text (runs of white space as one space, curly
//! quotes as straight ones, dashes as hyphens), so re-wrapping a paragraph or an editor's
//! smart quotes do not lose a correction. The hash is FNV-1a (64 bits) over the folded bytes:
//! the same on every machine and in every version, unlike the standard library's hasher.

use crate::model::Briefing;
use std::hash::Hasher;

/// Words an anchor takes where the sentence has that many.
pub const ANCHOR_WORDS: usize = 6;

/// The folded form of a text: what hashes and anchors compare.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        });
    }
    out
}

/// The hash of a sentence's text (folded).
pub fn hash(text: &str) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(fold(text).as_bytes());
    h.finish()
}

/// A hash as the corrections file writes it: 16 hexadecimal digits.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// The byte ranges of a text's words (runs of non-white space).
pub fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Stretches of `ANCHOR_WORDS` words of a text (all of it when shorter), from the middle
/// outwards: the middle of a sentence is the part an edit at either end leaves alone. Then
/// longer stretches, up to the whole text.
pub fn candidates(text: &str) -> impl Iterator<Item = &str> {
    let w = words(text);
    let n = w.len();
    let mut out: Vec<&str> = Vec::new();
    if n == 0 {
        return out.into_iter();
    }
    for k in ANCHOR_WORDS.min(n)..=n {
        let starts = n - k + 1;
        let mid = (starts - 1) / 2;
        let mut order = vec![mid];
        for d in 1..starts {
            if mid + d < starts {
                order.push(mid + d);
            }
            if d <= mid {
                order.push(mid - d);
            }
        }
        for s in order {
            out.push(&text[w[s].start..w[s + k - 1].end]);
        }
        // Past the first length, only the whole text: an anchor of six words that is not
        // unique is rare, and a longer one rarely helps where six did not.
        if k == ANCHOR_WORDS.min(n) && k < n {
            out.push(&text[w[0].start..w[n - 1].end]);
            break;
        }
    }
    out.dedup();
    out.into_iter()
}

/// Every stretch of `k` words of a text, first to last.
pub fn windows(text: &str, k: usize) -> impl Iterator<Item = &str> {
    let w = words(text);
    let n = w.len();
    (0..(n + 1).saturating_sub(k.max(1)))
        .map(move |s| &text[w[s].start..w[s + k.max(1) - 1].end])
        .collect::<Vec<_>>()
        .into_iter()
}

/// An anchor for sentence `id` of a briefing: the first candidate stretch of its text that
/// no other sentence holds (compared folded), else its whole text.
pub fn anchor_for(briefing: &Briefing, id: usize) -> String {
    let Some(s) = briefing.sentences.get(id) else {
        return String::new();
    };
    let folded: Vec<String> = briefing.sentences.iter().map(|x| fold(&x.text)).collect();
    for cand in candidates(&s.text) {
        let f = fold(cand);
        let finder = memchr::memmem::Finder::new(f.as_bytes());
        let unique = folded
            .iter()
            .enumerate()
            .all(|(i, t)| i == id || finder.find(t.as_bytes()).is_none());
        if unique {
            return cand.to_owned();
        }
    }
    s.text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_wrapping_and_quote_styles() {
        assert_eq!(
            fold("  It  said\n\u{201c}no\u{201d} \u{2014} it\u{2019}s  "),
            "It said \"no\" - it's"
        );
        assert_eq!(hash("a  b"), hash("a\nb"));
        assert_ne!(hash("a b"), hash("a c"));
    }

    #[test]
    fn the_hash_is_the_same_everywhere() {
        // FNV-1a 64 of "a": a fixed value, so files written anywhere match.
        assert_eq!(hash_hex(hash("a")), "af63dc4c8601ec8c");
    }

    #[test]
    fn candidates_start_in_the_middle() {
        let t = "one two three four five six seven eight";
        let c: Vec<&str> = candidates(t).collect();
        assert_eq!(c[0], "two three four five six seven");
        assert!(c.contains(&"one two three four five six"));
        assert_eq!(*c.last().unwrap(), t);
        assert_eq!(candidates("short text").collect::<Vec<_>>(), ["short text"]);
        assert_eq!(candidates("   ").count(), 0);
    }
}

//! Word tokens of a sentence, with the few features attribution and classification need.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Titles and other abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Adm", "Sgt", "Amb", "Gov", "Sen", "Rep",
    "St", "Jr", "Sr", "Prof", "Rev", "No", "Dept", "Maj", "Cmdr", "Pres", "Sec", "Hon", "Jan",
    "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Corp", "Inc", "Ltd", "Co",
    "vs", "etc",
];

/// One token: a word (letters, digits, inner `.'’-&`) or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// End of the word without a possessive `’s`/`'s`.
    pub base_end: usize,
    pub word: bool,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }

    /// The word without its possessive ending.
    pub fn base<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.base_end]
    }

    /// True for a word ending in a possessive `’s`/`'s`.
    pub fn possessive(&self) -> bool {
        self.base_end != self.end
    }

    /// True for a word that starts with an upper-case letter.
    pub fn capitalized(&self, s: &str) -> bool {
        self.word
            && s[self.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// True for a punctuation token equal to `c`.
    pub fn is(&self, s: &str, c: char) -> bool {
        !self.word && s[self.start..].starts_with(c)
    }
}

fn inner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&' | '/')
}

/// The character at byte `i` (a char boundary) and its length, fast for ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        (c, c.len_utf8())
    }
}

/// The ASCII letters and digits, by byte: one load where the range tests take several.
pub(crate) const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// A letter or digit. Curly quotes, dashes and the other marks of U+2000-U+203F, common in
/// news text, are answered without the Unicode tables.
#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{203F}').contains(&c) && c.is_alphanumeric()
    }
}

/// Splits a sentence into tokens. Whitespace is dropped; each other non-word character is a
/// token of its own.
pub fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(s.len() / 5 + 1);
    tokenize_into(s, &mut toks);
    toks
}

/// [`tokenize`] into a reused vector (cleared first).
pub fn tokenize_into(s: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let mut i = 0;
    while i < s.len() {
        let (c, len) = char_at(s, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !alnum(c) {
            toks.push(Tok {
                start: i,
                end: i + len,
                base_end: i + len,
                word: false,
            });
            i += len;
            continue;
        }
        let mut end = i + len;
        while end < s.len() {
            if ASCII_WORD[usize::from(s.as_bytes()[end])] {
                end += 1;
                continue;
            }
            let (n, nlen) = char_at(s, end);
            if alnum(n) {
                end += nlen;
                continue;
            }
            // Inner punctuation joins a word when a letter or digit follows ("U.S", "1,500").
            let joins = (inner(n)
                || (n == ',' && s[..end].ends_with(|p: char| p.is_ascii_digit())))
                && end + nlen < s.len()
                && {
                    let (x, _) = char_at(s, end + nlen);
                    alnum(x) && (n != ',' || x.is_ascii_digit())
                };
            if joins {
                end += nlen;
            } else {
                break;
            }
        }
        // A full stop after an abbreviation, an initial or a dotted acronym belongs to it.
        if s[end..].starts_with('.') {
            let w = &s[i..end];
            let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            let dotted = w.contains('.') && w.chars().all(|c| c.is_alphabetic() || c == '.');
            if initial || dotted || ABBREVIATIONS.contains(&w) {
                end += 1;
            }
        }
        let w = &s[i..end];
        let base_end = if w.ends_with("'s") || w.ends_with("’s") {
            end - if w.ends_with("'s") { 2 } else { "’s".len() }
        } else {
            end
        };
        toks.push(Tok {
            start: i,
            end,
            base_end,
            word: true,
        });
        i = end;
    }
}

/// Whether `text` has an ASCII digit, looking at eight bytes at a time.
pub fn has_digit(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Seven-bit bytes between 0x30 and 0x39 set their high bit here (a byte of 0x80 or
        // more never does: it is cleared by `!x`).
        let low7 = x & (ONES * 0x7F);
        let found = (ONES * (0x7F + 0x3A) - low7) & !x & (low7 + ONES * (0x7F - 0x2F)) & HIGH;
        if found != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// The double quotation marks of `text` (`"`, `“`, `”`, `«`, `»`) with their byte offsets,
/// found by a vectorised search for their first bytes rather than character by character.
pub fn quote_marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, b).filter_map(move |i| match b[i] {
        b'"' => Some((i, '"')),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x9C) => Some((i, '“')),
            Some(0x9D) => Some((i, '”')),
            _ => None,
        },
        0xC2 => match b.get(i + 1) {
            Some(0xAB) => Some((i, '«')),
            Some(0xBB) => Some((i, '»')),
            _ => None,
        },
        _ => None,
    })
}

/// A fixed list of lower-case words, hashed into a set on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>>,
}

impl WordSet {
    /// A set of `words` (hashed on first use).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `w` is one of the words.
    pub fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// FNV-1a: the sets hold a few hundred short words, where it beats SipHash several times.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn the_quick_letter_test_agrees_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn quote_marks_are_found_with_their_offsets() {
        let t = "a \"b\" “c” «d» ‘e’ — é";
        let marks: Vec<(usize, char)> = super::quote_marks(t).collect();
        let expected: Vec<(usize, char)> = t
            .char_indices()
            .filter(|(_, c)| matches!(c, '"' | '“' | '”' | '«' | '»'))
            .collect();
        assert_eq!(marks, expected);
    }

    #[test]
    fn the_eight_byte_digit_test_agrees_with_a_plain_one() {
        for len in 0..20 {
            for at in 0..len {
                for byte in 0..=0x7Fu8 {
                    for fill in [b'a', b'/', b':', 0x7F, b' '] {
                        let mut v = vec![fill; len];
                        v[at] = byte;
                        let t = std::str::from_utf8(&v).expect("ASCII");
                        assert_eq!(
                            super::has_digit(t),
                            v.iter().any(u8::is_ascii_digit),
                            "{v:?}"
                        );
                    }
                }
            }
        }
        for t in ["éé9", "ééééééé9é", "é0", "””””””", "£½¾²³"] {
            assert_eq!(
                super::has_digit(t),
                t.bytes().any(|b| b.is_ascii_digit()),
                "{t}"
            );
        }
    }

    #[test]
    fn abbreviations_keep_their_stop() {
        assert_eq!(
            words("Russia’s U.N. Ambassador Mr. Nebenzia said."),
            [
                "Russia’s",
                "U.N.",
                "Ambassador",
                "Mr.",
                "Nebenzia",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn hyphens_and_possessives() {
        let s = "U.S.-led sanctions, Korea-Russia ties and NATO's chief";
        let t = tokenize(s);
        assert_eq!(words(s)[..3], ["U.S.", "-", "led"]);
        let nato = t.iter().find(|t| t.text(s) == "NATO's").expect("token");
        assert!(nato.possessive());
        assert_eq!(nato.base(s), "NATO");
    }

    #[test]
    fn quotes_and_figures() {
        assert_eq!(
            words("“weapons,” 13,000 and 3.5"),
            ["“", "weapons", ",", "”", "13,000", "and", "3.5"]
        );
    }
}

//! Text stage: bytes become clean text, front matter, paragraphs, headings and transcript turns.
//!
//! Nothing that leaves this module carries a control character, an escape sequence, a
//! bidirectional override or an invisible zero-width character: document text can never
//! drive the terminal it is shown on.

use super::LoadError;
use crate::model::{Format, Heading};

/// The document after the text stage.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Document {
    pub title: Option<String>,
    /// The date as written in the front matter or header (validated later).
    pub date: Option<String>,
    pub source: Option<String>,
    /// The licence the front matter names (`public domain (U.S. government work)`): it can
    /// say which government issued the document.
    pub license: Option<String>,
    /// The format the front matter names, if it does.
    pub format: Option<Format>,
    pub body: String,
    pub warnings: Vec<String>,
}

/// Decodes bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM; refuses binary input;
/// invalid UTF-8 is replaced and reported in `warnings`. Line ends become `\n` and the text is
/// sanitised.
pub fn decode(mut bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, LoadError> {
    let text = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        utf8(bytes, warnings)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, warnings)
    } else {
        utf8(bytes, warnings)?
    };
    Ok(sanitize_owned(text))
}

/// Takes the bytes as they are when they are valid UTF-8 (no copy).
fn utf8(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    String::from_utf8(bytes).or_else(|e| {
        let first = e.utf8_error().valid_up_to();
        warnings.push(format!(
            "invalid UTF-8 (first at byte {first}) replaced with \u{FFFD}"
        ));
        Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks(2).map(|c| {
        if c.len() == 2 {
            unit([c[0], c[1]])
        } else {
            0xFFFD
        }
    });
    let mut bad = false;
    let s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad = true;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad || bytes.len() % 2 == 1 {
        warnings.push("invalid UTF-16 replaced with \u{FFFD}".to_owned());
    }
    s
}

/// True for characters that are removed from document text: C0/C1 controls other than line
/// feed and tab, DEL, bidirectional controls, and invisible format characters.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Removes escape sequences (CSI, OSC, DCS and other string controls, two-character escapes),
/// C0/C1 control characters, bidirectional overrides and zero-width characters; turns CRLF
/// and lone CR into LF, tabs and Unicode line/paragraph separators into space/LF.
/// A zero-width joiner is kept only between two non-ASCII characters (emoji sequences).
pub fn sanitize(input: &str) -> String {
    sanitize_owned(input.to_owned())
}

/// [`sanitize`] for an owned string, returned unchanged (without a copy) when clean.
pub fn sanitize_owned(owned: String) -> String {
    let input = owned.as_str();
    // Most text has nothing to remove: find the first character that might need work and
    // copy everything before it at once.
    let needs_work = |c: char| {
        c < ' ' && c != '\n'
            || (c >= '\u{7F}'
                && (c <= '\u{9F}'
                    || is_hidden(c)
                    || matches!(c, '\u{200D}' | '\u{2028}' | '\u{2029}')))
    };
    // Printable ASCII and line ends are skipped a byte at a time; any other character is
    // decoded and checked.
    let mut clean_up_to = input.len();
    let mut i = 0;
    while let Some(k) = first_unplain(&input.as_bytes()[i..]) {
        i += k;
        let c = input[i..].chars().next().unwrap_or(' ');
        if needs_work(c) {
            clean_up_to = i;
            break;
        }
        i += c.len_utf8();
    }
    if clean_up_to == input.len() {
        return owned;
    }
    let mut out = String::with_capacity(input.len());
    out.push_str(&input[..clean_up_to]);
    let input = &input[clean_up_to..];
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{1B}' => skip_escape(&mut chars),
            // 8-bit CSI, OSC, DCS, SOS, PM, APC: skip the whole sequence.
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            '\u{200D}' => {
                let prev_wide = out.chars().next_back().is_some_and(|p| !p.is_ascii());
                let next_wide = chars
                    .peek()
                    .is_some_and(|n| !n.is_ascii() && !is_hidden(*n));
                if prev_wide && next_wide {
                    out.push(c);
                }
            }
            c if is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The first byte that is not printable ASCII or a line feed, looking at eight bytes at a
/// time where it can.
fn first_unplain(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let plain = |b: u8| (b' '..0x7F).contains(&b) || b == b'\n';
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte below 0x20, or of 0x7F and above, sets its high bit in one of these.
        let low = x.wrapping_sub(ONES * 0x20) & !x;
        let high = x | x.wrapping_add(ONES);
        if (low | high) & HIGH != 0
            && let Some(k) = chunk.iter().position(|&b| !plain(b))
        {
            return Some(at + k);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| !plain(b)).map(|k| at + k)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF escapes: intermediates then a final byte.
        Some(' '..='/') => {
            while let Some(&n) = chars.peek() {
                // A line end is never part of an escape (and CRLF must read like LF).
                if matches!(n, '\n' | '\r') {
                    break;
                }
                chars.next();
                if !(' '..='/').contains(&n) {
                    break;
                }
            }
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars) {
    while let Some(&n) = chars.peek() {
        if ('\u{30}'..='\u{3F}').contains(&n) || ('\u{20}'..='\u{2F}').contains(&n) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7E}').contains(&n) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips a control string up to BEL, ST (ESC \ or U+9C), or a line end, so a sequence left
/// open cannot swallow the rest of the document.
fn skip_string(chars: &mut Chars) {
    while let Some(n) = chars.next() {
        match n {
            '\u{7}' | '\u{9C}' => return,
            '\u{1B}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            // CRLF ends it like LF does: both line-end characters go.
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Splits off front matter: TOML between `+++` lines, or a plain `Title:` / `Date:` header.
pub fn front_matter(mut text: String, warnings: Vec<String>) -> Document {
    let mut doc = Document {
        warnings,
        ..Document::default()
    };
    let trimmed = text.trim_start_matches('\n');
    let mut body_len = text.len();
    if let Some(rest) = trimmed.strip_prefix("+++\n")
        && let Some(end) = find_closing(rest)
    {
        let block = &rest[..end];
        let body_start = (end + 4).min(rest.len());
        parse_toml_header(block, &mut doc);
        body_len = rest.len() - body_start;
    } else if let Some((header, body)) = plain_header(trimmed) {
        for (key, value) in header {
            apply_field(&mut doc, &key, value);
        }
        body_len = body.len();
    }
    // The body is the text's tail: drop the header in place rather than copy the body.
    text.drain(..text.len() - body_len);
    doc.body = text;
    doc
}

fn find_closing(rest: &str) -> Option<usize> {
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some(pos);
        }
        pos += line.len();
    }
    None
}

fn parse_toml_header(block: &str, doc: &mut Document) {
    let table: toml::Table = match block.parse() {
        Ok(t) => t,
        Err(e) => {
            let msg = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_owned();
            doc.warnings
                .push(format!("front matter is not valid TOML ({msg}); ignored"));
            return;
        }
    };
    for (key, value) in table {
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        apply_field(doc, &key, value);
    }
}

fn apply_field(doc: &mut Document, key: &str, value: String) {
    // TOML escapes (`\u001b`, `\u202e`, `\n`) make controls the body's sanitising never saw:
    // clean the value again and keep it on one line.
    let value = sanitize_owned(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match key.to_ascii_lowercase().as_str() {
        "title" => doc.title = Some(value),
        "date" => doc.date = Some(value),
        "source" => doc.source = Some(value),
        "license" | "licence" => doc.license = Some(value),
        "format" => match value.to_ascii_lowercase().as_str() {
            "article" | "prose" => doc.format = Some(Format::Article),
            "transcript" => doc.format = Some(Format::Transcript),
            _ => doc.warnings.push(format!(
                "unknown format {value:?} in front matter; detected instead"
            )),
        },
        _ => {}
    }
}

/// A plain header: the first lines are `Key: value` with known keys (title, date, source,
/// format, author), ended by a blank line.
fn plain_header(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let mut fields = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim();
        if l.is_empty() {
            if fields.is_empty() {
                return None;
            }
            let has_key = fields
                .iter()
                .any(|(k, _): &(String, String)| k == "title" || k == "date");
            return has_key.then_some((fields, &text[pos + line.len()..]));
        }
        let (key, value) = header_field(l)?;
        fields.push((key.to_ascii_lowercase(), value.to_owned()));
        pos += line.len();
    }
    None
}

/// `Key: value` with a known key in any case (title, date, source, format, author, by) and a
/// value, in a trimmed line: what `(?i)^(title|date|source|format|author|by)\s*:\s*(.+)$`
/// captures, without compiling a regex.
fn header_field(l: &str) -> Option<(&str, &str)> {
    const KEYS: [&str; 6] = ["title", "date", "source", "format", "author", "by"];
    let colon = l.find(':')?;
    let key = l[..colon].trim_end();
    // Unicode case folding, as `(?i)` does: of these keys' letters only `s` has a third
    // form, the long s.
    let same = |k: &str| {
        key.chars().count() == k.len()
            && key
                .chars()
                .zip(k.chars())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b) || (b == 's' && a == '\u{17f}'))
    };
    if !KEYS.iter().any(|k| same(k)) {
        return None;
    }
    let value = l[colon + 1..].trim_start();
    (!value.is_empty()).then_some((key, value))
}

/// If `line` starts with a transcript turn label (`MR PRICE:`, `QUESTION:`, `Q:`, `Q  `),
/// returns the label and the byte length of the label with its colon and spaces.
pub fn turn_label(line: &str) -> Option<(String, usize)> {
    let skip_ws = |from: usize| from + (line[from..].len() - line[from..].trim_start().len());
    if let Some(rest) = line.strip_prefix('Q') {
        let after = rest.trim_start_matches([' ', '\t']);
        let spaces = rest.len() - after.len();
        if after.starts_with(':') {
            return Some(("Q".to_owned(), skip_ws(line.len() - after.len() + 1)));
        }
        if rest.starts_with(". ") || spaces >= 2 {
            return Some((
                "Q".to_owned(),
                skip_ws(1 + usize::from(rest.starts_with('.'))),
            ));
        }
    }
    let colon = line.char_indices().take(110).find(|&(_, c)| c == ':')?.0;
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let mut head = line[..colon].trim_end();
    // An aside before the colon: "MR PRICE (via telephone):".
    if head.ends_with(')') {
        let open = head.rfind('(')?;
        if head.len() - open > 42 {
            return None;
        }
        head = head[..open].trim_end();
    }
    let mut chars = head.chars();
    let first_ok = chars.next().is_some_and(char::is_uppercase);
    let body_ok = head
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-' | ' '));
    let last_ok = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_uppercase() || c == '.');
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    (first_ok && body_ok && last_ok && letters >= 2 && head.chars().count() <= 62)
        .then(|| (head.to_owned(), skip_ws(colon + 1)))
}

/// Whether a turn label names a role: QUESTION, MODERATOR, OPERATOR, Q, or begins with a
/// title or office as a word of its own (MR PRICE, SENIOR STATE DEPARTMENT OFFICIAL).
fn names_a_role(label: &str) -> bool {
    const WHOLE: [&str; 4] = ["Q", "QUESTION", "MODERATOR", "OPERATOR"];
    const OPENING: [&str; 23] = [
        "MR",
        "MS",
        "MRS",
        "DR",
        "CAPT",
        "GEN",
        "ADM",
        "COL",
        "AMB",
        "AMBASSADOR",
        "SECRETARY",
        "PRESIDENT",
        "SENATOR",
        "SEN",
        "REP",
        "GOVERNOR",
        "MINISTER",
        "SENIOR",
        "SPOKESPERSON",
        "SPOKESMAN",
        "SPOKESWOMAN",
        "PARTICIPANT",
        "DIRECTOR",
    ];
    if label.contains('\n') {
        return false;
    }
    WHOLE.contains(&label)
        || OPENING.iter().any(|t| {
            label.strip_prefix(t).is_some_and(|rest| {
                // An ASCII word boundary after the title.
                !rest
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            })
        })
}

/// Guesses the format: a transcript when at least two paragraphs open with a turn label, or
/// the first one does with a label that names a role (QUESTION, MODERATOR, MR. X).
pub fn detect_format(body: &str) -> Format {
    let mut labels = 0;
    let mut first = true;
    // The opening of a transcript shows its turns; a long article need not be read through.
    for line in body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(200)
    {
        if let Some((label, _)) = turn_label(line) {
            labels += 1;
            if labels >= 2 || (first && names_a_role(&label)) {
                return Format::Transcript;
            }
        }
        first = false;
    }
    Format::Article
}

/// Splits the body into paragraphs and headings. Paragraphs are separated by blank lines; a
/// body with no blank line at all has one paragraph per line. In a transcript each turn label
/// starts a paragraph, and paragraphs without a label continue the previous turn. Markdown
/// headings (`# Title`) become headings, not paragraphs; list items become paragraphs.
///
/// The paragraphs are not kept: `each` gets every paragraph's text and turn label (without
/// its colon) in order, from one reused buffer, so a large document is not copied whole.
/// Returns the headings.
pub fn each_paragraph(
    body: &str,
    format: Format,
    mut each: impl FnMut(&str, Option<&str>),
) -> Vec<Heading> {
    let has_blank = body.trim().lines().any(|l| l.trim().is_empty());
    let mut count = 0;
    let mut headings = Vec::new();
    let mut current = String::new();
    let mut turn: Option<String> = None;
    let mut current_turn: Option<String> = None;

    let mut flush = |current: &mut String, current_turn: &Option<String>| {
        let t = current.trim();
        if !t.is_empty() {
            each(t, current_turn.as_deref());
            count += 1;
        }
        current.clear();
        count
    };

    for raw in body.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut current, &current_turn);
            continue;
        }
        if let Some(h) = heading(line) {
            headings.push(Heading {
                text: h.1.to_owned(),
                level: h.0,
                paragraph: flush(&mut current, &current_turn),
            });
            continue;
        }
        let mut content = line;
        let mut starts_new = !has_blank || is_list_item(line);
        if format == Format::Transcript
            && let Some((label, len)) = turn_label(line)
        {
            turn = Some(label);
            content = &line[len..];
            starts_new = true;
        }
        if starts_new {
            flush(&mut current, &current_turn);
        }
        if current.is_empty() {
            current_turn.clone_from(&turn);
        } else {
            current.push(' ');
        }
        current.push_str(content.trim());
    }
    flush(&mut current, &current_turn);
    headings
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then_some((hashes, text))
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_are_read_as_the_regex_read_them() {
        let re = regex::Regex::new(r"(?i)^(title|date|source|format|author|by)\s*:\s*(.+)$")
            .expect("regex");
        for l in [
            "Title: A",
            "TITLE :  x y",
            "date:2024-01-01",
            "Source\t:\u{a0}gov",
            "by: me:you",
            "ſource: long s",
            "Format:",
            "Format: ",
            "author",
            "authors: x",
            "title x: y",
            "Dates: 1",
            "BY:x",
            "titlé: x",
            ":x",
            "tıtle: dotless",
            "author : : x",
        ] {
            let l = l.trim();
            let theirs = re.captures(l).map(|c| (c[1].to_owned(), c[2].to_owned()));
            let ours = header_field(l).map(|(k, v)| (k.to_owned(), v.to_owned()));
            assert_eq!(ours, theirs, "{l:?}");
        }
    }

    #[test]
    fn role_labels_are_told_as_the_regex_told_them() {
        let re = regex::Regex::new(r"^(?:Q|QUESTION|MODERATOR|OPERATOR|(?:MR|MS|MRS|DR|CAPT|GEN|ADM|COL|AMB|AMBASSADOR|SECRETARY|PRESIDENT|SENATOR|SEN|REP|GOVERNOR|MINISTER|SENIOR|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|PARTICIPANT|DIRECTOR)(?-u:\b).*)$")
            .expect("regex");
        for l in [
            "Q",
            "QQ",
            "Q.",
            "QUESTION",
            "QUESTIONS",
            "MODERATOR",
            "MR PRICE",
            "MR. PRICE",
            "MRS SMITH",
            "MRSMITH",
            "MR",
            "SENIOR ADMINISTRATION OFFICIAL",
            "SEN",
            "SENATE",
            "SENÉ",
            "MR_X",
            "MR9",
            "DIRECTORÉ",
            "MS",
            "AMBASSADOR THOMAS-GREENFIELD",
            "PRICE",
            "OPERATOR X",
        ] {
            assert_eq!(names_a_role(l), re.is_match(l), "{l:?}");
        }
    }

    /// The paragraphs as (text, turn) pairs, and the headings.
    fn paragraphs(body: &str, format: Format) -> (Vec<Para>, Vec<Heading>) {
        let mut paras = Vec::new();
        let headings = each_paragraph(body, format, |text, turn| {
            paras.push(Para {
                text: text.to_owned(),
                turn: turn.map(str::to_owned),
            });
        });
        (paras, headings)
    }

    struct Para {
        text: String,
        turn: Option<String>,
    }

    fn dec(b: &[u8]) -> (String, Vec<String>) {
        let mut w = Vec::new();
        let s = decode(b.to_vec(), &mut w).expect("decodes");
        (s, w)
    }

    #[test]
    fn the_eight_byte_scan_finds_every_unplain_byte() {
        let naive = |b: &[u8]| {
            b.iter()
                .position(|&x| !((b' '..0x7F).contains(&x) || x == b'\n'))
        };
        for len in 0..20 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut v = vec![b'a'; len];
                    v[at] = byte;
                    assert_eq!(
                        super::first_unplain(&v),
                        naive(&v),
                        "{byte:#x} at {at} of {len}"
                    );
                    v.iter_mut().skip(at + 1).for_each(|x| *x = 0xFF);
                    assert_eq!(
                        super::first_unplain(&v),
                        naive(&v),
                        "{byte:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(dec("héllo".as_bytes()).0, "héllo");
        assert_eq!(dec(b"\xEF\xBB\xBFabc").0, "abc");
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Seoul 서울".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Seoul 서울".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(dec(&le).0, "Seoul 서울");
        assert_eq!(dec(&be).0, "Seoul 서울");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let (s, w) = dec(b"ab\xFFcd");
        assert_eq!(s, "ab\u{FFFD}cd");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("byte 2"), "{w:?}");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let mut w = Vec::new();
        assert!(matches!(
            decode(b"ab\0cd".to_vec(), &mut w),
            Err(LoadError::Binary)
        ));
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(dec(b"a\r\nb\rc\n").0, "a\nb\nc\n");
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let input = "a\x1b[2Jb\x1b]52;c;aGk=\x07c\x1b]0;title\x1b\\d\x07e\x08f\u{9b}31mg\u{202E}h\u{2067}i\u{200B}j\x1bck";
        assert_eq!(sanitize(input), "abcdefghijk");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("a\x1b]0;never closed\nnext"), "anext");
    }

    #[test]
    fn zwj_kept_inside_emoji_only() {
        let family = "👩\u{200D}👧";
        assert_eq!(sanitize(family), family);
        assert_eq!(sanitize("pay\u{200D}pal"), "paypal");
    }

    #[test]
    fn toml_front_matter() {
        let d = front_matter(
            "+++\ntitle = \"T\"\ndate = 2024-10-23\nlicense = \"CC0\"\nformat = \"transcript\"\n+++\nBody.\n"
                .into(),
            vec![],
        );
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.license.as_deref(), Some("CC0"));
        assert_eq!(d.date.as_deref(), Some("2024-10-23"));
        assert_eq!(d.format, Some(Format::Transcript));
        assert_eq!(d.body, "Body.\n");
    }

    #[test]
    fn bad_front_matter_is_a_warning() {
        let d = front_matter("+++\ntitle = \n+++\nBody.".into(), vec![]);
        assert_eq!(d.title, None);
        assert_eq!(d.body, "Body.");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn plain_header() {
        let d = front_matter(
            "Title: Hello\nDate: 2020-01-02\n\nBody here.".into(),
            vec![],
        );
        assert_eq!(d.title.as_deref(), Some("Hello"));
        assert_eq!(d.date.as_deref(), Some("2020-01-02"));
        assert_eq!(d.body, "Body here.");
        let d = front_matter("Dear all:\n\nBody.".into(), vec![]);
        assert_eq!(d.title, None);
    }

    #[test]
    fn turn_labels() {
        assert_eq!(turn_label("MR PRICE: Sure."), Some(("MR PRICE".into(), 10)));
        assert_eq!(
            turn_label("MS. PSAKI: Well."),
            Some(("MS. PSAKI".into(), 11))
        );
        assert_eq!(turn_label("Q: Why?").map(|l| l.0), Some("Q".into()));
        assert_eq!(turn_label("Q    Why?").map(|l| l.0), Some("Q".into()));
        assert_eq!(turn_label("Sure: fine"), None);
        assert_eq!(turn_label("A: fine"), None);
        assert_eq!(turn_label("Quite so."), None);
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(
            detect_format("MR. KIRBY: Thanks.\n\nMore."),
            Format::Transcript
        );
        assert_eq!(
            detect_format("QUESTION: a?\n\nMR X: b."),
            Format::Transcript
        );
        assert_eq!(
            detect_format("South Korea has said.\nMore."),
            Format::Article
        );
    }

    #[test]
    fn paragraphs_by_blank_lines_or_lines() {
        let (p, _) = paragraphs("One a.\nOne b.\n\nTwo.", Format::Article);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "One a. One b.");
        let (p, _) = paragraphs("One.\nTwo.\nThree.", Format::Article);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn transcript_turns_carry_over() {
        let (p, _) = paragraphs("MR X: Hello.\n\nMore.\n\nQ: Why?", Format::Transcript);
        let turns: Vec<_> = p.iter().map(|p| p.turn.as_deref()).collect();
        assert_eq!(turns, [Some("MR X"), Some("MR X"), Some("Q")]);
        assert_eq!(p[0].text, "Hello.");
    }

    #[test]
    fn headings_are_not_paragraphs() {
        let (p, h) = paragraphs("# Title\n\nBody.\n\n## Part two\nMore.", Format::Article);
        assert_eq!(p.len(), 2);
        assert_eq!(h.len(), 2);
        assert_eq!(
            (h[1].text.as_str(), h[1].level, h[1].paragraph),
            ("Part two", 2, 1)
        );
    }
}

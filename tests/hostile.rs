//! Hostile and broken input at the command line (issue 5, the loader/CLI rows): what
//! `debrief analyze` does with missing paths, binary files, odd encodings, terminal escape
//! sequences, bidirectional controls, huge inputs, stray quotes and broken front matter.
//!
//! Complements `tests/cli.rs`, which already has one basic case for several rows. Nothing here
//! measures wall-clock time: bounded time is shown by the test finishing.

mod common;

use common::command::{debrief, stderr, with_stdin};
use common::controls::{BIDI, CONTROLS, PAYLOADS, forbidden};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A fresh directory for one test, removed when the test is done with it.
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn dir(test: &str) -> TempDir {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-hostile-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    TempDir(d)
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("writes");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf8 path")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not one JSON object ({e}); stderr: {}; stdout starts {:?}",
            stderr(o),
            String::from_utf8_lossy(&o.stdout[..o.stdout.len().min(300)])
        )
    })
}

fn texts(v: &serde_json::Value) -> Vec<String> {
    v["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text").to_owned())
        .collect()
}

/// Analyses `bytes` as a file, both as JSON and as text; returns (JSON output, text output).
fn both(test: &str, bytes: &[u8]) -> (Output, Output) {
    let d = dir(test);
    let p = file(&d, "in.txt", bytes);
    let j = debrief(&["analyze", s(&p)]);
    let t = debrief(&["analyze", "--format", "text", s(&p)]);
    assert_eq!(j.status.code(), Some(0), "{}", stderr(&j));
    assert_eq!(t.status.code(), Some(0), "{}", stderr(&t));
    (j, t)
}

/// No forbidden character in the raw output bytes (tabs included: nothing in our output is
/// tab-separated), and no ESC or BEL byte at all.
fn assert_clean_bytes(what: &str, out: &[u8]) {
    assert!(!out.contains(&0x1b), "{what}: ESC byte in output");
    assert!(!out.contains(&0x07), "{what}: BEL byte in output");
    let text = String::from_utf8(out.to_vec()).expect("output is UTF-8");
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| c == '\t' || forbidden(c))
    {
        panic!("{what}: {c:?} at byte {i} in output: {text:?}");
    }
}

/// No forbidden character in any string of the JSON document, escaped or not, and no newline
/// or tab in the document's own strings (warnings aside, which are stderr's business).
fn assert_clean_json(v: &serde_json::Value) {
    fn walk(path: &str, v: &serde_json::Value) {
        match v {
            serde_json::Value::String(t) => {
                if let Some(c) = t.chars().find(|&c| forbidden(c) || c == '\n' || c == '\t') {
                    panic!("{path}: {c:?} in {t:?}");
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), x);
                }
            }
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    walk(&format!("{path}.{k}"), x);
                }
            }
            _ => {}
        }
    }
    walk("$", v);
}

/// Both outputs clean; returns the JSON.
fn assert_clean(test: &str, bytes: &[u8]) -> serde_json::Value {
    let (j, t) = both(test, bytes);
    assert_clean_bytes(&format!("{test} json"), &j.stdout);
    assert_clean_bytes(&format!("{test} text"), &t.stdout);
    assert_clean_bytes(&format!("{test} stderr"), &j.stderr);
    let v = json(&j);
    assert_clean_json(&v);
    v
}

/// Whitespace-free form of a text, for "the sentences cover the text" checks.
fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_one_line_error(o: &Output, path: &str, what: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    let e = stderr(o);
    assert_eq!(e.lines().count(), 1, "one line: {e:?}");
    assert!(e.ends_with('\n'), "{e:?}");
    assert!(e.contains(path), "names {path}: {e:?}");
    assert!(e.contains(what), "says {what}: {e:?}");
    assert!(o.stdout.is_empty(), "nothing on stdout");
}

// ---- paths -------------------------------------------------------------------------------

#[test]
fn missing_path_in_a_missing_directory() {
    let d = dir("missing");
    let p = d.join("gone").join("brief.txt");
    let o = debrief(&["analyze", s(&p)]);
    assert_one_line_error(&o, s(&p), "no such file");
}

#[test]
fn missing_path_with_spaces_and_unicode_is_named() {
    let d = dir("missing-unicode");
    let p = d.join("Brief – 서울 “draft”.txt");
    let o = debrief(&["analyze", "--format", "text", s(&p)]);
    assert_one_line_error(&o, s(&p), "no such file");
}

#[test]
fn hostile_file_names_are_escaped_in_messages() {
    let d = dir("hostile-name");
    let name = "brief\x1b]0;owned\x07\nsecond line\u{202E}txt.\x1b[2J";
    // Missing: a one-line error, no control byte on stderr.
    let missing = d.join(name);
    let o = debrief(&["analyze", s(&missing)]);
    assert_eq!(o.status.code(), Some(2));
    assert_clean_bytes("stderr", &o.stderr);
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e:?}");
    assert!(
        e.contains(r"brief\u{1b}]0;owned\u{7}\u{a}second line\u{202e}txt."),
        "{e:?}"
    );
    // Present, with invalid UTF-8: the warning line is clean too.
    let p = file(&d, name, b"The minister denied \xff it.");
    let o = debrief(&["analyze", s(&p)]);
    assert_eq!(o.status.code(), Some(0));
    assert_clean_bytes("stderr", &o.stderr);
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn a_missing_path_after_a_good_one_stops_with_status_2() {
    let d = dir("missing-second");
    let good = file(&d, "good.txt", b"The ministry denied the report.");
    let bad = d.join("bad.txt");
    let o = debrief(&["analyze", s(&good), s(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains(s(&bad)) && e.contains("no such file"), "{e}");
}

#[test]
fn an_empty_directory_is_refused_by_name() {
    let d = dir("empty-dir");
    let sub = d.join("no-briefings-here");
    std::fs::create_dir_all(&sub).expect("dir");
    let o = debrief(&["analyze", s(&sub)]);
    assert_one_line_error(&o, s(&sub), "no briefings");
    // With a trailing slash too.
    let slash = format!("{}/", s(&sub));
    let o = debrief(&["analyze", &slash]);
    assert_one_line_error(&o, &slash, "no briefings");
}

#[test]
fn an_unreadable_file_is_refused_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir("no-permission");
    let p = file(&d, "secret.txt", b"The ministry denied the report.");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&p).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): the file stays readable, so the
        // permission error cannot be produced here.
        eprintln!(
            "note: {} is still readable (root?); permission case skipped",
            s(&p)
        );
        let o = debrief(&["analyze", s(&p)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        return;
    }
    let o = debrief(&["analyze", s(&p)]);
    assert_one_line_error(&o, s(&p), "permission denied");
}

// ---- empty input -------------------------------------------------------------------------

#[test]
fn empty_and_blank_inputs_give_an_empty_analysis() {
    let cases: &[(&str, &[u8])] = &[
        ("zero bytes", b""),
        ("newlines", b"\n\n\n"),
        ("crlf", b"\r\n\r\n"),
        ("lone cr", b"\r\r\r"),
        ("mixed blanks", b" \t \n\x0b\x0c\n  "),
        ("utf8 bom only", b"\xEF\xBB\xBF"),
        ("utf8 bom then blanks", b"\xEF\xBB\xBF  \n\n"),
        ("utf16le bom only", b"\xFF\xFE"),
        ("utf16be bom only", b"\xFE\xFF"),
        (
            "unicode spaces",
            "\u{00A0}\u{2003}\u{3000}\n\u{2028}\u{2029}".as_bytes(),
        ),
        ("controls only", b"\x1b[2J\x1b]0;title\x07\x08\x7f"),
        (
            "zero widths only",
            "\u{200B}\u{FEFF}\u{2066}\u{2069}".as_bytes(),
        ),
        ("empty front matter", b"+++\n+++\n"),
    ];
    for (i, (what, bytes)) in cases.iter().enumerate() {
        let (j, t) = both(&format!("empty-{i}"), bytes);
        let v = json(&j);
        assert_eq!(v["sentences"].as_array().map(Vec::len), Some(0), "{what}");
        assert_eq!(v["sources"].as_array().map(Vec::len), Some(0), "{what}");
        assert_eq!(v["timeline"].as_array().map(Vec::len), Some(0), "{what}");
        assert_eq!(v["paragraphs"], 0, "{what}");
        let text = String::from_utf8_lossy(&t.stdout);
        assert!(text.contains("sentences: 0"), "{what}: {text}");
        assert!(j.stderr.is_empty(), "{what}: no warning: {}", stderr(&j));
    }
}

#[test]
fn empty_standard_input_gives_an_empty_analysis() {
    let o = with_stdin(&["analyze", "-"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["sentences"].as_array().map(Vec::len), Some(0));
    let o = with_stdin(&["analyze", "--format", "text", "-"], b"   \n");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("sentences: 0"));
}

// ---- binary ------------------------------------------------------------------------------

#[test]
fn nul_bytes_anywhere_are_refused_as_binary() {
    let d = dir("binary");
    let cases: &[(&str, &[u8])] = &[
        ("nul.txt", b"\0"),
        ("middle.txt", b"The ministry denied\0 the report."),
        ("end.txt", b"The ministry denied the report.\0"),
        ("bom.txt", b"\xEF\xBB\xBFThe ministry\0 denied."),
        ("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("utf16-no-bom.txt", b"T\0h\0e\0 \0m\0i\0n\0"),
    ];
    for (name, bytes) in cases {
        let p = file(&d, name, bytes);
        for format in ["json", "text"] {
            let o = debrief(&["analyze", "--format", format, s(&p)]);
            assert_one_line_error(&o, s(&p), "looks like a binary file");
        }
    }
}

#[test]
fn binary_standard_input_is_refused() {
    let o = with_stdin(&["analyze", "-"], b"abc\0def");
    assert_one_line_error(&o, "-", "looks like a binary file");
}

// ---- encodings ---------------------------------------------------------------------------

#[test]
fn invalid_utf8_of_every_kind_is_replaced_with_one_warning() {
    let cases: &[(&str, &[u8])] = &[
        ("lone continuation", b"The minister \x80denied it."),
        ("truncated at end", b"The minister denied it. \xE2\x82"),
        ("overlong slash", b"The minister \xC0\xAFdenied it."),
        ("encoded surrogate", b"The minister \xED\xA0\x80denied it."),
        (
            "beyond U+10FFFF",
            b"The minister \xF4\x90\x80\x80denied it.",
        ),
        ("latin-1", b"The minist\xe8re denied it. Caf\xe9."),
        ("ff fe in the middle", b"The minister\xFF\xFE denied it."),
    ];
    for (i, (what, bytes)) in cases.iter().enumerate() {
        let (j, t) = both(&format!("utf8-{i}"), bytes);
        let e = stderr(&j);
        assert_eq!(e.lines().count(), 1, "{what}: one warning: {e}");
        assert!(
            e.contains("warning: invalid UTF-8") && e.contains("in.txt"),
            "{what}: {e}"
        );
        assert_eq!(stderr(&t), e, "{what}: same warning for text");
        let v = json(&j);
        let all = texts(&v).concat();
        assert!(all.contains('\u{FFFD}'), "{what}: {all:?}");
        assert!(all.contains("denied"), "{what}: {all:?}");
        assert_eq!(v["warnings"].as_array().map(Vec::len), Some(1), "{what}");
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

const ENCODED: &str = "+++\ntitle = \"Talks in 서울\"\ndate = 2024-10-23\n+++\nThe ministry in Seoul denied the report on Tuesday. “We reject it,” said Mr. Kim.\n\nOfficials said the talks 🤝 would resume in March.\n";

#[test]
fn utf16_and_utf8_bom_read_like_plain_utf8() {
    let (plain, _) = both("enc-plain", ENCODED.as_bytes());
    let plain = json(&plain);
    assert_eq!(plain["title"], "Talks in 서울");
    assert!(texts(&plain).len() >= 3);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(ENCODED.as_bytes());
    let variants = [
        ("utf8 bom", bom),
        ("utf16 le", utf16(ENCODED, false)),
        ("utf16 be", utf16(ENCODED, true)),
    ];
    for (i, (what, bytes)) in variants.iter().enumerate() {
        let (j, _) = both(&format!("enc-{i}"), bytes);
        assert!(j.stderr.is_empty(), "{what}: {}", stderr(&j));
        assert_eq!(json(&j), plain, "{what}");
    }
}

#[test]
fn utf16_from_standard_input() {
    let o = with_stdin(&["analyze", "-"], &utf16(ENCODED, false));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["title"], "Talks in 서울");
}

#[test]
fn broken_utf16_is_replaced_with_a_warning() {
    // A lone high surrogate, then an odd trailing byte.
    let mut bytes = utf16("The ministry denied it.", false);
    bytes.extend([0x00, 0xD8, b'A', 0x00, b'x']);
    let (j, _) = both("utf16-broken", &bytes);
    let e = stderr(&j);
    assert!(e.contains("warning: invalid UTF-16"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(texts(&json(&j)).concat().contains('\u{FFFD}'));
}

#[test]
fn crlf_and_lone_cr_give_the_same_sentences_as_lf() {
    let lf = "Title: Line ends\nDate: 2024-03-01\n\nThe ministry denied the report.\nIt said talks would resume.\n\nOfficials said the border was closed.\n\n- A list item.\n- Another one.\n";
    let (base, _) = both("eol-lf", lf.as_bytes());
    let base = json(&base);
    assert_eq!(base["title"], "Line ends");
    for (i, eol) in ["\r\n", "\r"].into_iter().enumerate() {
        let converted = lf.replace('\n', eol);
        let (j, _) = both(&format!("eol-{i}"), converted.as_bytes());
        assert_eq!(json(&j), base, "line end {eol:?}");
    }
    // Mixed line ends in one file.
    let mixed = "Title: Line ends\r\nDate: 2024-03-01\r\rThe ministry denied the report.\rIt said talks would resume.\n\r\nOfficials said the border was closed.\n\n- A list item.\r- Another one.\r\n";
    let (j, _) = both("eol-mixed", mixed.as_bytes());
    assert_eq!(json(&j), base, "mixed line ends");
}

// ---- escape sequences and controls ---------------------------------------------------------

#[test]
fn escape_sequences_and_controls_never_reach_json_or_text() {
    for (i, (what, input)) in CONTROLS.iter().enumerate() {
        let v = assert_clean(&format!("ctl-{i}"), input.as_bytes());
        let all = texts(&v).join(" ");
        assert!(
            all.starts_with("The") && all.contains("talks") && all.contains("failed"),
            "{what}: {all:?}"
        );
        for payload in PAYLOADS {
            assert!(
                !all.contains(payload),
                "{what}: payload {payload} kept: {all:?}"
            );
        }
    }
}

#[test]
fn controls_in_every_part_of_a_document_are_removed() {
    // Front matter, plain header, heading, list item, transcript label, quotation.
    let article = "Title: \x1b]0;owned\x07Border \x1b[31mtalks\nDate: 2024-10-23\n\n# Head\x1b[2Jing \u{202E}one\n\n- Item \x1b[5mone\x07 said the minister.\n\nThe minister said \u{201C}we\x1b]52;c;aGk=\x07 deny\u{2066} it\u{201D}.\n";
    let v = assert_clean("ctl-parts", article.as_bytes());
    assert_eq!(v["title"], "Border talks");
    assert_eq!(v["headings"][0]["text"], "Heading one");
    let transcript = "+++\nformat = \"transcript\"\n+++\nMR\x1b[2J PRICE: Good after\x1b]0;x\x07noon.\n\nQUESTION\u{202E}: Why\x07 now?\n\nMR PRICE: We deny\x1b[0m it.\n";
    assert_clean("ctl-transcript", transcript.as_bytes());
}

#[test]
fn escapes_written_as_toml_escapes_in_front_matter_are_removed() {
    // TOML's own escapes turn into real control characters once the front matter is parsed:
    // they must be cleaned like the body is.
    let doc = "+++\ntitle = \"\\u001b]0;owned\\u0007Border \\u001b[2Jtalks \\u202Eyes\\u2066\"\nsource = \"Wire\\u009b31m \\u200Bservice\\u0008\"\ndate = \"2024-10-23\"\n+++\nThe ministry denied the report.\n";
    let v = assert_clean("toml-escapes", doc.as_bytes());
    assert_eq!(v["title"], "Border talks yes");
    assert_eq!(v["source"], "Wire service");
    assert_eq!(v["date"], "2024-10-23");
    // Line breaks and tabs inside a title do not break the one-line report header.
    let doc =
        "+++\ntitle = \"Border\\n\\ttalks\\r\\nagain\"\n+++\nThe ministry denied the report.\n";
    let v = assert_clean("toml-newline", doc.as_bytes());
    assert_eq!(v["title"], "Border talks again");
}

#[test]
fn warnings_about_hostile_front_matter_are_clean_on_stderr() {
    let doc = "+++\nformat = \"\\u001b]0;owned\\u0007\\u202Eweird\"\ndate = \"\\u001b[2J\\u2066not a date\"\n+++\nThe ministry denied the report.\n";
    let (j, _) = both("warn-escapes", doc.as_bytes());
    assert_clean_bytes("stderr", &j.stderr);
    let e = stderr(&j);
    assert_eq!(e.lines().count(), 2, "{e}");
    assert!(
        e.contains("unknown format") && e.contains("not YYYY-MM-DD"),
        "{e}"
    );
}

// ---- bidirectional and invisible characters ------------------------------------------------

#[test]
fn bidi_controls_and_zero_widths_are_removed() {
    for (i, (what, input, want)) in BIDI.iter().enumerate() {
        let v = assert_clean(&format!("bidi-{i}"), input.as_bytes());
        assert_eq!(texts(&v), [*want], "{what}");
    }
    // An emoji sequence keeps its joiner, which is not a hiding character.
    let v = assert_clean(
        "bidi-emoji",
        "The family 👩\u{200D}👧 said it was safe.".as_bytes(),
    );
    assert!(texts(&v)[0].contains("👩\u{200D}👧"));
}

// ---- quotes and brackets -----------------------------------------------------------------

#[test]
fn quotes_of_every_kind_and_stray_brackets_give_sentences_covering_the_text() {
    let cases = [
        "“We deny it,” the minister said. ”Backwards,“ he added.",
        "„Wir bestreiten das‟, sagte der Minister. The ministry denied it.",
        "« Nous démentons », a dit le ministre. ‹ Non › a-t-il ajouté.",
        "‘Single,’ she said. ’Reversed‘ he said. It's fine.",
        "\"Straight quotes,\" he said. 'Single straight,' she said.",
        "「我们否认」，发言人说。『引用』他说。",
        "He said “unbalanced and never closed. Then more text. And more.",
        "He said ” closes first. Then “ opens twice “ here.",
        "\"\"\"\" '''' ‘‘‘ ’’’ “““ ””” .",
        "The ministry (which denied it said nothing. Then ] stray ) brackets [ everywhere }.",
        "((([[[{{{ Nested without end. ))) ]]] }}} Closed without start.",
        "“(“[«‹„「Every opener at once. »›‟」]”)” Every closer at once.",
        "He said: “What?!” — and left… “Why?” Ensor asked. «Really»? ‹Yes›!",
        "U.S. officials said. Mr. Kim said “No.” Gen. Lee (ret.) denied it.",
        "“",
        "”.",
        "(",
        ".",
        "?!…",
    ];
    for (i, input) in cases.iter().enumerate() {
        let v = assert_clean(&format!("quotes-{i}"), input.as_bytes());
        let got = texts(&v);
        assert_eq!(
            squeeze(&got.concat()),
            squeeze(input),
            "sentences cover {input:?}: {got:?}"
        );
        for t in &got {
            assert!(!t.trim().is_empty(), "empty sentence in {got:?}");
            assert_eq!(t.trim(), t, "untrimmed sentence {t:?}");
        }
    }
}

// ---- front matter ------------------------------------------------------------------------

#[test]
fn broken_front_matter_is_a_warning_and_the_document_opens() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "not toml",
            "+++\ntitle = \ndate = 2024-10-23\n+++\nThe ministry denied the report.\n",
            "front matter is not valid TOML",
        ),
        (
            "unclosed string",
            "+++\ntitle = \"Open\n+++\nThe ministry denied the report.\n",
            "front matter is not valid TOML",
        ),
        (
            "duplicate key",
            "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\nThe ministry denied the report.\n",
            "front matter is not valid TOML",
        ),
        (
            "impossible toml date",
            "+++\ndate = 2024-13-45\n+++\nThe ministry denied the report.\n",
            "front matter is not valid TOML",
        ),
        (
            "bad date string",
            "+++\ndate = \"next Tuesday\"\n+++\nThe ministry denied the report.\n",
            "not YYYY-MM-DD",
        ),
        (
            "impossible date string",
            "+++\ndate = \"2023-02-30\"\n+++\nThe ministry denied the report.\n",
            "not YYYY-MM-DD",
        ),
        (
            "date of the wrong type",
            "+++\ndate = true\n+++\nThe ministry denied the report.\n",
            "not YYYY-MM-DD",
        ),
        (
            "bad plain header date",
            "Title: Plain\nDate: sometime in spring\n\nThe ministry denied the report.\n",
            "not YYYY-MM-DD",
        ),
        (
            "unknown format",
            "+++\nformat = \"poem\"\n+++\nThe ministry denied the report.\n",
            "unknown format",
        ),
    ];
    for (i, (what, doc, warning)) in cases.iter().enumerate() {
        let (j, t) = both(&format!("fm-{i}"), doc.as_bytes());
        let e = stderr(&j);
        assert_eq!(e.lines().count(), 1, "{what}: {e}");
        assert!(e.contains("warning") && e.contains(warning), "{what}: {e}");
        assert!(e.contains("in.txt"), "{what}: names the file: {e}");
        assert_eq!(stderr(&t), e, "{what}: text format warns the same");
        let v = json(&j);
        assert_eq!(
            texts(&v),
            ["The ministry denied the report."],
            "{what}: the body still opens"
        );
        assert_eq!(v["sentences"][0]["section"], "denial", "{what}");
        assert_eq!(v["warnings"].as_array().map(Vec::len), Some(1), "{what}");
    }
}

#[test]
fn the_date_option_overrides_a_bad_front_matter_date() {
    let d = dir("fm-date-option");
    let p = file(
        &d,
        "in.txt",
        b"+++\ndate = \"soon\"\n+++\nThe ministry denied the report yesterday.\n",
    );
    let o = debrief(&["analyze", "--date", "2024-10-23", s(&p)]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["date"], "2024-10-23");
    assert_eq!(v["timeline"][0]["value"], "2024-10-22");
}

#[test]
fn an_unclosed_front_matter_block_is_read_as_body() {
    let (j, _) = both(
        "fm-unclosed",
        b"+++\ntitle = \"Never closed\"\nThe ministry denied the report.\n",
    );
    let v = json(&j);
    assert_eq!(v["title"], serde_json::Value::Null);
    assert!(
        texts(&v)
            .concat()
            .contains("The ministry denied the report.")
    );
}

// ---- help --------------------------------------------------------------------------------

#[test]
fn help_documents_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["analyze", "--help"][..],
        &["help", "analyze"][..],
    ] {
        let o = debrief(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("Exit status: 0 ok, 1 runtime failure, 2 "),
            "{args:?}: {out}"
        );
    }
}

// ---- huge inputs -------------------------------------------------------------------------
// Each of these ran for minutes or hours before the loader's per-hit scans of the whole
// sentence were removed (see the commit that added them); now they finish in seconds.

#[derive(serde::Deserialize)]
struct Counts {
    sentences: Vec<Sentence>,
    paragraphs: usize,
}

#[derive(serde::Deserialize)]
struct Sentence {
    text: String,
}

fn counts(o: &Output) -> Counts {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    assert_clean_bytes("huge", &o.stdout);
    serde_json::from_slice(&o.stdout).expect("JSON")
}

/// Repeats `unit` until the text is `len` bytes long (cut on a char boundary).
fn repeat_to(unit: &str, len: usize) -> String {
    let mut s = unit.repeat(len / unit.len() + 1);
    let mut cut = len;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

#[test]
fn a_single_ten_megabyte_line() {
    // No full stop anywhere: one 10 MB sentence full of reporting verbs, that-clauses,
    // dates, figures, names and quotes.
    let line = repeat_to(
        "The minister said that 1,500 troops moved on 3 March 2024 and Mr. Kim told “reporters” officials denied it, ",
        10_000_000,
    );
    let d = dir("huge-line");
    let p = file(&d, "line.txt", line.as_bytes());
    let c = counts(&debrief(&["analyze", s(&p)]));
    assert_eq!(c.paragraphs, 1);
    assert!(!c.sentences.is_empty());
    assert_eq!(
        squeeze(
            &c.sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>()
        ),
        squeeze(&line)
    );
}

#[test]
fn a_two_million_word_paragraph() {
    const WORDS: &[&str] = &[
        "officials",
        "said",
        "that",
        "the",
        "Ministry",
        "denied",
        "reports",
        "of",
        "3,000",
        "troops",
        "in",
        "May",
        "2023",
        "while",
        "President",
        "Lee",
        "allegedly",
        "told",
        "Yonhap",
        "(and",
        "others)",
        "“it",
        "was",
        "likely”",
        "according",
        "to",
        "them,",
    ];
    let mut text = String::with_capacity(16_000_000);
    for i in 0..2_000_000 {
        if i > 0 {
            // A line break now and then: still one paragraph (no blank line).
            text.push(if i % 1000 == 0 { '\n' } else { ' ' });
        }
        text.push_str(WORDS[i % WORDS.len()]);
    }
    text.push_str("\n\nA second paragraph.");
    let d = dir("huge-paragraph");
    let p = file(&d, "words.txt", text.as_bytes());
    let c = counts(&debrief(&["analyze", s(&p)]));
    assert_eq!(c.paragraphs, 2);
    let words: usize = c
        .sentences
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    assert_eq!(words, 2_000_003);
}

#[test]
fn a_million_one_word_sentences() {
    let text = "Yes. ".repeat(1_000_000);
    let d = dir("huge-sentences");
    let p = file(&d, "yes.txt", text.as_bytes());
    let c = counts(&debrief(&["analyze", s(&p)]));
    assert_eq!(c.sentences.len(), 1_000_000);
    assert!(c.sentences.iter().all(|s| s.text == "Yes."));
}

#[test]
fn very_long_words_and_urls_stay_whole() {
    let word = "a".repeat(300);
    let url = format!(
        "https://example.org/{}?q={}",
        "p/".repeat(140),
        "x".repeat(40)
    );
    let giant = "ü".repeat(100_000);
    let input = format!(
        "The ministry denied {word} today. See {url} for the statement. Then {giant} ended."
    );
    let v = assert_clean("long-words", input.as_bytes());
    let got = texts(&v);
    assert_eq!(
        got.len(),
        3,
        "{:?}",
        got.iter().map(String::len).collect::<Vec<_>>()
    );
    assert!(got[0].contains(&word));
    assert!(got[1].contains(&url));
    assert!(got[2].contains(&giant));
}

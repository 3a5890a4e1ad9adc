//! Hostile text shared by the command-line tests (`tests/hostile.rs`) and the
//! pseudo-terminal tests (`tests/hostile_pty.rs`): every terminal control, bidirectional
//! control and invisible character a document might carry, the payloads they smuggle, and the
//! characters that must never come out.
#![allow(dead_code)]

/// Every kind of terminal control a document might carry, each inside an otherwise ordinary
/// sentence whose words (`The talks failed.`) must survive once it is removed.
pub const CONTROLS: &[(&str, &str)] = &[
    ("clear screen", "The talks \x1b[2Jfailed."),
    (
        "cursor home and erase",
        "The talks \x1b[H\x1b[3J\x1b[Kfailed.",
    ),
    ("sgr colour", "The \x1b[1;31mtalks\x1b[0m failed."),
    (
        "osc 52 clipboard bel",
        "The talks \x1b]52;c;cm0gLXJmIH4=\x07failed.",
    ),
    (
        "osc 52 clipboard st",
        "The talks \x1b]52;c;cm0gLXJmIH4=\x1b\\failed.",
    ),
    ("osc 0 title", "The talks \x1b]0;owned\x07failed."),
    ("osc 2 title st", "The talks \x1b]2;owned\x1b\\failed."),
    (
        "osc 8 hyperlink",
        "The \x1b]8;;https://evil.example/\x07talks\x1b]8;;\x07 failed.",
    ),
    ("dcs", "The talks \x1bP+q544e\x1b\\failed."),
    ("apc", "The talks \x1b_Gpayload\x1b\\failed."),
    ("pm", "The talks \x1b^privacy\x1b\\failed."),
    ("sos", "The talks \x1bXstring\x1b\\failed."),
    ("two-char escapes", "The talks \x1bc\x1b7\x1b8\x1bMfailed."),
    ("nF escape", "The talks \x1b(0failed."),
    ("8-bit csi", "The talks \u{9b}2Jfailed."),
    ("8-bit osc", "The talks \u{9d}0;owned\u{9c}failed."),
    ("8-bit dcs", "The talks \u{90}q\u{9c}failed."),
    (
        "c1 controls",
        "The \u{80}\u{84}\u{85}talks \u{8d}\u{8e}\u{8f}\u{9a}failed.",
    ),
    ("bel", "The talks\x07 failed.\x07"),
    ("backspace overstrike", "The talks \x08\x08\x08\x08failed."),
    ("del", "The talks\x7f failed."),
    ("vertical tab and form feed", "The talks\x0b failed\x0c."),
    (
        "other c0",
        "The\x01\x02\x03\x04\x05\x06 talks\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f failed.",
    ),
    ("unterminated csi at end", "The talks failed.\x1b["),
    (
        "unterminated osc at end",
        "The talks failed.\x1b]0;never closed",
    ),
    ("lone esc at end", "The talks failed.\x1b"),
];

/// Strings that occur in [`CONTROLS`] only inside a control sequence (a clipboard payload, a
/// title, a link target, string-control contents): they must vanish with the sequence.
pub const PAYLOADS: &[&str] = &[
    "owned",
    "cm0g",
    "evil.example",
    "544e",
    "payload",
    "privacy",
    "never closed",
];

/// Bidirectional controls and invisible characters, each in a sentence: (what, input, the
/// sentence once they are removed).
pub const BIDI: &[(&str, &str, &str)] = &[
    // Trojan-source style: an override makes "denied" read backwards.
    (
        "rlo/pdf",
        "The minister \u{202E}deined\u{202C} the report.",
        "The minister deined the report.",
    ),
    (
        "lre/rle/lro",
        "The \u{202A}minister\u{202B} denied\u{202D} it.",
        "The minister denied it.",
    ),
    (
        "isolates",
        "The \u{2066}minister\u{2069} \u{2067}denied\u{2069} \u{2068}it\u{2069}.",
        "The minister denied it.",
    ),
    (
        "marks",
        "The \u{200E}minister\u{200F} denied\u{061C} it.",
        "The minister denied it.",
    ),
    (
        "zero widths",
        "The mini\u{200B}ster de\u{200C}nied \u{2060}it\u{FEFF}.",
        "The minister denied it.",
    ),
    (
        "zwj between ascii letters",
        "The mini\u{200D}ster denied it.",
        "The minister denied it.",
    ),
    (
        "invisible operators and annotations",
        "The minister\u{2062} denied\u{FFF9}x\u{FFFA}y\u{FFFB} it.",
        "The minister deniedxy it.",
    ),
];

/// Characters that must never reach the output: C0 controls (a newline is allowed only as
/// a line end of the output itself, checked separately), DEL, C1 controls, bidirectional
/// embeddings, overrides and isolates, and invisible zero-width and format characters.
pub fn forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

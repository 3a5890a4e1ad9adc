//! Paths as messages show them, for every layer that names a file (the command line, the
//! library, the corrections): below all of them, so none reaches up into another.

use std::path::Path;

/// A path as messages show it: control, bidirectional and zero-width characters are escaped
/// (`\u{1b}`), so a hostile file name can neither drive the terminal nor break a one-line
/// error.
pub fn shown_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.display().to_string().chars() {
        if c.is_control()
            || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
        {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidirectional_characters_are_escaped() {
        let shown = shown_path(Path::new("a\u{1b}[31m\u{202e}b.txt"));
        assert_eq!(shown, "a\\u{1b}[31m\\u{202e}b.txt");
        assert_eq!(shown_path(Path::new("plain/é.txt")), "plain/é.txt");
    }
}

#[cfg(test)]
mod layering {
    /// The library sits below the command line: none of its files may name `cli`.
    #[test]
    fn the_library_never_imports_the_command_line() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/library");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("src/library is there") {
            let path = entry.expect("a directory entry").path();
            let text = std::fs::read_to_string(&path).expect("a source file");
            seen += 1;
            for (n, line) in text.lines().enumerate() {
                assert!(
                    !line.contains("crate::cli") && !line.contains("cli::"),
                    "{}:{}: the library uses the command line: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
        assert!(seen >= 4, "the library's files were read");
    }
}

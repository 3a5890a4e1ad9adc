//! The crude stemmer of the section model. It depends on nothing else, so that `build.rs`
//! can stem the word classes with the very same function when it builds their table.

/// A crude stem: lower case, the commonest inflections stripped ("accused", "accuses",
/// "accusing" -> "accus"; "denied", "denies" -> "deny"), digits folded to `0`.
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

/// [`stem`] into a reused buffer (cleared first).
pub fn stem_into(word: &str, w: &mut String) {
    w.clear();
    for c in word.chars() {
        match c {
            '0'..='9' => w.push('0'),
            '’' => w.push('\''),
            c if c.is_ascii() => w.push(c.to_ascii_lowercase()),
            c => w.extend(c.to_lowercase()),
        }
    }
    let n = w.len();
    if n > 4 && (w.ends_with("ied") || w.ends_with("ies")) {
        w.truncate(n - 3);
        w.push('y');
        return;
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) && !w.ends_with("ss") {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
}

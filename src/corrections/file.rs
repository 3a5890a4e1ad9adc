//! The corrections file, `NAME.debrief.toml` beside `NAME.txt`: read strictly (a damaged
//! file is an error naming its line, and is never overwritten), written in a fixed,
//! commented layout, atomically: a temporary file in the same folder, flushed to disk,
//! renamed over the old one, and the folder flushed, so a crash at any moment leaves the old
//! file or the new one, never a torn one.

use super::{Corrections, Fix, Key, Merge, apply};
use crate::model::{Briefing, Section, Speaker};
use crate::shown::shown_path;
use serde::Deserialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// What the corrections file's name adds to the briefing's name without its extension.
pub const SUFFIX: &str = ".debrief.toml";
/// The version of the layout this program writes and reads.
pub const VERSION: i64 = 1;

/// The corrections file of a briefing: `NAME.debrief.toml` in the same folder for
/// `NAME.txt` (or `.md`, `.brief`, any extension); `None` for standard input.
pub fn path_for(briefing: &Path) -> Option<PathBuf> {
    if briefing.as_os_str() == "-" {
        return None;
    }
    let stem = briefing.file_stem()?;
    let mut name = stem.to_os_string();
    name.push(SUFFIX);
    Some(briefing.with_file_name(name))
}

/// A corrections file that cannot be read or is damaged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct FileError {
    /// The file, as messages show it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRepr {
    version: Option<Spanned<i64>>,
    #[serde(default)]
    sentence: Vec<Spanned<FixRepr>>,
    #[serde(default)]
    merge: Vec<Spanned<MergeRepr>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixRepr {
    anchor: String,
    hash: Option<String>,
    occurrence: Option<usize>,
    section: Option<Section>,
    speakers: Option<Vec<SpeakerRepr>>,
    note: Option<String>,
}

/// A speaker: `"Name"`, or `{ name = "Name", party = "Party" }`.
#[derive(Deserialize)]
#[serde(untagged)]
enum SpeakerRepr {
    Name(String),
    Full(SpeakerTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeakerTable {
    name: String,
    party: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MergeRepr {
    from: SpeakerRepr,
    into: SpeakerRepr,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn speaker(r: SpeakerRepr) -> Result<Speaker, String> {
    let (name, party) = match r {
        SpeakerRepr::Name(n) => (n, None),
        SpeakerRepr::Full(t) => (t.name, t.party),
    };
    if name.trim().is_empty() {
        return Err("a speaker's name is empty".into());
    }
    Ok(Speaker {
        name: name.trim().to_owned(),
        party: party.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()),
    })
}

/// Parses a corrections file; `name` is what errors call it.
pub fn parse(name: &str, text: &str) -> Result<Corrections, FileError> {
    let fail = |line: Option<usize>, message: String| FileError {
        file: name.to_owned(),
        line,
        message,
    };
    let repr: FileRepr = toml::from_str(text).map_err(|e| {
        fail(
            e.span().map(|s| line_of(text, s.start)),
            e.message().trim_end().replace('\n', " "),
        )
    })?;
    if let Some(v) = &repr.version
        && *v.get_ref() != VERSION
    {
        return Err(fail(
            Some(line_of(text, v.span().start)),
            format!(
                "version {} is not one this debrief reads (it reads {VERSION})",
                v.get_ref()
            ),
        ));
    }
    let mut out = Corrections::default();
    for item in repr.sentence {
        let line = Some(line_of(text, item.span().start));
        let f = item.into_inner();
        if f.anchor.trim().is_empty() {
            return Err(fail(line, "a [[sentence]] has an empty anchor".into()));
        }
        let hash = match f.hash {
            Some(h) => Some(
                u64::from_str_radix(h.trim(), 16)
                    .ok()
                    .filter(|_| h.trim().len() == 16)
                    .ok_or_else(|| {
                        fail(line, format!("hash {h:?} is not 16 hexadecimal digits"))
                    })?,
            ),
            None => None,
        };
        let occurrence = match f.occurrence {
            Some(0) => return Err(fail(line, "occurrence counts from 1".into())),
            Some(n) => n - 1,
            None => 0,
        };
        let speakers = match f.speakers {
            Some(list) => Some(
                list.into_iter()
                    .map(speaker)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|m| fail(line, m))?,
            ),
            None => None,
        };
        out.sentences.push(Fix {
            key: Key {
                anchor: f.anchor,
                hash,
                occurrence,
            },
            section: f.section,
            speakers,
            note: f.note.filter(|n| !n.trim().is_empty()),
        });
    }
    for item in repr.merge {
        let line = Some(line_of(text, item.span().start));
        let m = item.into_inner();
        out.merges.push(Merge {
            from: speaker(m.from).map_err(|e| fail(line, e))?,
            into: speaker(m.into).map_err(|e| fail(line, e))?,
        });
    }
    Ok(out)
}

/// Reads a corrections file: `None` when there is none.
pub fn read(path: &Path) -> Result<Option<Corrections>, FileError> {
    let name = shown_path(path);
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| FileError {
                file: name.clone(),
                line: None,
                message: "is not UTF-8 text".into(),
            })?;
            parse(&name, &text).map(Some)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(FileError {
            file: name,
            line: None,
            message: format!("cannot be read: {e}"),
        }),
    }
}

/// A TOML string (quoted and escaped as TOML wants).
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn speaker_toml(s: &Speaker) -> String {
    match &s.party {
        Some(p) => format!("{{ name = {}, party = {} }}", quoted(&s.name), quoted(p)),
        None => format!("{{ name = {} }}", quoted(&s.name)),
    }
}

/// The file's text for `corrections` of the briefing called `briefing` (its file name).
pub fn to_toml(c: &Corrections, briefing: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Corrections to {} made in debrief; read every time the briefing is opened or analysed.",
        shown_path(Path::new(briefing))
    );
    out.push_str(
        "# The reader rewrites this file at each change; it may also be edited by hand (see the\n\
         # README, \"Corrections\"). Each [[sentence]] finds its sentence by `hash` (of its whole\n\
         # text) or, once the text has changed, by `anchor` (words of it); `section` and\n\
         # `speakers` replace the machine's reading (`speakers = []`: the writer's own voice).\n\
         # Each [[merge]] makes the source `from` speak as `into` (renamed when there is none).\n",
    );
    let _ = writeln!(out, "version = {VERSION}");
    for f in &c.sentences {
        out.push_str("\n[[sentence]]\n");
        let _ = writeln!(out, "anchor = {}", quoted(&f.key.anchor));
        if let Some(h) = f.key.hash {
            let _ = writeln!(out, "hash = {}", quoted(&super::key::hash_hex(h)));
        }
        if f.key.occurrence > 0 {
            let _ = writeln!(out, "occurrence = {}", f.key.occurrence + 1);
        }
        if let Some(s) = f.section {
            let _ = writeln!(out, "section = {}", quoted(s.as_str()));
        }
        if let Some(list) = &f.speakers {
            let items: Vec<String> = list.iter().map(speaker_toml).collect();
            let _ = writeln!(out, "speakers = [{}]", items.join(", "));
        }
        if let Some(n) = &f.note {
            let _ = writeln!(out, "note = {}", quoted(n));
        }
    }
    for m in &c.merges {
        out.push_str("\n[[merge]]\n");
        let _ = writeln!(out, "from = {}", speaker_toml(&m.from));
        let _ = writeln!(out, "into = {}", speaker_toml(&m.into));
    }
    out
}

/// Writes `bytes` to `path` so that it holds the old content or the new, whatever happens:
/// a temporary file beside it (hidden, so no library takes it), written and flushed to disk,
/// renamed over `path`, then the folder flushed so the rename itself is on disk. A file
/// already there keeps its permissions. Temporary files that a killed writer left behind
/// (older than a minute) are removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy()
        .into_owned();
    let prefix = format!(".{name}.");
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(mode))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()?;
    remove_stale(dir, &prefix);
    Ok(())
}

fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let minute = std::time::Duration::from_secs(60);
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !(n.starts_with(prefix) && n.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > minute);
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Saves `corrections` of the briefing at `briefing` to `path`, atomically.
pub fn save(path: &Path, c: &Corrections, briefing: &Path) -> io::Result<()> {
    let name = briefing
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| briefing.display().to_string());
    write_atomic(path, to_toml(c, &name).as_bytes())
}

/// The briefing at `briefing_path` as corrected by its corrections file, if it has one.
/// A damaged or unreadable file is a warning on the briefing, which opens uncorrected.
pub fn open(briefing_path: &Path, machine: Briefing) -> Briefing {
    let Some(path) = path_for(briefing_path) else {
        return machine;
    };
    match read(&path) {
        Ok(None) => machine,
        Ok(Some(c)) => apply(machine, &c),
        Err(e) => {
            let mut b = machine;
            b.warnings
                .push(format!("{e}; the corrections in it were not applied"));
            b
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_sits_beside_the_briefing() {
        assert_eq!(
            path_for(Path::new("a/b/brief.txt")),
            Some(PathBuf::from("a/b/brief.debrief.toml"))
        );
        assert_eq!(
            path_for(Path::new("notes.md")),
            Some(PathBuf::from("notes.debrief.toml"))
        );
        assert_eq!(path_for(Path::new("-")), None);
    }

    #[test]
    fn damage_is_reported_with_its_line() {
        let text = "version = 1\n\n[[sentence]]\nanchor = \"x\"\nsection = \"rumour\"\n";
        let e = parse("c.toml", text).unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        assert!(e.to_string().starts_with("c.toml:5: "), "{e}");
        let e = parse("c.toml", "[[sentence]]\nanchor = \"x\"\nhash = \"zz\"\n").unwrap_err();
        assert!(e.to_string().contains("16 hexadecimal"), "{e}");
        assert_eq!(e.line, Some(1));
        let e = parse("c.toml", "[[sentence]]\nanchr = \"x\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse("c.toml", "version = 7\n").unwrap_err();
        assert!(e.to_string().contains("version 7"), "{e}");
    }

    #[test]
    fn a_hand_written_file_reads() {
        let text = r#"
[[sentence]]
anchor = "denied the report"
section = "denial"
speakers = ["Pyongyang", { name = "KCNA", party = "North Korea" }]

[[merge]]
from = "NIS"
into = { name = "National Intelligence Service", party = "South Korea" }
"#;
        let c = parse("c.toml", text).expect("parses");
        assert_eq!(c.sentences[0].key.hash, None);
        assert_eq!(c.sentences[0].section, Some(Section::Denial));
        let sp = c.sentences[0].speakers.as_ref().unwrap();
        assert_eq!(sp[0].party, None);
        assert_eq!(sp[1].party.as_deref(), Some("North Korea"));
        assert_eq!(c.merges[0].from.name, "NIS");
    }
}

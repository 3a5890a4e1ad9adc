//! The command line: exit codes, one-line errors, JSON and text output.

mod common;

use common::command::{debrief, stderr, with_stdin};
use std::process::Output;

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("one JSON object")
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("writes");
    p
}

#[test]
fn analyze_prints_the_json_of_the_spec() {
    let o = debrief(&["analyze", "assets/briefings/korea-ukraine.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    for key in [
        "title",
        "date",
        "format",
        "sources",
        "sentences",
        "timeline",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let s0 = &v["sentences"][0];
    assert_eq!(s0["id"], 0);
    assert_eq!(s0["paragraph"], 0);
    assert_eq!(s0["section"], "response");
    let src = &v["sources"][s0["speakers"][0].as_u64().expect("speaker id") as usize];
    assert_eq!(src["name"], "South Korea");
    assert_eq!(src["party"], "South Korea");
}

#[test]
fn date_option_sets_the_reference() {
    let o = debrief(&[
        "analyze",
        "--date",
        "2024-10-23",
        "assets/briefings/korea-ukraine.txt",
    ]);
    assert_eq!(json(&o)["date"], "2024-10-23");
    let o = debrief(&[
        "analyze",
        "--date",
        "23/10/2024",
        "assets/briefings/korea-ukraine.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn text_report_groups_by_section() {
    let o = debrief(&[
        "analyze",
        "--format",
        "text",
        "assets/briefings/korea-ukraine.txt",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    for title in [
        "Allegations (",
        "Denials (",
        "Responses (",
        "Context (",
        "Speakers",
        "Timeline",
    ] {
        assert!(out.contains(title), "missing {title}:\n{out}");
    }
    assert!(out.contains("Vassily Nebenzia"));
}

#[test]
fn several_documents_give_json_lines() {
    let a = temp("a.txt", b"Officials said the road was closed.");
    let b = temp("b.txt", b"Both sides denied the report.");
    let o = debrief(&[
        "analyze",
        a.to_str().expect("utf8"),
        b.to_str().expect("utf8"),
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON");
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = with_stdin(
        &["analyze", "-"],
        "+++\ntitle = \"Piped\"\n+++\nThe ministry denied it.".as_bytes(),
    );
    assert!(o.status.success());
    let v = json(&o);
    assert_eq!(v["title"], "Piped");
    assert_eq!(v["sentences"][0]["section"], "denial");
}

#[test]
fn missing_file_is_a_one_line_error_with_status_2() {
    let o = debrief(&["analyze", "no/such/briefing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains("no/such/briefing.txt") && e.contains("no such file"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn a_folder_without_briefings_is_refused() {
    let o = debrief(&["analyze", "assets"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no briefings in this folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn binary_input_is_refused() {
    let p = temp("bin.dat", b"\x7fELF\x00\x01\x02");
    let o = debrief(&["analyze", p.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("looks like a binary file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn invalid_utf8_is_a_warning_not_an_error() {
    let p = temp("bad.txt", b"The minister denied it \xff today.");
    let o = debrief(&["analyze", p.to_str().expect("utf8")]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("warning: invalid UTF-8"),
        "{}",
        stderr(&o)
    );
    assert!(
        json(&o)["sentences"][0]["text"]
            .as_str()
            .expect("text")
            .contains('\u{FFFD}')
    );
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let p = temp(
        "esc.txt",
        b"Officials said \x1b]52;c;ZXZpbA==\x07the \x1b[2Jtalks \x1b[31mfailed\x1b[0m.",
    );
    let o = debrief(&["analyze", p.to_str().expect("utf8")]);
    assert!(!o.stdout.contains(&0x1b), "ESC in output");
    assert_eq!(
        json(&o)["sentences"][0]["text"],
        "Officials said the talks failed."
    );
}

#[test]
fn bad_usage_is_status_2() {
    assert_eq!(debrief(&["analyze"]).status.code(), Some(2));
    assert_eq!(debrief(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(
        debrief(&["analyze", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
}

#[test]
fn help_and_version() {
    let o = debrief(&["--help"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Exit status"));
    let o = debrief(&["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("debrief "));
}

#[test]
fn empty_input_gives_an_empty_analysis() {
    let p = temp("empty.txt", b"  \n\n \t\n");
    let o = debrief(&["analyze", p.to_str().expect("utf8")]);
    assert!(o.status.success());
    assert_eq!(json(&o)["sentences"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_folder_gives_one_json_line_per_briefing_with_its_path() {
    let o = debrief(&["analyze", "--format", "json", "tests/fixtures/library"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    // Discovery order (by path), not date order.
    let paths: Vec<_> = lines.iter().map(|v| v["path"].clone()).collect();
    assert_eq!(
        paths,
        [
            "tests/fixtures/library/2025-03-12-port-strike.txt",
            "tests/fixtures/library/2025-03-14-port-talks.md",
            "tests/fixtures/library/undated-briefing.brief",
        ]
    );
    assert_eq!(lines[0]["title"], "Missile strike on the port of Odesa");
    assert!(lines[2]["sentences"].is_array());
    // The skipped subfolder and file are noted, one line each.
    let e = stderr(&o);
    assert!(e.contains("notes.pdf: not a briefing"), "{e}");
    assert!(e.contains("archive: a subfolder (use --recursive)"), "{e}");

    let o = debrief(&["analyze", "--recursive", "tests/fixtures/library"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 4);
}

#[test]
fn a_single_file_prints_as_before_without_a_path() {
    let o = debrief(&["analyze", "tests/fixtures/library/undated-briefing.brief"]);
    assert!(json(&o).get("path").is_none());
}

#[test]
fn an_empty_folder_is_one_line_and_status_2() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = debrief(&["analyze", dir.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("no briefings in this folder"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn a_missing_path_among_several_is_one_line_and_status_2() {
    let o = debrief(&["analyze", "tests/fixtures/library", "no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.ends_with("debrief: no/such/folder: no such file or folder\n"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn a_failing_briefing_in_a_folder_is_a_warning_and_the_others_print() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-cli-mixed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("a.txt"), "The ministry denied the report.").expect("writes");
    std::fs::write(dir.join("b.txt"), b"\x7fELF\x00\x01").expect("writes");
    std::fs::write(dir.join("c.md"), "Officials said the road was closed.").expect("writes");
    let o = debrief(&["analyze", dir.to_str().expect("utf8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("b.txt: looks like a binary file"), "{e}");

    // Nothing could be analysed: status 2.
    let only_bad = dir.join("bad");
    std::fs::create_dir_all(&only_bad).expect("temp dir");
    std::fs::write(only_bad.join("b.txt"), b"\x00").expect("writes");
    let o = debrief(&["analyze", only_bad.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn text_reports_of_several_briefings_have_a_header_each() {
    let o = debrief(&["analyze", "--format", "text", "tests/fixtures/library"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        out.matches("==> tests/fixtures/library/").count(),
        3,
        "{out}"
    );
    assert!(
        out.starts_with(
            "==> tests/fixtures/library/2025-03-12-port-strike.txt <==\nMissile strike"
        )
    );
}

#[test]
fn the_reader_opens_a_folder_as_a_library_with_one_line_errors() {
    // A missing path or a folder with no briefing: one line, status 2, no terminal touched.
    let o = debrief(&["tests/fixtures/no-such-folder", "tests/fixtures/library"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    let empty = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("temp dir");
    let o = debrief(&[empty.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    // A good folder is taken (with notes for what was skipped); here stdout is no terminal.
    let o = debrief(&["tests/fixtures/library"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("note: skipped"), "{e}");
    assert!(
        e.lines().last().unwrap_or("").contains("not a terminal"),
        "{e}"
    );
}

#[test]
fn quiet_silences_the_skipped_notes() {
    let out = common::command::debrief(&["analyze", "tests/fixtures/library"]);
    assert!(out.status.success());
    assert!(common::command::stderr(&out).contains("note: skipped"));
    let out = common::command::debrief(&["analyze", "--quiet", "tests/fixtures/library"]);
    assert!(out.status.success());
    assert_eq!(common::command::stderr(&out), "");
}

#[test]
fn a_model_file_that_cannot_be_used_is_a_one_line_error() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-bad-model");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "[analysis]\nmodel = \"broken.toml\"\n").unwrap();
    std::fs::write(dir.join("broken.toml"), "sections = 3\n").unwrap();
    let analyze = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_debrief"))
            .args(["analyze", "--config"])
            .arg(&config)
            .arg("tests/fixtures/press-briefing.txt")
            .output()
            .unwrap()
    };
    let out = analyze();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.toml"), "{err}");
    std::fs::remove_file(dir.join("broken.toml")).unwrap();
    let out = analyze();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the model"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn train_reports_cross_validation_and_writes_weights_that_analyze_uses() {
    // A tiny gold-read corpus written for this test: two briefings of every section.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-train");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docs = [
        (
            "a",
            "The agency accused the militia of smuggling rifles. The militia denied the charge as false. The council condemned the smuggling. The port opened in 1990.",
        ),
        (
            "b",
            "Officials alleged that the army shelled the town. The army rejected the claims as baseless. The union urged restraint. The town has ten thousand people.",
        ),
        (
            "c",
            "Inspectors said the firm hacked the ministry. The firm dismissed the report as fabricated. Parliament demanded an inquiry. The firm was founded in 2001.",
        ),
    ];
    let sections = ["allegation", "denial", "response", "context"];
    for (name, text) in docs {
        std::fs::write(
            dir.join(format!("{name}.txt")),
            format!(
                "+++\ntitle = \"{name}\"\ndate = 2024-05-01\nformat = \"article\"\n+++\n{text}\n"
            ),
        )
        .unwrap();
        let mut gold = String::new();
        for (s, sec) in text.split(". ").zip(sections) {
            let anchor = s.trim_end_matches('.');
            gold.push_str(&format!(
                "[[sentence]]\nanchor = \"{anchor}\"\nsection = \"{sec}\"\nspeakers = []\n\n"
            ));
        }
        std::fs::write(dir.join(format!("{name}.gold.toml")), gold).unwrap();
    }
    let weights = dir.join("w.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(["train", "--folds", "3", "--min-count", "1", "-o"])
        .arg(&weights)
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("3 briefings, 12 gold sentences"),
        "{report}"
    );
    assert!(report.contains("pooled: sentences 12"), "{report}");
    let written = std::fs::read_to_string(&weights).unwrap();
    let model = debrief::loader::SectionModel::parse(&written).expect("parses");
    assert_eq!(model.training.files.len(), 3);
    assert!(
        model.training.files[0].file.ends_with("/a.txt"),
        "{:?}",
        model.training.files[0]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
